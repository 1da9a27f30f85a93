import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCmsConfig, cmsSettingsFromEnv, siteCmsConfig } from '../../src/cms/config.ts';
import {
  COMMON_HEADERS,
  MAX_HEADER_RULES,
  adminPolicy,
  headersFile,
  nginxConfig,
  policyHeader,
  policyMeta,
  securityHeaders,
  sitePolicy,
  type Policy,
  type RootEntry,
} from '../../src/config/security-headers.ts';
import { inlineScriptHashes } from '../../src/lib/site-markup.ts';
import { headersForPath, parseHeadersFile } from '../helpers/headers-file.ts';
import { runScript } from '../helpers/scripts.ts';
import { ROOT } from '../helpers/site.ts';

const sources = (policy: Policy, directive: string) => policy.find(([name]) => name === directive)?.[1];

/** The CMS configuration a build makes from these variables (README.md, « L’éditeur en ligne »). */
const cmsFrom = (env: Record<string, string>) =>
  buildCmsConfig(
    cmsSettingsFromEnv(env, {
      dev: false,
      repoUrl: 'https://github.com/kpa-cite/guide',
      repoBranch: 'main',
      siteUrl: 'http://127.0.0.1:4321',
    }),
  );
const GITHUB = cmsFrom({});

/** The root of a built site: what `headersFile` is given at the end of a build. */
const ROOT_ENTRIES: RootEntry[] = [
  { name: '404.html', directory: false },
  { name: '_astro', directory: true },
  { name: 'admin', directory: true },
  { name: 'boites-a-outils', directory: true },
  { name: 'favicon.svg', directory: false },
  { name: 'index.html', directory: false },
  { name: 'pagefind', directory: true },
];

