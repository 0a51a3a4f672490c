// The service worker: precaches every file of the build on the first visit, then answers from
// that cache first, so that a kiosk (or any reader) starts and runs with the network cut.
// Range requests (the basemap archive is read in pieces by the pmtiles reader) are answered
// with a 206 cut from the cached whole file. scripts/service-worker.mjs fills in the list.
const VERSION = '__VERSION__';
const PRECACHE = /* __PRECACHE__ */ [];
// This story's caches only: another story served from the same host keeps its own.
const CACHE_PREFIX = '__CACHE_PREFIX__';
const CACHE = `${CACHE_PREFIX}${VERSION}`;
// Each page's addresses ('/zh', '/zh/', '/zh/index.html', under the site's base path) to its own.
const PAGES = new Map(/* __PAGES__ */ []);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // 'reload' skips the HTTP cache, so that the precache is exactly this build.
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
      }
      // Take charge of the page that installed this worker too: a kiosk whose network drops after
      // its first visit goes on reading the basemap from the cache, without waiting for a reload.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const key = PAGES.get(url.pathname) ?? url.pathname;
  if (!PRECACHE.includes(key)) return;
  event.respondWith(respond(request, key));
});

async function respond(request, key) {
  const cached = await (await caches.open(CACHE)).match(key);
  if (!cached) return fetch(request);
  const range = request.headers.get('range');
  return range ? rangeResponse(key, cached, range) : cached;
}

// Whole files as blobs, kept while the worker lives: slicing a blob copies nothing.
const blobs = new Map();

async function rangeResponse(key, cached, header) {
  let blob = blobs.get(key);
  if (!blob) {
    blob = cached.clone().blob();
    blobs.set(key, blob);
  }
  const body = await blob;
  const size = body.size;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  let start = NaN;
  let end = NaN;
  if (m && m[1] !== '') {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  } else if (m && m[2] !== '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  }
  if (!(start <= end) || start >= size) {
    return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}` } });
  }
  const headers = new Headers({
    'Content-Type': cached.headers.get('Content-Type') ?? 'application/octet-stream',
    'Content-Range': `bytes ${start}-${end}/${size}`,
    'Content-Length': String(end - start + 1),
    'Accept-Ranges': 'bytes',
  });
  const etag = cached.headers.get('ETag');
  if (etag) headers.set('ETag', etag);
  return new Response(body.slice(start, end + 1), { status: 206, statusText: 'Partial Content', headers });
}
