/**
 * The few modules of Decap CMS's own code that `src/cms/decap-state.ts` reads, with the
 * parts it uses. They are not Decap's public API (`CMS.*`): they are imported from the ESM
 * build that `decap-cms-app` itself loads, so they are the very instances the editor runs
 * (its store, its backend), and `tests/browser/cms-checks.test.ts` fails if a new version of
 * Decap moves them.
 */

declare module 'decap-cms-core/dist/esm/redux/index.js' {
  /** An Immutable.js collection, read through the methods used here. */
  export interface Immutable {
    get(key: string): unknown;
    getIn(path: readonly (string | number)[]): unknown;
    toJS(): unknown;
    isEmpty(): boolean;
  }

  /** The slices of Decap's Redux state that are read here (each an Immutable value). */
  export interface DecapState {
    config: Immutable;
    collections: Immutable;
    entryDraft: Immutable;
    mediaLibrary: Immutable;
  }

  export const store: {
    getState(): DecapState;
    subscribe(listener: () => void): () => void;
  };
}

declare module 'decap-cms-core/dist/esm/backend.js' {
  import type { Immutable } from 'decap-cms-core/dist/esm/redux/index.js';

  export interface Backend {
    /** The text of the file Decap writes for `entry`, through the collection's format. */
    entryToRaw(collection: Immutable, entry: Immutable): string;
    /** The slug Decap gives a new entry: from the identifier field, made unique in the repository. */
    generateUniqueSlug(
      collection: Immutable,
      entryData: Immutable,
      config: Immutable,
      usedSlugs: Immutable,
      customPath: undefined,
    ): Promise<string>;
  }

  export function currentBackend(config: Immutable): Backend;
}

declare module 'decap-cms-core/dist/esm/reducers/collections.js' {
  import type { Immutable } from 'decap-cms-core/dist/esm/redux/index.js';

  /** The path of a folder collection's entry with this slug. */
  export function selectEntryPath(collection: Immutable, slug: string): string | undefined;
}

declare module 'decap-cms-core/dist/esm/reducers/index.js' {
  import type { DecapState, Immutable } from 'decap-cms-core/dist/esm/redux/index.js';

  /** The slugs of the collection's entries that Decap has loaded. */
  export function selectPublishedSlugs(state: DecapState, collection: string): Immutable;
}

declare module 'decap-cms-core/dist/esm/actions/entries.js' {
  import type { Immutable } from 'decap-cms-core/dist/esm/redux/index.js';

  /** The entry with its values passed through the widgets' serializers, as Decap saves it. */
  export function getSerializedEntry(collection: Immutable, entry: Immutable): Immutable;
}
