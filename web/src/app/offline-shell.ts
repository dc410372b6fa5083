/**
 * The offline copy of the app on phones and tablets (web/public/sw.js): registered there only —
 * a reporter in the field is who loses the connection, and office PCs keep the plain behaviour.
 * Needs a secure context (HTTPS, or 127.0.0.1/localhost); elsewhere the app simply has none and
 * still keeps what is typed (the report form's local copy does not depend on it).
 */
import { PHONE_QUERY, TOUCH_QUERY } from '../hooks/usePhone';

const SHELL = 'reform-ledger-shell-v1';
const DATA = 'reform-ledger-data-v1';

function wanted(): boolean {
  return (
    'serviceWorker' in navigator &&
    window.isSecureContext &&
    (window.matchMedia(PHONE_QUERY).matches || window.matchMedia(TOUCH_QUERY).matches)
  );
}

/** The code this page already loaded, kept too: the first page was fetched before the worker ran. */
async function keepLoadedAssets(): Promise<void> {
  const assets = performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name))
    .filter((u) => u.origin === window.location.origin && u.pathname.startsWith('/assets/'))
    .map((u) => u.pathname);
  const cache = await caches.open(SHELL);
  await cache.addAll([...new Set(assets)]);
}

export function registerOfflineShell(): void {
  if (!wanted()) return;
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then(keepLoadedAssets)
    .catch(() => undefined);
}

/** Signing in or out: no answers of the previous user stay on the device. */
export async function forgetOfflineData(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await caches.delete(DATA).catch(() => false);
}

/**
 * An answer the page got by writing (the report a save returned) kept as if it had been read:
 * opened again without a connection, the form shows what was saved last, not what was read first.
 */
export function keepForOffline(apiPath: string, body: unknown): void {
  if (typeof caches === 'undefined' || !navigator.serviceWorker?.controller) return;
  const response = new Response(JSON.stringify(body), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
  caches
    .open(DATA)
    .then((cache) => cache.put(`/api${apiPath}`, response))
    .catch(() => undefined);
}
