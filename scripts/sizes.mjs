// Prints each file of the built page with its raw, gzip and brotli size, and
// the totals: the first load (what a visitor's browser fetches before any
// interaction: the page, its loader, script, WebAssembly, styles and
// snippets) and the whole site. The councils' figures by age (ages/, one
// small file fetched when a council is first projected by age) are one
// line. Usage: node scripts/sizes.mjs [dist]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist';
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
})(root);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
const rows = files.map((path) => {
  const data = readFileSync(path);
  return {
    name: relative(root, path),
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
});
// Fetched later, if at all: a council's figures by age and the simulation
// worker (on first use), the service worker and the icon (after load), the
// plain pages (when followed).
const later = (name) => /^(ages|pages)\//.test(name) || /^hnb-worker/.test(name) || ['robots.txt', 'sw.js', 'favicon.svg'].includes(name);
const sum = (list, k) => list.reduce((s, r) => s + r[k], 0);
const ages = rows.filter((r) => r.name.startsWith('ages/'));
const shown = rows.filter((r) => !r.name.startsWith('ages/'));
if (ages.length) {
  const n = ages.length;
  shown.push({ name: `ages/ (${n} files, one a council)`, raw: sum(ages, 'raw'), gzip: sum(ages, 'gzip'), brotli: sum(ages, 'brotli') });
  shown.push({ name: 'ages/ largest file', raw: Math.max(...ages.map((r) => r.raw)), gzip: Math.max(...ages.map((r) => r.gzip)), brotli: Math.max(...ages.map((r) => r.brotli)) });
}
const width = Math.max(5, ...shown.map((r) => r.name.length));
const line = (r) => console.log(`${r.name.padEnd(width)}  ${kb(r.raw)}  ${kb(r.gzip)}  ${kb(r.brotli)}`);
console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}  ${'brotli'.padStart(10)}`);
for (const r of shown) line(r);
const first = rows.filter((r) => !later(r.name));
line({ name: 'first load', raw: sum(first, 'raw'), gzip: sum(first, 'gzip'), brotli: sum(first, 'brotli') });
line({ name: 'total', raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip'), brotli: sum(rows, 'brotli') });
