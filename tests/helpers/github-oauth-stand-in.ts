/**
 * A stand-in for GitHub's OAuth endpoints on 127.0.0.1, for the relay's tests: nothing
 * leaves the machine. `/login/oauth/authorize` answers at once, as if the person had
 * clicked (`mode` says what they did); `/login/oauth/access_token` trades a code it issued
 * for `TOKEN`, once, and only with the right client id and secret.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the authorize endpoint does: grant, refuse, or grant with a forged `state`. */
export type AuthorizeMode = 'grant' | 'deny' | 'forged-state';

export interface AuthorizeRequest {
  clientId: string | null;
  redirectUri: string | null;
  scope: string | null;
  state: string | null;
}

export interface TokenRequest {
  accept: string | undefined;
  clientId: string | null;
  code: string | null;
  redirectUri: string | null;
  granted: boolean;
}

export interface GitHubStandIn {
  url: string;
  /** The token the stand-in hands out. */
  token: string;
  mode: AuthorizeMode;
  authorizations: AuthorizeRequest[];
  tokenRequests: TokenRequest[];
  close: () => Promise<void>;
}

export async function startGitHubStandIn(client: { id: string; secret: string }): Promise<GitHubStandIn> {
  const issued = new Set<string>();
  const standIn: GitHubStandIn = {
    url: '',
    token: `gho_${randomBytes(18).toString('hex')}`,
    mode: 'grant',
    authorizations: [],
    tokenRequests: [],
    close: () => Promise.resolve(),
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/login/oauth/authorize') {
      const q = url.searchParams;
      const request: AuthorizeRequest = {
        clientId: q.get('client_id'),
        redirectUri: q.get('redirect_uri'),
        scope: q.get('scope'),
        state: q.get('state'),
      };
      standIn.authorizations.push(request);
      if (request.clientId !== client.id || !request.redirectUri) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('unknown client');
        return;
      }
      const back = new URL(request.redirectUri);
      if (standIn.mode === 'deny') {
        back.searchParams.set('error', 'access_denied');
        back.searchParams.set('error_description', 'The user has denied your application access.');
        back.searchParams.set('state', request.state ?? '');
      } else {
        const code = randomBytes(10).toString('hex');
        issued.add(code);
        back.searchParams.set('code', code);
        back.searchParams.set('state', standIn.mode === 'forged-state' ? 'forged' : (request.state ?? ''));
      }
      res.writeHead(302, { location: back.href }).end();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/login/oauth/access_token') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const code = form.get('code');
        const granted =
          form.get('client_id') === client.id &&
          form.get('client_secret') === client.secret &&
          code !== null &&
          issued.delete(code);
        standIn.tokenRequests.push({
          accept: req.headers.accept,
          clientId: form.get('client_id'),
          code,
          redirectUri: form.get('redirect_uri'),
          granted,
        });
        // GitHub's own shapes: 200 either way, an `error` field when refused.
        const answer = granted
          ? { access_token: standIn.token, token_type: 'bearer', scope: 'public_repo' }
          : { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
      return;
    }
    res.writeHead(404).end();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  standIn.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => {
        resolve();
      });
    });
  return standIn;
}
