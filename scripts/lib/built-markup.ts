/**
 * The markup of a built site, judged by html-validate (its `recommended` preset) page by
 * page. Starlight and Expressive Code (Starlight's code blocks) write some markup that the
 * preset reproves; each such case is excused below for the upstream element alone, so that
 * the same rule still catches it in our components, pages, overrides and content. The list
 * is meant to be reported upstream: a case fixed there can go.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { htmlFiles } from './built-site.ts';
import { pathOfFile } from './built-links.ts';

/** A rule that only an upstream element breaks, and the elements (a CSS selector) it excuses. */
export interface UpstreamException {
  rule: string;
  selector: string;
  /** Who writes the element, to report it there. */
  upstream: string;
}

export const UPSTREAM_MARKUP: readonly UpstreamException[] = [
  // Starlight's Head.astro writes its own tags and the `head` entries of the config as
  // `<meta … />` and `<link … />`; our components write void elements without the slash.
  { rule: 'void-style', selector: 'head > meta, head > link', upstream: 'Starlight, components/Head.astro' },
  // Starlight's TwoColumnContent.astro: the right sidebar is an unnamed `<aside>`, next to the
  // named asides of the content.
  {
    rule: 'unique-landmark',
    selector: 'aside.right-sidebar-container',
    upstream: 'Starlight, components/TwoColumnContent.astro',
  },
  // Starlight's TableOfContents.astro and MobileTableOfContents.astro: two `<nav>` with the
  // same name (« Sur cette page »), one shown on wide screens, the other on narrow ones.
  {
    rule: 'unique-landmark',
    selector: 'starlight-toc > nav, mobile-starlight-toc > nav',
    upstream: 'Starlight, components/TableOfContents.astro and MobileTableOfContents.astro',
  },
  // Starlight's MobileMenuToggle.astro: `<button popovertarget>` without `type`.
  {
    rule: 'no-implicit-button-type',
    selector: 'button.sl-menu-button',
    upstream: 'Starlight, components/MobileMenuToggle.astro',
  },
  // Starlight's PageTitle.astro: `<h1 id="_top">`, the target of the table of contents' first
  // link; an id that starts with `_`.
  { rule: 'valid-id', selector: 'h1#_top', upstream: 'Starlight, components/PageTitle.astro' },
  // Starlight's Steps component: `<ol role="list">`, which gives the list back its role in
  // Safari once its markers are restyled.
  { rule: 'no-redundant-role', selector: 'ol.sl-steps', upstream: 'Starlight, user-components/Steps.astro' },
  // Expressive Code: each line of a code block is a `<div class="ec-line">` inside `<code>`.
  {
    rule: 'element-permitted-content',
    selector: '.expressive-code pre > code > div.ec-line',
    upstream: 'Expressive Code (Starlight code blocks), frame lines',
  },
  // Expressive Code's copy button: no `type`, named by its `title` only, a `<div>` inside.
  {
    rule: 'no-implicit-button-type',
    selector: '.expressive-code .copy > button',
    upstream: 'Expressive Code (Starlight code blocks), copy button',
  },
  {
    rule: 'text-content',
    selector: '.expressive-code .copy > button',
    upstream: 'Expressive Code (Starlight code blocks), copy button',
  },
  {
    rule: 'element-permitted-content',
    selector: '.expressive-code .copy > button > div',
    upstream: 'Expressive Code (Starlight code blocks), copy button',
  },
];

export interface MarkupIssue {
  /** The page, as a site path. */
  page: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  /** Where the element is, as html-validate writes it. */
  selector: string;
}

export interface MarkupReport {
  issues: MarkupIssue[];
  /** How many reports each upstream exception excused, in the order of `exceptions`. */
  excused: number[];
}

/** The element html-validate names, found again in the page as parse5 reads it. */
function elementAt(tree: Root, selector: string | null): Element | undefined {
  if (!selector) return undefined;
  try {
    return select(selector, tree);
  } catch {
    return undefined; // a selector hast-util-select cannot read: the report stays
  }
}

/** Validates each page of `dist` (every `.html` file) and returns what the exceptions do not excuse. */
export async function checkBuiltMarkup(
  dist: string,
  exceptions: readonly UpstreamException[] = UPSTREAM_MARKUP,
): Promise<MarkupReport> {
  const validator = new HtmlValidate(new StaticConfigLoader({ extends: ['html-validate:recommended'] }));
  const issues: MarkupIssue[] = [];
  const excused = exceptions.map(() => 0);
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(join(dist, file), 'utf8');
    const report = await validator.validateString(html, file);
    let tree: Root | undefined;
    /** The elements each exception excuses in this page, found when first needed. */
    const excusable = new Map<number, Set<Element>>();
    const excuses = (index: number, element: Element): boolean => {
      tree ??= fromHtml(html);
      let elements = excusable.get(index);
      if (!elements) {
        elements = new Set(selectAll(exceptions[index]?.selector ?? '', tree));
        excusable.set(index, elements);
      }
      return elements.has(element);
    };
    for (const message of report.results.flatMap((result) => result.messages)) {
      const candidates = exceptions.flatMap((e, i) => (e.rule === message.ruleId ? [i] : []));
      if (candidates.length > 0) {
        tree ??= fromHtml(html);
        const element = elementAt(tree, message.selector);
        const index = element && candidates.find((i) => excuses(i, element));
        if (index !== undefined) {
          excused[index] = (excused[index] ?? 0) + 1;
          continue;
        }
      }
      issues.push({
        page: pathOfFile(file),
        line: message.line,
        column: message.column,
        rule: message.ruleId,
        message: message.message,
        selector: message.selector ?? '',
      });
    }
  }
  return { issues, excused };
}
