/**
 * Runs the output gate (`src/lib/output-gate.ts`) at the end of every `astro build`, whatever
 * command started it (`npm run build`, the benches, a deploy script calling Astro directly):
 * a page that would run code the site did not write fails the build, with one line per
 * problem. The pages stay on disk to be inspected, but a failed build must not be deployed.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkBuiltSite, formatProblems } from '../lib/output-gate.ts';

export default function outputGate(): AstroIntegration {
  let base = '/';
  return {
    name: 'kpa:output-gate',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const problems = checkBuiltSite(fileURLToPath(dir), { base });
        const ms = Math.round(performance.now() - started);
        if (problems.length === 0) {
          logger.info(`aucun script étranger ni contenu actif dans les pages (${ms} ms)`);
          return;
        }
        const count = problems.length === 1 ? '1 problème' : `${problems.length} problèmes`;
        throw new Error(
          `Contrôle de sortie : ${count} dans les pages construites (script, attribut on…, adresse ` +
            `javascript:/data:, élément interdit ou style dans le contenu). Ne publiez pas ce dist/.\n` +
            formatProblems(problems),
        );
      },
    },
  };
}
