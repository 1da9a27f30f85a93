/**
 * The relay's settings, read from environment variables (process.env under Node, the
 * Worker's `env` on Cloudflare). Every problem is reported in French, naming the variable,
 * and never echoing a secret.
 */

/** GitHub OAuth scopes the relay may ask for: Decap needs write access to the repository. */
export const SCOPES = ['public_repo', 'repo'] as const;
export type Scope = (typeof SCOPES)[number];

export interface RelayConfig {
  /** `GITHUB_CLIENT_ID`: the OAuth App's client id. Required. */
  clientId: string;
  /** `GITHUB_CLIENT_SECRET`: the OAuth App's client secret; also signs the state cookie. Required. */
  clientSecret: string;
  /**
   * `ALLOWED_ORIGINS`: origins of the sites whose editor may receive a token (comma or space
   * separated, e.g. `https://owner.github.io`). The token is posted to these origins only.
   * Required.
   */
  allowedOrigins: string[];
  /**
   * `GITHUB_SCOPE`: `public_repo` (public repositories only, the default) or `repo` (also
   * private repositories, and every private repository the person can write to).
   */
  scope: Scope;
  /** `GITHUB_BASE_URL`: where GitHub's `/login/oauth/*` endpoints are; `https://github.com` unless testing. */
  githubBaseUrl: string;
  /**
   * `RELAY_URL`: the relay's public origin, for the callback URL sent to GitHub and the
   * cookie's `Secure` flag. By default the address of each request, which is right on
   * Cloudflare but not behind a proxy that terminates HTTPS.
   */
  relayUrl?: string;
}

export class RelayConfigError extends Error {
  override name = 'RelayConfigError';
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function parseUrl(value: string, variable: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new RelayConfigError(`${variable} n’est pas une adresse valide : « ${value} ».`);
  }
}

/** https, or http on this machine (tests and local trials). */
function checkProtocol(url: URL, value: string, variable: string): void {
  const local = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !local) {
    throw new RelayConfigError(
      `${variable} doit être en https (http n’est accepté que pour 127.0.0.1 ou localhost) : « ${value} ».`,
    );
  }
}

/** An origin exactly as a browser writes `event.origin`: scheme, host, port, nothing else. */
function parseOrigin(value: string, variable: string): string {
  const url = parseUrl(value, variable);
  checkProtocol(url, value, variable);
  if (value.replace(/\/$/, '') !== url.origin) {
    throw new RelayConfigError(
      `${variable} attend une origine, sans chemin : « ${url.origin} » et non « ${value} »` +
        (variable === 'ALLOWED_ORIGINS'
          ? ' (pour un site GitHub Pages de projet, l’origine est https://propriétaire.github.io).'
          : ' (le relais répond à la racine de son adresse).'),
    );
  }
  return url.origin;
}

function required(env: Record<string, string | undefined>, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new RelayConfigError(`La variable ${name} est obligatoire (voir services/cms-auth/README.md).`);
  return value;
}

/** Reads and checks the settings; throws a `RelayConfigError` that names the faulty variable. */
export function readConfig(env: Record<string, string | undefined>): RelayConfig {
  const clientId = required(env, 'GITHUB_CLIENT_ID');
  const clientSecret = required(env, 'GITHUB_CLIENT_SECRET');
  const origins = required(env, 'ALLOWED_ORIGINS')
    .split(/[\s,]+/)
    .filter(Boolean);
  const allowedOrigins = [...new Set(origins.map((origin) => parseOrigin(origin, 'ALLOWED_ORIGINS')))];

  const scope = (env['GITHUB_SCOPE']?.trim() || 'public_repo') as Scope;
  if (!SCOPES.includes(scope)) {
    throw new RelayConfigError(`GITHUB_SCOPE vaut « ${scope} » : valeurs possibles ${SCOPES.join(', ')}.`);
  }

  const base = env['GITHUB_BASE_URL']?.trim() || 'https://github.com';
  const baseUrl = parseUrl(base, 'GITHUB_BASE_URL');
  checkProtocol(baseUrl, base, 'GITHUB_BASE_URL');

  const config: RelayConfig = {
    clientId,
    clientSecret,
    allowedOrigins,
    scope,
    githubBaseUrl: baseUrl.href.replace(/\/+$/, ''),
  };
  const relay = env['RELAY_URL']?.trim();
  // An origin: Decap only accepts messages whose origin is exactly its `base_url`.
  if (relay) config.relayUrl = parseOrigin(relay, 'RELAY_URL');
  return config;
}
