// Service worker: the app shell is cache-first; task lists and details are network-first with a
// cached fallback so the queue still shows offline. Nothing else under /api/ is cached.
// bumped whenever the shell changes, so tablets drop the old one
const VERSION = 'v4';
const SHELL_CACHE = `ic-shell-${VERSION}`;
const API_CACHE = 'ic-api-v1';
const SHELL = [
  '/',
  '/index.html',
  '/app.js',
  '/styles.css',
  '/manifest.webmanifest',
  '/icon.svg',
  '/js/api.js',
  '/js/dom.js',
  '/js/drafts.js',
  '/js/outbox.js',
  '/js/scan-viewer.js',
  '/js/sync-status.js',
  '/js/views/login.js',
  '/js/views/queue.js',
  '/js/views/task.js',
  '/js/views/outcome.js',
  '/sign-in/provider.js',
];
const TASK_LIST = /^\/api\/v1\/inspections\/?$/;
const TASK_DETAIL = /^\/api\/v1\/inspections\/[0-9a-fA-F-]{36}$/;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('ic-shell-') && k !== SHELL_CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    if (TASK_LIST.test(url.pathname) || TASK_DETAIL.test(url.pathname)) event.respondWith(networkFirst(request));
    return;
  }
  if (url.pathname.startsWith('/sign-in/')) {
    // shared by every service's web app, so the tablet's VERSION does not follow its changes: fresh when online
    event.respondWith(fetch(request).catch(() => caches.match(url.pathname, { cacheName: SHELL_CACHE })));
    return;
  }
  if (request.mode === 'navigate' && (url.pathname === '/' || url.pathname === '/index.html')) {
    event.respondWith(cacheFirst('/index.html', request));
  } else if (SHELL.includes(url.pathname)) {
    event.respondWith(cacheFirst(url.pathname, request));
  }
});

async function cacheFirst(key, request) {
  const cached = await caches.match(key, { cacheName: SHELL_CACHE });
  return cached ?? fetch(request);
}

/** Cached API answers are kept per user, so one inspector never sees another's saved queue. */
function apiCacheKey(request) {
  const auth = request.headers.get('Authorization') ?? '';
  let user = 'anonymous';
  try {
    // the bearer token's subject; the signature is the server's to check, this only partitions the cache
    const payload = auth.replace(/^Bearer\s+/i, '').split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    user = JSON.parse(atob(payload)).sub || user;
  } catch {
    // no token: keep "anonymous"
  }
  const url = new URL(request.url);
  url.searchParams.set('__user', user);
  return url.toString();
}

async function networkFirst(request) {
  const key = apiCacheKey(request);
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(API_CACHE);
      await cache.put(key, response.clone());
      return response;
    }
    if (![502, 503, 504].includes(response.status)) return response;
    return (await fromApiCache(key)) ?? response;
  } catch (error) {
    const cached = await fromApiCache(key);
    if (cached) return cached;
    throw error;
  }
}

/** A cached answer, marked so the app can say it is showing a saved copy. */
async function fromApiCache(key) {
  const cached = await caches.match(key, { cacheName: API_CACHE });
  if (!cached) return null;
  const headers = new Headers(cached.headers);
  headers.set('X-From-Cache', '1');
  return new Response(await cached.blob(), { status: cached.status, statusText: cached.statusText, headers });
}
