/**
 * Deployment settings read from the environment at build time. Each has a default so that
 * `npm start` works on a fresh clone; production sets them (see README.md).
 */
import { withBase } from '../lib/base-path.ts';

const env = process.env;

/** A deployment setting that cannot be used, named so that the maintainer can fix it. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/** One segment of a sub-path: what GitHub and GitLab allow in a repository's name. */
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * `BASE_PATH` as the site uses it: `/` at the root of a domain, otherwise `/name/` (leading
 * and trailing slash), so that `BASE_PATH + 'page/'` is always a good address. Accepts
 * `/guide`, `guide/` or `/guide/`, as the hosts' settings give it.
 */
export function normalizeBasePath(value: string): string {
  const segments = value.split('/').filter((segment) => segment !== '');
  for (const segment of segments) {
    if (!SEGMENT.test(segment) || segment === '.' || segment === '..') {
      throw new SiteConfigError(
        `BASE_PATH n’est pas un chemin utilisable : « ${value} ». Attendu : des noms faits de ` +
          'lettres, de chiffres, de points, de tirets ou de soulignés, séparés par des « / » (ex. /guide/).',
      );
    }
  }
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/**
 * The public address of the home page and the sub-path it lives under. `BASE_PATH` may be
 * left out when `SITE_URL` already ends with it (`https://owner.github.io/guide/`); when both
 * are given they must agree, or a `SITE_URL` at the domain's root takes `BASE_PATH` after it.
 */
export function resolveSite(siteUrl: string, basePath: string | undefined): { url: string; base: string } {
  let parsed: URL;
  try {
    parsed = new URL(siteUrl);
  } catch {
    throw new SiteConfigError(`SITE_URL n’est pas une adresse valide : « ${siteUrl} ».`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new SiteConfigError(`SITE_URL doit commencer par https:// (ou http:// sur cette machine) : « ${siteUrl} ».`);
  }
  if (parsed.search || parsed.hash || parsed.username || parsed.password) {
    throw new SiteConfigError(
      `SITE_URL est l’adresse de l’accueil, sans « ? », « # » ni identifiants : « ${siteUrl} ».`,
    );
  }
  const fromUrl = normalizeBasePath(parsed.pathname);
  const base = basePath === undefined ? fromUrl : normalizeBasePath(basePath);
  if (fromUrl !== '/' && fromUrl !== base) {
    throw new SiteConfigError(
      `SITE_URL (« ${siteUrl} ») et BASE_PATH (« ${basePath ?? ''} ») ne désignent pas le même ` +
        'sous-chemin : donnez l’un des deux, ou les deux identiques.',
    );
  }
  return { url: `${parsed.origin}${base}`, base };
}

const site = resolveSite(env['SITE_URL'] ?? 'http://127.0.0.1:4321', env['BASE_PATH']);

/** Public address of the home page, ending with `/` (sitemap, canonical links, feed). */
export const SITE_URL = site.url;

/** The sub-path the site is served under: `/`, or for instance `/guide/` on GitHub Pages. */
export const BASE_PATH = site.base;

/**
 * The address, on this site, of a path written from the site's root (`/boites-a-outils/`),
 * as pages and content write them. Under a sub-path it takes the sub-path in front.
 */
export function sitePath(path: string): string {
  return withBase(BASE_PATH, path);
}

/** Web address of the repository, for "Modifier cette page" links. */
export const REPO_URL = (env['REPO_URL'] ?? 'https://github.com/kpa-cite/guide').replace(/\/+$/, '');

/** Branch that edit links and the CMS target. */
export const REPO_BRANCH = env['REPO_BRANCH'] ?? 'main';
