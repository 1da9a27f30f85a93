import { describe, expect, it } from 'vitest';
import { runScript } from '../helpers/scripts.ts';
import { DIST, ROOT } from '../helpers/site.ts';
import type { ExternalLink } from '../../scripts/lib/external-links.ts';

describe('npm run links on the production build', () => {
  it('lists the Disco Soupe toolkit’s link to discosoupe.org with its page, and no http: link', () => {
    const run = runScript('links.ts', ['--dist', DIST, '--json'], { cwd: ROOT });
    expect(run.status).toBe(0);
    const links = JSON.parse(run.stdout) as ExternalLink[];
    // content/toolkits/disco-soupe.mdx links to the collective's toolkit.
    const discoSoupe = links.find((l) => l.url === 'https://discosoupe.org/toolkit');
    expect(discoSoupe?.pages).toContain('/boites-a-outils/disco-soupe/');
    const insecure = links.filter((l) => l.insecure);
    console.log(`Liens externes : ${String(links.length)} adresse(s), ${String(insecure.length)} en http:`);
    expect(insecure).toEqual([]);
    const report = runScript('links.ts', ['--dist', DIST], { cwd: ROOT }).stdout;
    expect(report).toContain('- https://discosoupe.org/toolkit — /boites-a-outils/disco-soupe/,');
  });
});
