/**
 * The editor's check before saving: on Decap's `preSave` event, the file Decap is about to
 * write goes through the rules of `npm run validate` (`site-checks.ts`, in a worker started
 * when the editor opens: it carries the parsers); any error stops the save, and
 * every problem is shown at the top of the form and under its field (`problem-display.ts`).
 * Once problems are shown, they follow the contributor's edits. When Decap's own field
 * validation stops a save before our event (a required field left empty, a text too long),
 * its messages join ours at the top of the form: otherwise such a refusal shows nothing but
 * a line under a field that may be out of view.
 */
import type { Immutable } from 'decap-cms-core/dist/esm/redux/index.js';
import { draftEntry, fieldErrors, pendingFile, store } from './decap-state.ts';
import { placeProblems, type EntryProblem } from './check-entry.ts';
import { ProblemDisplay, type ProblemReport } from './problem-display.ts';
import type { EntryCheck, EntryFile } from './site-checks.ts';
import type { WorkerMessage, WorkerRequest } from './site-checks-worker.ts';
import type { CmsFieldConfig } from './schema-fields.ts';
import { FILE_BUDGET_MS, tooComplexIssue } from '../../scripts/lib/validate/budget.ts';

/** An error whose text is only its message: Decap shows it as is in its notice. */
export class EntryError extends Error {
  override name = 'EntryError';
  override toString(): string {
    return this.message;
  }
}

/** Where the build writes the site map, next to the editor's page. */
const SITE_MAP = 'site-checks.json';
/** How long the form stays still before problems already shown are checked again. */
const SETTLE_MS = 400;

/**
 * The checks, in a worker (`site-checks-worker.ts`). One check at a time; each has the budget
 * of `npm run validate` once the worker is ready, and a worker that goes over it is ended and
 * replaced: the file is then reported as too complex, as in CI.
 */
class CheckWorker {
  #worker: Worker | undefined;
  #ready: Promise<string | undefined> | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #next = 0;
  #answers = new Map<number, (message: WorkerMessage) => void>();

  /** Starts the worker, which loads the parsers and the site map; resolves with its notice, if any. */
  start(): Promise<string | undefined> {
    if (this.#ready) return this.#ready;
    const worker = new Worker(new URL('./site-checks-worker.ts', import.meta.url), { type: 'module' });
    this.#worker = worker;
    this.#ready = new Promise<string | undefined>((resolve, reject) => {
      worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
        const message = event.data;
        if (message.type === 'ready') resolve(message.notice);
        else this.#answers.get(message.id)?.(message);
      });
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.#stop();
        reject(new Error(event.message || 'le processus de vérification n’a pas pu démarrer'));
      });
    });
    // A worker that could not start is started again at the next check.
    this.#ready.catch(() => undefined);
    const init: WorkerRequest = { type: 'init', siteMap: new URL(SITE_MAP, document.baseURI).href };
    worker.postMessage(init);
    return this.#ready;
  }

  #stop(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#ready = undefined;
  }

  /** The problems of `entry`, by the rules of `npm run validate`. */
  check(entry: EntryFile): Promise<{ check: EntryCheck; notice?: string }> {
    const result = this.#queue.then(() => this.#checkNow(entry));
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #checkNow(entry: EntryFile): Promise<{ check: EntryCheck; notice?: string }> {
    const notice = await this.start();
    const worker = this.#worker;
    if (!worker) throw new Error('le processus de vérification s’est arrêté');
    const id = ++this.#next;
    const message = await new Promise<WorkerMessage | undefined>((resolve) => {
      const timer = setTimeout(() => {
        this.#stop();
        resolve(undefined);
      }, FILE_BUDGET_MS);
      this.#answers.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      const request: WorkerRequest = { type: 'check', id, entry };
      worker.postMessage(request);
    });
    this.#answers.delete(id);
    const withNotice = (check: EntryCheck) => (notice === undefined ? { check } : { check, notice });
    if (message === undefined) {
      return withNotice({ own: [{ file: entry.path, ...tooComplexIssue() }], others: [], bodyStart: undefined });
    }
    if (message.type === 'failed') throw new Error(message.error);
    if (message.type !== 'result') throw new Error('réponse inattendue du processus de vérification');
    return withNotice(message.check);
  }
}

function plural(count: number, word: string): string {
  return `${String(count)} ${word}${count > 1 ? 's' : ''}`;
}

/** The identity of the entry in the editor: problems shown for one entry never stay on another. */
function entryKey(entry: Immutable | undefined): string | undefined {
  if (!entry) return undefined;
  return [entry.get('collection'), entry.get('newRecord') === true ? '' : entry.get('slug')].map(String).join('/');
}

export interface EntryChecks {
  /** Decap's `preSave`: throws an `EntryError` when the file would be refused, so that nothing is written. */
  beforeSave: (entry: Immutable) => Promise<void>;
  /** Decap's `postSave`: the warnings of a save that went through now say it did. */
  afterSave: () => void;
}

