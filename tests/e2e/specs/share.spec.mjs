// Passing a scenario on (issue 6): the share link, autosave and saved
// scenarios, compare, CSV and JSON export and import, the print view, the
// embed mode in another site's iframe, and privacy: no request after load,
// no CSP violation, typed text shown as text.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect, openApp, choosePreset, openTools, settled, currentLink, hnb } from '../fixtures.mjs';

const growthBox = (page) => page.getByLabel('EHCP growth a year, at the start of the plan (per cent)', { exact: true });
const headline = (page) => page.locator('#headline-cleared');
const hnbProject = (file) => hnb(['project', file]);

test('a share link restores exactly what was shared, compactly', async ({ page, browser }) => {
  await openApp(page);
  await choosePreset(page, 'haringey');
  await growthBox(page).fill('9');
  await expect(growthBox(page)).toHaveValue('9');
  const link = await currentLink(page);
  expect(link).toContain('p=haringey');
  expect(link.length, 'one change makes a short link').toBeLessThan(200);
  const shared = { headline: await headline(page).textContent(), table: await page.locator('#year-table tbody').textContent() };

  // Someone else opens it, with nothing of the sender's in their browser.
  const other = await browser.newPage();
  await other.goto(link);
  await expect(growthBox(other)).toHaveValue('9');
  await expect(other.locator('#preset')).toHaveAttribute('data-preset', 'haringey');
  await expect(headline(other)).toHaveText(shared.headline);
  await settled(other);
  await expect(other.locator('#year-table tbody')).toHaveText(shared.table);
  await other.close();
});

test('a damaged, tampered or newer link says why and shows the default', async ({ page }) => {
  const cases = [
    ['#v=1&p=haringey&d=eyJkZW1hbmQiOnsiZWhjcHMiOiItNSJ9fQ', 'The number of EHCPs cannot be negative (it is -5)'],
    ['#v=1&p=haringey&d=%%%', 'cannot be read'],
    ['#v=3&p=haringey', 'newer version'],
    ['#v=1&p=narnia', '"narnia"'],
    ['#v=1&p=average&d=' + Buffer.from('{"savings":{"projects":[{"name":"<img src=x onerror=alert(1)>","status":"nope"}]}}').toString('base64url'), 'must be one of complete, on_track, delayed or at_risk'],
  ];
  page.on('dialog', () => { throw new Error('a dialog opened: script ran'); });
  for (const [fragment, words] of cases) {
    await page.goto('about:blank');
    await page.goto(`./${fragment}`);
    const alert = page.locator('.notice--error');
    await expect(alert).toContainText('This link could not be opened');
    await expect(alert).toContainText(words);
    await expect(page.locator('#preset')).toHaveAttribute('data-preset', 'average');
    await expect(headline(page)).toHaveText('£71.1m still owed at the end of 2027-28');
  }
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

// A rate of 1e27 in a link stopped the page on load: writing the words of
// its error message overflowed. Anyone can post such a link.
test('a link with a value too large to compute with says which field, and the page lives', async ({ page }) => {
  await page.goto('./#v=1&p=average&d=eyJwbGFjZW1lbnRzIjp7InNldHRpbmdzIjp7ImlubXNzIjp7ImluZmxhdGlvbiI6IjFlMjcifX19fQ');
  const alert = page.locator('.notice--error');
  await expect(alert).toContainText('This link could not be opened, so the calculator shows its default scenario.');
  await expect(alert).toContainText('Yearly cost inflation in Independent special school (INMSS) must be between -50% and 100% a year (it is 1e29%)');
  await expect(page.locator('#preset')).toHaveAttribute('data-preset', 'average');
  await expect(headline(page)).toHaveText('£71.1m still owed at the end of 2027-28');
  // Alive: a figure still moves the results.
  await growthBox(page).fill('4.5');
  await expect(headline(page)).not.toHaveText('£71.1m still owed at the end of 2027-28');
});

test('work comes back after a reload; damaged storage is set aside, not fatal', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'medway');
  await growthBox(page).fill('7.5');
  await currentLink(page);
  // Back with a bare address: the autosave brings the work back.
  await page.goto('./');
  await expect(page.locator('.notice').first()).toContainText('has been restored');
  await expect(page.locator('#preset')).toHaveAttribute('data-preset', 'medway');
  await expect(growthBox(page)).toHaveValue('7.5');

  // Damaged storage: reported, set aside, and the page still works.
  await page.evaluate(() => {
    localStorage.setItem('hnb.autosave', '{"preset": "medway", "scenario": {"version": 1, "demand"');
    localStorage.setItem('hnb.saved', '[{"name": "broken", "preset": "x", "scenario": 3}]');
  });
  await page.goto('./');
  const alerts = page.locator('.notice--error');
  await expect(alerts.filter({ hasText: 'Your saved work could not be read' })).toContainText('set aside');
  await expect(alerts.filter({ hasText: 'saved scenarios could not be read' })).toContainText('saved scenario "broken"');
  await expect(page.locator('#preset')).toHaveAttribute('data-preset', 'average');
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hnb.set-aside')));
  expect(keys.length).toBe(2);
  await growthBox(page).fill('5');
  await expect(headline(page)).not.toHaveText('£71.1m still owed at the end of 2027-28');
});

