import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateToolkits } from '../../scripts/lib/synthetic-toolkits.ts';
import { toolkitSchema } from '../../src/schemas/toolkit.ts';
import { checkReferences } from '../../src/lib/catalogue.ts';
import { npmScriptCommand } from '../../scripts/bench/content-scripts.ts';

describe('synthetic toolkits for the benchmarks', () => {
  it('the same seed gives the same files, another seed other files', () => {
    expect(generateToolkits(20, 1)).toEqual(generateToolkits(20, 1));
    expect(generateToolkits(20, 2)).not.toEqual(generateToolkits(20, 1));
  });

  it('every generated toolkit is valid, with references that resolve', () => {
    const sources = generateToolkits(200, 3).map(({ slug, source }) => {
      const result = toolkitSchema.safeParse(parse(source.split('---\n')[1] ?? ''));
      expect(result.error).toBeUndefined();
      if (!result.success) throw result.error;
      return { slug, file: `${slug}.mdx`, data: result.data };
    });
    expect(checkReferences(sources)).toEqual([]);
  });
});

describe('the content-scripts benchmark', () => {
  it('runs the commands of npm run validate and npm run index, Node options included', () => {
    const validate = npmScriptCommand('validate');
    expect(validate.script).toBe('scripts/validate.ts');
    expect(npmScriptCommand('index').script).toBe('scripts/index-toolkits.ts');
    // The installed Node accepts the options the npm script gives it.
    const run = spawnSync(process.execPath, [...validate.nodeOptions, '-e', '0'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
