/**
 * « Rendre disponible hors ligne » (`TakeAway.astro`): fetches every page of the guide, its
 * images and the search's result fragments, as listed in `hors-ligne.json`, a few at a time,
 * with progress. The service worker keeps what goes through it; this script only asks.
 */
import { CACHE_PREFIX, type OfflineList } from '../config/offline.ts';

const SAVED_KEY = 'kpa-hors-ligne';
const AT_ONCE = 4;
const DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });

interface Saved {
  version: string;
  date: string;
  pages: number;
}

function readSaved(): Saved | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(SAVED_KEY) ?? 'null') as Saved | null;
    return saved ?? undefined;
  } catch {
    return undefined;
  }
}

/** A worker controls this page, waiting for it to take over if it was just installed. */
async function controlled(timeoutMs: number): Promise<boolean> {
  await navigator.serviceWorker.ready;
  if (navigator.serviceWorker.controller) return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      resolve(Boolean(navigator.serviceWorker.controller));
    }, timeoutMs);
    navigator.serviceWorker.addEventListener(
      'controllerchange',
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      { once: true },
    );
  });
}

export function start(): void {
  const root = document.querySelector<HTMLElement>('[data-offline-download]');
  if (!root || !('serviceWorker' in navigator) || !('caches' in window)) return;
  const button = root.querySelector<HTMLButtonElement>('button');
  const progress = root.querySelector<HTMLProgressElement>('progress');
  const status = root.querySelector<HTMLElement>('[data-offline-status]');
  const list = root.dataset['list'];
  if (!button || !progress || !status || !list) return;
  root.hidden = false;

  const say = (text: string) => {
    status.textContent = text;
  };

  const saved = readSaved();
  if (saved) {
    void caches.has(`${CACHE_PREFIX}pages-${saved.version}`).then((kept) => {
      if (kept) {
        say(
          `Déjà disponible hors ligne : ${String(saved.pages)} pages enregistrées le ${DATE.format(new Date(saved.date))}.`,
        );
        button.textContent = 'Mettre à jour la copie hors ligne';
      } else {
        say(
          'Le guide a été mis à jour depuis votre dernier enregistrement : enregistrez-le à nouveau pour tout avoir hors ligne, recherche comprise.',
        );
      }
    });
  }

  button.addEventListener('click', () => {
    void (async () => {
      button.disabled = true;
      progress.hidden = false;
      progress.removeAttribute('value');
      say('Préparation de la lecture hors ligne…');
      try {
        if (!(await controlled(30_000))) throw new Error('le navigateur n’a pas activé la lecture hors ligne');
        const response = await fetch(list, { cache: 'no-store' });
        if (!response.ok) throw new Error(`liste introuvable (${String(response.status)})`);
        const offline = (await response.json()) as OfflineList;
        const all = [...offline.pages, ...offline.files, ...offline.search];
        let done = 0;
        let failed = 0;
        progress.max = all.length;
        const next = async (): Promise<void> => {
          for (let url = all.shift(); url !== undefined; url = all.shift()) {
            try {
              const r = await fetch(url);
              if (!r.ok) failed += 1;
            } catch {
              failed += 1;
            }
            done += 1;
            progress.value = done;
            say(`Enregistrement : ${String(done)} sur ${String(progress.max)} fichiers…`);
          }
        };
        await Promise.all(Array.from({ length: AT_ONCE }, next));
        if (failed > 0) {
          say(`${String(failed)} fichiers n’ont pas pu être enregistrés. Vérifiez la connexion et réessayez.`);
        } else {
          const entry: Saved = {
            version: offline.version,
            date: new Date().toISOString(),
            pages: offline.pages.length,
          };
          localStorage.setItem(SAVED_KEY, JSON.stringify(entry));
          say(
            `C’est prêt : les ${String(offline.pages.length)} pages du guide et des boîtes à outils, et la recherche, ` +
              'sont disponibles sans connexion dans ce navigateur.',
          );
          button.textContent = 'Mettre à jour la copie hors ligne';
        }
      } catch (error) {
        say(`La lecture hors ligne n’a pas pu être préparée : ${(error as Error).message}. Réessayez plus tard.`);
      } finally {
        button.disabled = false;
      }
    })();
  });
}
