/**
 * Headless Chromium driven by playwright-core. The browser is the system's (Debian's
 * `chromium`), never one downloaded by a tool: `CHROME_PATH` or the usual install paths.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** The axe-core rule tags for WCAG 2.2 levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function findChrome(env: NodeJS.ProcessEnv = process.env, exists = existsSync): string {
  const fromEnv = env['CHROME_PATH'];
  if (fromEnv) {
    if (exists(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH désigne « ${fromEnv} », qui n’existe pas.`);
  }
  const found = CANDIDATES.find((p) => exists(p));
  if (found) return found;
  throw new Error(
    'Aucun Chromium trouvé pour les tests dans le navigateur. Installez-le (Debian/Ubuntu : ' +
      '« sudo apt-get install chromium ») ou indiquez son chemin dans CHROME_PATH.',
  );
}

/** Chromium's flags for tests and for printing the PDFs: headless, and nothing that calls out. */
export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RunningBrowser {
  browser: Browser;
  context: BrowserContext;
  close: () => Promise<void>;
}

export interface LaunchOptions {
  /**
   * The site registers a service worker for offline reading; it changes how requests are
   * served and timed, so only the tests of offline reading allow it (`'allow'`).
   */
  serviceWorkers?: 'allow' | 'block';
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<RunningBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'kpa-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChrome(),
    headless: true,
    args: FLAGS,
    serviceWorkers: options.serviceWorkers ?? 'block',
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
  });
  const browser = context.browser();
  return {
    browser: browser as Browser,
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What went wrong on a page: console errors, uncaught exceptions, failed requests. */
export interface PageProblems {
  problems: string[];
}

/**
 * Decap's prebuilt code checks React props with a bundled `prop-types` that does not know
 * React 19 elements, and logs these warnings about its own components. Any other console
 * error still counts.
 */
export const DECAP_PROP_TYPES_WARNING =
  /^console: Warning: Failed prop type: Invalid prop `children` supplied to `\w+`, expected a ReactNode\.$/;

/** Records every console error, page error, failed request and HTTP error of `page`. */
export function watchPage(page: Page): PageProblems {
  const record: PageProblems = { problems: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') record.problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => record.problems.push(`exception: ${error.message}`));
  // Which document of the page each request belongs to: the main frame's navigations are counted.
  let documents = 0;
  const documentOf = new WeakMap<Request, number>();
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) documents += 1;
    else documentOf.set(request, documents);
  });
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '?';
    // A link prefetched on hover or focus (Astro's prefetch) is cancelled when the reader
    // follows it before it arrives: that is the page opening, not a request failing. A
    // prefetch answered with an error status still counts, below.
    if (error === 'net::ERR_ABORTED' && (request.headers()['sec-purpose'] ?? '').includes('prefetch')) return;
    // Likewise a picture still loading when the reader leaves its page (a search result's
    // thumbnail, say): the browser drops it with the page it belonged to.
    const startedIn = documentOf.get(request);
    if (error === 'net::ERR_ABORTED' && startedIn !== undefined && startedIn !== documents) return;
    record.problems.push(`échec de requête: ${request.url()} (${error})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) record.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return record;
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page and returns one line per WCAG A/AA violation. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated by the debugging protocol, which the page's Content-Security-Policy does not
  // govern: a `<script>` element added to the page would be refused, as it should be.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations;
  }, WCAG_TAGS);
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
