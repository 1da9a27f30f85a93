import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/lib/synthetic-toolkits.ts';
import { summarizeFile } from '../../scripts/lib/validate/summarize.ts';
import { validateContent } from '../../scripts/lib/validate/engine.ts';
import type { Kind } from '../../scripts/lib/validate/discover.ts';
import { removeTrees, treeWith } from '../helpers/validate-fixtures.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => new Uint8Array(values);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};
const HEADER = '---\ntitle: Titre\ndescription: Une description assez longue pour être valide.\n---\n\n';

/** Malformed inputs of every kind, each paired with the rule it must at least trigger. */
function malformedInputs(): { name: string; input: Uint8Array; rule: string; mdxOnly?: boolean }[] {
  const random = seededRandom(7);
  const noise = Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256));
  return [
    { name: 'un fichier vide', input: bytes(), rule: 'file-empty' },
    { name: 'des blancs seulement', input: utf8(' \n\t\n'), rule: 'file-empty' },
    { name: 'un BOM seul', input: bytes(0xef, 0xbb, 0xbf), rule: 'file-empty' },
    { name: 'des octets aléatoires', input: noise, rule: 'file-binary' },
    { name: 'un octet nul au milieu du texte', input: utf8(`${HEADER}a\u0000b`), rule: 'file-binary' },
    { name: 'du Latin-1', input: concat(utf8(HEADER), bytes(0x63, 0x61, 0x66, 0xe9)), rule: 'file-encoding' },
    { name: 'un UTF-8 tronqué à la fin', input: concat(utf8(HEADER), bytes(0xe2, 0x82)), rule: 'file-encoding' },
    { name: 'une forme UTF-8 trop longue', input: concat(utf8(HEADER), bytes(0xc0, 0xaf)), rule: 'file-encoding' },
    {
      name: 'un demi-caractère UTF-16 encodé',
      input: concat(utf8(HEADER), bytes(0xed, 0xa0, 0x80)),
      rule: 'file-encoding',
    },
    {
      name: 'un fichier de 5 Mo',
      input: utf8(`${HEADER}${'Une ligne de texte.\n'.repeat(262_144)}`),
      rule: 'file-too-large',
    },
    {
      name: 'un BOM et des fins de ligne CRLF',
      input: utf8(`\uFEFF${HEADER.replace(/\n/g, '\r\n')}Texte.\r\n`),
      rule: 'file-bom',
    },
    { name: 'un en-tête jamais fermé', input: utf8('---\ntitle: Titre\n\nDu texte.\n'), rule: 'frontmatter-missing' },
    { name: 'un YAML invalide', input: utf8('---\ntitle: [Titre\n---\n'), rule: 'yaml-syntax' },
    { name: 'une clé en double', input: utf8('---\ntitle: A\ntitle: B\n---\n'), rule: 'yaml-syntax' },
    { name: 'un alias YAML inconnu', input: utf8('---\ntitle: *inconnu\n---\n'), rule: 'yaml-syntax' },
    {
      name: 'une bombe d’alias YAML',
      input: utf8(
        `---\na: &a [x, x, x, x, x, x, x, x, x]\n${Array.from(
          { length: 9 },
          (_, i) =>
            `${'b'.repeat(i + 1)}: &${'b'.repeat(i + 1)} [${Array(9)
              .fill(i === 0 ? '*a' : `*${'b'.repeat(i)}`)
              .join(', ')}]`,
        ).join('\n')}\n---\n`,
      ),
      rule: 'yaml-syntax',
    },
    { name: 'un en-tête qui est une liste', input: utf8('---\n- a\n- b\n---\n'), rule: 'schema' },
    { name: 'un en-tête vide', input: utf8('---\n---\n\nTexte.\n'), rule: 'schema' },
    {
      name: 'une balise JSX jamais fermée',
      input: utf8(`${HEADER}<Aside>\n\nTexte.\n`),
      rule: 'mdx-syntax',
      mdxOnly: true,
    },
    {
      name: 'une balise fermante en trop',
      input: utf8(`${HEADER}Texte.\n\n</Steps>\n`),
      rule: 'mdx-syntax',
      mdxOnly: true,
    },
    { name: 'un commentaire HTML en MDX', input: utf8(`${HEADER}<!-- note -->\n`), rule: 'mdx-syntax', mdxOnly: true },
    { name: 'une accolade jamais fermée', input: utf8(`${HEADER}Texte {ouvert\n`), rule: 'mdx-syntax', mdxOnly: true },
    { name: 'mille listes imbriquées', input: utf8(`${HEADER}${nestedLists(1000)}`), rule: 'file-too-large' },
  ];
}

