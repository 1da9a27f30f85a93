/**
 * What the site's own components write into its pages and the output gate
 * (`src/lib/output-gate.ts`) must therefore allow: their inline scripts, as CSP-style hashes
 * (`sha256-<base64>`), and their literal `style` attributes. Both are read from the `.astro`
 * sources, ours and Starlight's, with Astro's own parser: never from the built pages, so a
 * page cannot vouch for itself. A Content-Security-Policy can list the same hashes.
 *
 * Processed `<script>` blocks are not here: the build writes them to `/_astro/` files
 * (`vite.build.assetsInlineLimit` in astro.config.mjs), so only unprocessed ones stay inline.
 */
import { parse } from '@astrojs/compiler-rs';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** An inline script found in a component, with where it comes from. */
export interface InlineScript {
  /** `sha256-<base64>` of the script's text, as a browser and a CSP compute it. */
  hash: string;
  /** The `.astro` file, relative to the repository root. */
  file: string;
}

export interface SiteMarkup {
  inlineScripts: InlineScript[];
  /** Every `style="…"` written as a plain string in a component (`display: none;`…). */
  styles: Set<string>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Directives that give a script a text computed at render time, which no hash can cover. */
const DYNAMIC = new Set(['set:html', 'set:text', 'define:vars']);

export function scriptHash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

function astroFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.astro'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Starlight's install folder, wherever npm put it. */
function starlightDir(): string {
  let dir = dirname(fileURLToPath(import.meta.resolve('@astrojs/starlight')));
  while (!readdirSync(dir).includes('package.json')) dir = dirname(dir);
  return dir;
}

// The compiler's AST is oxc's ESTree JSON, typed `Record<string, any>` by the package; these
// are the few fields read here.
interface JsxAttribute {
  type: string;
  name?: { name?: string };
  value?: { type?: string; value?: unknown } | null;
}
interface JsxNode {
  type?: string;
  openingElement?: { name?: { name?: string }; attributes?: JsxAttribute[]; start: number; end: number };
  closingElement?: { start: number } | null;
}

/** The inline scripts (exact text, as Astro writes it out) and literal styles of a source. */
export function markupOf(source: string, file: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const node = value as JsxNode;
    const opening = node.openingElement;
    if (node.type === 'JSXElement' && opening) {
      const attributes = opening.attributes ?? [];
      for (const a of attributes) {
        if (a.name?.name === 'style' && a.value?.type === 'Literal' && typeof a.value.value === 'string') {
          styles.push(a.value.value);
        }
      }
      const names = attributes.map((a) => a.name?.name ?? '');
      // Astro bundles a script that has no attribute but `src`; any other one is left as written.
      const inline = opening.name?.name === 'script' && names.some((n) => n !== 'src') && !names.includes('src');
      if (inline && !names.some((n) => DYNAMIC.has(n)) && node.closingElement) {
        if (!source.startsWith('<script', opening.start)) {
          throw new Error(`${file} : positions du compilateur Astro inattendues autour d’un <script>`);
        }
        scripts.push(source.slice(opening.end, node.closingElement.start));
      }
    }
    for (const [key, child] of Object.entries(value)) {
      // Script bodies and the frontmatter are JavaScript, not markup.
      if (key !== 'program' && key !== 'frontmatter') walk(child);
    }
  };
  const { ast } = parse(source);
  walk(ast);
  return { scripts, styles };
}

let cached: SiteMarkup | undefined;

/** The inline scripts and literal styles of our components and Starlight's. */
export function siteMarkup(): SiteMarkup {
  if (cached) return cached;
  const markup: SiteMarkup = { inlineScripts: [], styles: new Set() };
  for (const dir of [join(ROOT, 'src'), starlightDir()]) {
    for (const path of astroFiles(dir)) {
      const file = relative(ROOT, path);
      const { scripts, styles } = markupOf(readFileSync(path, 'utf8'), file);
      for (const text of scripts) markup.inlineScripts.push({ hash: scriptHash(text), file });
      for (const style of styles) markup.styles.add(style);
    }
  }
  cached = markup;
  return markup;
}

/** The hashes of the site's inline scripts: the only inline scripts a built page may carry. */
export function inlineScriptHashes(): Set<string> {
  return new Set(siteMarkup().inlineScripts.map((s) => s.hash));
}
