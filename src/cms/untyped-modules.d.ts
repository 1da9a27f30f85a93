/**
 * Types for the few modules the editor uses that ship none: parts of Decap CMS beyond its
 * public API, imported from the same ES modules Decap itself is built from (so they are
 * the very instances it uses), and the one function of `react-dom` it calls.
 */
declare module 'react-dom' {
  /** Runs `update` and renders what it changed before returning. */
  export function flushSync<R>(update: () => R): R;
}

declare module 'decap-cms-core/dist/esm/routing/history.js' {
  /** The `history` (v4) object Decap's router follows: a hash history. */
  export interface DecapLocation {
    pathname: string;
    search: string;
    hash: string;
  }
  export interface DecapHistory {
    location: DecapLocation;
    replace: (path: string) => void;
    listen: (listener: (location: DecapLocation, action: 'PUSH' | 'POP' | 'REPLACE') => void) => () => void;
  }
  export const history: DecapHistory;
}

declare module 'decap-cms-core/dist/esm/lib/formatters.js' {
  /** How Decap turns an identifier (a title) into a file name, with the `slug` settings of the configuration. */
  export function getProcessSegment(slugConfig?: {
    encoding?: string;
    clean_accents?: boolean;
    sanitize_replacement?: string;
  }): (value: string) => string;
}

declare module 'decap-cms-locales/dist/esm/en/index.js' {
  /** Decap's English phrases: nested objects of strings (read by the French locale's test). */
  const en: { [key: string]: unknown };
  export default en;
}
