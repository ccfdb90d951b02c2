// Scrutineer's service worker: keeps every file of the app on the device at
// the first visit, so the app opens and works with the network off (venue
// wifi). The data is in the browser's storage, which this never touches.
//
// scripts/post-build.mjs fills in VERSION and FILES at each build, so a new
// build is a new worker. A new worker waits until the page asks it to take
// over (the person chose "Reload"), then removes the old version's files.

const VERSION = 'development';
const FILES = [];
const CACHE = `scrutineer-${VERSION}`;
const SCOPE = new URL(self.registration.scope).pathname;

// A file whose name carries its content's hash (trunk's) can come from the
// browser's HTTP cache: the page has just downloaded it, and it cannot be
// stale. Any other file is checked with the server, so the shell kept is
// this build's own.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|css|wasm)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        cache.addAll(FILES.map((file) => new Request(file, { cache: HASHED.test(file) ? 'default' : 'no-cache' }))),
      ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith('scrutineer-') && name !== CACHE).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const isShell =
    request.mode === 'navigate' && (url.pathname === SCOPE || url.pathname === `${SCOPE}index.html`);
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // The app is one page; its views are in the address's #fragment.
      const kept = await cache.match(isShell ? `${SCOPE}index.html` : request);
      if (kept) return kept;
      return fetch(request);
    })(),
  );
});
