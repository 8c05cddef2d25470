// Every English council's own numbers (issue 8): the type-ahead picker by
// mouse and keyboard, ?la=CODE for a council's Local Offer page (and a clear
// message for an unknown code), the scenario equal to `hnb preset la:CODE`,
// sources on every figure, and the Open Government Licence attribution.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, openApp, choosePreset, openTools, settled, hnb } from '../fixtures.mjs';

const box = (page) => page.locator('#preset');
const options = (page) => page.locator('#preset-list [role="option"]');
const ehcps = (page) => page.getByLabel('EHCPs in 2024-25 (number)', { exact: true });

test('the picker finds a council as you type its name or code, by keyboard', async ({ page }) => {
  await openApp(page);
  await box(page).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('E09000014');
  await expect(box(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(options(page)).toHaveText([/^Haringey: from its Safety Valve papers/, /^Haringey: published data/]);
  await expect(page.locator('#preset-list + [role="status"]')).toHaveText('2 matches. Use the up and down arrows to choose one.');
  // The first match is active; the down arrow moves to the second.
  await expect(box(page)).toHaveAttribute('aria-activedescendant', await options(page).nth(0).getAttribute('id'));
  await page.keyboard.press('ArrowDown');
  await expect(options(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(box(page)).toHaveAttribute('aria-activedescendant', await options(page).nth(1).getAttribute('id'));
  await page.keyboard.press('Enter');
  await expect(box(page)).toHaveAttribute('data-preset', 'la:E09000014');
  await expect(box(page)).toHaveValue('Haringey: published data');
  await expect(box(page)).toBeFocused();
  await expect(page.locator('.headline__authority')).toContainText('Haringey');
  await expect(ehcps(page)).toHaveValue('2954');
  await expect(page.locator('#preset-summary')).toContainText('Published data for Haringey: 2,954 EHCPs in January 2025');

  // Escape closes the list and puts the chosen name back.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('wok');
  await expect(options(page).first()).toHaveText(/^Wokingham: from its Safety Valve papers/);
  await page.keyboard.press('Escape');
  await expect(box(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(box(page)).toHaveValue('Haringey: published data');
  await expect(box(page)).toHaveAttribute('data-preset', 'la:E09000014');

  // No match says so, and nothing changes.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Narnia');
  await expect(page.locator('#preset-list + [role="status"]')).toHaveText('No council matches. Try part of its name, or its code.');
  await expect(options(page)).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(box(page)).toHaveAttribute('data-preset', 'la:E09000014');
  // A later word matches too ("york" finds North Yorkshire after York).
  await page.keyboard.press('Control+A');
  await page.keyboard.type('york');
  await expect(options(page).first()).toHaveText(/^York: published data/);
  await expect(options(page).filter({ hasText: 'North Yorkshire: published data' })).toHaveCount(1);
  await page.keyboard.press('Escape');
});

test('the down arrow or a click lists every council; a click chooses', async ({ page }) => {
  await openApp(page);
  await box(page).focus();
  await page.keyboard.press('ArrowDown');
  await expect(options(page)).toHaveCount(159);
  await page.keyboard.press('End');
  await expect(options(page).last()).toHaveAttribute('aria-selected', 'true');
  await expect(options(page).last()).toBeInViewport();
  await page.keyboard.press('Escape');
  await choosePreset(page, 'la:E06000046');
  await expect(page.locator('.headline__authority')).toContainText('Isle of Wight');
  await expect(box(page)).toHaveValue('Isle of Wight: published data');
  // The seed preset for the same council is still there, and different.
  await choosePreset(page, 'isle-of-wight');
  await expect(box(page)).toHaveValue('Isle of Wight: from its Safety Valve papers');
});

test('?la=CODE opens a council; its share link and a reload keep it', async ({ page }) => {
  await openApp(page, '?la=E09000014');
  await expect(box(page)).toHaveAttribute('data-preset', 'la:E09000014');
  await expect(page.locator('.notice--error')).toHaveCount(0);
  await expect(ehcps(page)).toHaveValue('2954');
  // Each figure says where it came from.
  for (const source of await page.locator('#demand details.source > summary').all()) await source.click();
  await expect(page.locator('#demand')).toContainText('Source: DfE data');
  await expect(page.locator('#demand')).toContainText('compound average growth in Haringey');
  await expect(page.locator('#demand')).toContainText('2,954 EHCPs in Haringey in January 2025');
  await page.getByLabel('EHCP growth a year, at the start of the plan (per cent)', { exact: true }).fill('5');
  await openTools(page);
  await settled(page);
  // The address keeps ?la= and gains the share link's fragment.
  await expect.poll(async () => page.url()).toMatch(/\?la=E09000014#v=1&p=la:E09000014&/);
  const fragment = page.url().split('#')[1];
  await expect(page.locator('#share-link')).toHaveValue(new RegExp(`/#${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await page.reload();
  await expect(box(page)).toHaveAttribute('data-preset', 'la:E09000014');
  await expect(page.getByLabel('EHCP growth a year, at the start of the plan (per cent)', { exact: true })).toHaveValue('5');
});

test('an unknown council code says so and shows the default', async ({ page }) => {
  for (const code of ['E99999999', '%3Cscript%3E']) {
    await page.goto('about:blank');
    await openApp(page, `?la=${code}`);
    const alert = page.locator('.notice--error');
    await expect(alert).toContainText('There is no English council with the code');
    await expect(alert).toContainText('E09000014 (Haringey)');
    await expect(box(page)).toHaveAttribute('data-preset', 'average');
  }
});

test("a council's scenario is the one `hnb preset la:CODE` gives", async ({ page }) => {
  await openApp(page, '?la=E06000046');
  await settled(page);
  await openTools(page);
  const dir = mkdtempSync(join(tmpdir(), 'hnb-e2e-'));
  const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
  await json.saveAs(join(dir, 'scenario.json'));
  const fromPage = JSON.parse(readFileSync(join(dir, 'scenario.json'), 'utf8'));
  const fromTool = JSON.parse(hnb(['preset', 'la:E06000046']));
  expect(fromPage).toEqual(fromTool);
  expect(fromPage.demand.ehcps).toBe('1799');
});

test('odd moves in a council’s counts are pointed out', async ({ page }) => {
  await openApp(page, '?la=E09000025');
  await expect(page.locator('#preset-summary')).toContainText('Check the growth: the published counts show');
  await expect(page.locator('#preset-summary')).toContainText('a fall from 2,705 to 1,199 in the year to January 2025');
});

// Every council's own money (issue 14).
test('Hertfordshire opens in surplus, at its own published balance', async ({ page }) => {
  await openApp(page, '?la=E10000015');
  await expect(box(page)).toHaveAttribute('data-preset', 'la:E10000015');
  await expect(page.locator('#preset-summary')).toContainText('a DSG surplus of £1.5m at 31 March 2024');
  await expect(page.locator('#meaning')).toContainText('Before 2024-25 it had £1.5m in hand from earlier years (a surplus).');
  await page.locator('#money > summary').click();
  await expect(page.getByLabel('Cumulative deficit carried into 2024-25 (millions of pounds)', { exact: true })).toHaveValue('-1.499647');
  const history = page.locator('#history');
  await expect(history).toContainText('What has happened so far: Hertfordshire, 2017-18 to 2024-25');
  await expect(history.locator('#history-chart svg[role="img"]')).toBeVisible();
  await expect(history).toContainText('At 31 March 2024 its DSG balance was a surplus of £1.5m.');
});

test('a Safety Valve council is named as one, and its published balance is on the chart beside the plan', async ({ page }) => {
  await openApp(page);
  await box(page).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Southwark');
  await expect(options(page).filter({ hasText: 'Southwark: published data' })).toContainText('Safety Valve 2022-23');
  await page.keyboard.press('Escape');
  await openApp(page, '?la=E09000028');
  const summary = page.locator('#preset-summary');
  await expect(summary).toContainText('In a Safety Valve agreement made in 2022-23');
  await expect(summary).toContainText('Its Safety Valve papers are also a preset');
  // The backtest's own line for this council.
  await expect(summary).toContainText(/How well this method forecasts: from January 2022 it would have forecast [0-9,]+ plans for January 2025; there were [0-9,]+ \(/);
  await expect(page.locator('#history')).toContainText('At 31 March 2024 its DSG balance was a deficit of £8.7m.');
  // The paper preset: the plan beside what happened.
  await choosePreset(page, 'southwark');
  await expect(page.locator('#deficit-chart .series--published .marker--published')).toHaveCount(1);
  await expect(page.locator('#deficit-chart .legend')).toContainText('Published balance (what happened)');
  await expect(page.locator('#meaning')).toContainText("What happened: at the end of 2023-24 the council's published DSG balance was a deficit of £8.7m.");
  await expect(page.locator('#meaning')).toContainText("That is £3.4m below the agreed path (£12.1m after the DfE's payments).");
  await settled(page);
  await expect(page.locator('#year-table thead')).toContainText('Published balance (what happened)');
  await expect(page.locator('#year-table tbody tr').nth(1)).toContainText('£8.71m');
});

test('the method page publishes the track record, and each council its own line', async ({ page }) => {
  await page.goto('./pages/method.html#track-record');
  await expect(page.locator('#backtest-summary')).toContainText(/Over the 151 councils that existed in January 2022, the forecast of plans for January 2025 was out by a median of [0-9.]+%/);
  await expect(page.locator('svg.backtest__chart[role="img"]')).toBeVisible();
  await expect(page.locator('#worst li')).toHaveCount(5);
  await page.goto('./?la=E09000025');
  await expect(page.locator('#preset-summary')).toContainText('How well this method forecasts: from January 2022 it would have forecast 3,851 plans for January 2025; there were 1,199 (221% too many).');
});

test('the data’s source and licence are on the page', async ({ page }) => {
  await openApp(page);
  const licence = page.locator('#licence');
  await expect(licence).toContainText('DfE, Education, health and care plans (SEN2), 2025');
  await expect(licence.getByRole('link', { name: 'Open Government Licence v3.0' })).toHaveAttribute('href', /open-government-licence\/version\/3/);
});

test('the open list fits a 360 px phone', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openApp(page);
  await box(page).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('north');
  await expect(options(page).first()).toBeVisible();
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll).toBeLessThanOrEqual(inner);
  await page.screenshot({ path: testInfo.outputPath('phone-360-picker.png') });
});
