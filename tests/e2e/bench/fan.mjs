// The simulated futures in the browser: 10,000 paths of the average
// authority stretched to 10 years, in Debian Chromium, headless. Reported,
// never asserted. Usage, after `trunk build --release` and `cargo build`:
//   node tests/e2e/bench/fan.mjs [runs]
// Prints the time spent computing (the chunks, from the page's own
// measurement) and from opening the section to the chance sentence.
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
try {
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/#${fragment}`);
    await page.waitForSelector('#preset[data-preset]');
    await page.waitForSelector('#results[data-settled="true"]');
    const t0 = await page.evaluate(() => performance.now());
    await page.locator('#uncertainty > summary').click();
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
console.log(`  computing (chunks only): median ${median(compute).toFixed(0)} ms, all ${compute.map((x) => x.toFixed(0)).join(' ')}`);
console.log(`  open section to chance sentence: median ${median(wall).toFixed(0)} ms, all ${wall.map((x) => x.toFixed(0)).join(' ')}`);
