/**
 * The fixtures of the validator's tests (`tests/fixtures/validate/`) as entries of the online
 * editor: which ones a contributor can type into a form, and what only CI can see. Shared by
 * the unit parity test (`tests/unit/cms-site-checks.test.ts`) and the browser one
 * (`tests/browser/cms-checks.test.ts`).
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleId } from '../../scripts/lib/validate/issues.ts';
import { frontmatterFromFile, SOURCE_KEY } from '../../src/cms/formats.ts';
import { guidePageSchemaOutsideAstro } from '../../src/schemas/guide-page.ts';
import { guideFields } from '../../src/cms/collections.ts';
import { FIXTURES } from './validate-fixtures.ts';

/**
 * What `npm run validate` finds that the editor cannot, and why. All of it comes from the build
 * view (`scripts/lib/validate/build-view.ts`): the page compiled by the build's own compiler, a
 * native module that cannot run in a browser. These pages are read as text by remark, and as
 * code (or a crash) by the build's compiler; CI refuses them.
 */
export const CI_ONLY: Record<string, { rules: RuleId[]; why: string }> = {
  'attacks/compiler-panic': { rules: ['compiler-crash'], why: 'the build’s compiler crashes on it' },
  'attacks/diagram-props': {
    rules: ['html-event-handler'],
    why: 'the HTML of a `set:html` as the compiled page holds it (the attribute itself is refused in the editor too)',
  },
  'attacks/esm-export-star': {
    rules: ['mdx-import-export'],
    why: '`export*from` is code to the build’s compiler only',
  },
  'attacks/esm-tab-export': {
    rules: ['mdx-expression', 'mdx-import-export'],
    why: '`export` then a tab is code to the build’s compiler only',
  },
  'attacks/esm-tab-import': {
    rules: ['mdx-import-export'],
    why: '`import` then a tab is code to the build’s compiler only',
  },
  'attacks/frontmatter-fence': {
    rules: ['mdx-expression'],
    why: 'the rest of the fence line compiles as an expression',
  },
  'attacks/layout': { rules: ['mdx-expression'], why: 'the compiled page imports the layout' },
  'attacks/md-textarea': { rules: ['html-event-handler'], why: 'the HTML the build writes for a `.md` page' },
};

/**
 * Checked by the editor's worker within the time budget of `npm run validate`, which a unit test
 * has no worker to enforce: the browser test types it into the form.
 */
export const BUDGETED = new Set(['attacks/too-complex']);

/** Every case, as `invalid/<name>` or `attacks/<name>`. */
export function fixtureCases(): string[] {
  return (['invalid', 'attacks'] as const).flatMap((set) =>
    readdirSync(join(FIXTURES, set))
      .sort()
      .map((name) => `${set}/${name}`),
  );
}

/** The files of a folder, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split('\\').join('/'))
    .sort();
}

/** A file the editor could have written: UTF-8 text (a form holds text), in no hidden folder. */
export function typable(path: string, bytes: Buffer): boolean {
  return isUtf8(bytes) && !path.split('/').some((segment) => segment.startsWith('.'));
}

/** The text of a file as a form holds it: no byte-order mark, Unix line ends. */
function asTyped(bytes: Buffer): string {
  return bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
}

/** A fixture page as a new page of the guide's form: its title, description and text. */
export interface GuidePageCase {
  /** `invalid/mdx-syntax`. */
  name: string;
  /** The fixture's file, relative to its case. */
  file: string;
  description: string;
  body: string;
}

/**
 * The fixture pages that a contributor can type into the form of a guide page, and the others
 * with the reason why not. The form has a title, a description, a menu position and the text;
 * it writes `.mdx` files in a section's folder, in UTF-8 with Unix line ends.
 */
export function guidePageCases(): { cases: GuidePageCase[]; left: { name: string; file: string; why: string }[] } {
  const form = new Set(guideFields(guidePageSchemaOutsideAstro()).map((f) => f.name));
  const cases: GuidePageCase[] = [];
  const left: { name: string; file: string; why: string }[] = [];
  for (const name of fixtureCases()) {
    for (const file of filesUnder(join(FIXTURES, name))) {
      const bytes = readFileSync(join(FIXTURES, name, file));
      const why = (() => {
        if (!file.startsWith('content/docs/')) return 'not a guide page';
        if (!typable(file, bytes)) return 'not UTF-8 text, or in a hidden folder: a form writes neither';
        if (!file.endsWith('.mdx')) return 'a `.md` page: the editor writes `.mdx`';
        if (CI_ONLY[name]) return `only the build’s compiler sees it (${CI_ONLY[name].why})`;
        const data = frontmatterFromFile(asTyped(bytes));
        const fields = Object.keys(data).filter((k) => k !== SOURCE_KEY);
        const outside = fields.filter((k) => !form.has(k));
        if (outside.length > 0)
          return `header field${outside.length > 1 ? 's' : ''} ${outside.join(', ')} not in the form`;
        if (typeof data['title'] !== 'string' || typeof data['description'] !== 'string') {
          return 'no title or description: the form requires both';
        }
        return undefined;
      })();
      if (why !== undefined) {
        left.push({ name, file, why });
        continue;
      }
      const data = frontmatterFromFile(asTyped(bytes));
      cases.push({
        name,
        file,
        description: String(data['description']),
        body: typeof data['body'] === 'string' ? data['body'] : '',
      });
    }
  }
  return { cases, left };
}
