/**
 * `/admin/site-checks.json`: the site map that the online editor checks entries against
 * (`src/cms/site-checks.ts`), written with the site. Under `/admin/`, it stays out of the
 * sitemap and of the search index, like the editor itself.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIRoute } from 'astro';

export const prerender = true;

export const GET: APIRoute = async () => {
  // The validator is loaded from the repository as it is, not bundled with the site: it starts
  // child processes from its own files and loads the build's native compiler (see
  // scripts/lib/validate/pool.ts). Astro builds from the project's folder.
  const root = process.cwd();
  const module = pathToFileURL(join(root, 'scripts/lib/validate/site-map.ts')).href;
  const { buildSiteMap } = (await import(
    /* @vite-ignore */ module
  )) as typeof import('../../../scripts/lib/validate/site-map.ts');
  return new Response(JSON.stringify(await buildSiteMap(root, { projectRoot: root })), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
