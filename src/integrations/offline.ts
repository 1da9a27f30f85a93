/**
 * Offline reading, written at the end of `astro build` into the built site:
 * - `manifest.webmanifest` and its icons (drawn from `src/assets/logo.svg` with sharp);
 * - `hors-ligne.json`: the pages, images and search fragments that « Rendre disponible hors
 *   ligne » fetches;
 * - `sw.js`: the service worker (`src/offline/service-worker.ts`, bundled by esbuild), with
 *   Workbox's precache list (`injectManifest` from workbox-build) and the build's version;
 * - `sw-admin.js`: the worker that keeps `/admin/` out of the caching worker's hands.
 *
 * It must run after Starlight's own `astro:build:done` hook, which writes `dist/pagefind/`:
 * Astro runs the hooks in the order of `integrations` in astro.config.mjs, where this one
 * comes after Starlight. The version is a hash of what the build wrote, so every build that
 * changes anything gets new caches, and an unchanged one keeps the readers' copies.
 */
import type { AstroIntegration } from 'astro';
import { build as esbuild } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { injectManifest } from 'workbox-build';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import {
  ADMIN_PATH,
  ADMIN_WORKER_PATH,
  ICON_SIZES,
  MANIFEST_PATH,
  OFFLINE_LIST_PATH,
  WORKER_PATH,
  iconPath,
  type OfflineList,
} from '../config/offline.ts';
import { pageScripts } from '../lib/page-scripts.ts';
import { TOOLKITS_PATH } from '../lib/catalogue.ts';
import { LEXICON_PATH, SEARCH_PATH } from '../config/search.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOGO = join(ROOT, 'src/assets/logo.svg');
const WORKER_SOURCE = join(ROOT, 'src/offline/service-worker.ts');

/** Pages kept offline as soon as the worker is installed. */
const START_PAGES = ['/', TOOLKITS_PATH, SEARCH_PATH];

/** Colours of the installed app: the site's accent (light theme) on white. */
const THEME_COLOR = '#b03e17';

/** Every file under `dir`, relative to it, `/`-separated, sorted. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The built pages a reader can keep: every `index.html` but the editor's. */
export function offlinePages(files: readonly string[]): string[] {
  return files.filter((f) => (f === 'index.html' || f.endsWith('/index.html')) && !f.startsWith(ADMIN_PATH.slice(1)));
}

/**
 * One page per top-level folder and depth (the home page, a guide page, the catalogue, a
 * toolkit, a category…), and the 404 page: pages at one place in the site are made by the
 * same components and load the same files. A file only one page uses is cached the first
 * time it is needed.
 */
function samplePages(pages: readonly string[], files: readonly string[]): string[] {
  const byPlace = new Map<string, string>();
  for (const page of pages) {
    const segments = page.split('/');
    const place = `${segments[0] ?? ''}/${String(segments.length)}`;
    if (!byPlace.has(place)) byPlace.set(place, page);
  }
  return [...byPlace.values(), ...(files.includes('404.html') ? ['404.html'] : [])];
}

/** The built files (relative to `dist`) that the sampled pages load: scripts, style sheets, icons, images. */
function pageAssets(dist: string, base: string, pages: readonly string[]): Set<string> {
  const assets = new Set<string>();
  const add = (sitePath: string) => {
    if (!sitePath.startsWith(base)) return;
    const file = decodeURIComponent(sitePath.slice(base.length));
    if (existsSync(join(dist, file))) assets.add(file);
  };
  for (const page of pages) {
    for (const script of pageScripts(dist, page)) add(script);
    const at = new URL(`https://site.invalid${base}${page}`);
    visit(fromHtml(readFileSync(join(dist, page), 'utf8')), 'element', (element) => {
      const { href, src, rel } = element.properties;
      const linked =
        element.tagName === 'link' && Array.isArray(rel) && rel.some((r) => r === 'stylesheet' || r === 'icon');
      const address = linked ? href : element.tagName === 'img' ? src : undefined;
      if (typeof address !== 'string') return;
      const url = new URL(address, at);
      if (url.origin === at.origin && url.pathname.startsWith(`${base}_astro/`)) add(url.pathname);
      if (linked && url.origin === at.origin) add(url.pathname);
    });
  }
  return lazyScripts(dist, assets);
}

/**
 * The `_astro/` scripts that `scripts` load later, by name (`import("./ui-core.…js")`, the
 * search box's code, loaded when it opens), and those they load in turn. Built files' names
 * carry a hash of their content, so a name found in a script's text is that file.
 */
function lazyScripts(dist: string, scripts: ReadonlySet<string>): Set<string> {
  const candidates = filesUnder(join(dist, '_astro')).filter((f) => f.endsWith('.js') && !f.includes('/'));
  const found = new Set(scripts);
  const pending = [...scripts].filter((f) => f.endsWith('.js'));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    const code = readFileSync(join(dist, file), 'utf8');
    for (const name of candidates) {
      const path = `_astro/${name}`;
      if (!found.has(path) && code.includes(name)) {
        found.add(path);
        pending.push(path);
      }
    }
  }
  return found;
}

/**
 * What a search needs, fragments aside: Pagefind's code, its index and filters, for the
 * site's languages, and the lexicon our query handling reads (`LEXICON_PATH`).
 */
function searchFiles(dist: string, files: readonly string[]): string[] {
  const entryFile = join(dist, 'pagefind/pagefind-entry.json');
  if (!existsSync(entryFile)) return [];
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { wasm?: string }> };
  const wasm = Object.values(entry.languages).map((l) => `pagefind/wasm.${l.wasm ?? 'unknown'}.pagefind`);
  const code = ['pagefind.js', 'pagefind-worker.js', 'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-entry.json'];
  return files.filter(
    (f) =>
      code.some((c) => f === `pagefind/${c}`) ||
      wasm.includes(f) ||
      /^pagefind\/[^/]+\.pf_meta$/.test(f) ||
      f.startsWith('pagefind/index/') ||
      f.startsWith('pagefind/filter/') ||
      f === LEXICON_PATH.slice(1),
  );
}

