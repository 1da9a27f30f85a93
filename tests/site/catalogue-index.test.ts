import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../helpers/scripts.ts';
import { DIST, ROOT } from '../helpers/site.ts';

const withoutDate = (json: string) => ({ ...(JSON.parse(json) as Record<string, unknown>), generated: '(date)' });

describe('the toolkit index and feed of the build', () => {
  it('/boites-a-outils/index.json is what npm run index prints for the same content, but for its date', () => {
    const built = readFileSync(join(DIST, 'boites-a-outils/index.json'), 'utf8');
    const printed = runScript('index-toolkits.ts', [], { cwd: ROOT });
    expect(printed.status).toBe(0);
    expect(withoutDate(printed.stdout)).toEqual(withoutDate(built));
  });

  it('/boites-a-outils/flux.xml is what npm run index -- --feed prints', () => {
    const built = readFileSync(join(DIST, 'boites-a-outils/flux.xml'), 'utf8');
    const printed = runScript('index-toolkits.ts', ['--feed'], { cwd: ROOT });
    expect(printed.stdout).toBe(built);
  });

  it('the catalogue page points feed readers to the feed', () => {
    const html = readFileSync(join(DIST, 'boites-a-outils/index.html'), 'utf8');
    expect(html).toMatch(
      /<link rel="alternate" type="application\/atom\+xml"[^>]* href="\/boites-a-outils\/flux\.xml"/,
    );
  });
});
