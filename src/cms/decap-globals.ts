/**
 * Node's `global`, which some of Decap's dependencies read as soon as they load (`@iarna/toml`).
 * Decap's own start-up sets it (`decap-cms-core/dist/esm/lib/polyfill.js`), but in development
 * Vite splits Decap into shared chunks, and the modules that `decap-state.ts` imports can make
 * one of those load first. `src/cms/admin.ts` imports this module before anything else.
 */
const scope = globalThis as { global?: unknown };
scope.global ??= globalThis;
