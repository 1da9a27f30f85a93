/**
 * Starlight route middleware: the site addresses a page's frontmatter gives Starlight to
 * write as they are (hero buttons, `hero.tagline` and `banner.content` HTML) take the
 * sub-path, as content links do (`src/lib/base-path.ts`). The page gets copies: the
 * collection's own entry is left as loaded, so a second render never prefixes twice.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { BASE_PATH } from '../config/site.ts';
import { rewriteHtml, withBase } from './base-path.ts';

export const onRequest = defineRouteMiddleware((context) => {
  if (BASE_PATH === '/') return;
  const route = context.locals.starlightRoute;
  const { hero, banner } = route.entry.data;
  if (!hero && !banner) return;
  route.entry = {
    ...route.entry,
    data: {
      ...route.entry.data,
      ...(hero && {
        hero: {
          ...hero,
          actions: hero.actions.map((action) => ({ ...action, link: withBase(BASE_PATH, action.link) })),
          ...(hero.tagline !== undefined && { tagline: rewriteHtml(hero.tagline, BASE_PATH) }),
        },
      }),
      ...(banner && { banner: { content: rewriteHtml(banner.content, BASE_PATH) } }),
    },
  };
});
