/** `/boites-a-outils/index.json`: the toolkit catalogue for other tools (format in README.md). */
import type { APIRoute } from 'astro';
import { getToolkits } from '../../lib/toolkits.ts';
import { catalogueJson } from '../../lib/catalogue-output.ts';
import { BASE_PATH } from '../../config/site.ts';

export const GET: APIRoute = async () => {
  const { catalogue } = await getToolkits();
  return new Response(catalogueJson(catalogue, BASE_PATH), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
