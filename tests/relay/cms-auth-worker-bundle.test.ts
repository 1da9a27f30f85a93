/**
 * The relay as Cloudflare would run it: bundled the way wrangler does (esbuild, `workerd`
 * conditions, no Node built-ins), then loaded and asked for a login. Wrangler itself is not
 * installed here; this catches a Node-only import before a deployment does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'kpa-worker-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

type WorkerModule = { default: { fetch: (request: Request, env: object) => Promise<Response> } };

describe('the relay as a Worker', () => {
  it('bundles without Node built-ins and answers /auth with a redirect to GitHub', async () => {
    const result = await build({
      entryPoints: [new URL('../../services/cms-auth/src/worker.ts', import.meta.url).pathname],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      conditions: ['workerd', 'worker', 'browser'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/from\s*["']node:|require\(["']node:/);

    const file = join(dir, 'worker.mjs');
    writeFileSync(file, code);
    const worker = ((await import(pathToFileURL(file).href)) as WorkerModule).default;
    const response = await worker.fetch(new Request('https://auth.example.org/auth?provider=github&site_id=x'), {
      GITHUB_CLIENT_ID: 'Ov23liexample',
      GITHUB_CLIENT_SECRET: 'secret',
      ALLOWED_ORIGINS: 'https://owner.github.io',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(
      /^https:\/\/github\.com\/login\/oauth\/authorize\?client_id=Ov23liexample&redirect_uri=https%3A%2F%2Fauth\.example\.org%2Fcallback&scope=public_repo&state=/,
    );
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-kpa_cms_auth_state=.*; Secure; SameSite=Lax$/);
  });
});
