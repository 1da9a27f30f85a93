/**
 * The booklet as one HTML document, made from the built pages (read with parse5 through
 * hast-util-from-html): a cover, a table of contents, then each page's content in order,
 * without the site's navigation, search or buttons. Chromium prints it (./print.ts).
 *
 * - Each page becomes a chapter with an id of its own (`c7`), and every id inside it is
 *   prefixed (`c7--etapes`), so that links between pages jump inside the PDF.
 * - A link to a page of the booklet points at its chapter (and anchor); a link elsewhere
 *   (another site, or a page of the site that is not in the booklet) stays clickable and is
 *   printed as a numbered note at the end of its chapter, with its address in short.
 * - Headings go down one level (the chapter's title is an `h2` under its part's `h1`), so
 *   that the PDF's outline reads part › page › section.
 * - Each chapter starts a named page (`@page c7`) whose running header gives its part and
 *   its title; the footer numbers the pages.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { existsSync, readFileSync } from 'node:fs';
import { fileForPath } from '../built-site.ts';
import type { Part } from './contents.ts';

export interface ComposeOptions {
  dist: string;
  /** The sub-path the site was built for: `/` or `/guide/`. */
  base: string;
  /** The site's public address, ending with `/` (notes for pages outside the booklet). */
  siteUrl: string;
  parts: readonly Part[];
  /** The date of the build, on the cover. */
  date: Date;
  title: string;
  subtitle: string;
  license: string;
  /** The booklet's own style sheet. */
  css: string;
}

export interface ComposedChapter {
  id: string;
  title: string;
  part: string;
  path: string;
}

export interface ComposedBooklet {
  html: string;
  chapters: ComposedChapter[];
}

const PROBE = 'http://site.invalid';

/** Elements that only make sense on screen. */
const SCREEN_ONLY = new Set(['script', 'button', 'template', 'noscript', 'style', 'dialog']);
const SCREEN_ONLY_CLASSES = new Set(['sl-anchor-link', 'print-button', 'print-hidden']);

function classesOf(element: Element): string[] {
  const value = element.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

function text(node: Element | Root): string {
  return node.children
    .map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? text(child) : ''))
    .join('');
}

function findElement(node: Element | Root, test: (element: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = findElement(child, test);
    if (found) return found;
  }
  return undefined;
}

function eachElement(node: Element | Root, visit: (element: Element) => void): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    visit(child);
    eachElement(child, visit);
  }
}

/** A CSS string literal. */
function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`;
}

/** An address as printed in a note: without `https://` nor a lone trailing slash. */
export function shortUrl(url: string): string {
  return url.replace(/^https:\/\//, '').replace(/^mailto:/, '');
}

interface Source {
  chapter: ComposedChapter;
  title: string;
  content: Element;
  ids: Set<string>;
}

/** The title and content of a built page, or an error naming the page. */
function readPage(dist: string, path: string): { title: string; content: Element } {
  const file = fileForPath(dist, path);
  if (!existsSync(file)) throw new Error(`Page absente de la construction : ${path} (attendue dans ${dist}).`);
  const tree = fromHtml(readFileSync(file, 'utf8'));
  const h1 = findElement(tree, (e) => e.tagName === 'h1' && e.properties['id'] === '_top');
  const content = findElement(tree, (e) => classesOf(e).includes('sl-markdown-content'));
  if (!h1 || !content) throw new Error(`Page sans titre ou sans contenu Starlight : ${path}.`);
  return { title: text(h1).trim(), content };
}

/** Removes what only makes sense on screen; returns the children to keep. */
function printable(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type !== 'element') return node.type === 'comment' ? [] : [node];
    if (SCREEN_ONLY.has(node.tagName)) return [];
    if (node.properties['hidden'] !== undefined && node.properties['hidden'] !== false) return [];
    if (classesOf(node).some((c) => SCREEN_ONLY_CLASSES.has(c))) return [];
    node.children = printable(node.children);
    return [node];
  });
}

const ID_REFERENCES = ['htmlFor', 'ariaLabelledBy', 'ariaDescribedBy', 'ariaControls'] as const;

