/**
 * `npm run cms`: edit the guide from the online editor on this machine. Starts decap-server
 * on 127.0.0.1 (port `CMS_PORT`, 8081 by default) writing to this working tree, and the dev
 * site on 127.0.0.1, whose /admin/ then uses it (`local_backend`, dev only). Ctrl+C stops both.
 * Arguments go to `astro dev`: `npm run cms -- --port 4400`.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startCmsProxy } from './lib/cms-proxy.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
// Found like any package (Astro exports no path to its command: it sits next to its entry),
// so that a copy of the repository inside it, the tests', works too.
const astro = fileURLToPath(
  new URL('../bin/astro.mjs', pathToFileURL(createRequire(import.meta.url).resolve('astro'))),
);
// 0: any free port (the tests).
const port = Number(process.env['CMS_PORT'] ?? 8081);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`CMS_PORT doit être un numéro de port, pas « ${process.env['CMS_PORT'] ?? ''} ».`);
  process.exit(1);
}

let proxy: Awaited<ReturnType<typeof startCmsProxy>>;
try {
  proxy = await startCmsProxy({ root, port, logLevel: 'info' });
} catch (error) {
  console.error(`decap-server n’a pas pu démarrer sur 127.0.0.1:${port} : ${String(error)}`);
  process.exit(1);
}
console.log(`decap-server écoute sur ${proxy.url} et écrit dans ${root}`);

// The dev site's toolbar is off in this mode (astro.config.mjs): it would cover the form.
const site = spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CMS_LOCAL_BACKEND_URL: proxy.url },
});
console.log('Éditeur en ligne : ouvrez /admin/ à l’adresse du site affichée ci-dessous.');

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  site.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// npm does not always pass its own SIGTERM on: stop too when the parent goes away.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 1000).unref();
site.on('exit', (code) => {
  void proxy.close().then(() => process.exit(code ?? 0));
});
