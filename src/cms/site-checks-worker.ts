/**
 * The checking worker of the online editor: `site-checks.ts` in a thread of its own, so that
 * parsing never freezes the form, and so that a file that takes too long can be stopped: the
 * editor ends the worker after `FILE_BUDGET_MS`, as `npm run validate` ends a child process
 * (`src/cms/entry-checks.ts`). It loads the parsers and the site map first, then says `ready`.
 */
import { SiteChecks, type EntryCheck, type EntryFile } from './site-checks.ts';

export type WorkerRequest = { type: 'init'; siteMap: string } | { type: 'check'; id: number; entry: EntryFile };

export type WorkerMessage =
  | { type: 'ready'; notice?: string }
  | { type: 'result'; id: number; check: EntryCheck }
  | { type: 'failed'; id: number; error: string };

/** The worker's global scope, as far as this module uses it (the DOM types describe a window). */
const scope = self as unknown as {
  postMessage: (message: WorkerMessage) => void;
  addEventListener: (type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void) => void;
};

const NO_SITE_MAP =
  'Les liens, les images et les titres n’ont pas pu être comparés au reste du site ici : la vérification de la proposition s’en chargera.';

async function load(siteMap: string): Promise<{ checks: SiteChecks; notice?: string }> {
  let json: unknown;
  try {
    const response = await fetch(siteMap);
    json = response.ok ? await response.json() : undefined;
  } catch {
    json = undefined;
  }
  let loaded: { checks: SiteChecks; notice?: string };
  try {
    loaded =
      json === undefined
        ? { checks: new SiteChecks(undefined), notice: NO_SITE_MAP }
        : { checks: new SiteChecks(json) };
  } catch {
    loaded = { checks: new SiteChecks(undefined), notice: NO_SITE_MAP };
  }
  // A first check loads what the rules load on demand (the Markdown parser), outside any budget.
  await loaded.checks.check({ path: 'content/docs/index.mdx', text: '---\ntitle: Essai\n---\n\nTexte [lien](/).\n' });
  return loaded;
}

let loading: Promise<{ checks: SiteChecks; notice?: string }> | undefined;

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.type === 'init') {
    loading = load(request.siteMap);
    void loading.then(({ notice }) => {
      scope.postMessage(notice === undefined ? { type: 'ready' } : { type: 'ready', notice });
    });
    return;
  }
  void (async () => {
    try {
      if (!loading) throw new Error('vérification non initialisée');
      const { checks } = await loading;
      scope.postMessage({ type: 'result', id: request.id, check: await checks.check(request.entry) });
    } catch (error) {
      scope.postMessage({
        type: 'failed',
        id: request.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  })();
});
