/**
 * The relay as a Hono app: the same code runs under Node (`node.ts`) and as a Cloudflare
 * Worker (`worker.ts`). Nothing is stored on the server: the OAuth `state` travels in a
 * signed, HttpOnly, SameSite=Lax cookie that lives ten minutes.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import type { RelayConfig } from './config.ts';
import { HANDSHAKE_WAIT_MS, renderPage, type Page } from './page.ts';

/** The only provider this relay serves; Decap's messages are prefixed with it. */
const PROVIDER = 'github';
const STATE_COOKIE = 'kpa_cms_auth_state';
const STATE_LIFETIME_SECONDS = 600;
const TOKEN_TIMEOUT_MS = 10_000;

export interface RelayOptions {
  /** The `fetch` used to reach GitHub's token endpoint (tests may pass their own). */
  fetch?: typeof fetch;
}

/** 32 random bytes, base64url: the OAuth `state`. */
function randomState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

const MESSAGES = {
  unknownProvider: {
    title: 'Fournisseur inconnu',
    detail: 'Ce relais ne sert qu’à se connecter à GitHub depuis l’éditeur du guide (provider=github).',
  },
  denied: {
    title: 'Connexion refusée',
    detail:
      'Vous avez refusé l’accès à GitHub : l’éditeur ne peut rien enregistrer sans cette autorisation. ' +
      'Si c’était une erreur, fermez cette fenêtre et cliquez de nouveau sur « Se connecter avec GitHub ».',
  },
  badState: {
    title: 'Vérification de sécurité échouée',
    detail:
      'La réponse de GitHub ne correspond à aucune demande de connexion partie de ce navigateur, ' +
      'ou la demande a plus de dix minutes. Fermez cette fenêtre et reconnectez-vous depuis l’éditeur.',
  },
  noCode: {
    title: 'Réponse de GitHub incomplète',
    detail: 'GitHub n’a pas renvoyé de code d’autorisation. Fermez cette fenêtre et reconnectez-vous depuis l’éditeur.',
  },
  success: {
    title: 'Connexion réussie',
    detail: 'Vous êtes connecté à GitHub. Cette fenêtre transmet l’autorisation à l’éditeur, puis se ferme.',
  },
} satisfies Record<string, Page>;

const STATUS_TEXT = {
  noOpener:
    'Cette fenêtre n’a pas été ouverte par l’éditeur du guide : rien n’a été transmis. ' +
    'Ouvrez l’éditeur (/admin/) et cliquez sur « Se connecter avec GitHub ».',
  sent: 'Autorisation transmise à l’éditeur.',
  noAnswer:
    'L’éditeur qui a ouvert cette fenêtre n’est pas à une adresse autorisée pour ce relais : rien ne lui a été ' +
    'transmis. Vérifiez ALLOWED_ORIGINS (voir services/cms-auth/README.md).',
};

function githubError(code: string): Page {
  return {
    title: 'Échec de la connexion à GitHub',
    detail: `GitHub n’a pas donné d’autorisation (${code}). Fermez cette fenêtre et reconnectez-vous depuis l’éditeur ; si cela se répète, prévenez les personnes qui gèrent le site.`,
  };
}

/** An error code from GitHub, kept only if it looks like one (it ends up in a page and a log). */
function errorCode(value: unknown): string {
  return typeof value === 'string' && /^[a-z_]{1,64}$/.test(value) ? value : 'réponse inattendue';
}

