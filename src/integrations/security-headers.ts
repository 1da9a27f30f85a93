/**
 * Delivers the security headers of `src/config/security-headers.ts` from a production build
 * (`astro build`, whatever command runs it), as a Starlight plugin:
 *
 * - the site's policy as a `<meta http-equiv="Content-Security-Policy">` in Starlight's head,
 *   which sorts it with `<meta charset>` and the viewport, before the title and every
 *   script: the policy of hosts that send no headers (GitHub Pages, GitLab Pages). Where the
 *   same policy also arrives as a header, the browser enforces both, which changes nothing;
 * - `dist/_headers`, read by Netlify and Cloudflare Pages from the published folder.
 *
 * Nothing in `astro dev`: Vite injects its own styles and scripts there, which the policy
 * would refuse. `/admin/` writes its `<meta>` itself (src/pages/admin/index.astro).
 */
import type { StarlightPlugin } from '@astrojs/starlight/types';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteCmsConfig } from '../cms/config.ts';
import { headersFile, policyMeta, sitePolicy } from '../config/security-headers.ts';

/** Writes `_headers` for the site built in `dir`. */
function writeHeadersFile(dir: string): void {
  const root = readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, directory: e.isDirectory() }));
  writeFileSync(join(dir, '_headers'), headersFile(root, siteCmsConfig({ dev: false })));
}

export default function securityHeaders(): StarlightPlugin {
  return {
    name: 'kpa:security-headers',
    hooks: {
      'config:setup'({ command, config, updateConfig, addIntegration }) {
        if (command !== 'build') return;
        updateConfig({
          head: [
            ...(config.head ?? []),
            { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policyMeta(sitePolicy()) } },
          ],
        });
        addIntegration({
          name: 'kpa:headers-file',
          hooks: {
            // After Starlight's own, which writes dist/pagefind/: every folder is there.
            'astro:build:done': ({ dir, logger }) => {
              writeHeadersFile(fileURLToPath(dir));
              logger.info('_headers écrit (en-têtes de sécurité pour Netlify et Cloudflare Pages)');
            },
          },
        });
      },
    },
  };
}
