import { describe, expect, it } from 'vitest';
import { checkInternalLinks, pathOfFile } from '../../scripts/lib/built-links.ts';

const FIXTURE = new URL('../fixtures/built-links/', import.meta.url).pathname;

describe('internal links of a built site', () => {
  it('reports a link to a missing page and a link to a missing anchor, and nothing else', () => {
    expect(checkInternalLinks(FIXTURE)).toEqual([
      {
        page: '/',
        href: '/absente/',
        rule: 'link-target-missing',
        message: 'le lien /absente/ mène à une page absente',
      },
      {
        page: '/',
        href: '/decouvrir/#nulle-part',
        rule: 'link-anchor-missing',
        message: 'l’ancre #nulle-part n’existe pas sur /decouvrir/',
      },
    ]);
  });

  it('maps built files to site paths', () => {
    expect(pathOfFile('index.html')).toBe('/');
    expect(pathOfFile('decouvrir/genese/index.html')).toBe('/decouvrir/genese/');
    expect(pathOfFile('404.html')).toBe('/404.html');
  });
});
