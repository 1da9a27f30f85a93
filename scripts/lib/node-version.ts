/** The oldest Node that Astro 7 and Vitest 5 run on. `.nvmrc` and `engines` say the same. */
export const MIN_NODE = '22.12.0';

function parts(version: string): number[] {
  return version
    .replace(/^v/, '')
    .split('.')
    .map((n) => Number.parseInt(n, 10) || 0);
}

/** True when `version` (e.g. `v24.21.0`) is at least `minimum`. */
export function isNodeAtLeast(version: string, minimum = MIN_NODE): boolean {
  const [a = 0, b = 0, c = 0] = parts(version);
  const [x = 0, y = 0, z = 0] = parts(minimum);
  return a !== x ? a > x : b !== y ? b > y : c >= z;
}

/** Throws a French message saying how to get a recent Node when `version` is too old. */
export function assertNodeVersion(version: string = process.version): void {
  if (isNodeAtLeast(version)) return;
  throw new Error(
    `Node ${version} est trop ancien : il faut Node ${MIN_NODE} ou plus. ` +
      'Lancez les commandes par « npm run … » ou « npm test » après « npm ci » : ' +
      'le projet installe alors son propre Node dans node_modules/.bin.',
  );
}
