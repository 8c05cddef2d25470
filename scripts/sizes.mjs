// Prints each file of the built page with its raw, gzip and brotli size, and
// the totals. Usage: node scripts/sizes.mjs [dist]
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
const width = Math.max(5, ...rows.map((r) => r.name.length));
console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}  ${'brotli'.padStart(10)}`);
for (const r of rows) console.log(`${r.name.padEnd(width)}  ${kb(r.raw)}  ${kb(r.gzip)}  ${kb(r.brotli)}`);
const total = (k) => rows.reduce((sum, r) => sum + r[k], 0);
console.log(`${'total'.padEnd(width)}  ${kb(total('raw'))}  ${kb(total('gzip'))}  ${kb(total('brotli'))}`);
