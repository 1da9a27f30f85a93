/**
 * Deployment settings read from the environment at build time. Each has a default so that
 * `npm start` works on a fresh clone; production sets them (see README.md).
 */
const env = process.env;

/** Public address of the site (sitemap, canonical links). */
export const SITE_URL = env['SITE_URL'] ?? 'http://127.0.0.1:4321';

/** Web address of the repository, for "Modifier cette page" links. */
export const REPO_URL = (env['REPO_URL'] ?? 'https://github.com/kpa-cite/guide').replace(/\/+$/, '');

/** Branch that edit links and the CMS target. */
export const REPO_BRANCH = env['REPO_BRANCH'] ?? 'main';