/** A hash of every file the site serves, the PDFs aside (made later by `npm run booklet`). */
function buildVersion(dist: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    if (file.endsWith('.pdf') || file === OFFLINE_LIST_PATH.slice(1)) continue;
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(dist, file)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

async function writeIcons(dist: string): Promise<void> {
  const svg = readFileSync(LOGO);
  for (const size of ICON_SIZES) {
    const file = join(dist, iconPath(size).slice(1));
    mkdirSync(dirname(file), { recursive: true });
    await sharp(svg, { density: Math.ceil((72 * size) / 64) })
      .resize(size, size)
      .png()
      .toFile(file);
  }
}

function webManifest(base: string): object {
  return {
    name: 'KPA-Cité — le guide libre',
    short_name: 'KPA-Cité',
    description:
      'Le guide libre des KPA, espaces communs de création : comprendre, créer et faire vivre une coopérative jeunesse ouverte.',
    lang: 'fr',
    dir: 'ltr',
    id: base,
    start_url: base,
    scope: base,
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: THEME_COLOR,
    icons: [
      ...ICON_SIZES.map((size) => ({
        src: `${base}${iconPath(size).slice(1)}`,
        sizes: `${String(size)}x${String(size)}`,
        type: 'image/png',
      })),
      { src: `${base}favicon.svg`, sizes: 'any', type: 'image/svg+xml' },
    ],
  };
}

/** Glob patterns that match exactly these file names (Astro's names hold no glob character). */
function exactPatterns(files: Iterable<string>): string[] {
  return [...files].map((f) => f.replace(/[*?[\]{}()!+@]/g, (c) => `[${c}]`));
}

export interface OfflineReport {
  version: string;
  precached: number;
  precachedBytes: number;
  pages: number;
}

/** Writes the offline files into a built site; used by the integration and the tests. */
export async function writeOffline(dist: string, base: string): Promise<OfflineReport> {
  writeFileSync(join(dist, MANIFEST_PATH.slice(1)), `${JSON.stringify(webManifest(base), null, 2)}\n`);
  await writeIcons(dist);
  writeFileSync(
    join(dist, ADMIN_WORKER_PATH.slice(1)),
    '// KPA-Cité: the worker of /admin/. It has no fetch handler, so the editor and its requests\n' +
      '// never go through a service worker (src/config/offline.ts).\n' +
      "self.addEventListener('install', () => self.skipWaiting());\n",
  );

  const files = filesUnder(dist).filter((f) => f !== WORKER_PATH.slice(1));
  const pages = offlinePages(files);
  const version = buildVersion(dist, files);
  const media = files.filter((f) => f.startsWith('media/'));
  const list: OfflineList = {
    version,
    pages: pages.map((p) => `${base}${p.slice(0, -'index.html'.length)}`),
    files: media.map((f) => `${base}${f}`),
    search: files.filter((f) => f.startsWith('pagefind/fragment/')).map((f) => `${base}${f}`),
  };
  writeFileSync(join(dist, OFFLINE_LIST_PATH.slice(1)), `${JSON.stringify(list)}\n`);

  const precache = new Set([
    ...pageAssets(dist, base, samplePages(pages, files)),
    ...searchFiles(dist, files),
    MANIFEST_PATH.slice(1),
    ...ICON_SIZES.map((size) => iconPath(size).slice(1)),
  ]);
  for (const file of precache) {
    if (file.startsWith(ADMIN_PATH.slice(1))) precache.delete(file);
  }

  const work = mkdtempSync(join(tmpdir(), 'kpa-sw-'));
  try {
    const source = join(work, 'sw.js');
    await esbuild({
      entryPoints: [WORKER_SOURCE],
      outfile: source,
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'es2020',
      logLevel: 'silent',
      define: {
        __KPA_VERSION__: JSON.stringify(version),
        __KPA_BASE__: JSON.stringify(base),
        __KPA_START_PAGES__: JSON.stringify(START_PAGES.map((path) => `${base}${path.slice(1)}`)),
        // Workbox's development messages stay out of the worker.
        'process.env.NODE_ENV': '"production"',
      },
    });
    const result = await injectManifest({
      swSrc: source,
      swDest: join(dist, WORKER_PATH.slice(1)),
      globDirectory: dist,
      globPatterns: exactPatterns(precache),
      globFollow: false,
      manifestTransforms: [
        (entries) => ({ manifest: entries.map((entry) => ({ ...entry, url: `${base}${entry.url}` })), warnings: [] }),
      ],
    });
    if (result.warnings.length > 0) throw new Error(`Workbox : ${result.warnings.join(' ; ')}`);
    return { version, precached: result.count, precachedBytes: result.size, pages: pages.length };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export default function offline(): AstroIntegration {
  let base = '/';
  return {
    name: 'kpa:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        if (!existsSync(join(dist, 'pagefind/pagefind-entry.json'))) {
          throw new Error('Lecture hors ligne : dist/pagefind/ manque. Cette intégration doit venir après Starlight.');
        }
        const report = await writeOffline(dist, base);
        logger.info(
          `lecture hors ligne : version ${report.version}, ${String(report.precached)} fichiers préchargés ` +
            `(${String(Math.round(report.precachedBytes / 1024))} Ko), ${String(report.pages)} pages à emporter`,
        );
      },
    },
  };
}
