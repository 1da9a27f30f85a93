/**
 * Rules: every file of `public/media/` is an image or a PDF, as its content shows (not its
 * name), with the extension of that content, within the size limit of its kind
 * (`src/lib/media-types.ts`); an SVG holds no code and points nowhere outside itself
 * (`src/lib/svg-safety.ts`). Public files are served as they are, from the origin of
 * `/admin/`: this is the gate that keeps a hostile file off the site.
 *
 * Cheap enough for this thread: a file is stat'ed, its first bytes are sniffed, and only
 * an SVG under its limit is read whole and parsed. Nothing a file holds can throw out of
 * here: whatever cannot be read or parsed becomes an issue on that file.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XmlElement, XmlError, parseXml, type XmlDocument } from '@rgrove/parse-xml';
import {
  MEDIA_DIR,
  MEDIA_TYPES,
  allowedExtensions,
  extensionOf,
  formatSize,
  typeOfExtension,
  type MediaTypeId,
} from '../../../../src/lib/media-types.ts';
import { SVG_NS, XML_NS, XMLNS_NS, svgElementProblems, type SvgAttribute } from '../../../../src/lib/svg-safety.ts';
import { START, localIssue, type Issue, type LocalIssue, type Position } from '../issues.ts';
import { listFiles } from '../discover.ts';

/** What `file-type` answers for each allowed kind (an animated PNG, an Illustrator PDF). */
const DETECTED: Record<string, MediaTypeId> = {
  png: 'png',
  apng: 'png',
  jpg: 'jpeg',
  gif: 'gif',
  webp: 'webp',
  avif: 'avif',
  pdf: 'pdf',
  ai: 'pdf',
};

/** Every regular file under `root/public/media` (dot files and links refused), sorted. */
export function listMediaFiles(root: string): { files: string[]; issues: Issue[] } {
  const { files, issues } = listFiles(root, MEDIA_DIR);
  return { files: [...files].sort(), issues };
}

const mediaType = (at: Position, message: string) => localIssue('media-type', at, message);

/** The issues of one media file (`path` relative to `root`). */
export async function checkMediaFile(root: string, path: string): Promise<LocalIssue[]> {
  const absolute = join(root, path);
  const extension = extensionOf(path);
  const claimed = typeOfExtension(extension);
  if (claimed === undefined) {
    return [
      mediaType(
        START,
        `extension ${extension ? `« .${extension} »` : 'absente'} : public/media/ n’accepte que les images et les PDF (${allowedExtensions()})`,
      ),
    ];
  }
  let size: number;
  let detected: string | undefined;
  try {
    size = statSync(absolute).size;
    // Loaded on the first media file: a site without any does not pay for it.
    const { fileTypeFromFile } = await import('file-type');
    // Only the first bytes are read: a huge file costs no more than a small one.
    detected = (await fileTypeFromFile(absolute))?.ext;
  } catch (error) {
    return [mediaType(START, `fichier illisible (${errorCode(error)}) : vérifiez qu’il existe et qu’il peut être lu`)];
  }
  const actual = detected === undefined ? undefined : DETECTED[detected];
  if (claimed === 'svg' ? detected !== undefined && detected !== 'xml' : actual !== claimed) {
    const label = MEDIA_TYPES[claimed].label;
    const content =
      actual !== undefined
        ? `du ${MEDIA_TYPES[actual].label}`
        : detected !== undefined
          ? `un fichier « ${detected} »`
          : `autre chose que du ${label}`;
    const fix =
      actual !== undefined
        ? `renommez-le en .${MEDIA_TYPES[actual].extensions[0]}`
        : `exportez-le en ${label} depuis le logiciel qui l’a créé`;
    return [mediaType(START, `nommé .${extension} mais il contient ${content} : ${fix}`)];
  }
  const limit = MEDIA_TYPES[claimed].maxBytes;
  if (size > limit) {
    return [
      localIssue(
        'media-too-large',
        START,
        `fichier trop lourd (${formatSize(size)}, au plus ${formatSize(limit)} pour un ${MEDIA_TYPES[claimed].label}) : réduisez ses dimensions ou sa qualité`,
      ),
    ];
  }
  if (claimed !== 'svg') return [];
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    return [mediaType(START, `fichier illisible (${errorCode(error)}) : vérifiez qu’il existe et qu’il peut être lu`)];
  }
  return checkSvg(bytes);
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : String(error);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The issues of the bytes of an SVG file. */
export function checkSvg(bytes: Uint8Array): LocalIssue[] {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return [mediaType(START, 'SVG illisible : enregistrez-le en UTF-8 depuis votre logiciel de dessin')];
  }
  let document: XmlDocument;
  try {
    document = parseXml(text, {
      includeOffsets: true,
      preserveDocumentType: true,
      // An entity a DOCTYPE declares is reported with the DOCTYPE, not as a parse error.
      ignoreUndefinedEntities: true,
    });
  } catch (error) {
    if (error instanceof XmlError) {
      const detail = (error.message.split('\n')[0] ?? '').replace(
        ` (line ${String(error.line)}, column ${String(error.column)})`,
        '',
      );
      return [
        mediaType(
          { line: error.line, column: error.column },
          `SVG mal formé (« ${detail} ») : ouvrez-le dans un logiciel de dessin et enregistrez-le à nouveau`,
        ),
      ];
    }
    // The parser recurses into elements: thousands of nested ones exhaust the stack.
    return [mediaType(START, 'SVG illisible (éléments imbriqués trop profondément ?) : simplifiez le dessin')];
  }
  return svgIssues(document, lineIndex(text));
}

