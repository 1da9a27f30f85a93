/**
 * The production build served on 127.0.0.1 with exactly the headers of its `dist/_headers`,
 * as Netlify or Cloudflare Pages would send them, then once more with none (GitHub Pages,
 * where only the `<meta>` policy remains). Each visit records the browser's
 * `securitypolicyviolation` events, in every frame, and the console: a policy that refuses
 * something the site needs fails here, and so does one that refuses nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteCmsConfig, type CmsConfigJson } from '../../src/cms/config.ts';
import { COMMON_HEADERS, adminPolicy, policyHeader, sitePolicy } from '../../src/config/security-headers.ts';
import { SEARCH_PATH } from '../../src/config/search.ts';
import { DECAP_PROP_TYPES_WARNING, launchBrowser, watchPage, type RunningBrowser } from '../helpers/browser.ts';
import { parseHeadersFile } from '../helpers/headers-file.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';
import { DIST } from '../helpers/site.ts';

let withHeaders: StaticServer;
let withoutHeaders: StaticServer;
let browser: RunningBrowser;

beforeAll(async () => {
  withHeaders = await serveDirectory(DIST, { headers: parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8')) });
  withoutHeaders = await serveDirectory(DIST);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await withoutHeaders.close();
  await withHeaders.close();
});

declare global {
  interface Window {
    /** Set by the script that a test injects, if the browser ever runs it. */
    injectedScriptRan?: boolean;
  }
}

interface Watched {
  page: Page;
  /** `directive blocked-address (file:line)`, for each violation of the policy. */
  violations: string[];
  /** Console errors, uncaught exceptions, failed requests. */
  problems: () => string[];
}

