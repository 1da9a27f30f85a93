/**
 * The real /admin/ logs in to GitHub through the relay (services/cms-auth). The built page
 * gets the backend that `CMS_BASE_URL=<relay>` produces (the relay's port is only known
 * now, so the embedded configuration is swapped on the way rather than rebuilt); GitHub's
 * OAuth endpoints are the stand-in, and its API is answered inside the browser: nothing
 * leaves the machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCmsConfig, cmsSettingsFromEnv, type CmsConfigJson } from '../../src/cms/config.ts';
import { REPO_BRANCH, REPO_URL } from '../../src/config/site.ts';
import { useBuiltSiteInBrowser } from '../helpers/built-site-browser.ts';
import { spawnRelay, type SpawnedRelay } from '../helpers/cms-auth-relay.ts';
import { startGitHubStandIn, type GitHubStandIn } from '../helpers/github-oauth-stand-in.ts';

const CLIENT = { id: 'Iv1.admintest', secret: 'secret-admin' };
const env = useBuiltSiteInBrowser();
let github: GitHubStandIn;
let relay: SpawnedRelay;

beforeAll(async () => {
  github = await startGitHubStandIn(CLIENT);
  relay = await spawnRelay({
    GITHUB_CLIENT_ID: CLIENT.id,
    GITHUB_CLIENT_SECRET: CLIENT.secret,
    ALLOWED_ORIGINS: env.site.url,
    GITHUB_BASE_URL: github.url,
  });
}, 30_000);

afterAll(async () => {
  await relay.close();
  await github.close();
});

const CONFIG_BLOCK = /(<script type="application\/json" id="cms-config">)(.*?)(<\/script>)/s;

describe('the editor’s GitHub login', () => {
  it('reaches GitHub’s API with the token the relay obtained, from the real /admin/', async () => {
    const { context } = env.browser;
    const backend = buildCmsConfig(
      cmsSettingsFromEnv(
        { CMS_BASE_URL: relay.url },
        { dev: false, repoUrl: REPO_URL, repoBranch: REPO_BRANCH, siteUrl: env.site.url },
      ),
    ).backend;
    expect(backend['base_url']).toBe(relay.url);

    const apiCalls: { path: string; authorization: string | undefined }[] = [];
    const elsewhere: string[] = [];
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== 'https://api.github.com') {
        elsewhere.push(url.href);
        await route.abort();
        return;
      }
      apiCalls.push({ path: url.pathname, authorization: route.request().headers()['authorization'] });
      // Decap's first call after the login; anything further is out of this test's scope.
      if (url.pathname === '/user') await route.fulfill({ json: { login: 'contributrice', name: 'Contributrice' } });
      else await route.fulfill({ status: 404, json: { message: 'Not Found' } });
    });
    await context.route(`${env.site.url}/admin/`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(CONFIG_BLOCK, (_all, open: string, json: string, close: string) => {
        const config = JSON.parse(json) as CmsConfigJson;
        return `${open}${JSON.stringify({ ...config, backend }).replace(/</g, '\\u003c')}${close}`;
      });
      await route.fulfill({ response, body: html });
    });

    const page = await context.newPage();
    await page.goto(`${env.site.url}/admin/`);
    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Se connecter avec GitHub' }).click();
    const popup = await popupOpened;

    await expect
      .poll(() => apiCalls[0], { timeout: 20_000 })
      .toEqual({
        path: '/user',
        authorization: `token ${github.token}`,
      });
    // Decap closes the popup once it holds the token.
    await expect.poll(() => popup.isClosed()).toBe(true);
    expect(github.authorizations.at(-1)?.redirectUri).toBe(`${relay.url}/callback`);
    expect(elsewhere).toEqual([]);
    await page.close();
    await context.unrouteAll();
  });
});
