/**
 * The pages the relay shows in Decap's login popup. The callback page performs Decap's
 * popup handshake (decap-cms-lib-auth, `NetlifyAuthenticator`):
 *
 * 1. the popup posts `authorizing:github` to its opener;
 * 2. the opener (Decap) checks that the message comes from its `base_url` and echoes it back;
 * 3. the popup posts `authorization:github:success:{"token":…,"provider":"github"}` (or
 *    `authorization:github:error:{"message":…}`), and Decap closes the popup.
 *
 * The popup cannot read its opener's origin, so step 1 is posted to each allowed origin
 * with that origin as `targetOrigin`: the browser delivers it only if the opener is really
 * there. Step 3 goes to the origin of the echo, which must be an allowed origin and come
 * from `window.opener`. No message is ever posted to `*`.
 */

/** What the inline script reads from the page (a JSON data block, so the script itself never changes). */
export interface Handshake {
  /** Step 1's message, `authorizing:github`. */
  hello: string;
  /** Origins allowed to receive step 3. */
  origins: string[];
  /** Step 3's message. */
  message: string;
  /** How long to wait for the echo before saying that the opener is not an allowed site. */
  waitMs: number;
  /** Status lines shown while the handshake runs. */
  text: { noOpener: string; sent: string; noAnswer: string };
}

export const HANDSHAKE_WAIT_MS = 5000;

/**
 * Kept free of data so that its CSP hash is a constant. `textContent` only: nothing from
 * the page's data is ever parsed as HTML.
 */
const SCRIPT = `(() => {
  const data = JSON.parse(document.getElementById('handshake').textContent);
  const status = document.getElementById('status');
  const say = (text) => { status.textContent = text; };
  const opener = window.opener;
  if (!opener) { say(data.text.noOpener); return; }
  let answered = false;
  window.addEventListener('message', (event) => {
    if (answered || event.source !== opener || event.data !== data.hello) return;
    if (!data.origins.includes(event.origin)) return;
    answered = true;
    opener.postMessage(data.message, event.origin);
    say(data.text.sent);
  });
  for (const origin of data.origins) opener.postMessage(data.hello, origin);
  setTimeout(() => { if (!answered) say(data.text.noAnswer); }, data.waitMs);
})();`;

const STYLE = `body{font:1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1b1b1f;background:#fff}
h1{font-size:1.4rem}#status{font-weight:600}`;

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
}

let hashes: Promise<{ script: string; style: string }> | undefined;
function inlineHashes(): Promise<{ script: string; style: string }> {
  hashes ??= Promise.all([sha256(SCRIPT), sha256(STYLE)]).then(([script, style]) => ({ script, style }));
  return hashes;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** JSON inside `<script type="application/json">`: `<` escaped so that no value can close the element. */
function jsonBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** Headers of every page: never cached (a token may be inside), never framed, no referrer. */
function pageHeaders(csp: string): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    // Not `same-origin`: the popup must keep `window.opener` to talk to Decap.
    'Cross-Origin-Opener-Policy': 'unsafe-none',
    'Content-Security-Policy': csp,
  };
}

export interface Page {
  /** Heading, e.g. « Connexion réussie ». */
  title: string;
  /** One sentence under the heading. */
  detail: string;
}

export interface RenderedPage {
  body: string;
  headers: Record<string, string>;
}

/** A page; with `handshake`, it also runs Decap's popup handshake. */
export async function renderPage(page: Page, handshake?: Handshake): Promise<RenderedPage> {
  const { script, style } = await inlineHashes();
  const scriptSrc = handshake ? script : "'none'";
  const csp = [
    "default-src 'none'",
    `script-src ${scriptSrc}`,
    `style-src ${style}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  const body = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(page.title)} — éditeur du guide KPA-Cité</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(page.title)}</h1>
<p id="detail">${escapeHtml(page.detail)}</p>
<p id="status" role="status"></p>
</main>
${handshake ? `<script type="application/json" id="handshake">${jsonBlock(handshake)}</script>\n<script>${SCRIPT}</script>` : ''}
</body>
</html>
`;
  return { body, headers: pageHeaders(csp) };
}
