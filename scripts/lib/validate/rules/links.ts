/**
 * Rule: every internal link leads somewhere. A link names a page of the site (a guide page,
 * a toolkit, a page built by `src/pages/`) or a file of `public/`, and its `#anchor`, if any,
 * is an id of that page: a heading, a glossary entry… Images are checked the same way, as
 * files: under `public/` for a site path, next to the page for a relative one.
 *
 * No Node import: which files exist is asked of the context, so that the online editor runs
 * the same rule against the site map built with the site.
 */
import posix from 'path-browserify';
import { localIssue, onField, type Issue, type Position } from '../issues.ts';
import type { LinkRef } from '../scan-tree.ts';
import type { Page, SiteModel } from '../site.ts';
import type { FieldLocator } from '../locate.ts';
import { suggestion } from './schema.ts';
import { imageMissingIssue } from './images.ts';

const BASE = 'https://site.invalid';

/** Anchor sets, built only for the pages that links with an anchor point to. */
const anchorSets = new WeakMap<Page, Set<string>>();

function anchorsOf(page: Page): Set<string> {
  let set = anchorSets.get(page);
  if (!set) {
    set = new Set(page.anchors);
    anchorSets.set(page, set);
  }
  return set;
}

/** A plain absolute path (`/a/b/#c`) needs no URL parser; anything else goes through one. */
const PLAIN = /^(\/[A-Za-z0-9/_.-]*)(?:#([A-Za-z0-9_-]*))?$/;

function split(url: string, from: string): { path: string; anchor: string } | undefined {
  const plain = PLAIN.exec(url);
  if (plain && !url.includes('/.')) return { path: plain[1] ?? '/', anchor: plain[2] ?? '' };
  try {
    const parsed = new URL(url, BASE + from);
    return { path: decode(parsed.pathname), anchor: decode(parsed.hash.slice(1)) };
  } catch {
    return undefined;
  }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Suggestions compare a name with every page: worth it for a few mistakes, not thousands. */
const SUGGESTIONS_PER_RUN = 50;

export interface LinkContext {
  site: SiteModel;
  /** How many more suggestions this run may compute. */
  suggestionBudget: { left: number };
  /** Whether `public/` serves a file at this site path (a folder serves its `index.html`). */
  hasPublicFile: (sitePath: string) => boolean;
  /** Whether a file exists at this path relative to the validated root (which may climb out of it). */
  hasRepoFile: (path: string) => boolean;
  locate: FieldLocator;
}

export function newSuggestionBudget(): { left: number } {
  return { left: SUGGESTIONS_PER_RUN };
}

/** Checks the links of one file; `from` is the address of the page they appear on. */
export function checkLinks(file: string, from: string, links: readonly LinkRef[], context: LinkContext): Issue[] {
  const issues: Issue[] = [];
  for (const link of links) {
    const at: Position = link.field ? context.locate(file, link.field) : { line: link.line, column: link.column };
    const report = (rule: 'link-broken' | 'link-anchor' | 'link-trailing-slash', where: Position, message: string) => {
      issues.push({ file, ...localIssue(rule, where, message, link.field) });
    };
    if (link.url.trim() === '') {
      report('link-broken', at, 'lien vide : indiquez une adresse entre les parenthèses');
      continue;
    }
    if (link.image) {
      const missing = checkImage(file, link.url, context);
      if (missing) {
        const issue = imageMissingIssue(link.url, at, missing);
        issues.push({ file, ...(link.field ? onField(issue, link.field) : issue) });
      }
      continue;
    }
    const target = split(link.url, from);
    if (!target) {
      report('link-broken', at, `adresse « ${link.url} » mal formée`);
      continue;
    }
    const { path, anchor } = target;
    let page = context.site.pages.get(path);
    if (!page && !path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) {
      page = context.site.pages.get(`${path}/`);
      if (page) {
        report('link-trailing-slash', at, `ajoutez « / » à la fin du lien : « ${link.url.replace(path, `${path}/`)} »`);
      }
    }
    if (!page) {
      if (context.hasPublicFile(path) || context.site.patterns.some((p) => p.test(path))) continue;
      const hint = context.suggestionBudget.left-- > 0 ? suggestion(path, [...context.site.pages.keys()]) : '';
      report('link-broken', at, `ce lien mène à une page qui n’existe pas : « ${path} »${hint} ; corrigez l’adresse`);
      continue;
    }
    if (anchor !== '' && page.anchors && !anchorsOf(page).has(anchor)) {
      const where = page.route === from ? 'dans cette page' : `dans la page « ${page.route} »`;
      report('link-anchor', at, `ancre « #${anchor} » introuvable ${where}${suggestion(anchor, [...page.anchors])}`);
    }
  }
  return issues;
}

/** Where a missing image was looked for, or `undefined` when it exists. */
function checkImage(file: string, src: string, context: LinkContext): string | undefined {
  const path = decode(src.split(/[?#]/)[0] ?? '');
  if (path.startsWith('/')) return context.hasPublicFile(path) ? undefined : 'public/';
  const folder = posix.dirname(file);
  return context.hasRepoFile(posix.join(folder, path)) ? undefined : `${folder}/`;
}
