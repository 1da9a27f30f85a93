import { describe, expect, it } from 'vitest';
import { externalLinks } from '../../scripts/lib/external-links.ts';
import { runScript } from '../helpers/scripts.ts';
import { ROOT } from '../helpers/site.ts';

const FIXTURE = new URL('../fixtures/external-links/', import.meta.url).pathname;

describe('the report of links to other sites', () => {
  it('lists each external address once with its pages, and flags the one over http:', () => {
    expect(externalLinks(FIXTURE, { siteUrl: 'http://127.0.0.1:4321/' })).toEqual([
      { url: 'http://example.net/ancien', pages: ['/'], insecure: true },
      { url: 'https://example.org/ressource', pages: ['/', '/guide/'], insecure: false },
    ]);
  });

  it('npm run links prints it, the http: link flagged first', () => {
    const run = runScript('links.ts', ['--dist', FIXTURE], {
      cwd: ROOT,
      env: { SITE_URL: 'http://127.0.0.1:4321', BASE_PATH: undefined },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      '# Liens vers d’autres sites',
      '',
      '2 adresse(s) sur 2 site(s), dans 2 page(s) ; 1 en http: sans chiffrement.',
      '',
      '## ⚠ Liens en http: (à passer en https: si le site le permet)',
      '',
      '- ⚠ http: http://example.net/ancien — /',
      '',
      '## example.net',
      '',
      '- ⚠ http: http://example.net/ancien — /',
      '',
      '## example.org',
      '',
      '- https://example.org/ressource — /, /guide/',
      '',
    ]);
  });
});
