/**
 * What the build's own compiler makes of a page, and whether that is safe. Astro 7 does not
 * compile Markdown and MDX with remark but with Sätteri (a Rust parser built on
 * pulldown-cmark), and the two disagree on edge cases; every disagreement would be a way past
 * a validator that only asked remark. So each page is also:
 *
 * 1. split as Astro splits it (`parseFrontmatter` of `@astrojs/internal-helpers`, on the text
 *    as the build reads it: before line ends are normalised);
 * 2. compiled with Astro's own processor (`@astrojs/markdown-satteri`, the options of the
 *    build: GFM, smart punctuation, directives, MDX `optimize`). Starlight's presentational
 *    plugins (asides, heading anchors, RTL code) are left out: they restyle the tree and add
 *    no code; so is the site's sub-path plugin (`src/lib/base-path.ts`), which only puts
 *    the sub-path in front of site addresses, so that a page is judged the same for every
 *    deployment;
 * 3. judged on the result. An `.mdx` page becomes a JavaScript module: its only imports may be
 *    the runtime, the image component and pictures inside the repository; its only exports the
 *    compiler's own; its code may call nothing but the JSX runtime, and name nothing that the
 *    module does not declare. Every HTML string it holds, and every element it creates, goes
 *    through the HTML allow-list. An `.md` page becomes HTML, judged as a browser parses it.
 *
 * The remark-based rules report most problems first, with precise lines; this view is the
 * go/no-go. What it finds is placed with Sätteri's own tree when it can, else at line 1.
 */
import { posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseJs } from 'acorn';
import type * as estree from 'estree';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { satteri } from '@astrojs/markdown-satteri';
import { markdownToMdast, mdxToMdast } from 'satteri';
import type { Nodes, Root } from 'mdast';
import type {} from 'remark-mdx'; // brings the MDX node types into `mdast`
import { COMPONENT_PROPS, TEXT_PROPS } from '../../../src/config/mdx-components.ts';
import { PROJECT_ROOT } from './paths.ts';
import { START, localIssue, type LocalIssue, type Position, type RuleId } from './issues.ts';
import { find, html as htmlInfo } from 'property-information';
import {
  checkElement,
  checkHtml,
  checkHtmlTree,
  elementsOf,
  findingIssue,
  isPlainText,
  parseHtml,
  plainTextIssue,
} from './rules/html.ts';
import { imagePathIssue } from './rules/images.ts';
import { scanTree, type MarkdownScan } from './scan-tree.ts';

/** Parser features of the build: Astro's defaults, plus directives, which Starlight turns on. */
const FEATURES = { directive: true };
const SHARED = { syntaxHighlight: false, gfm: true, smartypants: true } as const;

type Renderers = {
  mdx: Awaited<ReturnType<NonNullable<ReturnType<typeof satteri>['createMdxRenderer']>>>;
  md: Awaited<ReturnType<ReturnType<typeof satteri>['createRenderer']>>;
};
let renderers: Promise<Renderers> | undefined;

/** Loads the build's compiler (about 0.3 s the first time). */
export async function loadCompiler(): Promise<void> {
  renderers ??= createRenderers();
  await renderers;
}

async function createRenderers(): Promise<Renderers> {
  const processor = satteri({ features: FEATURES });
  const srcDir = pathToFileURL(`${PROJECT_ROOT}src/`);
  if (!processor.createMdxRenderer) throw new Error('le processeur Markdown d’Astro ne compile pas le MDX');
  const [mdx, md] = await Promise.all([
    processor.createMdxRenderer({ ...SHARED }, { optimize: true, srcDir, sourcemap: false }),
    processor.createRenderer({ ...SHARED }),
  ]);
  return { mdx, md };
}

/** Something wrong in the compiled page, not yet placed in the source. */
interface Finding {
  rule: RuleId;
  message: string;
  /** What to look for in Sätteri's tree to place it. */
  place: 'esm' | 'expression';
}

