// Children grow up (issue 17): a council projected by age. Its figures by
// age load on first use (the test sees the request), the levers show today's
// figures from its own data, moving the Y6→Y7 mainstream share changes the
// special school line and the deficit, and the by-age view and its table
// read at 360 px, accessibly. A link to a scenario by age opens and loads
// its figures too.
import { test, expect, openApp, choosePreset, settled, expectAccessible, expectConsoleErrors } from '../fixtures.mjs';

const byAge = (page) => page.locator('#demand-age');
const mainstream = (page) => page.getByLabel(/^Share of 11-year-olds with an EHCP in mainstream school.*\(per cent\)$/);
const deficitLeft = (page) => page.locator('#year-table tbody tr').last().locator('td[data-pounds]').nth(1);

/** The special school figure in the last year of the children table. */
async function specialLastYear(page) {
  const table = page.locator('#children-chart table');
  const row = table.locator('tbody tr').filter({ has: page.locator('th', { hasText: /^State special school/ }) });
  return row.locator('td').last().textContent();
}

test('a council by age: its figures load on first use, the Y6→Y7 lever moves special school places and the deficit', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await openApp(page);
  await choosePreset(page, 'la:E09000014');
  await page.locator('#demand > summary').evaluate((s) => { if (!s.parentElement.open) s.click(); });
  expect(requests.filter((p) => p.includes('/ages/'))).toEqual([]);
  await byAge(page).check();
  await expect(mainstream(page)).toBeVisible();
  expect(requests.filter((p) => p.includes('/ages/'))).toEqual(['/ages/E09000014.js']);
  // Today's share from Haringey's own SEN2 figures, and new plans' growth.
  await expect(page.locator('#demand')).toContainText(/Today \d+% of Haringey's 11-year-olds with a plan are in mainstream school \(DfE SEN2, January 2025\)/);
  await expect(page.locator('#demand')).toContainText(/New plans started in Haringey: 401 in 2022, 268 in 2023 and 204 in 2024 \(DfE SEN2\)/);
  await settled(page);
  // The parents' sentence and the chart by age.
  await expect(page.locator('#ages-sentence')).toContainText(/^Of the [\d,]+ children with a plan who start secondary school in September 2025, about [\d,]+ will be in a special school\./);
  await page.locator('#children-chart .chart__table > summary').click();
  await page.locator('#year-table').scrollIntoViewIfNeeded();
  const specialBefore = await specialLastYear(page);
  const deficitBefore = await deficitLeft(page).getAttribute('data-pounds');
  const today = Number(await mainstream(page).inputValue());
  await mainstream(page).fill(String(Math.min(100, today + 15)));
  await mainstream(page).press('Tab');
  await settled(page);
  await expect.poll(() => specialLastYear(page)).not.toBe(specialBefore);
  const specialAfter = await specialLastYear(page);
  expect(Number(specialAfter.replace(/,/g, ''))).toBeLessThan(Number(specialBefore.replace(/,/g, '')));
  await expect(deficitLeft(page)).not.toHaveAttribute('data-pounds', deficitBefore);
  // "Keep today's shares" puts them back.
  await page.getByRole('button', { name: "Keep today's shares" }).click();
  await settled(page);
  await expect.poll(() => specialLastYear(page)).toBe(specialBefore);
  // Back to one growth rate: the growth fields return.
  await page.locator('#demand-rate').check();
  await expect(page.getByLabel('EHCP growth a year, at the start of the plan (per cent)', { exact: true })).toBeVisible();
  await expect(page.locator('#ages-chart')).toHaveCount(0);
});

test('the by-age view and its table at 360 px, accessibly', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openApp(page, '?la=E06000001');
  await page.locator('#demand > summary').evaluate((s) => { if (!s.parentElement.open) s.click(); });
  await byAge(page).check();
  await settled(page);
  const chart = page.locator('#ages-chart');
  await expect(chart).toBeVisible();
  await chart.locator('.chart__table > summary').click();
  const table = page.locator('#ages-table');
  await expect(table.locator('tbody tr')).toHaveCount(24);
  await expect(table.locator('tbody tr').first().locator('th')).toHaveText('under 3');
  // The page does not scroll sideways; the table scrolls in its own region.
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(wide).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'by age at 360 px');
  // The parents' lens shows the by-age view too.
  await page.locator('#lens-parents').check();
  await settled(page);
  await expect(page.locator('#ages-sentence')).toBeVisible();
});

