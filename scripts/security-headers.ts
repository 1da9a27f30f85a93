/**
 * `npm run headers`: prints the site's security headers as nginx configuration, for this
 * environment's settings (the `CMS_*` variables decide the addresses `/admin/` may reach):
 * the `location` blocks to paste in the site's `server { … }`. Netlify and Cloudflare Pages
 * need nothing of the kind: each build writes `dist/_headers`. The policies themselves are
 * in `src/config/security-headers.ts`; print again after updating Astro or Starlight, whose
 * inline scripts the site's policy lists by hash.
 */
import { siteCmsConfig } from '../src/cms/config.ts';
import { nginxConfig } from '../src/config/security-headers.ts';

if (process.argv.length > 2) {
  process.stderr.write('Usage : npm run headers (sans argument ; les variables CMS_* comptent)\n');
  process.exit(2);
}
process.stdout.write(nginxConfig(siteCmsConfig({ dev: false })));
