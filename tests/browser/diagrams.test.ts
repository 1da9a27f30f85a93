import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fileForPath, sitemapPaths } from '../../scripts/lib/built-site.ts';
import { useBuiltSiteInBrowser } from '../helpers/built-site-browser.ts';
import { watchPage } from '../helpers/browser.ts';
import { DIST } from '../helpers/site.ts';

const env = useBuiltSiteInBrowser();

/** The pages of the built site that show a diagram. */
const PAGES = sitemapPaths(DIST).filter((path) => {
  const figures: Element[] = [];
  visit(fromHtml(readFileSync(fileForPath(DIST, path), 'utf8')), 'element', (el: Element) => {
    if (el.tagName === 'figure' && el.properties['dataDiagram'] !== undefined) figures.push(el);
  });
  return figures.length > 0;
});

/**
 * The lowest contrast ratio between a diagram's words and what lies behind them: the shape
 * they are written in, or the page. Computed from the colours the browser actually paints.
 */
async function lowestContrast(page: Page): Promise<{ ratio: number; text: string }> {
  return page.evaluate(() => {
    const rgb = (colour: string): [number, number, number] => {
      const probe = document.createElement('canvas').getContext('2d');
      if (!probe) throw new Error('pas de canvas');
      probe.fillStyle = colour;
      probe.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0] = probe.getImageData(0, 0, 1, 1).data;
      return [r, g, b];
    };
    const luminance = ([r, g, b]: [number, number, number]) => {
      const c = [r, g, b].map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (c[0] ?? 0) + 0.7152 * (c[1] ?? 0) + 0.0722 * (c[2] ?? 0);
    };
    const ratio = (a: string, b: string) => {
      const [x, y] = [luminance(rgb(a)), luminance(rgb(b))].sort((m, n) => n - m);
      return ((x ?? 0) + 0.05) / ((y ?? 0) + 0.05);
    };
    const pageBackground = getComputedStyle(document.body).backgroundColor;
    let lowest = { ratio: Infinity, text: '' };
    for (const text of document.querySelectorAll<SVGTextElement>('.dg-svg text')) {
      const box = text.closest('.dg-box');
      const shape = box?.querySelector<SVGGraphicsElement>('.dg-shape');
      const within = (inner: DOMRect, outer: DOMRect) =>
        inner.left >= outer.left - 1 &&
        inner.right <= outer.right + 1 &&
        inner.top >= outer.top - 1 &&
        inner.bottom <= outer.bottom + 1;
      const behind =
        shape && within(text.getBoundingClientRect(), shape.getBoundingClientRect())
          ? getComputedStyle(shape).fill
          : pageBackground;
      const value = ratio(getComputedStyle(text).fill, behind);
      if (value < lowest.ratio) lowest = { ratio: value, text: text.textContent };
    }
    return lowest;
  });
}

describe('the diagrams in Chromium', () => {
  it('at least nine pages show a diagram', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(9);
  });

  it.each(PAGES)(
    // axe-core checks these pages, in both themes, in tests/browser/accessibility.test.ts.
    '%s: no console error, and readable words in light and dark themes and in print',
    async (path) => {
      for (const theme of ['light', 'dark'] as const) {
        const page = await env.browser.context.newPage();
        await page.addInitScript((t) => {
          localStorage.setItem('starlight-theme', t);
        }, theme);
        const watched = watchPage(page);
        await page.goto(`${env.site.url}${path}`, { waitUntil: 'networkidle' });
        expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
        expect(await page.locator('.dg-svg text').count()).toBeGreaterThan(0);
        const lowest = await lowestContrast(page);
        expect(lowest.ratio, `${theme} : « ${lowest.text} »`).toBeGreaterThanOrEqual(4.5);
        if (theme === 'dark') {
          // On paper, whichever theme was on screen.
          await page.emulateMedia({ media: 'print' });
          const printed = await lowestContrast(page);
          expect(printed.ratio, `impression : « ${printed.text} »`).toBeGreaterThanOrEqual(4.5);
        }
        expect(watched.problems).toEqual([]);
        await page.close();
      }
    },
  );
});
