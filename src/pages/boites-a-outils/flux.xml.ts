/** `/boites-a-outils/flux.xml`: an Atom feed of the toolkits, most recently updated first. */
import type { APIRoute } from 'astro';
import { getToolkits } from '../../lib/toolkits.ts';
import { catalogueFeed } from '../../lib/catalogue-output.ts';
import { SITE_URL } from '../../config/site.ts';

export const GET: APIRoute = async () => {
  const { catalogue } = await getToolkits();
  return new Response(catalogueFeed(catalogue, SITE_URL), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
