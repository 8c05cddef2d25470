// The calculator page: presets, every kind of control, the mix at 100%
// with locks, and bad input.
import { test, expect, openApp, choosePreset } from '../fixtures.mjs';

const headline = (page) => page.locator('#headline-cleared');
const balanceLine = (page) => page.locator('#headline-balance');
const deficitPath = (page) => page.locator('#deficit-chart .series--mitigated path').getAttribute('d');
const remainingPath = (page) => page.locator('#deficit-chart .series--remaining path').getAttribute('d');

/** What the headline and deficit chart show now. */
async function snapshot(page) {
  return {
    headline: await headline(page).textContent(),
    balance: await balanceLine(page).textContent(),
    mitigated: await deficitPath(page),
    remaining: await remainingPath(page),
    table: await page.locator('#year-table tbody').textContent(),
  };
}

/** Opens the panel holding `locator` if it is closed. */
async function reveal(page, sectionId) {
  const open = await page.locator(`#${sectionId}`).evaluate((d) => d.open);
  if (!open) await page.locator(`#${sectionId} > summary`).click();
}

async function expectChanged(page, before, what) {
  await expect.poll(async () => (await snapshot(page)).table, { message: `${what} changes the table` }).not.toBe(before.table);
  const after = await snapshot(page);
  expect(after.headline === before.headline && after.balance === before.balance, `${what} changes a headline`).toBe(false);
  expect(after.mitigated !== before.mitigated || after.remaining !== before.remaining, `${what} changes the chart`).toBe(true);
}

test('loads the average authority, with headline, charts and table', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('h1')).toHaveText('High Needs Block deficit calculator');
  await expect(page.locator('#preset')).toHaveAttribute('data-preset', 'average');
  await expect(headline(page)).toHaveText('£71.1m still owed at the end of 2027-28');
  await expect(balanceLine(page)).toHaveText('No in-year balance by 2029-30');
  await expect(page.locator('#deficit-chart svg[role="img"] title')).toHaveText('Cumulative deficit, 2024-25 to 2029-30');
  await expect(page.locator('#year-table tbody tr')).toHaveCount(6);
});

test('switching presets', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'southwark');
  await expect(page.locator('.headline__authority')).toHaveText('Southwark, 2022-23 to 2026-27');
  await expect(headline(page)).toHaveText(/^£[\d.]+m still owed at the end of 2026-27$/);
  await expect(balanceLine(page)).toHaveText('No in-year balance by 2026-27');
  await expect(page.locator('#deficit-chart .series--agreed')).toHaveCount(1);
  await expect(page.locator('#year-table tbody tr').nth(1)).toContainText('£8.71m');
  await choosePreset(page, 'medway');
  await expect(page.locator('.headline__authority')).toHaveText('Medway, 2022-23 to 2025-26');
  await expect(headline(page)).toHaveText(/^£[\d.]+m still owed at the end of 2025-26$/);
  await expect(page.locator('#deficit-chart .series--agreed')).toHaveCount(0);
  await expect(page.getByLabel('EHCPs in 2022-23', { exact: true })).toHaveValue('2853');
});

test('the growth slider and its number box edit the same figure', async ({ page }) => {
  await openApp(page);
  const slider = page.getByLabel('EHCP growth a year, at the start of the plan', { exact: true });
  const box = page.getByLabel('EHCP growth a year, at the start of the plan (per cent)', { exact: true });
  await expect(box).toHaveValue('9');
  await expect(slider).toHaveAttribute('aria-valuetext', '9% a year');
  let before = await snapshot(page);
  await slider.fill('4.5');
  await expect(box).toHaveValue('4.5');
  await expect(slider).toHaveAttribute('aria-valuetext', '4.5% a year');
  await expectChanged(page, before, 'the growth slider');
  // Keyboard: one step is 0.1 points.
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(box).toHaveValue('4.6');
  before = await snapshot(page);
  await box.fill('12.25');
  // The slider moves in steps of 0.1; the box and the words keep 12.25.
  await expect(slider).toHaveValue('12.3');
  await expect(slider).toHaveAttribute('aria-valuetext', '12.25% a year');
  await expect(box).toHaveValue('12.25');
  await expectChanged(page, before, 'typing growth');
});

