/**
 * Bench: weight of the online editor. Builds the site into a temporary folder, then reports
 * the JavaScript loaded by /admin/ (raw and gzipped) and the heaviest other page, which
 * must not carry any of it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { htmlFiles } from '../lib/built-site.ts';
import { pageScripts, totalSize } from '../../src/lib/page-scripts.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

export async function run(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'kpa-bench-admin-'));
  try {
    const started = performance.now();
    await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out],
      {
        cwd: ROOT,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const admin = pageScripts(out, 'admin/index.html');
    const gzipped = [...admin].reduce((sum, f) => sum + gzipSync(readFileSync(join(out, f)), { level: 9 }).length, 0);
    const others = htmlFiles(out).filter((f) => f !== 'admin/index.html');
    const heaviest = others
      .map((f) => ({ file: f, bytes: totalSize(out, pageScripts(out, f)) }))
      .sort((a, b) => b.bytes - a.bytes)[0];
    console.log(`admin-bundle: construction ${seconds} s`);
    console.log(
      `admin-bundle: /admin/ charge ${admin.size} scripts, ${kB(totalSize(out, admin))} (${kB(gzipped)} gzip -9)`,
    );
    if (heaviest) console.log(`admin-bundle: page la plus lourde ensuite : /${heaviest.file} (${kB(heaviest.bytes)})`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// Run directly: `node scripts/bench/admin-bundle.ts`.
if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
