/**
 * Rule: contributed content cannot run code. MDX is compiled to JavaScript at build time and
 * its HTML reaches every reader, and contributions come from strangers, so content may only
 * use Markdown, the components the site provides without import (`ALLOWED_COMPONENTS`) and
 * the plain HTML elements of `html.ts`; no import/export, no `{…}` expression, no active HTML.
 *
 * These checks read the remark tree, for precise lines and messages; `build-view.ts` then
 * judges what the build's own compiler makes of the same file.
 */
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import {
  ALLOWED_COMPONENTS,
  COMPONENT_PROPS,
  REQUIRED_PROPS,
  TEXT_PROPS,
} from '../../../../src/config/mdx-components.ts';
import { localIssue, type LocalIssue, type Position } from '../issues.ts';
import { checkElement, findingIssue, isPlainText, isUnsafeUrl, plainTextIssue, unsafeUrlIssue } from './html.ts';

/** Checks one tag written as JSX: a component of the allow-list, or an allowed HTML element. */
export function checkTag(
  name: string,
  attributes: readonly { name: string; value: string | undefined }[],
  at: Position,
): LocalIssue[] {
  const issues: LocalIssue[] = [];
  const isComponent = /^[A-Z]/.test(name) || name.includes('.');
  const values: Record<string, string | true> = {};
  for (const attribute of attributes) {
    if (/^on/i.test(attribute.name)) {
      issues.push(localIssue('html-event-handler', at, `attribut « ${attribute.name} » interdit : il exécute du code`));
    } else if (attribute.name.includes(':') && attribute.name !== 'xlink:href') {
      issues.push(
        localIssue(
          'mdx-expression',
          at,
          `directive « ${attribute.name} » interdite : elle injecte du HTML ou du code (set:html, client:…)`,
        ),
      );
    } else if (attribute.value !== undefined && isUnsafeUrl(attribute.value)) {
      issues.push(unsafeUrlIssue(attribute.value, at));
    } else {
      values[attribute.name] = attribute.value ?? true;
    }
  }
  if (isComponent) {
    if (!ALLOWED_COMPONENTS.includes(name)) {
      issues.push(
        localIssue(
          'mdx-component',
          at,
          `composant « <${name}> » non autorisé : composants disponibles : ${ALLOWED_COMPONENTS.join(', ')}`,
        ),
      );
    }
    const known = COMPONENT_PROPS[name];
    for (const prop of Object.keys(values)) {
      if (known && !known.includes(prop)) {
        issues.push(
          localIssue(
            'mdx-component',
            at,
            `attribut « ${prop} » inconnu pour <${name}> : attributs possibles : ${known.length > 0 ? known.join(', ') : 'aucun'}`,
          ),
        );
      }
    }
    for (const prop of REQUIRED_PROPS[name] ?? []) {
      const value = values[prop];
      if (typeof value !== 'string' || value.trim() === '') {
        issues.push(
          localIssue('mdx-component', at, `<${name}> demande l’attribut « ${prop} », écrit entre guillemets`),
        );
      }
    }
    // Starlight writes these props into the page as HTML: only plain text is safe there.
    for (const prop of TEXT_PROPS[name] ?? []) {
      const value = values[prop];
      if (typeof value === 'string' && !isPlainText(value))
        issues.push(plainTextIssue(`L’attribut « ${prop} » de <${name}>`, at));
    }
    return issues;
  }
  issues.push(...checkElement(name, values, at).map((finding) => findingIssue(finding)));
  return issues;
}

/** A JSX element of MDX: expression attributes are refused, the rest as `checkTag`. */
export function checkJsxElement(node: MdxJsxFlowElement | MdxJsxTextElement, at: Position): LocalIssue[] {
  const issues: LocalIssue[] = [];
  const attributes: { name: string; value: string | undefined }[] = [];
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      issues.push(localIssue('mdx-expression', at, 'attribut « {…} » interdit : écrivez chaque attribut en texte'));
    } else if (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string') {
      issues.push(
        localIssue(
          'mdx-expression',
          at,
          `valeur « {…} » interdite pour « ${attribute.name} » : écrivez-la entre guillemets`,
        ),
      );
    } else {
      attributes.push({ name: attribute.name, value: attribute.value ?? undefined });
    }
  }
  // A fragment `<>…</>` has no name and renders nothing of its own.
  if (node.name !== null) issues.push(...checkTag(node.name, attributes, at));
  return issues;
}

export function esmIssue(value: string, at: Position): LocalIssue {
  const word = /^\s*export\b/.test(value) ? 'export' : 'import';
  return localIssue(
    'mdx-import-export',
    at,
    `« ${word} » interdit dans le contenu : les composants autorisés sont disponibles sans import`,
  );
}

export function expressionIssue(at: Position): LocalIssue {
  return localIssue(
    'mdx-expression',
    at,
    'expression « {…} » interdite : pour écrire une accolade dans le texte, tapez « \\{ »',
  );
}
