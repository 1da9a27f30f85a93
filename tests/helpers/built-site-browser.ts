/**
 * The production build served on 127.0.0.1 and one Chromium, opened before the tests of a
 * file and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type RunningBrowser } from './browser.ts';
import { serveDirectory, type StaticServer } from './static-server.ts';
import { DIST } from './site.ts';

export interface SiteInBrowser {
  site: StaticServer;
  browser: RunningBrowser;
}

/** Call at the top of a test file; read `site` and `browser` inside the tests. */
export function useBuiltSiteInBrowser(): SiteInBrowser {
  const env = {} as SiteInBrowser;
  beforeAll(async () => {
    env.site = await serveDirectory(DIST);
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser.close();
    await env.site.close();
  });
  return env;
}
