/**
 * The GitHub login relay (services/cms-auth) end to end in Chromium, with nothing leaving
 * the machine: a stand-in for GitHub's OAuth endpoints, the relay started with Node, and
 * an "editor" page on another origin that logs in with Decap's own popup code
 * (decap-cms-lib-auth's `NetlifyAuthenticator`, what the github backend calls).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type RunningBrowser } from '../helpers/browser.ts';
import { startGitHubStandIn, type AuthorizeMode, type GitHubStandIn } from '../helpers/github-oauth-stand-in.ts';
import { spawnRelay, type SpawnedRelay } from '../helpers/cms-auth-relay.ts';

// decap-cms-app depends on it: the very file Decap's github backend runs in /admin/.
const DECAP_AUTH = readFileSync(createRequire(import.meta.url).resolve('decap-cms-lib-auth'), 'utf8');

const CLIENT = { id: 'Iv1.relaytest', secret: 'secret-de-test' };

interface Opener {
  url: string;
  close: () => Promise<void>;
}

/** What the editor page saw: every message from another window, Decap's callback, popup closings. */
interface OpenerRecord {
  received: { origin: string; data: string }[];
  outcome: { error: string } | { data: { token: string; provider: string } } | null;
  closeCalls: number;
}

/**
 * The editor's role, on its own 127.0.0.1 port (its own origin). Decap closes the popup
 * once it has an answer; this page only counts the closings, so that the test can still
 * read what the popup says.
 */
