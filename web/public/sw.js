/* global self, caches */
/**
 * The web app's service worker, registered on phones and tablets (web/src/app/offline-shell.ts):
 * a reporter in the field whose connection drops can still reload the report form — the page,
 * its code and the last answers of the few requests the form opens with come from here, and
 * the typing from the local copy (web/src/pages/reports/local-draft.ts).
 *
 * Online nothing changes: pages and data always come from the server first (network first);
 * the cache is used only when the network fails. Hashed assets never change, so they are served
 * from the cache. Writes, evidence files, /public pages and everything else are never touched.
 * Signing in or out empties the data cache (offline-shell.ts), so one user's answers never
 * reach another.
 */
const SHELL = 'reform-ledger-shell-v1';
const DATA = 'reform-ledger-data-v1';
const SHELL_KEY = '/';

/** GET answers the report form and 我的待办 need to open offline. */
const OFFLINE_DATA = [
  /^\/api\/session$/,
  /^\/api\/reports\/todo$/,
  /^\/api\/items\/\d+$/,
  /^\/api\/reports\/by-item\/[^/]+\/[^/]+$/,
  /^\/api\/items\/by-key\/[^/]+\/reports$/,
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.add(SHELL_KEY))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== DATA).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** The server's answer, kept for later; the kept one only when the server cannot be reached. */
async function networkFirst(request, cacheName, key, usable) {
  try {
    const response = await fetch(request);
    if (usable(response)) {
      const copy = response.clone();
      caches.open(cacheName).then((cache) => cache.put(key, copy));
    }
    return response;
  } catch (error) {
    const kept = await caches.match(key, { cacheName, ignoreVary: true });
    if (kept) return kept;
    throw error;
  }
}

async function cacheFirst(request) {
  const kept = await caches.match(request, { cacheName: SHELL });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(SHELL).then((cache) => cache.put(request, copy));
  }
  return response;
}

const isHtml = (r) => r.ok && (r.headers.get('content-type') ?? '').includes('text/html');

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (request.mode === 'navigate') {
    // Every page of the app is index.html; /api and the public portal are not the app.
    if (path.startsWith('/api/') || path === '/api' || path.startsWith('/public')) return;
    event.respondWith(networkFirst(request, SHELL, SHELL_KEY, isHtml));
  } else if (path.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (OFFLINE_DATA.some((re) => re.test(path))) {
    event.respondWith(networkFirst(request, DATA, request, (r) => r.status === 200));
  }
});
