/**
 * The site's security headers, written once. Everything that delivers them derives from here:
 *
 * - `dist/_headers` for Netlify and Cloudflare Pages, written at the end of each build
 *   (`src/integrations/security-headers.ts`);
 * - a `<meta http-equiv="Content-Security-Policy">` in every page, for hosts that cannot send
 *   headers (GitHub Pages, GitLab Pages): Starlight's head on the site's pages (same
 *   integration), `src/pages/admin/index.astro` on `/admin/`;
 * - the nginx configuration that `npm run headers` prints, whose output for the default
 *   settings is the example of README.md (a test compares them).
 *
 * Two policies. The site's pages run only the build's own files from `/_astro/`, plus the
 * `is:inline` scripts of our components and Starlight's, allowed by hash (read from the
 * `.astro` sources by `src/lib/site-markup.ts`, like the output gate does): a script that a
 * contribution would slip into a page is refused by the browser too. `/admin/` (Decap CMS)
 * gets a looser one, only what Decap needs, and the addresses of the git service come from
 * the CMS configuration itself (`src/cms/config.ts`), the one the page hands to Decap.
 *
 * Astro's own `security.csp` was tried (Astro 7.3, Starlight 0.42) and is not used: it writes
 * one policy for every page (no room for the admin's), only as a `<meta>` placed after
 * Starlight's inline theme script, and gives nothing to write `_headers` from for a static
 * build without an adapter; the style hashes it adds are those of stylesheets the build
 * inlines, which `build.inlineStylesheets: 'never'` (astro.config.mjs) turns into files that
 * `'self'` covers.
 */
import type { CmsConfigJson } from '../cms/config.ts';
import { inlineScriptHashes } from '../lib/site-markup.ts';
import { BASE_PATH } from './site.ts';

/** The two kinds of page: the site itself, and the online editor under `/admin/`. */
export type Route = 'site' | 'admin';

/** A Content-Security-Policy as ordered directives, each with its sources. */
export type Policy = readonly (readonly [directive: string, sources: readonly string[]])[];

/** An HTTP header, name and value. */
export type Header = readonly [name: string, value: string];

/** Where the editor lives on the site. */
export const ADMIN_PATH = '/admin/';

const SELF = "'self'";
const NONE = "'none'";

/** Directives every policy ends with: nothing to embed, no `<base>`, forms to the site only. */
const LOCKS: Policy = [
  ['object-src', [NONE]],
  ['base-uri', [SELF]],
  ['form-action', [SELF]],
  // No page of the site has a reason to be framed, by anyone (clickjacking).
  ['frame-ancestors', [NONE]],
];

/**
 * Directives that a `<meta>` policy cannot carry: browsers ignore them there, and say so in
 * the console.
 */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** Headers sent with every response, pages and files, site and editor alike. */
export const COMMON_HEADERS: readonly Header[] = [
  // Files are what their Content-Type says: an upload cannot be read as a script or a page.
  ['X-Content-Type-Options', 'nosniff'],
  // Other sites see the guide's origin, never the path of the page a reader came from.
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  // Nothing on the site uses these: no embedded content may ask for them either.
  [
    'Permissions-Policy',
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  ],
];

const quoted = (hash: string) => `'${hash}'`;

/**
 * The policy of the site's pages. `scriptHashes` defaults to the inline scripts of our
 * components and Starlight's (`sha256-…`); tests pass their own.
 */
export function sitePolicy(scriptHashes: Iterable<string> = inlineScriptHashes()): Policy {
  return [
    ['default-src', [SELF]],
    // Pagefind's search runs as WebAssembly, which needs 'wasm-unsafe-eval' (and only allows
    // compiling WebAssembly, not JavaScript's eval).
    ['script-src', [SELF, "'wasm-unsafe-eval'", ...[...new Set(scriptHashes)].sort().map(quoted)]],
    ['style-src', [SELF]],
    // Starlight writes `style` attributes (icon sizes, sidebar depth `--depth: 1`), and
    // Expressive Code colours each token of a code sample with one (`--0:#…;--1:#…`): their
    // values depend on the content, so no list of hashes can be known before the build.
    // Attributes cannot load scripts or stylesheets, and the output gate (src/lib/
    // output-gate.ts) lets through, in contributed content, custom properties only.
    // `<style>` elements stay refused: stylesheets are files of the site.
    ['style-src-attr', ["'unsafe-inline'"]],
    // The stylesheets of Starlight, Pagefind's UI and Expressive Code draw their icons as
    // `data:` SVG images (`url("data:image/svg+xml,…")`). An SVG shown as an image runs
    // nothing, and the output gate refuses `data:` addresses in the pages themselves.
    ['img-src', [SELF, 'data:']],
    ...LOCKS,
  ];
}