async function startOpener(relayUrl: () => string): Promise<Opener> {
  const server = createServer((req, res) => {
    if (req.url === '/decap-cms-lib-auth.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(DECAP_AUTH);
      return;
    }
    if (req.url !== '/') {
      res.writeHead(404).end();
      return;
    }
    const page = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Éditeur</title></head>
<body>
<button id="login" type="button">Se connecter avec GitHub</button>
<script>window.DecapCmsDefaultExports = { Immutable: {} };</script>
<script src="/decap-cms-lib-auth.js"></script>
<script>
  window.record = { received: [], outcome: null, closeCalls: 0 };
  addEventListener('message', (e) => record.received.push({ origin: e.origin, data: String(e.data) }));
  document.getElementById('login').addEventListener('click', () => {
    const auth = new DecapCmsLibAuth.NetlifyAuthenticator({ base_url: ${JSON.stringify(relayUrl())} });
    auth.authenticate({ provider: 'github', scope: 'public_repo' }, (err, data) => {
      record.outcome = err ? { error: String(err) } : { data };
    });
    const popup = auth.authWindow;
    auth.authWindow = {
      postMessage: (message, origin) => popup.postMessage(message, origin),
      close: () => { record.closeCalls += 1; },
      focus: () => {},
    };
  });
</script>
</body></html>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

let github: GitHubStandIn;
let relay: SpawnedRelay;
let editor: Opener;
let stranger: Opener;
let browser: RunningBrowser;

beforeAll(async () => {
  github = await startGitHubStandIn(CLIENT);
  let relayUrl = '';
  editor = await startOpener(() => relayUrl);
  stranger = await startOpener(() => relayUrl);
  relay = await spawnRelay({
    GITHUB_CLIENT_ID: CLIENT.id,
    GITHUB_CLIENT_SECRET: CLIENT.secret,
    ALLOWED_ORIGINS: editor.url,
    GITHUB_BASE_URL: github.url,
  });
  relayUrl = relay.url;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser.close();
  await relay.close();
  await Promise.all([editor.close(), stranger.close(), github.close()]);
});

/** Opens `opener`, clicks the login button, and returns the editor page and the popup. */
async function login(
  opener: Opener,
  mode: AuthorizeMode,
): Promise<{ page: Page; popup: Page; consoleErrors: string[] }> {
  github.mode = mode;
  const page = await browser.context.newPage();
  await page.goto(opener.url);
  const consoleErrors: string[] = [];
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Se connecter avec GitHub' }).click();
  const popup = await popupOpened;
  popup.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  popup.on('pageerror', (error) => consoleErrors.push(error.message));
  return { page, popup, consoleErrors };
}

const record = (page: Page) => page.evaluate(() => (window as unknown as { record: OpenerRecord }).record);

async function waitForOutcome(page: Page): Promise<OpenerRecord> {
  await page.waitForFunction(() => (window as unknown as { record: OpenerRecord }).record.outcome !== null);
  return record(page);
}

describe('the GitHub login relay', () => {
  it('logs in: GitHub grants, the relay trades the code, and Decap receives the token through its handshake', async () => {
    const { page, popup, consoleErrors } = await login(editor, 'grant');
    const result = await waitForOutcome(page);

    expect(result.outcome).toEqual({ data: { token: github.token, provider: 'github' } });
    expect(result.received).toEqual([
      { origin: relay.url, data: 'authorizing:github' },
      {
        origin: relay.url,
        data: `authorization:github:success:${JSON.stringify({ token: github.token, provider: 'github' })}`,
      },
    ]);
    expect(result.closeCalls).toBe(1);
    await expect.poll(() => popup.locator('#status').textContent()).toBe('Autorisation transmise à l’éditeur.');
    await expect.poll(() => popup.locator('h1').textContent()).toBe('Connexion réussie');
    // The relay asked for its configured scope and its own callback, and the exchange sent them back.
    expect(github.authorizations.at(-1)).toMatchObject({
      clientId: CLIENT.id,
      scope: 'public_repo',
      redirectUri: `${relay.url}/callback`,
    });
    expect(github.tokenRequests.at(-1)).toMatchObject({
      accept: 'application/json',
      redirectUri: `${relay.url}/callback`,
      granted: true,
    });
    // The inline script ran under the page's CSP, and nothing else complained.
    expect(consoleErrors).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('stops on a state that does not match the one it sent: French error for Decap, no token, no exchange', async () => {
    const exchanges = github.tokenRequests.length;
    const { page, popup } = await login(editor, 'forged-state');
    const result = await waitForOutcome(page);

    expect(result.outcome).toEqual({
      error: expect.stringMatching(/^La réponse de GitHub ne correspond à aucune demande de connexion/) as unknown,
    });
    expect(JSON.stringify(result)).not.toContain('gho_');
    expect(github.tokenRequests.length).toBe(exchanges);
    await expect.poll(() => popup.locator('h1').textContent()).toBe('Vérification de sécurité échouée');
    expect(await popup.content()).not.toContain('gho_');
    await page.close();
    await popup.close();
  });

  it('stops when the person refuses on GitHub: French error for Decap, no token', async () => {
    const exchanges = github.tokenRequests.length;
    const { page, popup } = await login(editor, 'deny');
    const result = await waitForOutcome(page);

    expect(result.outcome).toEqual({
      error: expect.stringMatching(/^Vous avez refusé l’accès à GitHub/) as unknown,
    });
    expect(result.received.map((m) => m.data.split('{')[0])).toEqual([
      'authorizing:github',
      'authorization:github:error:',
    ]);
    expect(github.tokenRequests.length).toBe(exchanges);
    await expect.poll(() => popup.locator('h1').textContent()).toBe('Connexion refusée');
    expect(await popup.content()).not.toContain('gho_');
    await page.close();
    await popup.close();
  });

  it('says that nothing was handed over when its page is opened outside an editor’s popup', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${relay.url}/callback?error=access_denied&state=x`);
    await expect
      .poll(() => page.locator('#status').textContent())
      .toMatch(/^Cette fenêtre n’a pas été ouverte par l’éditeur du guide : rien n’a été transmis\./);
    await page.close();
  });

  it('sends nothing to an editor on an origin that is not allowed, and says so in the popup', async () => {
    const { page, popup } = await login(stranger, 'grant');
    // The popup gives up after its wait (5 s) and explains; by then any message would have arrived.
    await expect
      .poll(() => popup.locator('#status').textContent(), { timeout: 15_000 })
      .toMatch(/^L’éditeur qui a ouvert cette fenêtre n’est pas à une adresse autorisée/);
    const result = await record(page);
    expect(result).toEqual({ received: [], outcome: null, closeCalls: 0 });
    await page.close();
    await popup.close();
  });
});