/** Where Astro's Markdown processor keeps a local picture's attributes until it renders it. */
const IMAGE_MARKER = '__ASTRO_IMAGE_';
const RUNTIME_IMPORTS = new Set(['astro/jsx-runtime', 'astro:assets']);
const EXPORTS = new Set(['frontmatter', 'getHeadings', '__usesAstroImage']);
const FUNCTIONS = new Set(['_createMdxContent', 'MDXContent', '_missingMdxReference']);
const CALLS = new Set(['_jsx', '_jsxs', '_createMdxContent', '_missingMdxReference']);
const GLOBALS = new Set(['Object', 'Error', 'undefined']);
/** Node types the compiler never writes: only author code could put them there. */
const FOREIGN = new Set([
  'ImportExpression',
  'MetaProperty',
  'AwaitExpression',
  'YieldExpression',
  'TaggedTemplateExpression',
  'ArrowFunctionExpression',
  'FunctionExpression',
  'ClassExpression',
  'ClassDeclaration',
  'UpdateExpression',
  'AssignmentExpression',
  'ThisExpression',
  'SequenceExpression',
  'ChainExpression',
  'WithStatement',
  'DebuggerStatement',
]);

type AnyNode = estree.Node & { [key: string]: unknown };

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Keys of an ESTree node that never hold child nodes (`value` does, in a `Property`). */
const LEAF_KEYS = new Set([
  'type',
  'start',
  'end',
  'loc',
  'range',
  'name',
  'raw',
  'regex',
  'bigint',
  'kind',
  'operator',
  'prefix',
  'computed',
  'shorthand',
  'method',
  'async',
  'generator',
  'sourceType',
  'optional',
  'delegate',
  'tail',
  'cooked',
]);

function children(node: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (const key in node) {
    if (LEAF_KEYS.has(key)) continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) out.push(item);
    } else if (isNode(value)) out.push(value);
  }
  return out;
}

/** Names bound by a pattern (`{ a, b: c }`, `[d]`, `e = 1`). */
function patternNames(pattern: estree.Pattern, into: Set<string>): void {
  if (pattern.type === 'Identifier') into.add(pattern.name);
  else if (pattern.type === 'ObjectPattern') {
    for (const property of pattern.properties) {
      patternNames(property.type === 'RestElement' ? property.argument : property.value, into);
    }
  } else if (pattern.type === 'ArrayPattern') {
    for (const element of pattern.elements) if (element) patternNames(element, into);
  } else if (pattern.type === 'AssignmentPattern') patternNames(pattern.left, into);
  else if (pattern.type === 'RestElement') patternNames(pattern.argument, into);
}

function declaredNames(program: estree.Program): Set<string> {
  const names = new Set<string>();
  const walk = (node: AnyNode) => {
    if (node.type === 'ImportDeclaration') for (const s of node.specifiers) names.add(s.local.name);
    if (node.type === 'FunctionDeclaration') {
      names.add(node.id.name);
      for (const param of node.params) patternNames(param, names);
    }
    if (node.type === 'VariableDeclarator') patternNames(node.id, names);
    for (const child of children(node)) walk(child);
  };
  walk(program as AnyNode);
  return names;
}

function literalString(node: estree.Node | undefined): string | undefined {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0)
    return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function propertyName(property: estree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === 'Identifier') return property.key.name;
  return literalString(property.key);
}

/** String and `true` values of a JSX props object, by name (children and expressions left out). */
function literalProps(node: estree.Node | undefined): Record<string, string | true> {
  const props: Record<string, string | true> = {};
  if (node?.type !== 'ObjectExpression') return props;
  for (const property of node.properties) {
    if (property.type !== 'Property') continue;
    const name = propertyName(property);
    if (name === undefined || name === 'children') continue;
    const value = property.value;
    const text = literalString(value);
    if (text !== undefined) props[name] = text;
    else if (value.type === 'Literal' && value.value === true) props[name] = true;
  }
  return props;
}

interface ModuleFacts {
  findings: Finding[];
  /** What the module imports besides the runtime: pictures of the page, or author code. */
  imports: string[];
  /** HTML issues, already placed at the start of the file. */
  html: LocalIssue[];
}

/**
 * Judges the JavaScript module that an `.mdx` page compiles to. Its imports other than the
 * runtime are returned: the compiler imports the page's relative pictures, anything else is
 * author code (the caller tells them apart with Sätteri's tree).
 */