export function composeBooklet(options: ComposeOptions): ComposedBooklet {
  const { dist, base, siteUrl } = options;
  const sources: Source[] = [];
  const byPath = new Map<string, Source>();
  let n = 0;
  for (const part of options.parts) {
    for (const chapter of part.chapters) {
      n += 1;
      const { title, content } = readPage(dist, chapter.path);
      const ids = new Set<string>();
      eachElement(content, (e) => {
        if (typeof e.properties['id'] === 'string') ids.add(e.properties['id']);
      });
      const source = {
        chapter: { id: `c${String(n)}`, title, part: chapter.part, path: chapter.path },
        title,
        content,
        ids,
      };
      sources.push(source);
      byPath.set(chapter.path, source);
    }
  }

  /** Where a link of `from` leads in the booklet: an anchor, or a public address for a note. */
  const target = (from: Source, href: string): { anchor: string } | { note: string } | undefined => {
    let url: URL;
    try {
      url = new URL(href, `${PROBE}${base}${from.chapter.path.slice(1)}`);
    } catch {
      return undefined;
    }
    if (url.origin === PROBE) {
      if (!url.pathname.startsWith(base)) return undefined;
      const path = `/${decodeURI(url.pathname.slice(base.length))}`;
      const to = byPath.get(path);
      const hash = decodeURIComponent(url.hash.slice(1));
      if (to) return { anchor: hash && to.ids.has(hash) ? `${to.chapter.id}--${hash}` : to.chapter.id };
      return { note: new URL(`${url.pathname.slice(base.length)}${url.search}${url.hash}`, siteUrl).href };
    }
    if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:') return { note: url.href };
    return undefined;
  };

  const chapters: ElementContent[] = [];
  let previousPart: string | undefined;
  for (const source of sources) {
    const { chapter, content } = source;
    const prefix = (id: string) => `${chapter.id}--${id}`;
    const notes: string[] = [];
    const body = printable(structuredClone(content).children);
    const root: Root = { type: 'root', children: body };
    eachElement(root, (element) => {
      const { properties } = element;
      if (typeof properties['id'] === 'string') properties['id'] = prefix(properties['id']);
      for (const name of ID_REFERENCES) {
        const value = properties[name];
        if (typeof value === 'string') properties[name] = [prefix(value)];
        else if (Array.isArray(value))
          properties[name] = value.map((v) => prefix(typeof v === 'string' ? v : String(v)));
      }
      // Lazy images may not be loaded when Chromium prints.
      if (element.tagName === 'img') properties['loading'] = 'eager';
      // Headings one level down: the chapter's title is the h2.
      const level = /^h([1-6])$/.exec(element.tagName)?.[1];
      if (level) element.tagName = `h${String(Math.min(6, Number(level) + 1))}`;
    });
    // Links last, once the tree is final: the note's number goes right after its link.
    const linkNotes = (parent: Element | Root): void => {
      const children: RootContent[] = [];
      for (const child of parent.children) {
        children.push(child);
        if (child.type !== 'element') continue;
        const href = child.tagName === 'a' ? child.properties['href'] : undefined;
        const where = typeof href === 'string' ? target(source, href) : undefined;
        if (where && 'anchor' in where) {
          child.properties['href'] = `#${where.anchor}`;
        } else if (where && 'note' in where) {
          child.properties['href'] = where.note;
          let number = notes.indexOf(where.note) + 1;
          if (number === 0) number = notes.push(where.note);
          children.push({
            type: 'element',
            tagName: 'sup',
            properties: { className: ['booklet-note-ref'] },
            children: [{ type: 'text', value: String(number) }],
          });
          continue;
        }
        linkNotes(child);
      }
      parent.children = children;
    };
    linkNotes(root);

    const head: ElementContent[] = [];
    if (chapter.part !== previousPart) {
      const part = options.parts.find((p) => p.label === chapter.part);
      head.push(h('h1', { className: ['booklet-part'] }, [txt(chapter.part)]));
      if (part?.note) head.push(h('p', { className: ['booklet-part-note'] }, [txt(part.note)]));
      previousPart = chapter.part;
    }
    head.push(h('h2', { className: ['booklet-chapter-title'], id: chapter.id }, [txt(chapter.title)]));
    const tail: ElementContent[] =
      notes.length === 0
        ? []
        : [
            h('p', { className: ['booklet-notes-title'] }, [txt('Liens de cette page')]),
            h(
              'ol',
              { className: ['booklet-notes'] },
              notes.map((note) => h('li', {}, [txt(shortUrl(note))])),
            ),
          ];
    chapters.push(
      h('article', { className: ['booklet-chapter', `booklet-${chapter.id}`] }, [
        ...head,
        h('div', { className: ['sl-markdown-content'] }, root.children as ElementContent[]),
        ...tail,
      ]),
    );
  }

  const composed = sources.map((s) => s.chapter);
  const html = toHtml({
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'fr', dataTheme: 'light' }, [
        h('head', {}, [
          h('meta', { charSet: 'utf-8' }, []),
          h('title', {}, [txt(options.title)]),
          ...stylesheets(dist, base, sources),
          h('style', {}, [txt(options.css + pageRules(composed))]),
        ]),
        h('body', { className: ['booklet'] }, [cover(options), tableOfContents(options.parts, composed), ...chapters]),
      ]),
    ],
  });
  return { html, chapters: composed };
}