describe('the policy of the site’s pages', () => {
  const policy = sitePolicy();

  it('runs only the site’s files, Pagefind’s WebAssembly and, by hash, the components’ inline scripts', () => {
    const hashes = [...inlineScriptHashes()].map((h) => `'${h}'`).sort();
    expect(hashes.length).toBeGreaterThan(3);
    expect(sources(policy, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", ...hashes]);
  });

  it('allows no inline script, no eval and nothing from another site, for any kind of resource', () => {
    const all = policy.flatMap(([, list]) => list);
    expect(sources(policy, 'script-src')).not.toContain("'unsafe-inline'");
    expect(all).not.toContain("'unsafe-eval'");
    for (const source of all) {
      expect(source, source).toMatch(
        /^(?:'self'|'none'|'wasm-unsafe-eval'|'unsafe-inline'|'sha256-[\w+/]+={0,2}'|data:)$/,
      );
    }
    // 'unsafe-inline' only for style attributes; `<style>` elements stay refused.
    expect(policy.filter(([, list]) => list.includes("'unsafe-inline'")).map(([name]) => name)).toEqual([
      'style-src-attr',
    ]);
    expect(sources(policy, 'style-src')).toEqual(["'self'"]);
  });

  it('falls back to the site itself, embeds nothing, keeps forms and <base> on the site, and cannot be framed', () => {
    expect(policy[0]).toEqual(['default-src', ["'self'"]]);
    expect(sources(policy, 'object-src')).toEqual(["'none'"]);
    expect(sources(policy, 'base-uri')).toEqual(["'self'"]);
    expect(sources(policy, 'form-action')).toEqual(["'self'"]);
    expect(sources(policy, 'frame-ancestors')).toEqual(["'none'"]);
  });

  it('is written as a header with frame-ancestors, and as a <meta> without it', () => {
    const header = policyHeader(sitePolicy(['sha256-abc=']));
    expect(header).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='; style-src 'self'; " +
        "style-src-attr 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'",
    );
    expect(policyMeta(sitePolicy(['sha256-abc=']))).toBe(header.replace("; frame-ancestors 'none'", ''));
  });
});

describe('the policy of /admin/', () => {
  it('lets Decap evaluate its schemas, style itself, read back its uploads, and reach GitHub’s API and avatars', () => {
    const policy = adminPolicy(GITHUB);
    expect(sources(policy, 'script-src')).toEqual(["'self'", "'unsafe-eval'"]);
    expect(sources(policy, 'style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(sources(policy, 'connect-src')).toEqual(["'self'", 'blob:', 'https://api.github.com']);
    expect(sources(policy, 'img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://avatars.githubusercontent.com']);
    expect(sources(policy, 'frame-ancestors')).toEqual(["'none'"]);
    expect(sources(policy, 'object-src')).toEqual(["'none'"]);
  });

  it('takes the git service’s addresses from the CMS configuration, whatever the backend', () => {
    const framagit = cmsFrom({
      CMS_BACKEND: 'gitlab',
      CMS_APP_ID: 'abc',
      CMS_BASE_URL: 'https://framagit.org',
      CMS_API_ROOT: 'https://framagit.org/api/v4',
    });
    expect(sources(adminPolicy(framagit), 'connect-src')).toEqual(["'self'", 'blob:', 'https://framagit.org']);
    expect(sources(adminPolicy(framagit), 'img-src')).toContain('https://secure.gravatar.com');

    const gitlab = cmsFrom({ CMS_BACKEND: 'gitlab', CMS_APP_ID: 'abc' });
    expect(sources(adminPolicy(gitlab), 'connect-src')).toEqual(["'self'", 'blob:', 'https://gitlab.com']);

    const gitea = cmsFrom({
      CMS_BACKEND: 'gitea',
      CMS_APP_ID: 'abc',
      CMS_BASE_URL: 'https://git.exemple.org',
      CMS_API_ROOT: 'https://api.exemple.org/api/v1',
    });
    expect(sources(adminPolicy(gitea), 'connect-src')).toEqual([
      "'self'",
      'blob:',
      'https://api.exemple.org',
      'https://git.exemple.org',
    ]);

    // The relay of services/cms-auth only opens the login window: the page never calls it.
    const relay = cmsFrom({ CMS_BASE_URL: 'https://relais.exemple.org' });
    expect(sources(adminPolicy(relay), 'connect-src')).toEqual(["'self'", 'blob:', 'https://api.github.com']);
    const enterprise = cmsFrom({ CMS_API_ROOT: 'https://github.exemple.org/api/v3' });
    expect(sources(adminPolicy(enterprise), 'connect-src')).toEqual(["'self'", 'blob:', 'https://github.exemple.org']);

    expect(sources(adminPolicy(cmsFrom({ CMS_BACKEND: 'test-repo' })), 'connect-src')).toEqual(["'self'", 'blob:']);
    const local = cmsFrom({ CMS_BACKEND: 'test-repo', CMS_LOCAL_BACKEND_URL: 'http://127.0.0.1:8081/api/v1' });
    expect(sources(adminPolicy(local), 'connect-src')).toEqual(["'self'", 'blob:', 'http://127.0.0.1:8081']);
  });
});

describe('securityHeaders', () => {
  it('gives each route its policy and the common headers', () => {
    expect(securityHeaders('site', GITHUB)).toEqual([
      ['Content-Security-Policy', policyHeader(sitePolicy())],
      ['X-Content-Type-Options', 'nosniff'],
      ['Referrer-Policy', 'strict-origin-when-cross-origin'],
      ['Permissions-Policy', expect.stringContaining('camera=()')],
    ]);
    expect(securityHeaders('admin', GITHUB)[0]).toEqual(['Content-Security-Policy', policyHeader(adminPolicy(GITHUB))]);
    expect(securityHeaders('admin', GITHUB).slice(1)).toEqual(COMMON_HEADERS);
  });
});

describe('the _headers file', () => {
  const text = headersFile(ROOT_ENTRIES, GITHUB);
  const rules = parseHeadersFile(text);

  it('starts with a “generated” comment, then path lines, each followed by indented `Name: value` lines', () => {
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^# Généré par src\/config\/security-headers\.ts/);
    expect(lines.at(-1)).toBe('');
    for (const line of lines.slice(1, -1)) expect(line).toMatch(/^(?:\/\S*|  [A-Z][\w-]*: \S.*)$/);
    expect(rules.map((r) => r.path)).toEqual([
      '/*',
      '/',
      '/404.html',
      '/_astro/*',
      '/boites-a-outils/*',
      '/favicon.svg',
      '/index.html',
      '/pagefind/*',
      '/admin/*',
    ]);
    for (const rule of rules) expect(rule.headers.length, rule.path).toBeGreaterThan(0);
  });

  it('gives each path exactly one policy, its route’s, and the common headers, even where rules overlap', () => {
    const site = policyHeader(sitePolicy());
    const admin = policyHeader(adminPolicy(GITHUB));
    const expected: Record<string, string> = {
      '/': site,
      '/index.html': site,
      '/boites-a-outils/': site,
      '/boites-a-outils/disco-soupe/': site,
      '/_astro/page.js': site,
      '/pagefind/pagefind.js': site,
      '/admin/': admin,
    };
    for (const [path, policy] of Object.entries(expected)) {
      const headers = headersForPath(rules, path);
      // A second matching rule would be joined with a comma: two policies for one page.
      expect(headers['content-security-policy'], path).toBe(policy);
      for (const [name, value] of COMMON_HEADERS) expect(headers[name.toLowerCase()], path).toBe(value);
    }
    expect(headersForPath(rules, '/adresse-inconnue/')['content-security-policy']).toBeUndefined();
  });

  it('refuses a root name that a path pattern would read as a wildcard, and more rules than Cloudflare reads', () => {
    expect(() => headersFile([{ name: 'a*b', directory: true }], GITHUB)).toThrow(/nom inattendu/);
    const many = Array.from({ length: MAX_HEADER_RULES }, (_, i) => ({ name: `dossier-${i}`, directory: true }));
    expect(() => headersFile(many, GITHUB)).toThrow(/Cloudflare Pages n’en lit que 100/);
  });
});

describe('the nginx configuration', () => {
  it('repeats every header in each location, since nginx does not inherit them there', () => {
    const config = nginxConfig(GITHUB);
    const [site, admin] = config.split('location /admin/ {');
    for (const [block, route] of [
      [site, 'site'],
      [admin, 'admin'],
    ] as const) {
      const lines = securityHeaders(route, GITHUB).map(([name, value]) => `add_header ${name} "${value}" always;`);
      for (const line of lines) expect(block).toContain(line);
    }
  });

  it('is what npm run headers prints, and README.md shows it for the default settings', () => {
    const run = runScript('security-headers.ts', [], {
      cwd: ROOT,
      env: Object.fromEntries(
        Object.keys(process.env)
          .filter((k) => k.startsWith('CMS_'))
          .map((k) => [k, undefined]),
      ),
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(nginxConfig(siteCmsConfig({ dev: false }, {})));
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /```nginx\n(# Généré par `npm run headers`[\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'README.md : copiez-y la sortie de « npm run headers »').toBe(run.stdout);
  });
});
