// Service worker of the release build: precaches every file of this version, serves them
// from its own versioned cache (old and new files never mix), and waits for the app to say
// "reload" before a new version takes over. scripts/postbuild.mjs fills in the placeholders.
const VERSION = '__VERSION__';
const FILES = __FILES__;

self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(VERSION).then((c) => c.addAll(FILES)));
});

self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (e) => {
  if (e.data === 'reload') self.skipWaiting();
});

self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== location.origin) return;
  e.respondWith(
    caches.open(VERSION).then(async (cache) => {
      // Pages are the app itself (routes live in the hash); other files by their path. A file
      // this version does not have (a team pack) goes to the network.
      const hit = await cache.match(e.request.mode === 'navigate' ? './' : e.request, { ignoreSearch: true });
      return hit ?? fetch(e.request);
    }),
  );
});