/** `https://host` of an address, or undefined for none. */
function originOf(url: string | undefined): string | undefined {
  return url === undefined ? undefined : new URL(url).origin;
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

/** What Decap reaches for a backend: the API it calls, where avatars come from. */
export interface CmsOrigins {
  connect: string[];
  images: string[];
}

/**
 * The origins the editor talks to, from the configuration handed to Decap, with Decap's own
 * defaults for what it leaves out (decap-cms-backend-github, -gitlab, -gitea):
 * - github: the API (`api_root`, https://api.github.com); the login opens a window on the
 *   relay or on Netlify (`base_url`) and hears back by `postMessage`, with no request from
 *   the page; avatars come from avatars.githubusercontent.com (or the API's host);
 * - gitlab, gitea: the API, and the instance (`base_url`), where the PKCE login trades its
 *   code for a token by a request from the page; avatars from the instance, or Gravatar for
 *   GitLab accounts without one;
 * - test-repo: nothing (in memory);
 * - a local `decap-server` (tests, `astro dev`): its address.
 */
export function cmsOrigins(cms: CmsConfigJson): CmsOrigins {
  const backend = cms.backend;
  const connect: (string | undefined)[] = [];
  const images: (string | undefined)[] = [];
  switch (backend.name) {
    case 'github': {
      const api = stringField(backend, 'api_root');
      connect.push(originOf(api ?? 'https://api.github.com'));
      images.push(api === undefined ? 'https://avatars.githubusercontent.com' : originOf(api));
      break;
    }
    case 'gitlab':
    case 'gitea': {
      const base = originOf(stringField(backend, 'base_url') ?? 'https://gitlab.com');
      const api = originOf(stringField(backend, 'api_root') ?? 'https://gitlab.com/api/v4');
      connect.push(api, base);
      images.push(base, backend.name === 'gitlab' ? 'https://secure.gravatar.com' : undefined);
      break;
    }
    default:
      break;
  }
  if (cms.local_backend) connect.push(originOf(cms.local_backend.url));
  const unique = (list: (string | undefined)[]) => [...new Set(list.filter((o) => o !== undefined))];
  return { connect: unique(connect), images: unique(images) };
}

/** The policy of `/admin/`, for the CMS configuration that the page embeds. */
export function adminPolicy(cms: CmsConfigJson): Policy {
  const origins = cmsOrigins(cms);
  return [
    ['default-src', [SELF]],
    // Decap checks its configuration with ajv, which compiles each JSON schema into a
    // function (`new Function`): without 'unsafe-eval', « Error loading the CMS
    // configuration ». No inline script: the page's only one is JSON data, which never runs.
    ['script-src', [SELF, "'unsafe-eval'"]],
    // Decap's components are styled by emotion, which writes `<style>` elements at run time,
    // and its preview frame receives the site's CSS as a `<style>` too.
    ['style-src', [SELF, "'unsafe-inline'"]],
    // Decap shows the repository's media and the files chosen for upload from `blob:`
    // addresses (`URL.createObjectURL`), and a few of its widgets draw small `data:` images.
    ['img-src', [SELF, 'data:', 'blob:', ...origins.images]],
    // Decap reads a file chosen for upload back from its `blob:` address (`fetch`) to send
    // it to the repository.
    ['connect-src', [SELF, 'blob:', ...origins.connect]],
    ...LOCKS,
  ];
}

/** The policy of a route. */
export function policyFor(route: Route, cms: CmsConfigJson): Policy {
  return route === 'admin' ? adminPolicy(cms) : sitePolicy();
}

/** The policy as a header value: `default-src 'self'; script-src …`. */
export function policyHeader(policy: Policy): string {
  return policy.map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The policy for a `<meta http-equiv>`: the same, without what a meta cannot carry. */
export function policyMeta(policy: Policy): string {
  return policyHeader(policy.filter(([name]) => !HEADER_ONLY.has(name)));
}

/** Every security header of a route, in the order they are written. */
export function securityHeaders(route: Route, cms: CmsConfigJson): Header[] {
  return [['Content-Security-Policy', policyHeader(policyFor(route, cms))], ...COMMON_HEADERS];
}

/** Cloudflare Pages reads at most this many rules from `_headers`, and lines this long. */
export const MAX_HEADER_RULES = 100;
export const MAX_HEADER_LINE = 2000;

/** An entry at the root of the built site: `index.html`, `_astro/`, `boites-a-outils/`… */
export interface RootEntry {
  name: string;
  directory: boolean;
}

/**
 * `_headers` for Netlify and Cloudflare Pages: a path pattern on a line, then its headers,
 * indented, `Name: value`. `root` lists the entries at the root of the built site.
 *
 * Both hosts apply every rule whose pattern matches, and Cloudflare joins two values of the
 * same header with a comma, which for a CSP means two policies, both enforced: the site's
 * would then break the editor. So no two rules that can match one path set the same
 * header. The common headers go on `/*`; the site's policy on each entry of the root but
 * `admin`, named one by one; the editor's on `/admin/*`. An address that matches no file
 * (the 404 page) gets the common headers, and its page the policy's `<meta>`. Under a
 * sub-path (`base`, from BASE_PATH), every pattern starts with it.
 */
export function headersFile(root: Iterable<RootEntry>, cms: CmsConfigJson, base: string = BASE_PATH): string {
  const site = policyHeader(sitePolicy());
  const rules: [string, readonly Header[]][] = [[`${base}*`, COMMON_HEADERS]];
  const sitePaths = [base];
  for (const { name, directory } of [...root].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (name === ADMIN_PATH.slice(1, -1) || name === '_headers') continue;
    // Path patterns give `*` and `:name` a meaning; the site's own names never contain them.
    if (!/^[\w.-]+$/.test(name)) throw new Error(`_headers : nom inattendu à la racine du site : « ${name} »`);
    sitePaths.push(directory ? `${base}${name}/*` : `${base}${name}`);
  }
  for (const path of sitePaths) rules.push([path, [['Content-Security-Policy', site]]]);
  rules.push([`${base}${ADMIN_PATH.slice(1)}*`, [['Content-Security-Policy', policyHeader(adminPolicy(cms))]]]);
  if (rules.length > MAX_HEADER_RULES) {
    throw new Error(
      `_headers : ${rules.length} règles, Cloudflare Pages n’en lit que ${MAX_HEADER_RULES} (trop d’entrées à la racine du site).`,
    );
  }
  const lines = ['# Généré par src/config/security-headers.ts à chaque construction : ne pas modifier.'];
  for (const [path, headers] of rules) {
    lines.push(path, ...headers.map(([name, value]) => `  ${name}: ${value}`));
  }
  const long = lines.find((line) => line.length > MAX_HEADER_LINE);
  if (long !== undefined) {
    throw new Error(
      `_headers : une ligne de ${long.length} caractères, Cloudflare Pages n’en lit que ${MAX_HEADER_LINE} : ${long.slice(0, 80)}…`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The same headers for nginx, to paste in the site's `server { … }`. A `location` that has
 * its own `add_header` inherits none from the server, so each one lists them all; `always`
 * sends them with error pages too.
 */
export function nginxConfig(cms: CmsConfigJson, base: string = BASE_PATH): string {
  const block = (route: Route) =>
    securityHeaders(route, cms).map(([name, value]) => `    add_header ${name} "${value}" always;`);
  return [
    '# Généré par `npm run headers` (src/config/security-headers.ts).',
    `location ${base} {`,
    ...block('site'),
    '}',
    `location ${base}${ADMIN_PATH.slice(1)} {`,
    ...block('admin'),
    '}',
    '',
  ].join('\n');
}
