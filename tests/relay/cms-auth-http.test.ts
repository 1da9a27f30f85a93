/**
 * The relay's HTTP answers, through its Cloudflare Worker entry called in this process
 * (what `wrangler deploy` ships), against the GitHub stand-in on 127.0.0.1.
 */
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import worker from '../../services/cms-auth/src/worker.ts';
import { startGitHubStandIn, type GitHubStandIn } from '../helpers/github-oauth-stand-in.ts';

const CLIENT = { id: 'Iv1.httptest', secret: 'secret-http' };
const RELAY = 'http://relay.test';
const SITE = 'https://owner.github.io';

let github: GitHubStandIn;
let env: Record<string, string>;

beforeAll(async () => {
  github = await startGitHubStandIn(CLIENT);
  env = {
    GITHUB_CLIENT_ID: CLIENT.id,
    GITHUB_CLIENT_SECRET: CLIENT.secret,
    ALLOWED_ORIGINS: `${SITE}, http://127.0.0.1:4321`,
    GITHUB_BASE_URL: github.url,
  };
});

afterAll(() => github.close());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const get = (path: string, headers: Record<string, string> = {}, bindings = env) =>
  Promise.resolve(worker.fetch(new Request(`${RELAY}${path}`, { headers }), bindings));

/** What Decap's popup asks for first; returns the cookie to send back and GitHub's authorize address. */
async function startLogin(bindings = env): Promise<{ response: Response; cookie: string; authorize: URL }> {
  const response = await get('/auth?provider=github&site_id=owner.github.io&scope=repo', {}, bindings);
  const setCookie = response.headers.get('set-cookie') ?? '';
  return {
    response,
    cookie: setCookie.split(';')[0] ?? '',
    authorize: new URL(response.headers.get('location') ?? 'about:blank'),
  };
}

/** Lets the stand-in issue a code for this login, as GitHub would on consent. */
async function consent(authorize: URL): Promise<URL> {
  const answer = await fetch(authorize, { redirect: 'manual' });
  return new URL(answer.headers.get('location') ?? 'about:blank');
}

/** The JSON block the callback page hands to its script. */
function handshakeOf(html: string): { hello: string; origins: string[]; message: string } {
  const block = /<script type="application\/json" id="handshake">(.*?)<\/script>/s.exec(html)?.[1];
  if (!block) throw new Error(`pas de handshake dans la page :\n${html}`);
  return JSON.parse(block) as { hello: string; origins: string[]; message: string };
}

describe('the relay over HTTP', () => {
  it('sends Decap’s popup to GitHub with its own scope, its callback and a state kept in a signed cookie', async () => {
    const { response, cookie, authorize } = await startLogin();
    expect(response.status).toBe(302);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${github.url}/login/oauth/authorize`);
    const params = Object.fromEntries(authorize.searchParams);
    // Decap asked for `repo`; the relay's GITHUB_SCOPE (public_repo by default) decides.
    expect(params).toEqual({
      client_id: CLIENT.id,
      redirect_uri: `${RELAY}/callback`,
      scope: 'public_repo',
      state: expect.stringMatching(/^[\w-]{43}$/) as unknown,
    });
    expect(cookie).toMatch(new RegExp(`^kpa_cms_auth_state=${params['state'] ?? ''}\\.\\d+\\.[\\w%]+$`));
    expect(response.headers.get('set-cookie')).toMatch(/; Max-Age=600; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('uses a __Host- Secure cookie and the public callback when RELAY_URL is https', async () => {
    const { cookie, authorize, response } = await startLogin({ ...env, RELAY_URL: 'https://auth.example.org' });
    expect(authorize.searchParams.get('redirect_uri')).toBe('https://auth.example.org/callback');
    expect(cookie).toMatch(/^__Host-kpa_cms_auth_state=/);
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('refuses a provider other than github with a French page and no cookie', async () => {
    const response = await get('/auth?provider=gitlab&site_id=x');
    expect(response.status).toBe(400);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toContain('<h1>Fournisseur inconnu</h1>');
  });

  it('serves the token page with a CSP that allows its one inline script by hash, no-store and no referrer', async () => {
    const { cookie, authorize } = await startLogin();
    const back = await consent(authorize);
    const response = await get(`/callback${back.search}`, { cookie });
    const html = await response.text();
    expect(response.status).toBe(200);

    const script = /<script>(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    const style = /<style>(.*?)<\/style>/s.exec(html)?.[1] ?? '';
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(response.headers.get('content-security-policy')).toBe(
      `default-src 'none'; script-src ${hash(script)}; style-src ${hash(style)}; img-src 'none'; ` +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    // The state cookie is spent.
    expect(response.headers.get('set-cookie')).toMatch(/^kpa_cms_auth_state=; Max-Age=0/);

    expect(handshakeOf(html)).toEqual({
      hello: 'authorizing:github',
      origins: [SITE, 'http://127.0.0.1:4321'],
      message: `authorization:github:success:{"token":"${github.token}","provider":"github"}`,
      waitMs: 5000,
      text: expect.any(Object) as unknown,
    });
    expect(html).toContain('<html lang="fr">');
  });

  it('reports a refused code exchange in French, to the page and to Decap, without a token', async () => {
    const { cookie, authorize } = await startLogin();
    const back = await consent(authorize);
    back.searchParams.set('code', 'not-issued');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const response = await get(`/callback${back.search}`, { cookie });
    const html = await response.text();
    expect(response.status).toBe(502);
    expect(html).toContain('<h1>Échec de la connexion à GitHub</h1>');
    expect(handshakeOf(html).message).toBe(
      'authorization:github:error:{"message":"GitHub n’a pas donné d’autorisation (bad_verification_code). ' +
        'Fermez cette fenêtre et reconnectez-vous depuis l’éditeur ; si cela se répète, prévenez les personnes qui gèrent le site."}',
    );
    expect(html).not.toContain('gho_');
    expect(warn).toHaveBeenCalledWith('cms-auth: échange du code refusé (bad_verification_code)');
  });

  it('refuses a state without its cookie, with a cookie this relay did not sign, and after ten minutes', async () => {
    const { cookie, authorize } = await startLogin();
    const { cookie: otherCookie } = await startLogin({ ...env, GITHUB_CLIENT_SECRET: 'another-secret' });
    const back = await consent(authorize);
    const exchanges = github.tokenRequests.length;

    const noCookie = await get(`/callback${back.search}`);
    const wrongSecret = await get(`/callback${back.search}`, {
      cookie: otherCookie.replace(/=[^.]+/, `=${back.searchParams.get('state') ?? ''}`),
    });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 601_000);
    const late = await get(`/callback${back.search}`, { cookie });

    for (const response of [noCookie, wrongSecret, late]) {
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('<h1>Vérification de sécurité échouée</h1>');
    }
    expect(github.tokenRequests.length).toBe(exchanges);
  });

  it('answers a misconfigured Worker with the faulty variable’s name, never a secret', async () => {
    const response = await get(
      '/auth?provider=github',
      {},
      { ...env, ALLOWED_ORIGINS: 'https://owner.github.io/guide' },
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toBe(
      'Relais de connexion mal configuré : ALLOWED_ORIGINS attend une origine, sans chemin : « https://owner.github.io » ' +
        'et non « https://owner.github.io/guide » (pour un site GitHub Pages de projet, l’origine est https://propriétaire.github.io).',
    );
    expect(text).not.toContain(CLIENT.secret);
  });
});
