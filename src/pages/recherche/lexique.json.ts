/** `/recherche/lexique.json`: the names search knows, for the modal and `/recherche/` (`search-lexicon.ts`). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { getToolkits } from '../../lib/toolkits.ts';
import { buildLexicon } from '../../lib/search-lexicon.ts';

export const GET: APIRoute = async () => {
  const docs = await getCollection('docs', (e) => e.data.pagefind && e.id !== '404' && !e.data.draft);
  const { entries } = await getToolkits();
  const glossary = await getCollection('glossary');
  const lexicon = buildLexicon({
    pages: docs.map((e) => ({ title: e.data.title, aliases: e.data.aliases })),
    toolkits: entries.map((e) => ({
      slug: e.id,
      title: e.data.title,
      aliases: e.data.aliases,
      variantOf: e.data.variantOf,
    })),
    glossary: glossary.map((e) => e.data),
  });
  return new Response(JSON.stringify(lexicon), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
