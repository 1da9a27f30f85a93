import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBuiltSite } from '../../scripts/lib/built-site.ts';

const VALID = new URL('../fixtures/built-site/valid/', import.meta.url).pathname;
const copies: string[] = [];

function copyOfValid(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kpa-dist-'));
  cpSync(VALID, dir, { recursive: true });
  copies.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('checks on a built site', () => {
  it('a complete build has no issue', () => {
    expect(checkBuiltSite(VALID)).toEqual([]);
  });

  it('a page listed in the sitemap but not built is reported', () => {
    const dist = copyOfValid();
    rmSync(join(dist, 'decouvrir'), { recursive: true });
    expect(checkBuiltSite(dist)).toEqual([
      {
        file: '/decouvrir/',
        rule: 'sitemap-page-missing',
        message: 'la page /decouvrir/ du sitemap n’a pas été construite',
      },
    ]);
  });

  it('a build without the Pagefind index is reported', () => {
    const dist = copyOfValid();
    rmSync(join(dist, 'pagefind'), { recursive: true });
    expect(checkBuiltSite(dist).map((i) => i.rule)).toEqual(['pagefind-missing', 'pagefind-missing']);
  });

  it('a page that is not declared in French is reported', () => {
    const dist = copyOfValid();
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="en"><body>Hi</body></html>');
    expect(checkBuiltSite(dist)).toEqual([
      { file: 'index.html', rule: 'html-lang', message: 'la page ne déclare pas lang="fr"' },
    ]);
  });
});
