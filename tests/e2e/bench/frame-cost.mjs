// Benchmark (run by hand, never in the test suite): where the main thread's
// time goes when a slider moves, from a Chromium performance trace of 40
// moves, in ms a move: all its tasks, those that render and the rest, and
// of that the script (JavaScript and WebAssembly: Yew and the model) and
// each rendering phase (style, layout, pre-paint, paint, layerize, commit).
//
//   node tests/e2e/bench/frame-cost.mjs [dist-dir] [--width=360] [--rate=4]
//        [--slider=ID] [--hide-results]
//
// As in input-latency.mjs, every chart's table is open and the slider is
// scrolled into view. --hide-results hides the results column
// (display: none): the results are still worked out and diffed, but none is
// laid out or painted, which shows what a move costs the controls alone.
// Tracing adds its own overhead, so compare runs of this script with each
// other, not with input-latency.mjs.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const args = process.argv.slice(2);
const opt = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const dist = resolve(args.find((a) => !a.startsWith('--')) ?? join(here, '../../../dist'));
const width = Number(opt('width', '1280'));
const rate = Number(opt('rate', '4'));
const slider = opt('slider', 'f-demand-growth-start');
const hide = args.includes('--hide-results');
const moves = 40;
const port = 4191;

const server = spawn(process.execPath, [join(here, '../serve.mjs'), dist, String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
// The page's policy forbids inline style; the hidden-results run adds one.
const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: hide });
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForSelector('#headline-cleared');
for (const summary of await page.locator('details.chart__table > summary').all()) await summary.click();
if (hide) await page.addStyleTag({ content: '.layout__results { display: none !important; }' });
await page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: 'center' }), slider);
await page.waitForTimeout(500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink'] });
await page.evaluate(async ([id, moves]) => {
  const el = document.getElementById(id);
  const min = Number(el.min), step = Number(el.step) || 1;
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  for (let i = 0; i < moves; i++) {
    el.value = id === 'f-demand-growth-start' ? (2 + (i % 40) * 0.25).toFixed(2) : (min + ((i % 30) + 1) * step).toFixed(2);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    await frame();
  }
}, [slider, moves]);
const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
await browser.close();
server.kill();

// The page's main thread: the one that dispatched the input events.
const dispatches = new Map();
for (const e of events) if (e.name === 'EventDispatch') dispatches.set(e.tid, (dispatches.get(e.tid) ?? 0) + 1);
const main = [...dispatches].sort((a, b) => b[1] - a[1])[0][0];
const spans = events.filter((e) => e.tid === main && e.ph === 'X' && e.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur);

// Time in events named `name`, not counting one nested in another of the same name.
function total(name) {
  let sum = 0, end = -1;
  for (const e of spans) {
    if (e.name !== name || e.ts < end) continue;
    sum += e.dur;
    end = e.ts + e.dur;
  }
  return sum;
}
const tasks = spans.filter((e) => e.name === 'RunTask');
const renders = (t) => spans.some((e) => (e.name === 'Paint' || e.name === 'Layout') && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
const rendering = tasks.filter(renders);
const other = tasks.filter((t) => !rendering.includes(t));
const per = (us) => (us / 1000 / moves).toFixed(2).padStart(6);
const sum = (list) => list.reduce((s, t) => s + t.dur, 0);

console.log(`${moves} moves of ${slider}, ${width} px, CPU ×${rate}${hide ? ', results hidden' : ''}; ms a move on the main thread:`);
console.log(`  all tasks                        ${per(sum(tasks))}`);
console.log(`    tasks that render              ${per(sum(rendering))}`);
console.log(`    other tasks                    ${per(sum(other))}`);
console.log(`  of which`);
console.log(`    script (JS and WebAssembly)    ${per(total('FunctionCall'))}`);
for (const [label, name] of [['style', 'UpdateLayoutTree'], ['layout', 'Layout'], ['pre-paint', 'PrePaint'], ['paint', 'Paint'], ['layerize', 'Layerize'], ['commit', 'Commit']]) {
  console.log(`    ${label.padEnd(31)}${per(total(name))}`);
}