/** A new page that reports every violation of the policy, from any of its frames. */
async function watchedPage(): Promise<Watched> {
  const page = await browser.context.newPage();
  const violations: string[] = [];
  await page.exposeBinding('reportViolation', (_source, text: string) => {
    violations.push(text);
  });
  await page.addInitScript(() => {
    const report = (window as unknown as { reportViolation: (text: string) => void }).reportViolation;
    document.addEventListener('securitypolicyviolation', (event) => {
      report(`${event.effectiveDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const watched = watchPage(page);
  return { page, violations, problems: () => watched.problems.filter((p) => !DECAP_PROP_TYPES_WARNING.test(p)) };
}

/** Opens `path` and checks that the response carried the policy of its route. */
async function open(watched: Watched, site: StaticServer, path: string, policy: string | undefined): Promise<void> {
  const response = await watched.page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
  expect(response?.status(), path).toBe(200);
  expect(response?.headers()['content-security-policy'], path).toBe(policy);
}

const SITE_POLICY = policyHeader(sitePolicy());

/**
 * Only refused inline scripts: one report per policy that refuses them (the header's and the
 * `<meta>`'s when both are there).
 */
const INLINE_SCRIPT_REFUSED = /^script-src-elem inline /;

/** Adds an inline script to the page, as an injection would, and tells whether it ran. */
async function injectedScriptRuns(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedScriptRan = true;';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return window.injectedScriptRan === true;
  });
}

describe('the site served with the headers of dist/_headers', () => {
  it('sends the common headers with every response, pages and files', async () => {
    for (const path of ['/', '/boites-a-outils/', '/admin/', '/pagefind/pagefind.js', '/favicon.svg']) {
      const response = await fetch(`${withHeaders.url}${path}`);
      for (const [name, value] of COMMON_HEADERS) expect(response.headers.get(name), `${path} ${name}`).toBe(value);
    }
  });

  it('runs the home page, a guide page with code samples and a toolkit without a violation', async () => {
    const watched = await watchedPage();
    for (const path of ['/', '/contribuer/', '/boites-a-outils/disco-soupe/']) {
      await open(watched, withHeaders, path, SITE_POLICY);
      expect(await watched.page.locator('h1').first().isVisible(), path).toBe(true);
    }
    // Expressive Code's copy button, from its own script file.
    await watched.page.goto(`${withHeaders.url}/contribuer/`, { waitUntil: 'networkidle' });
    expect(await watched.page.locator('.expressive-code .copy button').count()).toBeGreaterThan(0);
    expect(watched.violations).toEqual([]);
    expect(watched.problems()).toEqual([]);
    await watched.page.close();
  });

  it('filters the catalogue without a violation', async () => {
    const watched = await watchedPage();
    await open(watched, withHeaders, '/boites-a-outils/', SITE_POLICY);
    const visible = watched.page.locator('[data-catalogue] .toolkit-card:not([hidden])');
    const total = await visible.count();
    await watched.page.getByLabel('Catégorie').selectOption('alimentation');
    await expect.poll(() => visible.count()).toBeLessThan(total);
    expect(new URL(watched.page.url()).searchParams.get('categorie')).toBe('alimentation');
    expect(watched.violations).toEqual([]);
    expect(watched.problems()).toEqual([]);
    await watched.page.close();
  });

  it('searches with Pagefind, in the modal and on the search page, without a violation', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    await open(watched, withHeaders, '/', SITE_POLICY);
    await page.waitForFunction(() => customElements.get('site-search') !== undefined);
    await page.locator('site-search button[data-open-modal]').click();
    await page.locator('site-search [data-search="modal"] input[name="q"]').fill('soupe');
    await page.locator('site-search [data-search-results] > li').first().waitFor({ timeout: 15_000 });

    await open(watched, withHeaders, `${SEARCH_PATH}?q=soupe`, SITE_POLICY);
    await page
      .locator('[data-search="page"] [data-search-status]')
      .filter({ hasText: /résultats? pour « soupe »/ })
      .waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-search="page"] [data-search-results] > li').count()).toBeGreaterThan(0);
    expect(watched.violations).toEqual([]);
    expect(watched.problems()).toEqual([]);
    await page.close();
  });

  it('refuses a script injected into a site page, and reports it', async () => {
    const watched = await watchedPage();
    await open(watched, withHeaders, '/decouvrir/genese/', SITE_POLICY);
    expect(await injectedScriptRuns(watched.page)).toBe(false);
    await expect.poll(() => watched.violations.length).toBe(2);
    for (const violation of watched.violations) expect(violation).toMatch(INLINE_SCRIPT_REFUSED);
    await watched.page.close();
  });

  it('opens the editor at /admin/ under its own policy, and Decap runs there without a violation', async () => {
    const watched = await watchedPage();
    await open(watched, withHeaders, '/admin/', policyHeader(adminPolicy(siteCmsConfig({ dev: false }))));
    await watched.page.getByRole('button', { name: 'Se connecter avec GitHub' }).waitFor();
    expect(watched.violations).toEqual([]);
    expect(watched.problems()).toEqual([]);
    await watched.page.close();
  });

  it('lets Decap show its editor and preview under the /admin/ policy (test-repo backend, in memory)', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    // The built page, headers and <meta> included, with the in-memory backend in its
    // configuration: the editor opens without any account or network.
    await page.route(`${withHeaders.url}/admin/`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        /(<script type="application\/json" id="cms-config">)(.*?)(<\/script>)/s,
        (_all, start: string, json: string, end: string) => {
          const config = JSON.parse(json) as CmsConfigJson;
          const testRepo = { ...config, backend: { name: 'test-repo' }, publish_mode: 'simple' };
          return `${start}${JSON.stringify(testRepo).replace(/</g, '\\u003c')}${end}`;
        },
      );
      await route.fulfill({ response, body: html });
    });
    await open(watched, withHeaders, '/admin/', policyHeader(adminPolicy(siteCmsConfig({ dev: false }))));
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.getByRole('link', { name: 'Boîtes à outils' }).waitFor();
    await page.goto(`${withHeaders.url}/admin/#/collections/toolkits/new`);
    await page.locator('[id^="title-field-"]').first().fill('Atelier vélo');
    const preview = page.locator('iframe').first().contentFrame();
    await preview.getByText('Atelier vélo').first().waitFor();
    expect(watched.violations).toEqual([]);
    expect(watched.problems()).toEqual([]);
    await page.close();
  });
});

describe('the site served without headers, as on GitHub Pages', () => {
  it('still refuses an injected script, by the policy of the page’s <meta>', async () => {
    const watched = await watchedPage();
    await open(watched, withoutHeaders, '/decouvrir/genese/', undefined);
    expect(watched.violations).toEqual([]);
    expect(await injectedScriptRuns(watched.page)).toBe(false);
    await expect.poll(() => watched.violations).toEqual([expect.stringMatching(INLINE_SCRIPT_REFUSED)]);
    await watched.page.close();
  });
});
