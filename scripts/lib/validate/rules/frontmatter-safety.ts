/**
 * Rule: the header of a page or toolkit, and the data files, cannot inject code either. The
 * site writes many fields into the page as they are: Starlight puts the title in `<title>`
 * and the hero without escaping, renders `hero.tagline` and `banner.content` as HTML, spreads
 * `attrs` onto links and adds `head` tags. So every string must be plain text, except the two
 * fields meant to hold HTML, which must pass the HTML allow-list; addresses cannot be
 * `javascript:`; `attrs` are checked as attributes of a link; `head` and `layout` (which makes
 * the compiled page import a file) are refused; an `editUrl` may only point to the repository.
 */
import { localIssue, onField, type LocalIssue, type Position } from '../issues.ts';
import type { ParsedYaml } from '../yaml.ts';
import {
  checkElement,
  checkHtml,
  findingIssue,
  isPlainText,
  isUnsafeUrl,
  plainTextIssue,
  unsafeUrlIssue,
} from './html.ts';

/** Fields whose value is an address (`hero.actions[].link`, `image.src`, `sources[].url`…). */
const URL_KEYS = new Set(['link', 'href', 'url', 'src', 'file', 'dark', 'light']);

/** Fields Starlight renders as HTML, by path. */
const HTML_FIELDS = new Set(['hero.tagline', 'banner.content']);

function pathName(path: readonly PropertyKey[]): string {
  return path.filter((key) => typeof key === 'string').join('.');
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * Checks every string of a parsed header or data file; `kind` says which fields hold HTML,
 * `repoUrl` is the repository an `editUrl` may point to (`REPO_URL` of `src/config/site.ts`,
 * passed in so that this rule also runs in the browser, where there is no environment).
 */
export function checkFrontmatterSafety(yaml: ParsedYaml, kind: 'doc' | 'data', repoUrl: string): LocalIssue[] {
  const issues: LocalIssue[] = [];
  // YAML aliases share objects: each is checked once, or an alias bomb would take forever.
  const seen = new Set<object>();
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) return;
      seen.add(value);
    }
    if (typeof value === 'string') {
      // Positions cost a second parse of the YAML: looked up only for a problem.
      const at = () => yaml.fieldAt(path);
      const key = path.at(-1);
      const report = (issue: LocalIssue) => issues.push(onField(issue, path));
      if (typeof key === 'string' && URL_KEYS.has(key) && isUnsafeUrl(value)) report(unsafeUrlIssue(value, at()));
      else if (kind === 'doc' && HTML_FIELDS.has(pathName(path))) {
        for (const finding of checkHtml(value)) report(findingIssue({ ...finding, ...at() }));
      } else if (!isPlainText(value)) {
        report(plainTextIssue(`Le champ « ${pathName(path) || String(path.at(-1))} »`, at()));
      }
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        walk(item, [...path, i]);
      });
      return;
    }
    const object = record(value);
    if (!object) return;
    if (path.at(-1) === 'attrs') {
      // Spread onto a link by Starlight: judged as attributes of an <a>.
      const attributes: Record<string, string | true> = {};
      for (const [key, item] of Object.entries(object)) {
        if (typeof item === 'string') attributes[key] = item;
        else if (item === true) attributes[key] = true;
      }
      const at: Position = yaml.fieldAt(path);
      for (const finding of checkElement('a', attributes, at)) issues.push(onField(findingIssue(finding), path));
    }
    for (const [key, item] of Object.entries(object)) walk(item, [...path, key]);
  };
  const data = record(yaml.value);
  if (data && 'layout' in data) {
    issues.push(
      localIssue(
        'mdx-import-export',
        yaml.fieldAt(['layout']),
        'champ « layout » interdit : il fait importer un fichier de code par la page ; la mise en page vient du site',
        ['layout'],
      ),
    );
  }
  if (kind === 'doc' && data) {
    const head: unknown = data['head'];
    if (Array.isArray(head) && head.length > 0) {
      issues.push(
        localIssue(
          'html-forbidden',
          yaml.fieldAt(['head']),
          'champ « head » interdit : il ajoute des balises à la page',
          ['head'],
        ),
      );
    }
    const editUrl = data['editUrl'];
    if (typeof editUrl === 'string' && !editUrl.startsWith(`${repoUrl}/`)) {
      issues.push(
        localIssue(
          'edit-url',
          yaml.fieldAt(['editUrl']),
          `« editUrl » doit mener au dépôt du guide (${repoUrl}/…) ou valoir false`,
          ['editUrl'],
        ),
      );
    }
  }
  walk(yaml.value, []);
  return issues;
}
