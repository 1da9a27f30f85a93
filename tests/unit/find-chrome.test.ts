import { describe, expect, it } from 'vitest';
import { findChrome } from '../helpers/browser.ts';

describe('finding the browser for the browser tests', () => {
  it('uses CHROME_PATH when it points to a file', () => {
    expect(findChrome({ CHROME_PATH: '/opt/chrome' }, (p) => p === '/opt/chrome')).toBe('/opt/chrome');
  });

  it('falls back to Debian’s chromium', () => {
    expect(findChrome({}, (p) => p === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
  });

  it('fails, without skipping, with a message saying how to install one when none is found', () => {
    expect(() => findChrome({}, () => false)).toThrow(/Aucun Chromium trouvé.*apt-get install chromium.*CHROME_PATH/);
  });
});
