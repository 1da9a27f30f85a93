import { describe, expect, it } from 'vitest';
import { UPSTREAM_MARKUP, checkBuiltMarkup } from '../../scripts/lib/built-markup.ts';

const FIXTURE = new URL('../fixtures/built-markup/', import.meta.url).pathname;

describe('the markup check of a built site', () => {
  it('excuses a rule for the upstream element only, and reports the same fault in ours', async () => {
    const { issues, excused } = await checkBuiltMarkup(FIXTURE);
    expect(issues.map(({ page, line, rule, selector }) => ({ page, line, rule, selector }))).toEqual([
      { page: '/', line: 12, rule: 'no-implicit-button-type', selector: 'html > body > main > button' },
      { page: '/', line: 13, rule: 'valid-id', selector: '#_ici' },
    ]);
    const used = UPSTREAM_MARKUP.flatMap((e, i) => ((excused[i] ?? 0) > 0 ? [e.selector] : []));
    expect(used).toEqual(['button.sl-menu-button', 'h1#_top']);
  });

  it('reports everything when nothing is excused', async () => {
    const { issues } = await checkBuiltMarkup(FIXTURE, []);
    expect(issues.map((i) => i.rule).sort()).toEqual([
      'no-implicit-button-type',
      'no-implicit-button-type',
      'valid-id',
      'valid-id',
    ]);
  });
});
