// Benchmark (run by hand, never in the test suite): time from a slider's
// input event to the next painted frame, over 200 moves, in headless Debian
// Chromium, unthrottled and at 4× CPU slowdown.
//
//   node tests/e2e/bench/input-latency.mjs [dist-dir] [--by-age]
//
// With --by-age, Haringey is projected by age and the slider moved is the
// share of 11-year-olds in mainstream school (each move re-runs both runs
// by age, 15 years).
//
// Without --by-age, two sliders are moved in turn: EHCP growth, and the
// planned share of independent special schools (a mix slider: moving it
// moves the other shares). Every chart's table is opened first, so every
// chart and table on the page is drawn on each move. The slider is
// scrolled into view first, as it is for someone dragging it: on a phone
// the controls sit below the results.
//
// Each move sets the slider and dispatches `input`; the time is
// measured to a task queued from the next requestAnimationFrame callback,
// which runs after that frame's style, layout and paint. Ten warm-up moves
// are not counted. Also reports the release build's transfer size.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = new URL('.', import.meta.url).pathname;
const args = process.argv.slice(2);
const byAge = args.includes('--by-age');
const dist = resolve(args.find((a) => !a.startsWith('--')) ?? join(here, '../../../dist'));
const port = 4190;
const server = spawn(process.execPath, [join(here, '../serve.mjs'), dist, String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function run(rate, width, slider) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/${byAge ? '?la=E09000014' : ''}`);
  await page.waitForSelector('#headline-cleared');
  if (byAge) {
    await page.locator('#demand > summary').evaluate((s) => { if (!s.parentElement.open) s.click(); });
    await page.locator('#demand-age').check();
    await page.waitForSelector('#ages-chart');
  }
  // Every chart's table open, so each move redraws all of them.
  for (const summary of await page.locator('details.chart__table > summary').all()) await summary.click();
  await page.waitForTimeout(300);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const times = await page.evaluate(async ([byAge, slider]) => {
    const el = document.getElementById(slider);
    const min = Number(el.min), max = Number(el.max), step = Number(el.step) || 1;
    const span = Math.max(1, Math.min(40, Math.floor((max - min) / step)));
    // The slider in view, as for someone dragging it (on a phone the
    // controls are below the results).
    el.scrollIntoView({ block: 'center' });
    await new Promise((r) => setTimeout(r, 200));
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const out = [];
    for (let i = 0; i < 210; i++) {
      const value = byAge ? String(40 + (i % 40))
        : slider === 'f-demand-growth-start' ? (2 + (i % 40) * 0.25).toFixed(2)
        : (min + ((i % span) + 1) * step).toFixed(2);
      const t0 = performance.now();
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      if (i >= 10) out.push(performance.now() - t0);
    }
    return out;
  }, [byAge, slider]);
  await page.close();
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { slider, rate, width, n: times.length, p50: q(0.5), p95: q(0.95), max: times[times.length - 1] };
}

const results = [];
const sliders = byAge ? ['f-demand-by-age-secondary-mainstream'] : ['f-demand-growth-start', 'f-placements-settings-inmss-share-plan'];
for (const slider of sliders) for (const width of [1280, 360]) for (const rate of [1, 4]) results.push(await run(rate, width, slider));
await browser.close();
server.kill();

console.log(`input → next painted frame${byAge ? ', Haringey by age' : ''}, every chart's table open, 200 moves after 10 warm-up moves`);
for (const r of results) {
  console.log(`  ${r.slider.padEnd(40)} ${String(r.width).padStart(4)} px, CPU ×${r.rate}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`);
}

let raw = 0, gz = 0, br = 0;
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { if (!name.startsWith('.')) walk(p); continue; }
    const data = readFileSync(p);
    raw += data.length;
    gz += gzipSync(data, { level: 9 }).length;
    br += brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
})(dist);
console.log(`transfer size of ${dist}: ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip, ${(br / 1024).toFixed(1)} KB brotli`);
