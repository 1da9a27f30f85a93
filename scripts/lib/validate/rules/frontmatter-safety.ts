/**
 * Rule: the header of a guide page cannot inject code either. Starlight renders some of its
 * fields as HTML (`hero.tagline`, `banner.content`, icons), adds `head` tags to the page and
 * puts `attrs` on links, so every string is checked like HTML in the body.
 */
import { localIssue, type LocalIssue } from '../issues.ts';
import type { ParsedYaml } from '../yaml.ts';
import { checkTag, isUnsafeUrl, scanHtml, unsafeUrlIssue } from './mdx-safety.ts';

export function checkFrontmatterSafety(yaml: ParsedYaml): LocalIssue[] {
  const issues: LocalIssue[] = [];
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      const at = yaml.fieldAt(path);
      if (isUnsafeUrl(value)) issues.push(unsafeUrlIssue(value, at));
      for (const tag of scanHtml(value)) issues.push(...checkTag(tag.name, tag.attributes, at, { jsx: false }));
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        walk(item, [...path, i]);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (path.at(-1) === 'attrs' && /^on/i.test(key)) {
          issues.push(
            localIssue(
              'html-event-handler',
              yaml.fieldAt([...path, key]),
              `attribut « ${key} » interdit : il exécute du code`,
            ),
          );
        }
        walk(item, [...path, key]);
      }
    }
  };
  const value = yaml.value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const head: unknown = (value as Record<string, unknown>)['head'];
    if (Array.isArray(head) && head.length > 0) {
      issues.push(
        localIssue(
          'html-forbidden',
          yaml.fieldAt(['head']),
          'champ « head » interdit : il ajoute des balises à la page',
        ),
      );
    }
  }
  walk(value, []);
  return issues;
}
