/**
 * `path-browserify` has no types of its own: it is the POSIX half of Node's `path` module
 * (`module.exports = path.posix`), so Node's types describe it.
 */
declare module 'path-browserify' {
  const posix: import('node:path').PlatformPath;
  export default posix;
}
