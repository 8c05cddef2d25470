// How long the page's opening holds the main thread, at 4× CPU on a 412 px
// phone screen: the longest task, the blocking time (each task's time over
// 50 ms, summed, as Lighthouse counts it) and when the results are first
// painted. Reported, never asserted. Usage, after `trunk build --release`:
//   node tests/e2e/bench/opening.mjs [dist …] [--runs N]
// Several builds are measured in turn, run by run, so they share the
// machine's ups and downs.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const here = new URL('.', import.meta.url).pathname;
const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at >= 0 ? Number(args.splice(at, 2)[1]) : 6;
const dists = (args.length ? args : [join(here, '../../../dist')]).map((d) => resolve(d));

// One server per build, asked for every file once first: the test server
// compresses a file the first time it is asked for it, and that is not the
// page's time.
const servers = [];
for (const [i, dist] of dists.entries()) {
  const port = 4310 + i;
  servers.push(spawn(process.execPath, [join(here, '../serve.mjs'), dist, String(port)], { stdio: 'ignore' }));
  await new Promise((r) => setTimeout(r, 500));
  for (const f of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const rel = join(f.parentPath ?? f.path, f.name).slice(dist.length + 1);
    await fetch(`http://127.0.0.1:${port}/${rel}`, { headers: { 'accept-encoding': 'br' } }).then((r) => r.arrayBuffer());
  }
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const results = dists.map(() => []);
try {
  for (let run = 0; run < runs; run++) {
    for (const [i] of dists.entries()) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(() => {
        window.__tasks = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push(e.duration); })
          .observe({ type: 'longtask', buffered: true });
        new MutationObserver((_, o) => {
          if (!document.getElementById('headline-cleared')) return;
          o.disconnect();
          requestAnimationFrame(() => setTimeout(() => { window.__shown = performance.now(); }));
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`http://127.0.0.1:${4310 + i}/`);
      await page.waitForFunction(() => window.__shown);
      await page.waitForTimeout(2500);
      const [shown, tasks] = await page.evaluate(() => [window.__shown, window.__tasks]);
      results[i].push({
        shown,
        blocking: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
        longest: Math.max(0, ...tasks),
      });
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const s of servers) s.kill();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`opening at 4× CPU, 412 px, ${runs} loads each, medians`);
for (const [i, dist] of dists.entries()) {
  const r = results[i];
  console.log(`  ${dist}: results painted ${median(r.map((x) => x.shown)).toFixed(0)} ms, longest task ${median(r.map((x) => x.longest)).toFixed(0)} ms, blocking time ${median(r.map((x) => x.blocking)).toFixed(0)} ms`);
}
