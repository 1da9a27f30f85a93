/**
 * Starlight computes "last updated" dates only for `src/content/docs/`. Our guide lives in
 * the top-level `content/docs/`, so this wrapper gives each entry the date of the newest
 * commit touching its file, read once with a single `git log`.
 */
import { spawnSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';

/** Newest commit date of every file under `dir`, keyed by path relative to the repo root. */
export function newestCommitDates(dir: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' });
  if (top.status !== 0) return dates;
  const root = top.stdout.trim();
  const log = spawnSync('git', ['log', '--format=t:%ct', '--name-only', '--', relative(root, resolve(dir)) || '.'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (log.status !== 0) return dates;
  let current = 0;
  for (const line of log.stdout.split('\n')) {
    if (line.startsWith('t:')) current = Number(line.slice(2)) * 1000;
    else if (line && !dates.has(line)) dates.set(line, new Date(current)); // log is newest first
  }
  return dates;
}

/** Wraps a loader so that every entry without a `lastUpdated` gets its file's newest commit date. */
export function withGitDates(loader: Loader, dir: string): Loader {
  return {
    ...loader,
    name: `${loader.name}-with-git-dates`,
    load: async (context: LoaderContext) => {
      const dates = newestCommitDates(dir);
      const root = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' }).stdout.trim();
      const cwd = process.cwd();
      const store = new Proxy(context.store, {
        get(target, prop, receiver) {
          if (prop !== 'set') return Reflect.get(target, prop, receiver) as unknown;
          return (entry: Parameters<typeof target.set>[0]) => {
            const data = entry.data;
            if (entry.filePath && data['lastUpdated'] === undefined) {
              const date = dates.get(relative(root || cwd, resolve(cwd, entry.filePath)));
              if (date) entry = { ...entry, data: { ...data, lastUpdated: date } };
            }
            return target.set(entry);
          };
        },
      });
      await loader.load({ ...context, store });
    },
  };
}
