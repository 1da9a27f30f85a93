/**
 * The editor's checks are the validator's own modules, bundled for a browser worker
 * (`src/cms/site-checks-worker.ts`): they must import nothing from Node, and nothing that needs
 * a `document`. A Node import in a shared rule would only show in the browser, as a check that
 * fails: this test says which module brought it.
 */
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { DOM_BUILDS } from '../../src/config/dom-free-builds.ts';

const require = createRequire(import.meta.url);
const WORKER = fileURLToPath(new URL('../../src/cms/site-checks-worker.ts', import.meta.url));

describe('the checks of npm run validate, bundled for the editor', () => {
  it('bundle for a browser worker without Node modules or the DOM', async () => {
    const result = await build({
      entryPoints: [WORKER],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      // Minified: comments (and the examples in them) are left out.
      minify: true,
      splitting: true,
      outdir: 'out',
      logLevel: 'silent',
      // As astro.config.mjs resolves them for the site.
      alias: Object.fromEntries(DOM_BUILDS.map((name) => [name, require.resolve(name)])),
      loader: { '.css': 'text' },
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles.map((file) => file.text).join('\n');
    expect(
      /.{0,120}\b(?:document|window)\.(?:createElement|querySelector|body|head)\b.{0,40}/.exec(code)?.[0],
    ).toBeUndefined();
    expect(code).not.toMatch(/\bfrom\s*["']node:/);
  });
});
