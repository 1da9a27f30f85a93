// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import AutoImport from 'astro-auto-import';
import { SITE_URL, BASE_PATH, REPO_URL, REPO_BRANCH, sitePath } from './src/config/site.ts';
import { sidebar } from './src/config/sidebar.ts';
import { MDX_COMPONENTS } from './src/config/mdx-components.ts';
import outputGate from './src/integrations/output-gate.ts';
import { domFreeBuilds } from './src/config/dom-free-builds.ts';
import searchIndex from './src/integrations/search-index.ts';
import securityHeaders, { headersFileWriter } from './src/integrations/security-headers.ts';
import offline from './src/integrations/offline.ts';
import { MANIFEST_PATH } from './src/config/offline.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { basePathPlugin } from './src/lib/base-path.ts';

/** Rolldown warnings that are expected and harmless (see ../shared toolchain notes). */
const QUIET_WARNINGS = new Set(['MODULE_LEVEL_DIRECTIVE', 'EVAL', 'CHUNK_SIZE_LIMIT']);

export default defineConfig({
  site: SITE_URL,
  // The sub-path of a project site (owner.github.io/guide/): every address the site writes
  // starts with it, content links included (`markdown.processor` below).
  base: BASE_PATH,
  trailingSlash: 'always',
  // `npm run cms` (scripts/cms.ts, which sets CMS_LOCAL_BACKEND_URL) is for contributors
  // writing content: Astro's toolbar would cover the bottom of the editor's form.
  devToolbar: { enabled: !process.env.CMS_LOCAL_BACKEND_URL },
  markdown: {
    // Astro's own processor (Sätteri) with its defaults; Starlight adds its plugins to it.
    processor: satteri({ hastPlugins: [basePathPlugin(BASE_PATH)] }),
  },
  integrations: [
    // The search index first: Starlight's security-headers plugin writes dist/_headers after
    // what dist/ holds when its turn comes, `pagefind/` included.
    searchIndex(),
    // Starlight adds this sitemap itself unless one is configured: ours leaves out /admin/.
    sitemap({ filter: (page) => !new URL(page).pathname.startsWith(`${BASE_PATH}admin/`) }),
    starlight({
      title: 'KPA-Cité',
      description:
        'Le guide libre des KPA, espaces communs de création : comprendre, créer et faire vivre une coopérative jeunesse ouverte.',
      defaultLocale: 'root',
      locales: { root: { label: 'Français', lang: 'fr' } },
      // The title is written next to the logo (no `replacesTitle`): the image is decorative,
      // and Starlight's default empty `alt` keeps screen readers from saying the name twice.
      logo: { src: './src/assets/logo.svg' },
      favicon: '/favicon.svg',
      editLink: { baseUrl: `${REPO_URL}/edit/${REPO_BRANCH}/` },
      lastUpdated: true,
      customCss: ['./src/styles/custom.css'],
      // Site addresses in frontmatter (hero buttons, banner) under the sub-path.
      routeMiddleware: './src/lib/route-base-path.ts',
      components: {
        Footer: './src/components/overrides/Footer.astro',
        Search: './src/components/overrides/Search.astro',
        Head: './src/components/overrides/Head.astro',
      },
      sidebar,
      // Our integration below builds the index; our Search component replaces Starlight's modal.
      pagefind: false,
      // The Content-Security-Policy `<meta>` of every page, and dist/_headers.
      plugins: [securityHeaders()],
      // Offline reading: the web app manifest (src/integrations/offline.ts writes it).
      head: [
        { tag: 'link', attrs: { rel: 'manifest', href: sitePath(MANIFEST_PATH) } },
        { tag: 'meta', attrs: { name: 'theme-color', content: '#b03e17' } },
      ],
    }),
    AutoImport({ imports: MDX_COMPONENTS }),
    mdx({ optimize: true }),
    // After Starlight, whose own build hook writes dist/pagefind/: the worker precaches it.
    offline(),
    // dist/_headers, from the root as the integrations above left it.
    headersFileWriter(),
    // Last, so that it judges the pages as every other integration left them.
    outputGate(),
  ],
  build: {
    // Every stylesheet a file of /_astro/, none copied into the pages as `<style>`: the
    // Content-Security-Policy (src/config/security-headers.ts) allows styles from the site
    // only, with no hash to keep in step with the CSS.
    inlineStylesheets: 'never',
  },
  vite: {
    // The editor's checking worker (src/cms/site-checks-worker.ts) loads the Markdown parser
    // on demand, as `npm run validate` does: a module worker, split like the rest. It has no
    // `document`: the packages whose browser build needs one take their other build. Its
    // files live under /admin/ with the editor: a worker's requests go through the service
    // worker whose scope holds the worker's own address, and there the site's offline
    // worker (src/offline/) gives way to the editor's, which has no fetch handler.
    worker: {
      format: 'es',
      rolldownOptions: {
        output: {
          entryFileNames: 'admin/_worker/[name]-[hash].js',
          chunkFileNames: 'admin/_worker/[name]-[hash].js',
          assetFileNames: 'admin/_worker/[name]-[hash][extname]',
        },
      },
    },
    resolve: { alias: domFreeBuilds() },
    build: {
      // Processed scripts become files under /_astro/ instead of inline <script type="module">
      // blocks, so the only inline scripts left are `is:inline` ones, whose exact text the
      // output gate takes from the .astro sources. Other assets keep Vite's default (inlined
      // below 4 kB), which the undefined return selects; Astro passes its chunks' file names.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      // Decap CMS is one ~5.8 MB chunk, loaded by /admin/ only (tests/site/admin.test.ts).
      chunkSizeWarningLimit: 6500,
      rolldownOptions: {
        onwarn(warning, warn) {
          if (warning.code && QUIET_WARNINGS.has(warning.code)) return;
          warn(warning);
        },
      },
    },
  },
});