export function inspectModule(code: string): ModuleFacts {
  const facts: ModuleFacts = { findings: [], imports: [], html: [] };
  const esm = (message: string) => facts.findings.push({ rule: 'mdx-import-export', message, place: 'esm' });
  const code_ = (message: string) => facts.findings.push({ rule: 'mdx-expression', message, place: 'expression' });
  let program: estree.Program;
  try {
    program = parseJs(code, { ecmaVersion: 'latest', sourceType: 'module' }) as estree.Program;
  } catch (error) {
    code_(
      `le site compilerait cette page en un code illisible (${error instanceof Error ? error.message : String(error)})`,
    );
    return facts;
  }
  for (const statement of program.body) {
    switch (statement.type) {
      case 'ImportDeclaration': {
        const source = String(statement.source.value);
        if (!RUNTIME_IMPORTS.has(source)) facts.imports.push(source);
        break;
      }
      case 'ExportNamedDeclaration': {
        const declaration = statement.declaration;
        const names: string[] = [];
        if (declaration?.type === 'VariableDeclaration') {
          for (const d of declaration.declarations) if (d.id.type === 'Identifier') names.push(d.id.name);
        } else if (declaration?.type === 'FunctionDeclaration') names.push(declaration.id.name);
        if (
          statement.source ||
          statement.specifiers.length > 0 ||
          names.length === 0 ||
          names.some((n) => !EXPORTS.has(n))
        ) {
          esm(
            `le site compilerait cette page avec un « export » de plus (${names.join(', ') || 'réexport'}) : aucun export n’est permis`,
          );
        }
        break;
      }
      case 'FunctionDeclaration':
        if (!FUNCTIONS.has(statement.id.name)) {
          code_(`le site compilerait cette page avec une fonction « ${statement.id.name} » : aucun code n’est permis`);
        }
        break;
      default:
        (statement.type.startsWith('Export') ? esm : code_)(
          `le site compilerait cette page avec du code en plus (${statement.type}) : aucun code n’est permis`,
        );
    }
  }
  const declared = declaredNames(program);
  // Code inside an import or export statement came from an ESM block of the page.
  let report = code_;
  const visit = (node: AnyNode, parent: AnyNode | undefined) => {
    if (FOREIGN.has(node.type)) {
      report(`le site compilerait cette page avec du code (${node.type}) : aucune expression n’est permise`);
      return;
    }
    if (
      node.type === 'Identifier' &&
      parent &&
      isReference(node, parent) &&
      !declared.has(node.name) &&
      !GLOBALS.has(node.name)
    ) {
      report(`le site compilerait cette page avec une référence à « ${node.name} » : aucune expression n’est permise`);
    }
    if (node.type === 'CallExpression' || node.type === 'NewExpression') inspectCall(node, facts, report);
    if (node.type === 'Property') {
      const name = propertyName(node);
      if (name === 'set:html' || name === 'set:text') {
        const html = literalString(node.value);
        if (html === undefined)
          code_('le site compilerait cette page avec un « set:html » calculé : aucune expression n’est permise');
        else if (name === 'set:html')
          facts.html.push(
            ...checkHtml(html, { written: false }).map((finding) => findingIssue({ ...finding, ...START })),
          );
      }
    }
    for (const child of children(node)) visit(child, node);
  };
  for (const statement of program.body) {
    const inEsm = statement.type.startsWith('Import') || statement.type.startsWith('Export');
    report = inEsm
      ? (message: string) => facts.findings.push({ rule: 'mdx-expression', message, place: 'esm' })
      : code_;
    visit(statement as AnyNode, program as AnyNode);
  }
  return facts;
}

/** Whether an identifier is read as a variable (not a property name or a declaration). */
function isReference(node: estree.Identifier, parent: AnyNode): boolean {
  if (parent.type === 'MemberExpression') return parent.object === node || parent.computed;
  if (parent.type === 'Property') return parent.value === node || parent.computed;
  if (parent.type === 'FunctionDeclaration' || parent.type === 'VariableDeclarator') return false;
  if (
    parent.type === 'ImportSpecifier' ||
    parent.type === 'ImportDefaultSpecifier' ||
    parent.type === 'ImportNamespaceSpecifier'
  )
    return false;
  if (parent.type === 'ExportSpecifier' || parent.type === 'AssignmentPattern' || parent.type === 'ObjectPattern')
    return false;
  if (parent.type === 'ArrayPattern' || parent.type === 'RestElement' || parent.type === 'LabeledStatement')
    return false;
  return true;
}