function h(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function txt(value: string): ElementContent {
  return { type: 'text', value };
}

/**
 * The site's styles that the booklet's pages use, in the order they first appear: style
 * sheets (`<link>`) and the small ones the build writes into the page (`<style>`).
 */
function stylesheets(dist: string, base: string, sources: readonly Source[]): Element[] {
  const seen = new Set<string>();
  const styles: Element[] = [];
  for (const source of sources) {
    const file = fileForPath(dist, source.chapter.path);
    const head = findElement(fromHtml(readFileSync(file, 'utf8')), (e) => e.tagName === 'head');
    if (!head) continue;
    eachElement(head, (e) => {
      const rel = e.properties['rel'];
      const href = e.properties['href'];
      if (e.tagName === 'link' && Array.isArray(rel) && rel.includes('stylesheet') && typeof href === 'string') {
        const path = new URL(href, `${PROBE}${base}${source.chapter.path.slice(1)}`).pathname;
        if (!seen.has(path)) styles.push(h('link', { rel: ['stylesheet'], href: path }, []));
        seen.add(path);
      } else if (e.tagName === 'style') {
        const css = text(e);
        if (!seen.has(css)) styles.push(h('style', {}, [txt(css)]));
        seen.add(css);
      }
    });
  }
  return styles;
}

/** One named page per chapter: its running header names its part and its title. */
function pageRules(chapters: readonly ComposedChapter[]): string {
  return chapters
    .map(
      (c) =>
        `.booklet-${c.id} { page: ${c.id}; }\n` +
        `@page ${c.id} { @top-left { content: ${cssString(c.part)}; } @top-right { content: ${cssString(c.title)}; } }`,
    )
    .join('\n');
}

const MONTH_YEAR = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** « 1er décembre 2026 », « 2 décembre 2026 ». */
export function frenchDate(date: Date): string {
  const day = date.getUTCDate();
  return `${day === 1 ? '1er' : String(day)} ${MONTH_YEAR.format(date)}`;
}

function cover(options: ComposeOptions): Element {
  const site = options.siteUrl.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return h('section', { className: ['booklet-cover'] }, [
    h('img', { src: `${options.base}favicon.svg`, alt: '', className: ['booklet-logo'] }, []),
    h('p', { className: ['booklet-title'] }, [txt(options.title)]),
    h('p', { className: ['booklet-subtitle'] }, [txt(options.subtitle)]),
    h('p', { className: ['booklet-date'] }, [txt(`Édition du ${frenchDate(options.date)}`)]),
    h('p', { className: ['booklet-site'] }, [txt(`À lire et à jour en ligne : ${site}`)]),
    h('p', { className: ['booklet-license'] }, [txt(options.license)]),
  ]);
}

/** The clickable table of contents; page numbers are filled in once the booklet is laid out. */
function tableOfContents(parts: readonly Part[], chapters: readonly ComposedChapter[]): Element {
  let i = 0;
  const items = parts.map((part) => {
    const entries = part.chapters.map(() => {
      const chapter = chapters[i++];
      if (!chapter) throw new Error('Sommaire : chapitre manquant.');
      return h('li', {}, [
        h('a', { href: `#${chapter.id}` }, [
          h('span', { className: ['booklet-toc-title'] }, [txt(chapter.title)]),
          h('span', { className: ['booklet-toc-page'], dataTocPage: chapter.id }, []),
        ]),
      ]);
    });
    return h('li', { className: ['booklet-toc-part'] }, [
      h('span', { className: ['booklet-toc-part-label'] }, [txt(part.label)]),
      h('ol', {}, entries),
    ]);
  });
  return h('nav', { className: ['booklet-toc'], ariaLabelledBy: ['sommaire'] }, [
    h('h1', { id: 'sommaire' }, [txt('Sommaire')]),
    h('ol', {}, items),
  ]);
}