test('saved scenarios can be opened, compared and deleted', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'southwark');
  await openTools(page);
  await page.locator('#saved > summary').click();
  await page.locator('#save').click();
  await expect(page.locator('#save-name-error')).toHaveText('Error: Enter a name for the scenario');
  await growthBox(page).fill('9');
  await settled(page);
  await page.locator('#save-name').fill('Growth stays at 9%');
  await page.locator('#save').click();
  await expect(page.locator('.saves__item')).toHaveCount(1);
  await growthBox(page).fill('3');
  await settled(page);

  await page.getByRole('button', { name: 'Compare with: Growth stays at 9%' }).click();
  await expect(page.locator('#compare-title')).toBeFocused();
  const diffs = page.locator('#compare-differences');
  await expect(diffs.locator('tr', { hasText: 'EHCP growth at the start' })).toContainText('3%');
  await expect(diffs.locator('tr', { hasText: 'EHCP growth at the start' })).toContainText('9%');
  await expect(diffs.locator('tbody tr')).toHaveCount(1);
  await expect(page.locator('#compare-deficit-chart .series--a path')).toHaveCount(1);
  await expect(page.locator('#compare-deficit-chart .series--b path')).toHaveCount(1);
  await expect(page.locator('#compare-summary')).toContainText('Growth stays at 9%');
  await page.locator('#close-compare').click();

  await openTools(page);
  await page.getByRole('button', { name: 'Compare with the figures as published' }).click();
  await expect(page.locator('#compare-differences tbody tr')).toHaveCount(1);
  await page.locator('#close-compare').click();

  await openTools(page);
  await page.getByRole('button', { name: 'Open: Growth stays at 9%' }).click();
  await expect(growthBox(page)).toHaveValue('9');
  await page.getByRole('button', { name: 'Delete: Growth stays at 9%' }).click();
  await expect(page.locator('.saves__item')).toHaveCount(0);
  // Reload once the address holds the opened scenario (a reload within the
  // pause keeps the newer work as a saved scenario instead; see start.rs).
  await currentLink(page);
  await page.reload();
  await expect(growthBox(page)).toHaveValue('9');
  await openTools(page);
  await expect(page.locator('#saved > summary')).toHaveText('Saved in this browser (0)');
});

test('the CSV download equals `hnb project` for the downloaded scenario', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'isle-of-wight');
  await growthBox(page).fill('6.25');
  await settled(page);
  await openTools(page);
  const dir = mkdtempSync(join(tmpdir(), 'hnb-e2e-'));
  const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
  expect(json.suggestedFilename()).toBe('isle-of-wight-hnb-scenario.json');
  await json.saveAs(join(dir, 'scenario.json'));
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
  expect(csv.suggestedFilename()).toBe('isle-of-wight-year-by-year.csv');
  await csv.saveAs(join(dir, 'page.csv'));
  const fromPage = readFileSync(join(dir, 'page.csv'), 'utf8');
  const fromTool = hnbProject(join(dir, 'scenario.json'));
  expect(fromPage.split('\n').length).toBeGreaterThan(10);
  expect(fromPage).toBe(fromTool);
  expect(JSON.parse(readFileSync(join(dir, 'scenario.json'), 'utf8')).demand.growth.start).toBe('0.0625');
});