function inspectCall(
  node: estree.CallExpression | estree.NewExpression,
  facts: ModuleFacts,
  report: (message: string) => void,
): void {
  const callee = node.callee;
  if (node.type === 'NewExpression') {
    if (!(callee.type === 'Identifier' && callee.name === 'Error'))
      report('le site compilerait cette page avec un « new » : aucune expression n’est permise');
    return;
  }
  const isAssign =
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'Object' &&
    callee.property.type === 'Identifier' &&
    callee.property.name === 'assign';
  if (!isAssign && !(callee.type === 'Identifier' && CALLS.has(callee.name))) {
    report('le site compilerait cette page avec un appel de fonction : aucune expression n’est permise');
    return;
  }
  if (callee.type !== 'Identifier' || (callee.name !== '_jsx' && callee.name !== '_jsxs')) return;
  const [type, props] = node.arguments;
  const tag = literalString(type);
  const values = literalProps(props);
  if (tag !== undefined) {
    // An HTML element the compiler could not turn into a static string.
    facts.html.push(...checkElement(tag, values, START).map((finding) => findingIssue(finding)));
  } else if (type?.type === 'Identifier') {
    const name = type.name;
    for (const prop of TEXT_PROPS[name] ?? []) {
      const value = values[prop];
      if (typeof value === 'string' && !isPlainText(value))
        facts.html.push(plainTextIssue(`L’attribut « ${prop} » de <${name}>`, START));
    }
    const known = COMPONENT_PROPS[name];
    if (known) {
      for (const prop of Object.keys(values)) {
        if (!known.includes(prop) && prop !== 'set:html') {
          facts.html.push(localIssue('mdx-component', START, `attribut « ${prop} » inconnu pour <${name}>`));
        }
      }
    }
  }
}

interface PageTree {
  /** Where the ESM blocks and expressions are, in order. */
  esm: Position[];
  expression: Position[];
  /** Image addresses (as written, and as Astro decodes them). */
  pictures: Set<string>;
}

/** Sätteri's own tree of a page, with positions; `undefined` when it cannot parse the page. */
function pageTree(content: string, format: 'mdx' | 'md'): Root | undefined {
  try {
    const options = { position: true, features: FEATURES };
    const tree = format === 'mdx' ? mdxToMdast(content, options) : markdownToMdast(content, options);
    // Sätteri's nodes have the shapes of mdast (its README says so), with MDX's node types.
    return tree as unknown as Root;
  } catch {
    // The compiler reports the syntax error itself.
    return undefined;
  }
}

