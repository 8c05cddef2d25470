// Offline and installable (issue 18): after one visit, the calculator opens
// with no network, with the last scenario, embedded or not; a new release is
// picked up on the next visit; and the page has a web app manifest.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, openApp, choosePreset, currentLink, settled } from '../fixtures.mjs';

const growthBox = (page) => page.getByLabel('EHCP growth a year, at the start of the plan (per cent)', { exact: true });

/** Waits until the service worker controls the page and has kept this release. */
async function cached(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('hnb-')).length)).toBe(1);
}

test('a second visit opens with no network, with the last scenario, embedded or not', async ({ page, context }) => {
  await openApp(page);
  await cached(page);
  await choosePreset(page, 'medway');
  await growthBox(page).fill('7.5');
  await settled(page);
  await currentLink(page);
  await context.setOffline(true);
  await page.goto('./');
  await expect(page.locator('#preset')).toHaveAttribute('data-preset', 'medway');
  await expect(growthBox(page)).toHaveValue('7.5');
  await expect(page.locator('#headline-cleared')).toBeVisible();
  // Embedded on a council's page, the same.
  await page.goto('./?embed=1');
  await expect(page.locator('#preset')).toHaveAttribute('data-preset', 'medway');
  await expect(page.locator('#headline-cleared')).toBeVisible();
  // A council's figures by age fetched once are kept too.
  await context.setOffline(false);
  await page.goto('./?la=E06000001');
  await page.locator('#demand > summary').evaluate((s) => { if (!s.parentElement.open) s.click(); });
  await page.locator('#demand-age').check();
  await settled(page);
  await expect(page.locator('#ages-chart')).toBeVisible();
  await expect.poll(() => page.url()).toContain('#v=1');
  const link = page.url();
  await context.setOffline(true);
  await page.goto('./');
  await page.goto(link);
  await expect(page.locator('#demand-age')).toBeChecked();
  await expect(page.locator('#ages-chart')).toBeVisible();
  await context.setOffline(false);
});

test('the page has a web app manifest', async ({ page, request }) => {
  await openApp(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const res = await request.get(href);
  expect(res.ok()).toBe(true);
  const manifest = await res.json();
  expect(manifest.name).toBe('High Needs Block deficit calculator');
  expect(manifest.start_url).toBe('./');
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.length).toBeGreaterThan(0);
  const icon = await request.get(new URL(manifest.icons[0].src, res.url()).href);
  expect(icon.ok()).toBe(true);
});

test('a new release is picked up on the next visit', async ({ page }) => {
  test.setTimeout(60_000);
  // A copy of the site on its own port, so it can be changed.
  const dir = mkdtempSync(join(tmpdir(), 'hnb-release-'));
  cpSync(new URL('../../../dist', import.meta.url).pathname, dir, { recursive: true });
  const port = 4200 + Math.floor(Math.random() * 100);
  const server = spawn(process.execPath, [new URL('../serve.mjs', import.meta.url).pathname, dir, String(port)], { stdio: 'ignore' });
  try {
    const base = `http://127.0.0.1:${port}/`;
    await expect.poll(() => fetch(base).then((r) => r.ok, () => false)).toBe(true);
    await page.goto(base);
    // The server compresses each file the first time it is asked for it.
    await expect(page.locator('#preset[data-preset]')).toBeVisible({ timeout: 20_000 });
    await cached(page);
    const first = await page.evaluate(async () => (await caches.keys()).find((k) => k.startsWith('hnb-')));
    // The next release: a changed page, and so a changed worker.
    const index = join(dir, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('<title>High Needs Block deficit calculator</title>', '<title>High Needs Block deficit calculator (next release)</title>'));
    const sw = join(dir, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(first, `${first}-next`));
    // This visit still opens the release kept; the worker fetches the new one.
    await page.goto(base);
    await expect(page.locator('#preset[data-preset]')).toBeVisible();
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('hnb-'))), { timeout: 15_000 }).toEqual([`${first}-next`]);
    // The visit after opens it.
    await page.goto(base);
    await expect(page).toHaveTitle('High Needs Block deficit calculator (next release)');
    await expect(page.locator('#preset[data-preset]')).toBeVisible();
  } finally {
    server.kill();
  }
});