// Typing 24 nines into a £m box stopped the page: converting £m to £
// overflowed. Now the text is refused with words, kept, and the page lives.
test('a figure too large to hold is refused in words, the text and the results kept', async ({ page }) => {
  await openApp(page);
  await reveal(page, 'money');
  const before = await snapshot(page);
  const box = page.getByLabel('Cumulative deficit carried into 2024-25 (millions of pounds)', { exact: true });
  const nines = '9'.repeat(24);
  await box.fill(nines);
  const message = `Cumulative deficit carried into 2024-25 must be between -£10,000m and £10,000m (it is “${nines}”)`;
  await expect(page.locator('#f-opening-deficit-error')).toContainText(message);
  await expect(page.locator('#error-summary')).toContainText(message);
  await expect(box).toHaveValue(nines);
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  expect(await snapshot(page)).toEqual(before);
  // The page is alive: another field still changes the results.
  await box.fill('0');
  await expect(page.locator('#error-summary')).toHaveCount(0);
  await expectChanged(page, before, 'the deficit after the nines');
});

const controls = [
  ['EHCPs (number box)', 'demand', 'EHCPs in 2024-25 (number)', '6000'],
  ['growth at the end', 'demand', 'EHCP growth a year, by the end of the plan', '12'],
  ['a planned share', 'mix', 'Independent special school (INMSS): share in the plan', '9'],
  ['cost per child', 'costs', 'State special school: cost per child a year (pounds)', '30000'],
  ['cost inflation', 'costs', 'Independent special school (INMSS): yearly cost inflation', '10'],
  ['HNB allocation', 'money', 'High Needs Block allocation in 2024-25 (millions of pounds)', '90'],
  ['HNB growth', 'money', 'Yearly growth of the allocation', '8'],
  ['opening deficit', 'money', 'Cumulative deficit carried into 2024-25 (millions of pounds)', '0'],
  ['other spend', 'money', 'Central SEND services (other spend) in 2024-25 (millions of pounds)', '9'],
];

for (const [what, section, label, value] of controls) {
  test(`${what} changes the headline and the chart`, async ({ page }) => {
    await openApp(page);
    await reveal(page, section);
    const before = await snapshot(page);
    await page.getByLabel(label, { exact: true }).fill(value);
    await expectChanged(page, before, what);
  });
}

test('the target year changes the results', async ({ page }) => {
  await openApp(page);
  await reveal(page, 'mix');
  const before = await snapshot(page);
  await page.locator('#f-placements-target-year').selectOption({ label: '2025-26' });
  await expect.poll(async () => (await snapshot(page)).table).not.toBe(before.table);
  const after = await snapshot(page);
  expect(after.mitigated).not.toBe(before.mitigated);
  expect(after.headline).not.toBe(before.headline);
});

test('places, the Schools Block transfer and DfE payments change the results', async ({ page }) => {
  await openApp(page);
  await reveal(page, 'places');
  let before = await snapshot(page);
  await page.getByLabel('State special school has limited places').check();
  await page.getByLabel('State special school: places in 2024-25 (number)', { exact: true }).fill('600');
  await expectChanged(page, before, 'limiting places');
  // New places open only in the plan.
  before = await snapshot(page);
  await page.locator('#places details summary').filter({ hasText: 'New places opening in State special school' }).click();
  await page.getByLabel('New places in 2025-26 (number)', { exact: true }).fill('150');
  await expectChanged(page, before, 'new places');

  await reveal(page, 'money');
  before = await snapshot(page);
  await page.getByLabel('A percentage of the Schools Block').check();
  await expect(page.getByLabel('Share of the Schools Block transferred (per cent)', { exact: true })).toHaveValue('0.5');
  await expectChanged(page, before, 'a Schools Block transfer');
  before = await snapshot(page);
  await page.getByLabel('Share of the Schools Block transferred', { exact: true }).fill('1.5');
  await expectChanged(page, before, 'a bigger transfer');

  await reveal(page, 'agreement');
  before = await snapshot(page);
  await page.getByLabel('DfE payment in 2025-26 (millions of pounds)', { exact: true }).fill('25');
  await expectChanged(page, before, 'a DfE payment');
  await expect(page.locator('#year-table tbody tr').nth(1)).toContainText('£25.00m');
});

