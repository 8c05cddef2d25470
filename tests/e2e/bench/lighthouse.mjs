// Lighthouse benchmark of the built page (mobile settings, Debian Chromium).
// Reported, never asserted. Usage, after `trunk build --release`:
//   node tests/e2e/bench/lighthouse.mjs [dist] [path]
// Fetches `lighthouse` through npx the first time (it is not a test
// dependency), serves dist/ locally and prints each category's score.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const LIGHTHOUSE = 'lighthouse@12.8.2';
const here = new URL('.', import.meta.url).pathname;
const dist = resolve(process.argv[2] ?? join(here, '../../../dist'));
const path = process.argv[3] ?? '';
const port = 4191;
const server = spawn(process.execPath, [join(here, '../serve.mjs'), dist, String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
// The test server compresses each file the first time it is asked for (the
// page's wasm takes it about two seconds at brotli's best): ask for every
// file once first, so Lighthouse times a host serving files compressed
// ahead, as a real one does, not the compressor.
for (const f of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!f.isFile()) continue;
  const rel = join(f.parentPath ?? f.path, f.name).slice(dist.length + 1);
  await fetch(`http://127.0.0.1:${port}/${rel}`, { headers: { 'accept-encoding': 'br' } }).then((r) => r.arrayBuffer());
}
const out = join(mkdtempSync(join(tmpdir(), 'hnb-lh-')), 'report.json');
try {
  execFileSync('npx', ['--yes', LIGHTHOUSE, `http://127.0.0.1:${port}/${path}`,
    '--quiet', '--output=json', `--output-path=${out}`,
    '--only-categories=performance,accessibility,best-practices,seo',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu'],
  { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' } });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  console.log(`Lighthouse ${report.lighthouseVersion}, ${report.configSettings.formFactor}, ${report.configSettings.throttlingMethod} throttling, ${report.finalDisplayedUrl}`);
  for (const c of Object.values(report.categories)) console.log(`  ${c.title.padEnd(16)} ${Math.round(c.score * 100)}`);
  const a = report.audits;
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
    if (a[id]) console.log(`  ${a[id].title.padEnd(26)} ${a[id].displayValue}`);
  }
  const failing = Object.values(a).filter((x) => x.score !== null && x.score < 1 && x.scoreDisplayMode === 'binary');
  if (failing.length) console.log('  not passed: ' + failing.map((x) => x.id).join(', '));
} finally {
  server.kill();
}
