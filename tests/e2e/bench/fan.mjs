// The simulated futures in the browser: 10,000 paths of the average
// authority stretched to 10 years, in Debian Chromium, headless. Reported,
// never asserted. Usage, after `trunk build --release` and `cargo build`:
//   node tests/e2e/bench/fan.mjs [runs]
// Prints the time from asking the simulation worker to having the fan (the
// page's own measurement), from opening the section to the chance sentence,
// and how long a slider move takes to paint while the futures compute.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const here = new URL('.', import.meta.url).pathname;
const root = resolve(here, '../../..');
const runs = Number(process.argv[2] ?? 7);
const hnb = (args) => execFileSync(join(root, 'target/debug/hnb'), args, { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'hnb-bench-'));
const scenario = JSON.parse(hnb(['preset', 'average']));
scenario.about.years = 10;
writeFileSync(join(dir, 's.json'), JSON.stringify(scenario));
const fragment = hnb(['link', join(dir, 's.json'), 'average']).trim();

const port = 4192;
const server = spawn(process.execPath, [join(here, '../serve.mjs'), join(root, 'dist'), String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const compute = [];
const wall = [];
const during = [];
try {
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/#${fragment}`);
    await page.waitForSelector('#preset[data-preset]');
    await page.waitForSelector('#results[data-settled="true"]');
    const t0 = await page.evaluate(() => performance.now());
    await page.locator('#uncertainty > summary').click();
    // While the worker draws the futures: slider moves, input to paint.
    during.push(...await page.evaluate(async () => {
      const el = document.getElementById('f-demand-growth-start');
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const out = [];
      for (let i = 0; i < 20 && document.getElementById('fan-progress'); i++) {
        const t = performance.now();
        el.value = String(2 + (i % 5) * 0.5);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
        out.push(performance.now() - t);
      }
      return out;
    }));
    await page.waitForSelector('#fan-chance');
    const t1 = await page.evaluate(() => performance.now());
    compute.push(Number(await page.locator('#fan-chance').getAttribute('data-compute-ms')));
    wall.push(t1 - t0);
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`10,000 paths x 10 years in Chromium, ${runs} runs`);
console.log(`  asking the worker to having the fan: median ${median(compute).toFixed(0)} ms, all ${compute.map((x) => x.toFixed(0)).join(' ')}`);
console.log(`  open section to chance sentence: median ${median(wall).toFixed(0)} ms, all ${wall.map((x) => x.toFixed(0)).join(' ')}`);
const sorted = [...during].sort((a, b) => a - b);
console.log(`  a slider moved while the futures compute (${sorted.length} moves): p50 ${(sorted[Math.floor(sorted.length / 2)] ?? NaN).toFixed(1)} ms, p95 ${(sorted[Math.floor(sorted.length * 0.95)] ?? NaN).toFixed(1)} ms`);
