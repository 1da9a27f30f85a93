/**
 * `npm run validate [chemins…]`: checks the content files before they reach the site.
 * Options: `--format text|github|json` (GitHub annotations by default on GitHub Actions),
 * `--root <dossier>` (holds `content/` and `public/`; default: the current folder),
 * `--no-cache`, `--cache-dir <dossier>`, `--jobs <n>`. Exit code 1 when there is an error,
 * 2 when the command itself is misused. Never writes a content file.
 *
 * `npm run validate` starts Node with `--no-parallel-scavenge`: when every core already
 * parses files, V8's helper threads for collecting young objects only take turns away from
 * them (1,000 toolkits on 2 cores: about 10 % faster, same memory). V8 refuses that option
 * once started and Node refuses it in NODE_OPTIONS, hence the command line.
 */
import { useCompileCache } from './lib/validate/compile-cache.ts';

// Before the other imports, so that they load from Node's compile cache.
useCompileCache();
// Files are read in child processes (see pool.ts): the first one starts now, while this
// process loads the rest of the validator; an unused child ends with this process.
const { pool } = await import('./lib/validate/pool.ts');
pool.warm(1);
const { main } = await import('./lib/validate/cli.ts');

await main().catch((error: unknown) => {
  process.stderr.write(
    `La validation n’a pas pu aboutir : ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 2;
});
