/**
 * Bench: weight and opening time of the online editor. Builds the site into a temporary
 * folder, then reports the JavaScript loaded by /admin/ (raw and gzipped), the heaviest
 * other page, which must not carry any of it, and, in Chromium, the time from opening
 * /admin/ to the list of toolkits on screen.
 *
 * The timed build is the production one with the test-only `CMS_LOCAL_BACKEND_URL` (a
 * `decap-server` on this machine, reading this working tree and writing nothing): the
 * published editor needs a GitHub login before it shows any list. The person is logged in
 * once; each run then opens /admin/ in a new tab, with an empty HTTP cache (a first visit)
 * and with the cache of the previous runs (a return visit).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { htmlFiles } from '../lib/built-site.ts';
import { pageScripts, totalSize, workerScripts } from '../../src/lib/page-scripts.ts';
import { startCmsProxy } from '../lib/cms-proxy.ts';
import { launchBrowser, type RunningBrowser } from '../../tests/helpers/browser.ts';
import { serveDirectory } from '../../tests/helpers/static-server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = 5;

const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Milliseconds from asking for /admin/ to the first toolkit of the list on screen. */
async function openToList(browser: RunningBrowser, origin: string, emptyCache: boolean): Promise<number> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: emptyCache });
    const started = performance.now();
    await page.goto(`${origin}/admin/#/collections/toolkits`);
    await page
      .getByRole('link', { name: /Disco Soupe/ })
      .first()
      .waitFor({ timeout: 60_000 });
    return performance.now() - started;
  } finally {
    await page.close();
  }
}

async function timeToList(out: string): Promise<{ empty: number; warm: number }> {
  const site = await serveDirectory(out);
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${site.url}/admin/`);
    // The login is kept in the browser profile for the timed runs.
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page
      .getByRole('link', { name: /Disco Soupe/ })
      .first()
      .waitFor({ timeout: 60_000 });
    await page.close();
    const empty: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) empty.push(await openToList(browser, site.url, true));
    for (let i = 0; i < RUNS; i++) warm.push(await openToList(browser, site.url, false));
    return { empty: median(empty), warm: median(warm) };
  } finally {
    await browser.close();
    await site.close();
  }
}

export async function run(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'kpa-bench-admin-'));
  const proxy = await startCmsProxy({ root: ROOT, port: 0 });
  try {
    const started = performance.now();
    await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out],
      {
        cwd: ROOT,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CMS_LOCAL_BACKEND_URL: proxy.url },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const admin = pageScripts(out, 'admin/index.html');
    const gzipped = (files: Iterable<string>) =>
      [...files].reduce((sum, f) => sum + gzipSync(readFileSync(join(out, f)), { level: 9 }).length, 0);
    const workers = workerScripts(out, admin);
    const others = htmlFiles(out).filter((f) => f !== 'admin/index.html');
    const heaviest = others
      .map((f) => ({ file: f, bytes: totalSize(out, pageScripts(out, f)) }))
      .sort((a, b) => b.bytes - a.bytes)[0];
    console.log(`admin-bundle: construction ${seconds} s`);
    console.log(
      `admin-bundle: /admin/ charge ${admin.size} scripts, ${kB(totalSize(out, admin))} (${kB(gzipped(admin))} gzip -9)`,
    );
    // Started by the editor once it has loaded, in the background (src/cms/entry-checks.ts).
    console.log(
      `admin-bundle: puis son processus de vérification, ${workers.size} scripts, ${kB(totalSize(out, workers))} (${kB(gzipped(workers))} gzip -9)`,
    );
    if (heaviest) console.log(`admin-bundle: page la plus lourde ensuite : /${heaviest.file} (${kB(heaviest.bytes)})`);
    const time = await timeToList(out);
    console.log(
      `admin-bundle: de l’ouverture de /admin/ à la liste des boîtes à outils (Chromium, médiane de ${RUNS}) : ` +
        `${time.empty.toFixed(0)} ms cache vide, ${time.warm.toFixed(0)} ms cache chaud`,
    );
  } finally {
    await proxy.close();
    rmSync(out, { recursive: true, force: true });
  }
}

// Run directly: `node scripts/bench/admin-bundle.ts`.
if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