test('a link to a scenario by age opens, fetches its council\'s figures and projects by age', async ({ page }) => {
  await page.goto('./#v=1&p=la:E09000014&d=eyJkZW1hbmQiOnsiYnlfYWdlIjp7Im5ld19ncm93dGgiOiIwLjA1IiwibmV3X2dyb3d0aF9iYXNlbGluZSI6IjAuMDgifX19');
  await expect(page.locator('#preset[data-preset]')).toBeVisible();
  await expect(page.locator('.notice--error')).toHaveCount(0);
  await expect(byAge(page)).toBeChecked();
  await expect(page.getByLabel('Growth in new EHCPs a year, in the plan (per cent)', { exact: true })).toHaveValue('5');
  await settled(page);
  await expect(page.locator('#ages-sentence')).toBeVisible();
  // The simulation worker has no figures by age of its own: the page sends
  // the council's with the scenario, and the futures are drawn by age.
  await page.locator('#uncertainty > summary').click();
  await expect(page.locator('#fan-chance')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('#fan-error')).toHaveCount(0);
});

// No service worker here, so every try reaches the network (the test's route).
test.describe('figures by age that cannot be fetched', () => {
  test.use({ serviceWorkers: 'block' });

  test('the page says so, offers to try again or use one rate, and shows the choice in use', async ({ page }) => {
    expectConsoleErrors(page, /Failed to load resource: net::ERR_FAILED/);
    let failing = true;
    let tries = 0;
  const asked = [];
    // Any try, whatever its query (after a failure the page asks for ?try=N).
  await page.route(/\/ages\/[^/?]+\.js(\?|$)/, (route) => {
      tries += 1;
    asked.push(new URL(route.request().url()).search);
      return failing ? route.abort() : route.continue();
    });

    // Choosing "by age": the choice goes back to one rate, and says why.
    await openApp(page, '?la=E06000001');
    await page.locator('#demand > summary').evaluate((s) => { if (!s.parentElement.open) s.click(); });
    // (A click, not check(): the choice goes back as soon as the fetch fails.)
    await byAge(page).click();
    const notice = page.locator('#notices [role="alert"]');
    await expect(notice).toContainText('The figures by age could not be loaded, so plans still grow by one rate.');
    await expect(notice).toContainText('check the connection and try again');
    await expect(page.locator('#demand-rate')).toBeChecked();
    await expect(byAge(page)).not.toBeChecked();
    await expect(page.locator('#headline-cleared')).toBeVisible();
    // Trying again once the network is back works, and the message goes.
    failing = false;
    await byAge(page).check();
    await expect(page.locator('#ages-chart')).toBeVisible();
    await expect(notice).toHaveCount(0);
    await settled(page);
    await expect.poll(() => page.url()).toContain('#v=1');
    const link = page.url();

    // A link to a scenario by age, opened while the figures cannot be fetched.
    failing = true;
    await page.goto('about:blank');
    await page.goto(link);
    const failed = page.locator('#ages-failed');
    await expect(failed).toContainText("Hartlepool's figures by age could not be loaded, so there are no results yet.");
    await expect(failed).toHaveAttribute('role', 'alert');
    await expect(page.locator('#headline-cleared')).toHaveCount(0);
    await expectAccessible(page, 'figures by age not loaded');
    // "Try again" while they still cannot: tried, and still said, with the
    // focus kept in the box rather than lost with the button.
    const before = tries;
    await failed.getByRole('button', { name: 'Try again' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => tries).toBe(before + 1);
    // Each try after a failure asks at another address, as a browser may
    // keep a failed module's failure for the address it asked for.
    expect(asked.at(-1)).toMatch(/^\?try=\d+$/);
    expect(asked.at(-1)).not.toBe(asked.at(-2));
    await expect(failed).toBeVisible();
    await expect(page.locator('#ages-waiting')).toBeFocused();
    // And once they can: the results by age.
    failing = false;
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('#ages-chart')).toBeVisible();
    await expect(failed).toHaveCount(0);
    await expect(byAge(page)).toBeChecked();

    // Or, offline, the same link projected by one growth rate instead.
    failing = true;
    await page.goto('about:blank');
    await page.goto(link);
    await page.locator('#ages-failed').getByRole('button', { name: 'Use one growth rate instead' }).click();
    await expect(page.locator('#headline-cleared')).toBeVisible();
    await expect(page.locator('#ages-failed')).toHaveCount(0);
    // The focus goes to the results it made.
    await expect(page.locator('#headline-title')).toBeFocused();
    await page.locator('#demand > summary').evaluate((s) => { if (!s.parentElement.open) s.click(); });
    await expect(page.locator('#demand-rate')).toBeChecked();
  });
});
