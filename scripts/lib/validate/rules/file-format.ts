/**
 * Rule: the bytes of a content file are readable text. Anything else (a binary file, bytes
 * that are not UTF-8, an empty or huge file) is reported on that file and the file is not
 * parsed further; a BOM and CRLF or CR line ends are tolerated with a warning, then normalised so
 * that every later rule sees `\n` line ends and the same line numbers as an editor.
 *
 * No Node import: the online editor runs it on the file it is about to write.
 */
import { START, localIssue, type LocalIssue, type Position } from '../issues.ts';

/**
 * Ten times the longest page of the guide (about 11 KB), and low enough that no input,
 * however pathological (one 10,000-line paragraph, lists nested 300 deep), takes the
 * Markdown parser more than a second or so: its cost grows faster than the size.
 */
export const MAX_FILE_BYTES = 100 * 1024;

/** Throws on bytes that are not UTF-8 (overlong forms and surrogates included), as Node's `isUtf8` refuses them. */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

export interface DecodedFile {
  /** The text with `\n` line ends and no BOM; `undefined` when the file cannot be read as text. */
  text: string | undefined;
  /** The text as the build reads it (BOM and line ends kept), when it is text. */
  raw?: string;
  issues: LocalIssue[];
}

function positionOfByte(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the first byte that does not belong to a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    if (utf8(bytes.subarray(i, i + length)) === undefined) return i; // overlong forms and surrogates
    i += length;
  }
  return bytes.length;
}

export function decodeFile(bytes: Uint8Array): DecodedFile {
  if (bytes.length > MAX_FILE_BYTES) {
    const size = Math.ceil(bytes.length / 1024);
    return {
      text: undefined,
      issues: [
        localIssue(
          'file-too-large',
          START,
          `fichier trop gros (${String(size)} Ko, au plus 100 Ko) : découpez-le en plusieurs pages, et mettez les médias dans public/`,
        ),
      ],
    };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      text: undefined,
      issues: [
        localIssue(
          'file-binary',
          positionOfByte(bytes, nul),
          'fichier binaire (il contient un octet nul) : seul du texte est attendu ici',
        ),
      ],
    };
  }
  const raw = utf8(bytes);
  if (raw === undefined) {
    return {
      text: undefined,
      issues: [
        localIssue(
          'file-encoding',
          positionOfByte(bytes, firstInvalidUtf8(bytes)),
          'caractères illisibles : enregistrez le fichier en UTF-8 (option « Encodage » de votre éditeur)',
        ),
      ],
    };
  }
  const issues: LocalIssue[] = [];
  let text = raw;
  if (text.startsWith('\uFEFF')) {
    issues.push(localIssue('file-bom', START, 'le fichier commence par un BOM : enregistrez-le en « UTF-8 sans BOM »'));
    text = text.slice(1);
  }
  const cr = text.indexOf('\r');
  if (cr !== -1) {
    const line = text.slice(0, cr).split('\n').length;
    const windows = text[cr + 1] === '\n';
    issues.push(
      localIssue(
        'file-line-endings',
        { line, column: cr - text.lastIndexOf('\n', cr - 1) },
        windows
          ? 'fins de ligne Windows (CRLF) : enregistrez le fichier avec des fins de ligne Unix (LF)'
          : 'fins de ligne d’ancien Mac (CR seul) : enregistrez le fichier avec des fins de ligne Unix (LF)',
      ),
    );
    text = text.replace(/\r\n?/g, '\n');
  }
  if (text.trim() === '') {
    issues.push(localIssue('file-empty', START, 'fichier vide : supprimez-le ou remplissez-le'));
    return { text: undefined, issues };
  }
  return { text, raw, issues };
}