export function createRelay(config: RelayConfig, options: RelayOptions = {}): Hono {
  const fetchImpl = options.fetch ?? fetch;
  const app = new Hono();

  /** The relay's public origin: `RELAY_URL`, or the request's. */
  const relayOrigin = (c: Context) => config.relayUrl ?? new URL(c.req.url).origin;

  const cookieOptions = (c: Context): CookieOptions => {
    // `__Host-` (Secure, Path=/, no Domain) whenever the relay is served over https.
    const secure = relayOrigin(c).startsWith('https:');
    return {
      path: '/',
      httpOnly: true,
      // Lax, not Strict: GitHub's redirect to /callback is a cross-site navigation.
      sameSite: 'Lax',
      secure,
      ...(secure && { prefix: 'host' }),
    };
  };

  /** A page in the popup that hands `message` to Decap through the handshake. */
  const page = async (c: Context, status: 200 | 400 | 403 | 502, content: Page, message: string) => {
    const rendered = await renderPage(content, {
      hello: `authorizing:${PROVIDER}`,
      origins: config.allowedOrigins,
      message,
      waitMs: HANDSHAKE_WAIT_MS,
      text: STATUS_TEXT,
    });
    return c.body(rendered.body, status, rendered.headers);
  };
  /** Decap shows the message's text on its login screen: the same French sentence as the page. */
  const failure = (c: Context, status: 400 | 403 | 502, content: Page) =>
    page(c, status, content, `authorization:${PROVIDER}:error:${JSON.stringify({ message: content.detail })}`);

  async function exchangeCode(code: string, redirectUri: string): Promise<{ token: string } | { error: string }> {
    let response: Response;
    try {
      response = await fetchImpl(`${config.githubBaseUrl}/login/oauth/access_token`, {
        method: 'POST',
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded',
          'User-Agent': 'kpa-cite-cms-auth',
        },
        body: new URLSearchParams({
          client_id: config.clientId,
          client_secret: config.clientSecret,
          code,
          redirect_uri: redirectUri,
        }),
        signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
      });
    } catch {
      return { error: 'GitHub ne répond pas' };
    }
    if (!response.ok) return { error: `HTTP ${response.status}` };
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return { error: 'réponse illisible' };
    }
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const token = fields['access_token'];
    // GitHub answers a refused exchange with 200 and `{ "error": "bad_verification_code", … }`.
    if (typeof token === 'string' && token !== '') return { token };
    return { error: errorCode(fields['error']) };
  }

  app.get('/', (c) =>
    c.text(
      'Relais de connexion GitHub pour l’éditeur du guide KPA-Cité (Decap CMS). Voir services/cms-auth/README.md.',
      200,
      { 'Cache-Control': 'no-store' },
    ),
  );

  // Browsers ask for it on every page; an empty answer keeps the popup's console quiet.
  app.get('/favicon.ico', (c) => c.body(null, 204, { 'Cache-Control': 'public, max-age=86400' }));

  // Decap opens `<base_url>/<auth_endpoint>?provider=github&site_id=…&scope=…`. The scope
  // it asks for is ignored: the relay's GITHUB_SCOPE decides what the token may do.
  app.get('/auth', async (c) => {
    if (c.req.query('provider') !== PROVIDER) {
      const rendered = await renderPage(MESSAGES.unknownProvider);
      return c.body(rendered.body, 400, rendered.headers);
    }
    const state = randomState();
    // The issue time is signed with the state: the cookie's Max-Age binds the browser, this binds the relay.
    await setSignedCookie(c, STATE_COOKIE, `${state}.${String(Date.now())}`, config.clientSecret, {
      ...cookieOptions(c),
      maxAge: STATE_LIFETIME_SECONDS,
    });
    const authorize = new URL(`${config.githubBaseUrl}/login/oauth/authorize`);
    authorize.search = new URLSearchParams({
      client_id: config.clientId,
      redirect_uri: `${relayOrigin(c)}/callback`,
      scope: config.scope,
      state,
    }).toString();
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.redirect(authorize.href, 302);
  });

  app.get('/callback', async (c) => {
    const options = cookieOptions(c);
    const signed = await getSignedCookie(c, config.clientSecret, STATE_COOKIE, options.prefix);
    // One use only, whatever happens next.
    deleteCookie(c, STATE_COOKIE, options);
    const [expected, issuedAt] = typeof signed === 'string' ? signed.split('.') : [];
    const fresh = Date.now() - Number(issuedAt) <= STATE_LIFETIME_SECONDS * 1000;

    const error = c.req.query('error');
    if (error === 'access_denied') return failure(c, 403, MESSAGES.denied);
    if (error) return failure(c, 403, githubError(errorCode(error)));

    const state = c.req.query('state');
    if (!state || !expected || state !== expected || !fresh) return failure(c, 403, MESSAGES.badState);

    const code = c.req.query('code');
    if (!code) return failure(c, 400, MESSAGES.noCode);

    const result = await exchangeCode(code, `${relayOrigin(c)}/callback`);
    if ('error' in result) {
      console.warn(`cms-auth: échange du code refusé (${result.error})`);
      return failure(c, 502, githubError(result.error));
    }
    return page(
      c,
      200,
      MESSAGES.success,
      `authorization:${PROVIDER}:success:${JSON.stringify({ token: result.token, provider: PROVIDER })}`,
    );
  });

  app.notFound((c) => c.text('Adresse inconnue sur ce relais (seules /auth et /callback existent).', 404));
  app.onError((err, c) => {
    console.error('cms-auth:', err);
    return c.text('Erreur interne du relais de connexion.', 500, { 'Cache-Control': 'no-store' });
  });
  return app;
}
