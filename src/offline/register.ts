/**
 * On every page of the guide (`OfflineSupport.astro`): registers the service worker once the
 * page has loaded and the browser is idle, so that it never slows the first visit, and shows
 * a notice when the page was read from the offline copy.
 */
import { REFRESH_MESSAGE, servedFromCache } from './notice.ts';

const MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'long' });
const TIME = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' });

/** « 1er décembre à 16:36 ». */
function when(date: Date): string {
  const day = date.getDate();
  return `${day === 1 ? '1er' : String(day)} ${MONTH.format(date)} à ${TIME.format(date)}`;
}

function showNotice(element: HTMLElement): void {
  const cached = servedFromCache();
  if (!cached) return;
  const saved = cached.saved ? `, telle qu’enregistrée le ${when(cached.saved)}` : '';
  element.textContent = `Vous lisez la copie hors ligne de cette page${saved}. Elle se mettra à jour à votre prochaine visite avec une connexion.`;
  element.hidden = false;
  // At the top of the page's content, where a reader starts.
  document.querySelector('main')?.prepend(element);
}

async function register(element: HTMLElement): Promise<void> {
  const { worker, adminWorker, scope, adminScope } = element.dataset;
  if (!worker || !adminWorker || !scope || !adminScope) return;
  // The editor's worker first: without it, the caching worker would also control /admin/.
  await navigator.serviceWorker.register(adminWorker, { scope: adminScope });
  await navigator.serviceWorker.register(worker, { scope });
}

/** Asks the worker to refresh, from its build, what the reader kept (src/offline/service-worker.ts). */
function askRefresh(): void {
  const worker = navigator.serviceWorker.controller;
  if (!worker) return;
  const ask = () => {
    worker.postMessage({ type: REFRESH_MESSAGE });
  };
  // A worker that has just taken over is still activating: ask once it is active.
  if (worker.state === 'activated') ask();
  else
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') ask();
    });
}

export function start(): void {
  const element = document.querySelector<HTMLElement>('[data-offline-support]');
  if (!element) return;
  showNotice(element);
  if (!('serviceWorker' in navigator)) return;
  const firstVisit = !navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    askRefresh();
    // This page was loaded before any worker: once one takes over, keep a copy of it too.
    if (firstVisit) void fetch(location.href).catch(() => undefined);
  });
  askRefresh();
  const later = () => {
    const run = () => {
      register(element).catch((error: unknown) => {
        console.warn('Lecture hors ligne indisponible :', error);
      });
    };
    if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 5000 });
    else setTimeout(run, 1000);
  };
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
