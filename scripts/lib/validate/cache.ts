/**
 * A cache of file summaries, keyed by the file's collection and content hash, valid for one
 * version of the validator (a hash of its code, the schemas and the parsers' versions).
 * It lives outside `content/` (in `node_modules/.cache/kpa-validate/` by default) and can be
 * deleted at any time: a missing or unreadable cache only makes the next run slower.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileSummary } from './summarize.ts';
import { PROJECT_ROOT } from './paths.ts';

export { PROJECT_ROOT };
export const DEFAULT_CACHE_DIR = join(PROJECT_ROOT, 'node_modules/.cache/kpa-validate');

/** Bump to drop every cached summary after a change the hash below cannot see. */
const FORMAT = 1;

/** Code whose change changes what a summary says. */
const CODE = [
  'scripts/lib/validate',
  'src/schemas',
  'src/config/mdx-components.ts',
  'src/config/collections.ts',
  'src/config/site.ts',
  'src/lib/inline-links.ts',
  'src/lib/diagrams',
];
const PACKAGES = [
  'unified',
  'remark-parse',
  'remark-mdx',
  'remark-frontmatter',
  'micromark-extension-gfm-footnote',
  'micromark-extension-gfm-strikethrough',
  'micromark-extension-gfm-table',
  'micromark-extension-gfm-task-list-item',
  'mdast-util-gfm-footnote',
  'mdast-util-gfm-strikethrough',
  'mdast-util-gfm-table',
  'mdast-util-gfm-task-list-item',
  'js-yaml',
  'yaml',
  'zod',
  'github-slugger',
  '@astrojs/starlight',
  '@astrojs/markdown-satteri',
  '@astrojs/internal-helpers',
  'satteri',
  'acorn',
  'hast-util-from-html',
  'hast-util-sanitize',
  'tinyglobby',
];

function filesUnder(path: string): string[] {
  try {
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => join(e.parentPath, e.name))
      .sort();
  } catch {
    return [path];
  }
}

let version: string | undefined;

export function validatorVersion(): string {
  if (version !== undefined) return version;
  const hash = createHash('sha256').update(String(FORMAT));
  for (const entry of CODE) {
    for (const file of filesUnder(join(PROJECT_ROOT, entry))) {
      hash.update(file.slice(PROJECT_ROOT.length)).update(readFileSync(file));
    }
  }
  for (const name of PACKAGES) {
    try {
      const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
        version?: string;
      };
      hash.update(`${name}@${pkg.version ?? '?'}`);
    } catch {
      hash.update(`${name}@absent`);
    }
  }
  // `editUrl` is checked against the repository's address, which comes from the environment.
  hash.update(`REPO_URL=${process.env['REPO_URL'] ?? ''}`);
  version = hash.digest('hex').slice(0, 16);
  return version;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

interface CacheFile {
  version: string;
  entries: Record<string, FileSummary>;
  /** The folder the stamps' paths are relative to. */
  root: string;
  /** Path → `[stamp, key]`: a file whose size, dates and inode are unchanged has the same hash. */
  stamps: Record<string, [string, string]>;
}

const CACHE_NAME = 'summaries.json';

export class SummaryCache {
  readonly #dir: string | undefined;
  #previous: Record<string, FileSummary | undefined> = {};
  readonly #used = new Map<string, FileSummary>();
  #stamps: Record<string, [string, string] | undefined> = {};
  readonly #usedStamps = new Map<string, [string, string]>();
  #changed = false;
  #previousSize = 0;

  readonly #root: string;

  /** `dir` undefined: no cache, every file is read again. `root`: the folder of the files. */
  constructor(dir: string | undefined, root: string) {
    this.#dir = dir;
    this.#root = root;
    if (dir === undefined) return;
    try {
      const data = JSON.parse(readFileSync(join(dir, CACHE_NAME), 'utf8')) as CacheFile;
      if (data.version === validatorVersion()) {
        this.#previous = data.entries;
        if (data.root === root) this.#stamps = data.stamps;
        this.#previousSize = Object.keys(data.entries).length;
      }
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
  }

  /** How many summaries the cache held when it was read. */
  get size(): number {
    return this.#previousSize;
  }

  get(key: string): FileSummary | undefined {
    const summary = this.#used.get(key) ?? (Object.hasOwn(this.#previous, key) ? this.#previous[key] : undefined);
    if (summary) this.#used.set(key, summary);
    return summary;
  }

  /**
   * The cache key of the file at `path` if its stamp (size, modification and change times,
   * inode, from one \`stat\`) is the one recorded with it: reading and hashing it again would
   * give the same key. Like git's index, this trusts the file system's dates.
   */
  keyFor(path: string, stamp: string): string | undefined {
    const known = Object.hasOwn(this.#stamps, path) ? this.#stamps[path] : undefined;
    return known?.[0] === stamp ? known[1] : undefined;
  }

  remember(path: string, stamp: string, key: string): void {
    this.#usedStamps.set(path, [stamp, key]);
    const known = Object.hasOwn(this.#stamps, path) ? this.#stamps[path] : undefined;
    if (known?.[0] !== stamp || known[1] !== key) this.#changed = true;
  }

  set(key: string, summary: FileSummary): void {
    this.#used.set(key, summary);
    this.#changed = true;
  }

  /** Writes the summaries used by this run (dropping the others), if anything changed. */
  save(): void {
    if (this.#dir === undefined) return;
    if (!this.#changed && this.#used.size === this.#previousSize) return;
    try {
      mkdirSync(this.#dir, { recursive: true });
      const file = join(this.#dir, CACHE_NAME);
      const temporary = `${file}.${String(process.pid)}.tmp`;
      const data: CacheFile = {
        version: validatorVersion(),
        entries: Object.fromEntries(this.#used),
        root: this.#root,
        stamps: Object.fromEntries(this.#usedStamps),
      };
      writeFileSync(temporary, JSON.stringify(data));
      renameSync(temporary, file); // atomic: a concurrent run reads the old or the new file, never half of one
    } catch {
      // A read-only disk must not fail the validation: the cache is only an optimisation.
    }
  }
}
