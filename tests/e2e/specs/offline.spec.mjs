// Offline and installable (issue 18): after one visit, the calculator opens
// with no network, with the last scenario, embedded or not; a new release is
// picked up on the next visit, and figures by age kept for use offline
// survive one that leaves them unchanged; and the page has a web app manifest.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, openApp, choosePreset, currentLink, settled } from '../fixtures.mjs';

const growthBox = (page) => page.getByLabel('EHCP growth a year, at the start of the plan (per cent)', { exact: true });

/** The service worker's caches of releases (not of figures by age). */
const releases = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('hnb-') && !k.startsWith('hnb-ages-')));

/** Waits until the service worker controls the page and has kept this release. */
async function cached(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect.poll(async () => (await releases(page)).length).toBe(1);
}

/** Projects the council on the page by age and gives the share link once it holds that. */
async function projectByAge(page) {
  await page.locator('#demand > summary').evaluate((s) => { if (!s.parentElement.open) s.click(); });
  await page.locator('#demand-age').check();
  await settled(page);
  await expect(page.locator('#ages-chart')).toBeVisible();
  await expect.poll(() => page.url()).toContain('#v=1');
  return page.url();
}

/** A copy of the built site on a port of its own, so a test can change it. */
async function serveCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'hnb-release-'));
  cpSync(new URL('../../../dist', import.meta.url).pathname, dir, { recursive: true });
  const port = 4200 + Math.floor(Math.random() * 100);
  const server = spawn(process.execPath, [new URL('../serve.mjs', import.meta.url).pathname, dir, String(port)], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}/`;
  await expect.poll(() => fetch(base).then((r) => r.ok, () => false)).toBe(true);
  return { dir, base, stop: () => server.kill() };
}

/**
 * Publishes the next release in the copy at `dir`: a changed page, and so a
 * changed worker whose release cache is named `${first}-next`. The figures
 * by age are left as they were, or, given `ages` (the name of their cache),
 * changed, so their cache is named `${ages}-next`.
 */
function nextRelease(dir, first, ages) {
  const index = join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace(/<title>High Needs Block deficit calculator[^<]*<\/title>/, '<title>High Needs Block deficit calculator (next release)</title>'));
  const sw = join(dir, 'sw.js');
  let text = readFileSync(sw, 'utf8').replace(`'${first}'`, `'${first}-next'`);
  if (ages) text = text.replace(`'${ages}'`, `'${ages}-next'`);
  writeFileSync(sw, text);
}

/** Opens the page at `base` and waits until the next release is in use. */
async function updateTo(page, base, first) {
  // This visit still opens the release kept; the worker fetches the new one.
  await page.goto(base);
  await expect(page.locator('#preset[data-preset]')).toBeVisible();
  await expect.poll(() => releases(page), { timeout: 15_000 }).toEqual([`${first}-next`]);
  // The visit after opens it.
  await page.goto(base);
  await expect(page).toHaveTitle('High Needs Block deficit calculator (next release)');
  await expect(page.locator('#preset[data-preset]')).toBeVisible();
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
  const link = await projectByAge(page);
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
  const site = await serveCopy();
  try {
    await page.goto(site.base);
    // The server compresses each file the first time it is asked for it.
    await expect(page.locator('#preset[data-preset]')).toBeVisible({ timeout: 20_000 });
    await cached(page);
    const [first] = await releases(page);
    nextRelease(site.dir, first);
    await updateTo(page, site.base, first);
  } finally {
    site.stop();
  }
});

test('figures by age kept for use offline survive a release that leaves them unchanged', async ({ page, context }) => {
  test.setTimeout(90_000);
  const site = await serveCopy();
  try {
    await page.goto(`${site.base}?la=E06000001`);
    await expect(page.locator('#preset[data-preset]')).toBeVisible({ timeout: 20_000 });
    await cached(page);
    const link = await projectByAge(page);
    const kept = () => page.evaluate(async () => {
      const names = (await caches.keys()).filter((k) => k.startsWith('hnb-ages-'));
      const files = await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => new URL(r.url).pathname)));
      return { names, files: files.flat() };
    });
    const before = await kept();
    expect(before.files).toEqual(['/ages/E06000001.js']);
    const [first] = await releases(page);
    nextRelease(site.dir, first);
    // The site no longer serves the file, so from here on it can come only
    // from what was kept (the page reopens by age from saved work, and a
    // fetch would fail with 404).
    rmSync(join(site.dir, 'ages/E06000001.js'));
    await updateTo(page, site.base, first);
    expect(await kept()).toEqual(before);
    await expect(page.locator('#ages-chart')).toBeVisible();
    // With no network, the new release still projects that council by age.
    await context.setOffline(true);
    await page.goto('about:blank');
    await page.goto(link);
    await expect(page.locator('#demand-age')).toBeChecked();
    await expect(page.locator('#ages-chart')).toBeVisible();
    await context.setOffline(false);
    // A release that changes the figures by age drops the ones kept (and
    // the page fetches the file again, so the site has it again).
    cpSync(new URL('../../../dist/ages/E06000001.js', import.meta.url).pathname, join(site.dir, 'ages/E06000001.js'));
    nextRelease(site.dir, `${first}-next`, before.names[0]);
    await updateTo(page, site.base, `${first}-next`);
    expect((await kept()).names).not.toContain(before.names[0]);
  } finally {
    site.stop();
  }
});
