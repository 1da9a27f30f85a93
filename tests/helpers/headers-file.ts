/**
 * Reads a `_headers` file the way Netlify and Cloudflare Pages do, for the tests: written
 * apart from the code that produces the file, so that a format mistake there shows up here.
 *
 * A rule is a path pattern at the start of a line (`*` matches anything, `/` included), then
 * its headers on indented lines, `Name: value`; `#` starts a comment. A path gets the headers
 * of every rule that matches it, and two values of one header are joined with a comma, as
 * Cloudflare does (for a Content-Security-Policy, that makes two policies).
 */

export interface HeaderRule {
  path: string;
  /** `[name, value]` in the order of the file. */
  headers: [string, string][];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split('\n').forEach((line, index) => {
    const where = `_headers, ligne ${index + 1}`;
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    if (line.startsWith('/')) {
      if (/\s/.test(line)) throw new Error(`${where} : espace dans un chemin : « ${line} »`);
      if (line.includes(':')) throw new Error(`${where} : paramètre « :nom » non pris en charge : « ${line} »`);
      rules.push({ path: line, headers: [] });
      return;
    }
    const header = /^[ \t]+([A-Za-z][\w-]*): (\S.*)$/.exec(line);
    if (!header) throw new Error(`${where} : ni chemin, ni en-tête « Nom: valeur » en retrait : « ${line} »`);
    const rule = rules.at(-1);
    if (!rule) throw new Error(`${where} : en-tête avant tout chemin`);
    rule.headers.push([header[1] ?? '', header[2] ?? '']);
  });
  return rules;
}

function matches(pattern: string, path: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(path);
}

/** The headers a host sends for `path`, names in lower case. */
export function headersForPath(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!matches(rule.path, path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
    }
  }
  return headers;
}
