import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningBrowser } from '../helpers/browser.ts';
import { DIST } from '../helpers/site.ts';

let browser: RunningBrowser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

describe('the Atom feed of toolkits', () => {
  it('is well-formed Atom in French that Chromium’s XML parser reads, newest toolkit first', async () => {
    const xml = readFileSync(join(DIST, 'boites-a-outils/flux.xml'), 'utf8');
    const page = await browser.context.newPage();
    const feed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const atom = 'http://www.w3.org/2005/Atom';
      const root = doc.documentElement;
      return {
        error: doc.getElementsByTagName('parsererror').length,
        namespace: root.namespaceURI,
        lang: root.getAttribute('xml:lang'),
        entries: [...doc.getElementsByTagNameNS(atom, 'entry')].map((e) => ({
          updated: e.getElementsByTagNameNS(atom, 'updated')[0]?.textContent ?? '',
          link: e.getElementsByTagNameNS(atom, 'link')[0]?.getAttribute('href') ?? '',
        })),
      };
    }, xml);
    await page.close();
    expect(feed.error).toBe(0);
    expect(feed.namespace).toBe('http://www.w3.org/2005/Atom');
    expect(feed.lang).toBe('fr');
    expect(feed.entries.length).toBeGreaterThan(0);
    const dates = feed.entries.map((e) => e.updated);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(feed.entries.every((e) => /^https?:\/\/[^/]+\/boites-a-outils\/[a-z0-9-]+\/$/.test(e.link))).toBe(true);
  });
});
