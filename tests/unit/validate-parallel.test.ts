import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../scripts/lib/validate/engine.ts';
import { PARALLEL_THRESHOLD } from '../../scripts/lib/validate/pool.ts';
import { writeToolkits } from '../../scripts/lib/synthetic-toolkits.ts';
import { removeTrees, treeWith } from '../helpers/validate-fixtures.ts';

afterAll(removeTrees);

describe('validation in several processes', () => {
  it('reports exactly what one process reports, file by file', async () => {
    const root = treeWith('schema', 'mdx-syntax', 'yaml-syntax', 'file-bom', 'unsafe-url', 'unknown-toolkit');
    // Enough files to go past the threshold; their links to guide pages that the fixture
    // tree lacks add broken-link issues from every thread.
    writeToolkits(join(root, 'content/toolkits'), PARALLEL_THRESHOLD + 30, 7);

    const alone = await validateContent({ root, jobs: 1 });
    const together = await validateContent({ root, jobs: 3 });

    expect(alone.processes).toBe(1);
    expect(together.processes).toBe(3);
    expect(together.parsed).toBe(alone.parsed);
    expect([...new Set(alone.issues.map((i) => i.rule))].sort()).toEqual([
      'file-bom',
      'link-broken',
      'mdx-syntax',
      'schema',
      'unknown-toolkit',
      'unsafe-url',
      'yaml-syntax',
    ]);
    expect(together.issues).toEqual(alone.issues);
    expect(together.files).toEqual(alone.files);
  });
});