/** What Sätteri's tree says: where the page's code is, which images it shows. */
function readTree(tree: Root | undefined): PageTree {
  const out: PageTree = { esm: [], expression: [], pictures: new Set() };
  const walk = (node: Nodes) => {
    const at = node.position?.start;
    if (at && node.type === 'mdxjsEsm') out.esm.push({ line: at.line, column: at.column });
    if (at && (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression')) {
      out.expression.push({ line: at.line, column: at.column });
    }
    if (node.type === 'image') {
      out.pictures.add(node.url);
      try {
        out.pictures.add(decodeURI(node.url));
      } catch {
        // Not decodable: Astro keeps it as written.
      }
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  if (tree) walk(tree);
  return out;
}

/**
 * Checks the HTML of a `.md` page. Astro moves the attributes of a local picture into a JSON
 * marker (`__ASTRO_IMAGE_`) and renders them later: they are put back on the element first.
 */
function markdownHtmlIssues(html: string): LocalIssue[] {
  const tree = parseHtml(html);
  for (const element of elementsOf(tree)) {
    const marker = element.properties[IMAGE_MARKER];
    if (element.tagName !== 'img' || typeof marker !== 'string') continue;
    element.properties = Object.fromEntries(Object.entries(element.properties).filter(([key]) => key !== IMAGE_MARKER));
    let attributes: unknown;
    try {
      attributes = JSON.parse(marker);
    } catch {
      attributes = undefined;
    }
    if (typeof attributes !== 'object' || attributes === null) continue;
    for (const [name, value] of Object.entries(attributes as Record<string, unknown>)) {
      if (name !== 'index' && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) {
        element.properties[find(htmlInfo, name).property] = value;
      }
    }
  }
  return checkHtmlTree(tree).map((finding) => findingIssue({ ...finding, ...START }));
}

export interface BuildViewInput {
  /** The file as the build reads it: decoded, with its own line ends. */
  raw: string;
  format: 'mdx' | 'md';
  /** Path relative to the validated root. */
  path: string;
}

export interface BuildView {
  /** What is wrong with the compiled page. */
  issues: LocalIssue[];
  /** The page read from Sätteri's own tree with the remark rules' code (`scanTree`), if it parses. */
  scan: MarkdownScan | undefined;
}

/** Compiles a page as the build does, and reads the compiler's tree of it. */
export async function checkBuildView(input: BuildViewInput): Promise<BuildView> {
  const split = splitAsAstro(input.raw);
  if ('issue' in split) return { issues: [split.issue], scan: undefined };
  const tree = pageTree(split.content, input.format);
  let scan: MarkdownScan | undefined;
  if (tree) {
    scan = {
      issues: [],
      frontmatter: undefined,
      links: [],
      anchors: [],
      components: [],
      diagrams: [],
      complete: false,
    };
    scanTree(tree, scan);
  }
  return { issues: await compiledIssues(input, split, tree), scan };
}

function splitAsAstro(raw: string): ReturnType<typeof parseFrontmatter> | { issue: LocalIssue } {
  try {
    return parseFrontmatter(raw, { frontmatter: 'empty-with-spaces' });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { issue: localIssue('frontmatter-fence', START, `le site ne peut pas lire l’en-tête : ${detail}`) };
  }
}

/** Compiles a page as the build does and returns what is wrong with the result. */
async function compiledIssues(
  { format, path }: BuildViewInput,
  split: ReturnType<typeof parseFrontmatter>,
  tree: Root | undefined,
): Promise<LocalIssue[]> {
  renderers ??= createRenderers();
  const { mdx, md } = await renderers;
  // The build resolves images from the file's real place; a fixed folder is enough to compile.
  const filePath = `${PROJECT_ROOT}${path}`;
  const issues: LocalIssue[] = [];
  let images: string[];
  let findings: Finding[] = [];
  let page: PageTree | undefined;
  try {
    if (format === 'mdx') {
      const result = await mdx.process(split.content, filePath, split.frontmatter);
      const facts = inspectModule(result.code);
      findings = facts.findings;
      issues.push(...facts.html);
      images = [];
      // Sätteri's tree is read only when something needs placing or telling apart (rarely).
      if (facts.imports.length > 0 || findings.length > 0) {
        page = readTree(tree);
        for (const source of facts.imports) {
          if (page.pictures.has(source)) images.push(source);
          else {
            findings.push({
              rule: 'mdx-import-export',
              message: `le site compilerait cette page avec « import … from "${source}" » : aucun import n’est permis`,
              place: 'esm',
            });
          }
        }
      }
    } else {
      const result = await md.render(split.content, {
        frontmatter: split.frontmatter,
        fileURL: pathToFileURL(filePath),
      });
      issues.push(...markdownHtmlIssues(result.code));
      images = result.metadata.localImagePaths;
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const place = /^(\d+):(\d+):/.exec(detail);
    const at = place ? { line: Number(place[1]), column: Number(place[2]) } : START;
    return [
      localIssue('mdx-syntax', at, `le compilateur du site refuse ce fichier : ${detail.replace(/^\d+:\d+:\s*/, '')}`),
    ];
  }
  for (const image of images) {
    const issue = imagePathIssue(image, posix.dirname(path), START);
    if (issue) issues.push(issue);
  }
  if (findings.length > 0) {
    const used = { esm: 0, expression: 0 };
    for (const finding of findings) {
      // The n-th problem of a kind is most likely in the n-th block of that kind (or the last one).
      const places = page ? page[finding.place] : [];
      const at = places[used[finding.place]++] ?? places.at(-1);
      issues.push(localIssue(finding.rule, at ?? START, finding.message));
    }
  }
  // One statement of author code breaks several rules of the module: one issue per rule and place.
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.rule}:${String(issue.line)}:${String(issue.column)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
