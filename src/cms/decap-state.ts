/**
 * What Decap is about to write, asked of Decap itself: the path and the text of an entry's
 * file come from its own backend (`generateUniqueSlug`, `entryToRaw`, the calls its
 * `persistEntry` makes), so the checks judge exactly the bytes that would be saved, through
 * whatever format the collection uses. Its Redux store gives the draft being edited, the
 * errors of its own field validation, and the media uploaded in this session.
 * (See `src/types/decap-internals.d.ts` for why these modules, and what breaks if they move.)
 */
import { store, type DecapState, type Immutable } from 'decap-cms-core/dist/esm/redux/index.js';
import { currentBackend } from 'decap-cms-core/dist/esm/backend.js';
import { selectEntryPath } from 'decap-cms-core/dist/esm/reducers/collections.js';
import { selectPublishedSlugs } from 'decap-cms-core/dist/esm/reducers/index.js';
import { getSerializedEntry } from 'decap-cms-core/dist/esm/actions/entries.js';

export { store };

/** The file Decap would write for an entry. */
export interface PendingFile {
  collection: string;
  /** Path in the repository; for a new entry, the one Decap will choose. */
  path: string;
  text: string;
  /** Files of `public/` that the entry adds or that were uploaded in this session, by site path. */
  newPublicFiles: string[];
}

function isImmutable(value: unknown): value is Immutable {
  return typeof value === 'object' && value !== null && 'getIn' in value && 'toJS' in value;
}

/** `public/media/x.png` → `/media/x.png`; other paths are not served by the site. */
function sitePathOf(path: unknown): string | undefined {
  return typeof path === 'string' && path.startsWith('public/') ? path.slice('public'.length) : undefined;
}

function uploads(entry: Immutable, state: DecapState): string[] {
  const paths: string[] = [];
  const attached = entry.get('mediaFiles');
  if (isImmutable(attached)) {
    for (const file of attached.toJS() as { path?: unknown }[]) paths.push(sitePathOf(file.path) ?? '');
  }
  const library = state.mediaLibrary.get('files');
  if (Array.isArray(library)) {
    for (const file of library as { path?: unknown }[]) paths.push(sitePathOf(file.path) ?? '');
  }
  return paths.filter((p) => p !== '');
}

/**
 * The file Decap would write for `entry` (already through the widgets' serializers, as the
 * `preSave` event gives it); `undefined` when Decap could not name a new entry yet (its
 * identifier field is empty: Decap's own validation says so).
 */
export async function pendingFile(
  entry: Immutable,
  state: DecapState = store.getState(),
): Promise<PendingFile | undefined> {
  const collectionName = String(entry.get('collection'));
  const collection = state.collections.get(collectionName);
  if (!isImmutable(collection)) return undefined;
  const backend = currentBackend(state.config);
  let path = entry.get('path');
  if (entry.get('newRecord') === true) {
    const data = entry.get('data');
    if (!isImmutable(data)) return undefined;
    let slug: string;
    try {
      // As persistEntry does (this site's collections have no `meta.path`: no custom path).
      slug = await backend.generateUniqueSlug(
        collection,
        data,
        state.config,
        selectPublishedSlugs(state, collectionName),
        undefined,
      );
    } catch {
      return undefined;
    }
    path = selectEntryPath(collection, slug);
  }
  if (typeof path !== 'string' || path === '') return undefined;
  return {
    collection: collectionName,
    path,
    text: backend.entryToRaw(collection, entry),
    newPublicFiles: uploads(entry, state),
  };
}

/** The entry being edited, serialised as a save would serialise it; `undefined` outside the editor. */
export function draftEntry(state: DecapState = store.getState()): Immutable | undefined {
  const entry = state.entryDraft.get('entry');
  if (!isImmutable(entry) || entry.get('collection') === undefined) return undefined;
  const collection = state.collections.get(String(entry.get('collection')));
  return isImmutable(collection) ? getSerializedEntry(collection, entry) : undefined;
}

/** The messages of Decap's own field validation (« Le champ Résumé est requis. »), in form order. */
export function fieldErrors(state: DecapState = store.getState()): string[] {
  const errors = state.entryDraft.get('fieldsErrors');
  if (!isImmutable(errors)) return [];
  const lists = Object.values(errors.toJS() as Record<string, { message?: unknown }[]>);
  return lists.flatMap((list) => list.map((error) => (typeof error.message === 'string' ? error.message : '')));
}