/** Starts the checks of the editor; `fieldsOf` gives the fields of a collection, for their labels. */
export function installEntryChecks(fieldsOf: (collection: string) => readonly CmsFieldConfig[]): EntryChecks {
  const display = new ProblemDisplay();
  const worker = new CheckWorker();
  // Loaded while the contributor writes, so that the first save does not wait for it.
  worker.start().catch(() => undefined);

  interface Found {
    path: string;
    problems: EntryProblem[];
    notice?: string;
  }

  /** The problems of `entry` as Decap would save it; `undefined` when it cannot be named yet. */
  const problemsOf = async (entry: Immutable): Promise<Found | undefined> => {
    const file = await pendingFile(entry);
    if (!file) return undefined;
    const { check: result, notice } = await worker.check(file);
    const problems = placeProblems([...result.own, ...result.others], {
      path: file.path,
      text: file.text,
      bodyStart: result.bodyStart,
      fields: fieldsOf(file.collection),
    });
    return notice === undefined ? { path: file.path, problems } : { path: file.path, problems, notice };
  };

  const report = (found: Found | undefined, decap: readonly string[]): ProblemReport => {
    const problems = found?.problems ?? [];
    const stopped = decap.length > 0 || problems.some((p) => p.severity === 'error');
    const shown: ProblemReport = { problems, fieldErrors: decap, state: stopped ? 'stopped' : 'ready' };
    return {
      ...shown,
      ...(found && { file: found.path }),
      ...(found?.notice !== undefined && { notice: found.notice }),
    };
  };

  /** Warnings of a save under way, then of the last save, shown again on the entry Decap opens once it is written. */
  let pending: { path: string; report: ProblemReport } | undefined;
  let saved: typeof pending;

  // Problems already shown follow the edits; a save that Decap's own validation stops shows
  // its messages and ours. `run` numbers the checks so that a late answer never wins.
  let run = 0;
  let key: string | undefined;
  let data: unknown;
  let errors: unknown;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const recheck = (attempt: boolean) => {
    const current = ++run;
    void (async () => {
      const entry = draftEntry();
      const decap = fieldErrors();
      let found: Awaited<ReturnType<typeof problemsOf>>;
      try {
        found = entry && (await problemsOf(entry));
      } catch {
        found = undefined;
      }
      if (current !== run || entryKey(entry) !== key) return;
      if ((found?.problems.length ?? 0) === 0 && decap.length === 0) display.clear();
      else display.show(report(found, decap), { focus: attempt });
    })();
  };
  // A save that Decap's own field validation stops never reaches `preSave`: Decap ends it with
  // `Promise.reject()`, which nothing catches. That rejection, with its field errors, is the sign.
  window.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    if (event.reason !== undefined || fieldErrors().length === 0) return;
    clearTimeout(timer);
    recheck(true);
  });
  store.subscribe(() => {
    const draft = store.getState().entryDraft;
    const entry = draft.get('entry') as Immutable | undefined;
    const nextKey = entryKey(entry);
    if (nextKey !== key) {
      key = nextKey;
      run++;
      display.clear();
      if (saved && saved.path === entry?.get('path')) display.show(saved.report, { focus: false });
      else if (nextKey !== undefined) saved = undefined;
    }
    const nextErrors = draft.get('fieldsErrors');
    const nextData = entry?.get('data');
    if (nextErrors !== errors || nextData !== data) {
      errors = nextErrors;
      data = nextData;
      if (display.shown) {
        clearTimeout(timer);
        timer = setTimeout(() => {
          recheck(false);
        }, SETTLE_MS);
      }
    }
  });

  return {
    beforeSave: async (entry) => {
      run++;
      clearTimeout(timer);
      let found;
      try {
        found = await problemsOf(entry);
      } catch (error) {
        console.error(error);
        throw new EntryError(
          'la vérification n’a pas pu se faire (connexion interrompue ?) : rien n’a été enregistré, réessayez dans un instant',
        );
      }
      pending = undefined;
      // Decap names every new entry before writing it: when it cannot, its own validation speaks.
      if (!found || found.problems.length === 0) {
        display.clear();
        return;
      }
      const errorCount = found.problems.filter((p) => p.severity === 'error').length;
      const shown = report(found, []);
      if (errorCount === 0) {
        // Warnings only: the save goes on, and they stay in view on the entry Decap opens once written.
        pending = { path: found.path, report: { ...shown, state: 'saved' } };
        display.show(shown, { focus: false });
        return;
      }
      display.show(shown, { focus: true });
      throw new EntryError(
        `rien n’a été enregistré : ${plural(errorCount, 'point')} à corriger, listé${errorCount > 1 ? 's' : ''} en haut du formulaire et sous ${errorCount > 1 ? 'chaque' : 'son'} champ`,
      );
    },
    afterSave: () => {
      saved = pending;
      pending = undefined;
      if (saved) display.show(saved.report, { focus: false });
    },
  };
}