/** Line and column of an offset, from the offsets where lines start. */
function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  };
}

/** Namespaces in scope: prefix → URI, `''` for the default namespace. */
type Scope = ReadonlyMap<string, string>;

function splitName(name: string): { prefix: string; local: string } {
  const colon = name.indexOf(':');
  return colon === -1 ? { prefix: '', local: name } : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}

function svgIssues(document: XmlDocument, position: (offset: number) => Position): LocalIssue[] {
  const issues: LocalIssue[] = [];
  const unsafe = (offset: number, message: string) =>
    issues.push(localIssue('media-svg-unsafe', position(offset), message));
  const root = document.root;
  if (!root) return [mediaType(START, 'SVG sans élément <svg> : ce n’est pas un dessin')];
  if (splitName(root.name).local !== 'svg') {
    return [
      mediaType(position(root.start), `nommé .svg mais il contient un document « ${root.name} » : ce n’est pas un SVG`),
    ];
  }
  for (const node of document.children) {
    if (node.type === 'doctype') {
      unsafe(
        node.start,
        'déclaration <!DOCTYPE> : elle peut définir des entités qui lisent d’autres fichiers ; supprimez-la (elle est inutile en SVG)',
      );
    } else if (node.type === 'pi') instruction(node.start, unsafe);
  }
  const rootScope = scopeOf(root, new Map([['xml', XML_NS]]));
  const pending: { element: XmlElement; scope: Scope }[] = [];
  if (rootScope.get(splitName(root.name).prefix) !== SVG_NS) {
    issues.push(
      mediaType(position(root.start), `l’élément <svg> n’a pas l’espace de noms SVG : ajoutez xmlns="${SVG_NS}"`),
    );
  }
  // An explicit stack rather than recursion: the depth of a file is not ours to choose.
  pending.push({ element: root, scope: rootScope });
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { element, scope } = item;
    const { prefix, local } = splitName(element.name);
    const attributes: SvgAttribute[] = Object.entries(element.attributes).map(([name, value]) => {
      const split = splitName(name);
      const namespace =
        name === 'xmlns' || split.prefix === 'xmlns'
          ? XMLNS_NS
          : split.prefix
            ? (scope.get(split.prefix) ?? null)
            : null;
      return { name, localName: split.local, namespace, value };
    });
    const styleText = local === 'style' ? element.text : undefined;
    for (const { message, styleOffset } of svgElementProblems({
      localName: local,
      namespace: scope.get(prefix) ?? null,
      attributes,
      styleText,
    })) {
      const at =
        styleText !== undefined && styleOffset !== undefined
          ? inText(element, styleText, styleOffset, position)
          : undefined;
      issues.push(localIssue('media-svg-unsafe', at ?? position(element.start), message));
    }
    for (const child of element.children) {
      if (child instanceof XmlElement) pending.push({ element: child, scope: scopeOf(child, scope) });
      else if (child.type === 'pi') instruction(child.start, unsafe);
    }
  }
  return issues;
}

/**
 * Where a problem found in the text of an element is in the file. The text is decoded
 * (entities, CDATA markers), so offsets drift, but neither adds a line break: count lines.
 */
function inText(
  element: XmlElement,
  text: string,
  offset: number,
  position: (offset: number) => Position,
): Position | undefined {
  const first = element.children[0];
  if (!first) return undefined;
  const start = position(first.start);
  const before = text.slice(0, offset);
  const lines = before.split('\n').length - 1;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return lines === 0 ? { line: start.line, column: start.column + column - 1 } : { line: start.line + lines, column };
}

function instruction(offset: number, unsafe: (offset: number, message: string) => void): void {
  unsafe(offset, 'instruction <?…?> (comme <?xml-stylesheet?>) : elle peut charger un autre fichier, supprimez-la');
}

/** The namespaces in scope inside `element`: its parent's, plus its own `xmlns` declarations. */
function scopeOf(element: XmlElement, parent: Scope): Scope {
  const declared = Object.entries(element.attributes).filter(([name]) => name === 'xmlns' || name.startsWith('xmlns:'));
  if (declared.length === 0) return parent;
  const scope = new Map(parent);
  for (const [name, value] of declared) scope.set(name === 'xmlns' ? '' : name.slice('xmlns:'.length), value);
  return scope;
}

/** Issues of every media file under `public/media/` in the scope, with their paths. */
export async function checkMediaFiles(
  root: string,
  inScope: (path: string) => boolean,
): Promise<{ issues: Issue[]; checked: number }> {
  const listed = listMediaFiles(root);
  const files = listed.files.filter(inScope);
  const issues: Issue[] = [...listed.issues];
  for (const file of files) {
    let found: LocalIssue[];
    try {
      found = await checkMediaFile(root, file);
    } catch (error) {
      // A bug of ours, not a fault of the file: say so, and go on with the other files.
      found = [
        localIssue(
          'internal-error',
          START,
          `le validateur n’a pas pu lire ce fichier : ${String(error)} (signalez-le)`,
        ),
      ];
    }
    for (const issue of found) issues.push({ file, ...issue });
  }
  return { issues, checked: files.length };
}