test('opening a scenario file: a bad one lists its problems by field, a good one opens', async ({ page }) => {
  await openApp(page);
  const before = await headline(page).textContent();
  await openTools(page);
  const good = JSON.parse(hnb(['preset', 'wokingham']));
  const bad = structuredClone(good);
  bad.demand.ehcps = '-5';
  bad.placements.target_year = '2019-20';
  await page.locator('#upload').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const alert = page.locator('.notice--error');
  await expect(alert).toContainText('“bad.json” could not be opened. Nothing on the page has changed.');
  await expect(alert.locator('li').filter({ hasText: 'The number of EHCPs cannot be negative (it is -5)' })).toHaveCount(1);
  await expect(alert.locator('li').filter({ hasText: "The plan's target year must be between" })).toHaveCount(1);
  await expect(headline(page)).toHaveText(before);

  await page.locator('#upload').setInputFiles({ name: 'garbled.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1,\n "about": ') });
  await expect(page.locator('.notice--error', { hasText: 'garbled.json' })).toContainText('it ends too soon (it may have been cut short), at line 2');
  // A file that is not text at all.
  await page.locator('#upload').setInputFiles({ name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]) });
  await expect(page.locator('.notice--error', { hasText: 'photo.json' })).toContainText('The file is not text (UTF-8)');

  await page.locator('#upload').setInputFiles({ name: 'wokingham.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
  await expect(page.locator('.notice', { hasText: 'Opened “wokingham.json”' })).toBeVisible();
  await expect(page.locator('.headline__authority')).toContainText('Wokingham');
});

test('the print view is an A4 committee paper with sources, date and link', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'haringey');
  await growthBox(page).fill('8');
  const link = await currentLink(page);
  await page.locator('#print-view').click();
  await expect(page.locator('#print-title')).toBeFocused();
  await expect(page.locator('#print-title')).toHaveText('High Needs Block deficit: Haringey');
  await expect(page.locator('.print__meta')).toContainText(/Prepared on \d{1,2} \w+ 20\d\d/);
  await expect(page.locator('#print-link')).toHaveText(link);
  const assumptions = page.locator('#print-assumptions');
  await expect(assumptions.locator('tr', { hasText: 'EHCP growth at the start' })).toContainText('Changed for this scenario');
  await expect(assumptions).toContainText('Council paper:');
  await expect(page.locator('#print-projects tbody tr')).toHaveCount(15);
  await expect(page.locator('#deficit-chart')).toBeVisible();
  await expect(page.locator('#year-table')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#print-now')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.length).toBeGreaterThan(20_000);
  await page.emulateMedia({ media: 'screen' });
  await page.locator('#close-print').click();
  await openTools(page);
  await expect(page.locator('#share-link')).toBeVisible();
});

