// Trunk post-build hook (after externalize-loader.mjs): writes the service
// worker (sw.js) that lets the calculator open with no network on a second
// visit, and its web app manifest.
//
// The worker's cache is named after a hash of every file it keeps, so each
// release has its own: the browser sees a changed sw.js on the next visit,
// installs it (fetching the new files into the new cache) and removes the
// old cache, and the visit after that opens the new release.
//
// It keeps: the page and everything it loads at first (index.html, the
// loader, script, WebAssembly, styles, snippets), the simulation worker and
// the plain pages. A council's figures by age (ages/CODE.js) are kept the
// first time they are fetched, in a cache of their own named after a hash of
// every council's file: a release that leaves them unchanged keeps what was
// fetched (a councillor who used them offline still has them after an
// update), and one that changes them starts afresh. Nothing else is fetched
// or kept, and it never touches a request to another site.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('service-worker: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)');
  process.exit(1);
}

const manifest = {
  name: 'High Needs Block deficit calculator',
  short_name: 'HNB calculator',
  description: "Model an English council's High Needs Block deficit, savings plan and Safety Valve payments, in your browser.",
  start_url: './',
  scope: './',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#1d4f91',
  lang: 'en-GB',
  icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
};
writeFileSync(join(dir, 'manifest.webmanifest'), JSON.stringify(manifest, null, 2) + '\n');

const files = [];
(function walk(d) {
  for (const name of readdirSync(d).sort()) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(dir, path).split('\\').join('/'));
  }
})(dir);
// Kept at install: what the page loads at first, the simulation worker (so
// each release's cache has the worker that goes with its page) and the
// plain pages. A council's figures by age are kept when first used.
const onUse = (f) => f.startsWith('ages/');
const keep = files.filter((f) => !onUse(f) && f !== 'robots.txt' && f !== 'sw.js');
const versioned = files.filter((f) => f !== 'sw.js' && f !== 'robots.txt');
// A hash of the files' names and contents, 16 hex digits.
function digest(list) {
  const hash = createHash('sha256');
  for (const f of list) hash.update(f).update('\0').update(readFileSync(join(dir, f)));
  return hash.digest('hex').slice(0, 16);
}
const version = digest(versioned);
const agesVersion = digest(files.filter(onUse));

const sw = `// The calculator's service worker (written by scripts/service-worker.mjs at
// build time): this release's files, kept so the page opens with no network.
const CACHE = 'hnb-${version}';
// Councils' figures by age, kept once fetched, across releases that leave
// them unchanged.
const AGES = 'hnb-ages-${agesVersion}';
const AGES_PATH = new URL('ages/', self.registration.scope).pathname;
const FILES = ${JSON.stringify(['./', ...keep.filter((f) => f !== 'index.html')], null, 2)};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('hnb-') && n !== CACHE && n !== AGES).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The page itself, whatever its query (?la=, ?embed=1) or fragment: this
  // release's copy.
  const page = event.request.mode === 'navigate' && (url.pathname.endsWith('/') || url.pathname.endsWith('/index.html'));
  const key = page ? './' : event.request;
  if (url.pathname.startsWith(AGES_PATH)) {
    // A council's figures by age are kept once fetched, fresh from the
    // site (never a copy the browser's own cache held from before), by
    // path alone: the page asks again with ?try=N after a failure.
    const file = url.origin + url.pathname;
    event.respondWith(
      caches.open(AGES).then((cache) => cache.match(file).then((hit) => hit
        || fetch(file, { cache: 'no-cache', credentials: 'same-origin' }).then((res) => {
          if (res.ok) cache.put(file, res.clone());
          return res;
        }))),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(key, { ignoreSearch: key === './' }).then((hit) => hit || fetch(event.request))),
  );
});
`;
writeFileSync(join(dir, 'sw.js'), sw);
// A worker that does not parse would silently leave the page without one.
new Function(sw);
console.log(`service-worker: wrote sw.js (cache hnb-${version}, ${keep.length} files; figures by age hnb-ages-${agesVersion}) and manifest.webmanifest`);