test('the mix stays at 100% and locked shares stay put', async ({ page }) => {
  await openApp(page);
  await reveal(page, 'mix');
  const boxes = page.locator('#mix input.number-box[id$="share-plan-box"]');
  await expect(boxes).toHaveCount(10);
  const sum = async () => (await boxes.evaluateAll((els) => els.map((e) => Number(e.value)))).reduce((a, b) => a + b, 0);
  const special = page.getByLabel('State special school: share in the plan (per cent)', { exact: true });
  const mainstream = page.getByLabel('Mainstream school: share in the plan (per cent)', { exact: true });
  await page.getByLabel('Lock the planned share of State special school').check();
  const lockedValue = await special.inputValue();
  const mainstreamBefore = Number(await mainstream.inputValue());

  await page.getByLabel('Independent special school (INMSS): share in the plan', { exact: true }).fill('15');
  await expect(page.getByLabel('Independent special school (INMSS): share in the plan (per cent)', { exact: true })).toHaveValue('15');
  await expect(special).toHaveValue(lockedValue);
  expect(Number(await mainstream.inputValue())).toBeLessThan(mainstreamBefore);
  expect(Math.abs((await sum()) - 100)).toBeLessThan(0.011);
  await expect(page.locator('#f-placements-settings-share-plan')).toHaveText('Planned shares add up to 100%.');

  // Typing a share rebalances too; a locked share cannot be pushed past
  // what the other locks leave.
  await page.getByLabel('Mainstream school: share in the plan (per cent)', { exact: true }).fill('50');
  await expect(special).toHaveValue(lockedValue);
  expect(Math.abs((await sum()) - 100)).toBeLessThan(0.011);
  await expect(page.locator('#error-summary')).toHaveCount(0);
});

test('a bad value shows its message while the last results stay', async ({ page }) => {
  await openApp(page);
  const box = page.getByLabel('EHCP growth a year, at the start of the plan (per cent)', { exact: true });
  const before = await snapshot(page);
  await box.fill('nine');
  const summary = page.locator('#error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('There is a problem');
  const message = 'EHCP growth a year, at the start of the plan must be a number, like 4.5';
  await expect(summary.getByRole('link', { name: message })).toHaveAttribute('href', '#f-demand-growth-start');
  await expect(page.locator('#f-demand-growth-start-error')).toContainText(message);
  await expect(box).toHaveValue('nine');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  expect(await snapshot(page)).toEqual(before);

  // Out of range: the number is read, refused, and the text still stays.
  await box.fill('250');
  await expect(page.locator('#f-demand-growth-start-error')).toContainText('must be between -50% and 100% a year (it is 250%)');
  await expect(box).toHaveValue('250');
  expect(await snapshot(page)).toEqual(before);

  // The summary's link takes you to the field.
  await summary.getByRole('link').first().click();
  await expect(page).toHaveURL(/#f-demand-growth-start$/);

  await box.fill('4');
  await expect(summary).toHaveCount(0);
  await expect.poll(async () => (await snapshot(page)).table).not.toBe(before.table);
});

test('other contributions can be added, changed and removed', async ({ page }) => {
  await openApp(page);
  await reveal(page, 'money');
  await page.getByRole('button', { name: 'Add a contribution' }).click();
  const box = page.getByLabel('Contribution 1 (council or health) in 2024-25 (millions of pounds)', { exact: true });
  await expect(box).toHaveValue('0');
  const before = await snapshot(page);
  await box.fill('5');
  await expectChanged(page, before, 'a contribution');
  await page.getByRole('button', { name: 'Remove Contribution 1 (council or health)' }).click();
  await expect(box).toHaveCount(0);
  await expect.poll(async () => (await snapshot(page)).table).toBe(before.table);
});
