/**
 * An entry is always saved to the file whose form is on screen.
 *
 * Decap keeps one editor for every entry address: when only the address changes from one
 * entry to another (typed in the address bar, or the browser's back and forward buttons),
 * it keeps the first entry's form, and « Publier » then writes that form over the first
 * file, or over a file of another collection with a form that is not its own (a guide
 * page's form once rewrote Disco Soupe's durations). Decap's own links go through its
 * router and do not have this problem.
 *
 * So such a change first leaves the editor for an address Decap has no screen for: Decap
 * closes the editor, asking, as it does for any exit, whether to leave unsaved changes.
 * Then the page loads again at the new address: a fresh editor reads its own file. (Opening
 * the new entry in the same page is not enough: once an editor has closed, Decap shows the
 * next one before its entry is read, and fails on the missing entry.)
 */
import { flushSync } from 'react-dom';
import { history, type DecapLocation } from 'decap-cms-core/dist/esm/routing/history.js';

/** An editor address: `/collections/<name>/entries/<slug>` or `/collections/<name>/new`. */
export interface EditorRoute {
  collection: string;
  /** The entry's slug, or `undefined` for a new entry. */
  slug?: string;
}

/** The editor route of a path, or `undefined` for any other screen. */
export function editorRoute(pathname: string): EditorRoute | undefined {
  const match = /^\/collections\/([^/]+)\/(?:entries\/(.+?)|new)\/?$/.exec(pathname);
  if (!match?.[1]) return undefined;
  const collection = decodeURIComponent(match[1]);
  return match[2] === undefined ? { collection } : { collection, slug: decodeURIComponent(match[2]) };
}

/** Whether moving from `from` to `to` leaves one entry's editor for another entry's. */
export function switchesEntry(from: string, to: string): boolean {
  const before = editorRoute(from);
  const after = editorRoute(to);
  if (!before || !after) return false;
  return before.collection !== after.collection || before.slug !== after.slug;
}

/** The path and query of a `#/…` address, as Decap's hash history reads it. */
function hashPath(hash: string): { pathname: string; search: string } {
  const path = hash.replace(/^#/, '') || '/';
  const query = path.indexOf('?');
  return query === -1 ? { pathname: path, search: '' } : { pathname: path.slice(0, query), search: path.slice(query) };
}

/** An address no screen of Decap answers: leaving the editor for it starts nothing. */
export const BETWEEN_ENTRIES = '/changement-de-page';

const fullPath = (location: Pick<DecapLocation, 'pathname' | 'search'>) => location.pathname + location.search;

/**
 * Watches the address before Decap's router sees it (a capturing listener on `window` runs
 * before the router's own), and sends a change from one entry to another through
 * `BETWEEN_ENTRIES`.
 */
export function keepFormInStep(): void {
  let reloading = false;
  window.addEventListener(
    'hashchange',
    (event) => {
      // The page is loading again: the address changes Decap itself queued are not for it.
      if (reloading) {
        event.stopImmediatePropagation();
        return;
      }
      const current = history.location;
      const target = hashPath(window.location.hash);
      if (!switchesEntry(current.pathname, target.pathname)) return;
      // Decap's router must not see this change: the editor would keep its form.
      event.stopImmediatePropagation();
      // Rendered at once, so that the editor is closed (and stops guarding the page) now.
      flushSync(() => {
        history.replace(BETWEEN_ENTRIES);
      });
      const stayed = history.location.pathname !== BETWEEN_ENTRIES;
      // Staying (with unsaved changes), the address goes back to that entry; leaving, the page
      // loads again at the new one.
      window.history.replaceState(window.history.state, '', `#${fullPath(stayed ? current : target)}`);
      if (stayed) return;
      reloading = true;
      window.location.reload();
    },
    { capture: true },
  );
}
