/**
 * `npm run validate [chemins…]`: checks the content files before they reach the site.
 * Options: `--format text|github|json` (GitHub annotations by default on GitHub Actions),
 * `--root <dossier>` (holds `content/` and `public/`; default: the current folder),
 * `--no-cache`, `--cache-dir <dossier>`, `--jobs <n>`. Exit code 1 when there is an error,
 * 2 when the command itself is misused. Never writes a content file.
 */
import { useCompileCache } from './lib/validate/compile-cache.ts';

// Before the other imports, so that they load from Node's compile cache.
useCompileCache();
const { main } = await import('./lib/validate/cli.ts');

await main().catch((error: unknown) => {
  process.stderr.write(
    `La validation n’a pas pu aboutir : ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 2;
});
