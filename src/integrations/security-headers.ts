/**
 * Delivers the security headers of `src/config/security-headers.ts` from a production build
 * (`astro build`, whatever command runs it), as a Starlight plugin:
 *
 * - the site's policy as a `<meta http-equiv="Content-Security-Policy">` in Starlight's head,
 *   which sorts it with `<meta charset>` and the viewport, before the title and every
 *   script: the policy of hosts that send no headers (GitHub Pages, GitLab Pages). Where the
 *   same policy also arrives as a header, the browser enforces both, which changes nothing;
 * - `dist/_headers`, read by Netlify and Cloudflare Pages from the published folder, written
 *   by `headersFileWriter()` once every other integration has written its files (it lists
 *   the site's root), and again by `npm run booklet`, which adds the booklet at the root.
 *
 * Nothing in `astro dev`: Vite injects its own styles and scripts there, which the policy
 * would refuse. `/admin/` writes its `<meta>` itself (src/pages/admin/index.astro).
 */
import type { AstroIntegration } from 'astro';
import type { StarlightPlugin } from '@astrojs/starlight/types';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteCmsConfig } from '../cms/config.ts';
import { headersFile, policyMeta, sitePolicy } from '../config/security-headers.ts';

/** Writes `_headers` for the site built in `dir`, from what its root holds now. */
export function writeHeadersFile(dir: string): void {
  const root = readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, directory: e.isDirectory() }));
  writeFileSync(join(dir, '_headers'), headersFile(root, siteCmsConfig({ dev: false })));
}

export default function securityHeaders(): StarlightPlugin {
  return {
    name: 'kpa:security-headers',
    hooks: {
      'config:setup'({ command, config, updateConfig }) {
        if (command !== 'build') return;
        updateConfig({
          head: [
            ...(config.head ?? []),
            { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policyMeta(sitePolicy()) } },
          ],
        });
      },
    },
  };
}

/**
 * Writes `dist/_headers` at the end of a build. Placed after every integration that writes
 * into `dist/` (Starlight, the search index, offline reading), so that each entry of the
 * root gets its rule.
 */
export function headersFileWriter(): AstroIntegration {
  return {
    name: 'kpa:headers-file',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        writeHeadersFile(fileURLToPath(dir));
        logger.info('_headers écrit (en-têtes de sécurité pour Netlify et Cloudflare Pages)');
      },
    },
  };
}
