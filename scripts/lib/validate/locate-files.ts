/** `locate.ts` over the files of a content tree on the disk (`npm run validate`, `npm run index`). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFile } from './rules/file-format.ts';
import { textLocator, type FieldLocator } from './locate.ts';

export function fieldLocator(root: string): FieldLocator {
  return textLocator((file) => decodeFile(readFileSync(join(root, file))).text);
}
