/**
 * Layout shift of a page load, as a reader on a slow connection gets it: every script the
 * page asks for is held back until the browser has painted the page (its first contentful
 * paint), so whatever a script moves when it starts is seen, however fast the test server.
 * Shifts are read with a `PerformanceObserver` ('layout-shift'); those that follow an input
 * of the reader (`hadRecentInput`) do not count, as in the Core Web Vitals.
 */
import type { BrowserContext, Page } from 'playwright-core';

/**
 * The screen of Lighthouse's mobile device (a Moto G Power), the size most readers have.
 * Without Playwright's `isMobile`: with it, Chromium counts the start of the emulation as an
 * input of the reader, and would excuse every shift of the next half second
 * (`hadRecentInput`). The pages set `width=device-width`: they lay out the same.
 */
export const MOBILE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  hasTouch: true,
} as const;
/**
 * A small tablet held wide: the guide's sidebar is shown, and a search page's first results
 * are in view. Narrower than 72rem, where Starlight makes the page outline a fixed column:
 * Chromium sometimes reports that column as moving from the content's place to its own at
 * the first layout (a score of 0.4 at 1280 px, once in two or three loads, with or without
 * scripts), which is Starlight's layout, not a script starting.
 */
export const TABLET = { viewport: { width: 1024, height: 768 } } as const;

export interface LayoutShiftReport {
  /** The sum of every shift's score (no session windows: stricter than Lighthouse's CLS). */
  total: number;
  /** Each shift: its score and what moved, from where to where, for the failure message. */
  shifts: string[];
  /** How many scripts waited for the first paint: none means the measure saw no script start. */
  scriptsHeld: number;
  /**
   * Shifts left out because they followed an input. The tests give none: any here would be
   * the browser's doing, and would hide a shift.
   */
  afterInput: number;
}

interface Shift {
  value: number;
  sources: string[];
}

declare global {
  interface Window {
    kpaFirstPaint?: () => void;
    kpaShifts?: Shift[];
    kpaShiftsAfterInput?: number;
    kpaShiftObserver?: PerformanceObserver;
  }
}

/** Runs in the page before its own scripts: records the shifts and tells the test of the first paint. */
function observe(): void {
  window.kpaShifts = [];
  window.kpaShiftsAfterInput = 0;
  const describe = (rect: DOMRectReadOnly) =>
    `${Math.round(rect.x)},${Math.round(rect.y)} ${Math.round(rect.width)}×${Math.round(rect.height)}`;
  interface LayoutShiftEntry extends PerformanceEntry {
    value: number;
    hadRecentInput: boolean;
    sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
  }
  const record = (entries: PerformanceEntryList) => {
    for (const entry of entries as LayoutShiftEntry[]) {
      if (entry.hadRecentInput) {
        window.kpaShiftsAfterInput = (window.kpaShiftsAfterInput ?? 0) + 1;
        continue;
      }
      window.kpaShifts?.push({
        value: entry.value,
        sources: entry.sources.map((s) => {
          const node = s.node instanceof Element ? `${s.node.localName}.${[...s.node.classList].join('.')}` : '?';
          return `${node} ${describe(s.previousRect)} → ${describe(s.currentRect)}`;
        }),
      });
    }
  };
  window.kpaShiftObserver = new PerformanceObserver((list) => {
    record(list.getEntries());
  });
  window.kpaShiftObserver.observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list, observer) => {
    if (list.getEntries().some((e) => e.name === 'first-contentful-paint')) {
      observer.disconnect();
      // The paint is reported as it is drawn; two frames later it is the layout the
      // shifts are measured from.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          window.kpaFirstPaint?.();
        }),
      );
    }
  }).observe({ type: 'paint', buffered: true });
}

/**
 * Opens `url` in a new page of `context`, holding its scripts until the first paint, waits
 * until the network is idle and `ready` (what the scripts should have done) holds, and
 * returns the layout shifts seen meanwhile.
 */
export async function layoutShiftOfLoad(
  context: BrowserContext,
  url: string,
  ready: (page: Page) => Promise<void> = async () => {},
): Promise<LayoutShiftReport> {
  const page = await context.newPage();
  let painted: () => void = () => {};
  const firstPaint = new Promise<void>((resolve) => {
    painted = resolve;
  });
  await page.exposeFunction('kpaFirstPaint', () => {
    painted();
  });
  await page.addInitScript(observe);
  let scriptsHeld = 0;
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() === 'script') {
      scriptsHeld++;
      // Bounded by the navigation's own timeout: a page that never paints fails there.
      await firstPaint;
    }
    await route.continue();
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await ready(page);
  const { shifts, afterInput } = await page.evaluate(async () => {
    // Two frames: the last change is laid out and its shift queued; then take what the
    // observer has not delivered yet.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const pending = window.kpaShiftObserver?.takeRecords() ?? [];
    const all = [...(window.kpaShifts ?? [])];
    let excused = window.kpaShiftsAfterInput ?? 0;
    for (const entry of pending as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
      if (entry.hadRecentInput) excused++;
      else all.push({ value: entry.value, sources: [] });
    }
    return { shifts: all, afterInput: excused };
  });
  await page.close();
  return {
    total: shifts.reduce((sum, s) => sum + s.value, 0),
    shifts: shifts.map((s) => `${s.value.toFixed(4)} : ${s.sources.join(' ; ')}`),
    scriptsHeld,
    afterInput,
  };
}
