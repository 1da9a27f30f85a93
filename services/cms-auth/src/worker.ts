/**
 * Cloudflare Worker entry (`main` in wrangler.toml). The Worker's variables and secrets
 * arrive as `env` with each request; the app is built once per `env` object.
 */
import type { Hono } from 'hono';
import { createRelay } from './app.ts';
import { readConfig, RelayConfigError } from './config.ts';

const apps = new WeakMap<object, Hono>();

export default {
  fetch(request: Request, env: Record<string, string | undefined>): Response | Promise<Response> {
    let app = apps.get(env);
    if (!app) {
      try {
        app = createRelay(readConfig(env));
      } catch (error) {
        // The message names the variable and never a secret: safe to show to whoever asks.
        if (!(error instanceof RelayConfigError)) throw error;
        return new Response(`Relais de connexion mal configuré : ${error.message}`, {
          status: 500,
          headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
        });
      }
      apps.set(env, app);
    }
    return app.fetch(request, env);
  },
};