function nestedLists(depth: number): string {
  return `${Array.from({ length: depth }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')}\n`;
}

/** Well-formed but extreme inputs: they must be read to the end without an exception. */
const EXTREME = [
  { label: 'mille citations imbriquées', text: `${HEADER}${'>'.repeat(1000)} texte\n` },
  { label: 'cent listes imbriquées', text: `${HEADER}${nestedLists(100)}` },
  { label: 'une ligne de 90 000 caractères', text: `${HEADER}${'a'.repeat(90_000)}\n` },
  { label: 'un paragraphe de 4 000 lignes', text: `${HEADER}${'Une ligne de texte.\n'.repeat(4000)}` },
];

const KINDS: { kind: Kind; name: string }[] = [
  { kind: 'doc', name: 'content/docs/page.mdx' },
  { kind: 'doc', name: 'content/docs/page.md' },
  { kind: 'toolkit', name: 'content/toolkits/fiche.mdx' },
  { kind: 'kpa', name: 'content/kpa/kpa.yaml' },
  { kind: 'glossary', name: 'content/glossaire.yaml' },
];

afterAll(removeTrees);

describe('malformed input of any kind is an issue on its file, never a crash', () => {
  // In a plain `.md` page, a stray `</Steps>` or `{` is text: only MDX rejects them.
  const cases = malformedInputs().flatMap((c) =>
    KINDS.filter((k) => !(c.mdxOnly && k.name.endsWith('.md'))).map((k) => ({ ...k, label: c.name, input: c.input })),
  );

  it.each(cases)('$label, in $name', async ({ kind, name, input }) => {
    const summary = await summarizeFile(kind, name, input);
    expect(summary.issues.length).toBeGreaterThan(0);
    expect(summary.issues.filter((i) => i.rule === 'internal-error')).toEqual([]);
  });

  it.each(EXTREME)('$label is read to the end without an internal error', async ({ text }) => {
    for (const { kind, name } of KINDS) {
      const summary = await summarizeFile(kind, name, new TextEncoder().encode(text));
      expect(summary.issues.filter((i) => i.rule === 'internal-error')).toEqual([]);
    }
  });

  it('each malformed Markdown input triggers the rule it is made for', async () => {
    for (const { input, rule, name } of malformedInputs()) {
      const rules = (await summarizeFile('toolkit', 'content/toolkits/fiche.mdx', input)).issues.map((i) => i.rule);
      expect(rules, name).toContain(rule);
    }
  });

  it('a whole tree of malformed files is validated to the end, one report for all', async () => {
    const root = treeWith();
    const inputs = malformedInputs();
    mkdirSync(join(root, 'content/docs/casse'), { recursive: true });
    inputs.forEach(({ input }, i) => {
      writeFileSync(join(root, `content/docs/casse/page-${String(i)}.mdx`), input);
      writeFileSync(join(root, `content/toolkits/casse-${String(i)}.mdx`), input);
      writeFileSync(join(root, `content/kpa/casse-${String(i)}.yaml`), input);
    });
    const { issues } = await validateContent({ root, jobs: 1 });
    const files = new Set(issues.map((i) => i.file));
    expect(files.size).toBe(inputs.length * 3);
    expect(issues.filter((i) => i.rule === 'internal-error')).toEqual([]);
  });
});