test('embedded in another site, the frame fits the calculator as it grows', async ({ page }) => {
  // The embed code the page gives is the one the test site uses.
  await openApp(page);
  await openTools(page);
  await page.locator('#embed > summary').click();
  const snippet = await page.locator('#embed-code').inputValue();
  const site = readFileSync(resolve('embed/index.html'), 'utf8');
  expect(site).toContain(snippet);

  await page.goto('http://127.0.0.1:4174/');
  const frameEl = page.locator('#hnb-calculator');
  const frame = page.frameLocator('#hnb-calculator');
  await expect(frame.locator('#headline-cleared')).toBeVisible();
  await expect(frame.locator('.masthead')).toHaveCount(0);
  await expect(frame.locator('.embed__open a')).toHaveAttribute('href', /#v=1&p=average/);
  const height = async () => (await frameEl.boundingBox()).height;
  const contentHeight = () => frame.locator('body').evaluate((b) => b.scrollHeight);
  await expect.poll(async () => Math.abs((await height()) - (await contentHeight()))).toBeLessThan(40);
  const before = await height();
  // The content grows: the frame follows.
  await frame.locator('#costs > summary').click();
  await frame.locator('#money > summary').click();
  await expect.poll(height).toBeGreaterThan(before + 200);
  await expect.poll(async () => Math.abs((await height()) - (await contentHeight()))).toBeLessThan(40);
  // A message from anywhere else is ignored.
  const grown = await height();
  // Messages are delivered in order: once a second one has arrived, the
  // first has been handled (or ignored).
  await page.evaluate(() => new Promise((done) => {
    window.addEventListener('message', (e) => { if (e.data === 'handled') done(); });
    window.postMessage({ type: 'hnb-height', height: 400 }, '*');
    window.postMessage('handled', '*');
  }));
  expect(await height()).toBe(grown);
});

test('no request leaves the page after load, and it could not if it tried', async ({ page, browser }) => {
  const late = [];
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('data-connections', 'closed');
  // The browser fetches the page's icon itself once the page has loaded.
  await page.waitForLoadState('networkidle');
  page.on('request', (r) => { if (/^https?:/.test(r.url())) late.push(r.url()); });
  await choosePreset(page, 'wokingham');
  await growthBox(page).fill('11');
  await currentLink(page);
  await page.locator('#saved > summary').click();
  await page.locator('#save-name').fill('Eleven');
  await page.locator('#save').click();
  await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
  await page.locator('#print-view').click();
  await page.locator('#close-print').click();
  expect(late, 'requests after load').toEqual([]);

  // A fresh page (outside the fixture, which fails on any CSP report)
  // tries to connect after load: the policy blocks it.
  const probe = await browser.newPage();
  const violations = [];
  await probe.exposeFunction('reportViolation', (v) => violations.push(v));
  await probe.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(e.effectiveDirective)));
  await probe.goto('http://127.0.0.1:4173/');
  await expect(probe.locator('html')).toHaveAttribute('data-connections', 'closed');
  const outcome = await probe.evaluate(() => fetch('./index.html').then(() => 'sent', () => 'blocked'));
  expect(outcome).toBe('blocked');
  await expect.poll(() => violations).toContain('connect-src');
  await probe.close();
});

test('text people type is shown as text, never run as markup', async ({ page }) => {
  const payload = '<img src=x onerror="document.title=\'owned\'"><script>document.title="owned"</script>';
  page.on('dialog', () => { throw new Error('a dialog opened: script ran'); });
  await openApp(page);
  await page.locator('#savings > summary').click();
  await page.getByRole('button', { name: 'Add a project' }).click();
  await page.locator('#savings .project > summary').last().click();
  const name = page.getByLabel('Project name', { exact: true }).last();
  await name.fill(payload);
  await settled(page);
  await openTools(page);
  await page.locator('#saved > summary').click();
  await page.locator('#save-name').fill(payload);
  await page.locator('#save').click();
  await expect(page.locator('.saves__name')).toHaveText(payload.slice(0, 80));
  const link = await currentLink(page);
  await page.locator('#print-view').click();
  await expect(page.locator('#print-projects')).toContainText(payload);
  await page.locator('#close-print').click();
  await page.goto('about:blank');
  await page.goto(link);
  await page.locator('#savings > summary').click();
  await expect(page.locator('#savings .project__title').last()).toHaveText(payload);
  await page.locator('#savings .project > summary').last().click();
  await expect(page.getByLabel('Project name', { exact: true }).last()).toHaveValue(payload);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.title()).toBe('High Needs Block deficit calculator');
});

test('the copy button puts the share link on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://127.0.0.1:4173' });
  await openApp(page);
  await growthBox(page).fill('4');
  const link = await currentLink(page);
  await page.locator('#copy-link').click();
  await expect(page.locator('.tools__status')).toHaveText('Link copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
});
