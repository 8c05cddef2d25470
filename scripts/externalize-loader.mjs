// Trunk post-build hook: move Trunk's inline module loader into its own file so
// the page can run under `script-src 'self'` with no inline script allowed.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('externalize-loader: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)');
  process.exit(1);
}
const indexPath = join(dir, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const inline = /<script type="module"(?: nonce="[^"]*")?>([\s\S]*?)<\/script>/g;
const found = [...html.matchAll(inline)];
if (found.length !== 1) {
  console.error(`externalize-loader: expected one inline module script, found ${found.length}`);
  process.exit(1);
}
// Once the .wasm is in, a second policy closes every connection: from then
// on the page cannot send or fetch anything, whatever its code tried. (A
// policy can only be tightened after load, never loosened.)
const lock = `
// The service worker (sw.js, written by scripts/service-worker.mjs) keeps
// this release so that the next visit opens with no network.
if ('serviceWorker' in navigator) navigator.serviceWorker.register('./sw.js').catch(() => {});
const lock = document.createElement('meta');
lock.httpEquiv = 'Content-Security-Policy';
lock.content = "connect-src 'none'; form-action 'none'; frame-src 'none'; worker-src 'self'";
document.head.append(lock);
document.documentElement.dataset.connections = 'closed';
`;
const code = found[0][1].trim() + '\n' + lock;
const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
const name = `loader-${hash}.js`;
const sri = 'sha384-' + createHash('sha384').update(code).digest('base64');
writeFileSync(join(dir, name), code);
const tag = `<script type="module" src="./${name}" integrity="${sri}"></script>`;
writeFileSync(indexPath, html.replace(found[0][0], tag));
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html.replace(found[0][0], tag))) {
  console.error('externalize-loader: an inline script is still in index.html');
  process.exit(1);
}
console.log(`externalize-loader: wrote ${name}`);
// Then the service worker, which keeps every file by its final name.
await import('./service-worker.mjs');
