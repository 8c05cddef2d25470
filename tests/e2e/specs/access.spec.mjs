// Accessible and plain-spoken (issue 7): axe-core on every preset and view,
// the main journey by keyboard alone, the polite live region, plain words
// and the parents' view, the reading pages, and every main view at 360 px
// with no sideways scrolling (a screenshot of each is saved).
import { test, expect, openApp, expectAccessible, choosePreset, settled } from '../fixtures.mjs';

const PRESETS = ['average', 'haringey', 'southwark', 'isle-of-wight', 'wokingham', 'medway', 'la:E09000025'];
const growthSlider = (page) => page.getByLabel('EHCP growth a year, at the start of the plan', { exact: true });

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(page, selector, limit = 300) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The focused element shows a visible focus indicator. */
async function expectFocusVisible(page) {
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow, bg: s.backgroundColor };
  });
  const visible = (style.outline !== 'none' && style.width !== '0px') || style.shadow !== 'none';
  expect(visible, `focus indicator: ${JSON.stringify(style)}`).toBe(true);
}

/** No sideways scrolling at this width, and a screenshot for the record. */
async function phoneCheck(page, testInfo, name) {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, `${name}: scrollWidth ${scroll} > innerWidth ${inner}`).toBeLessThanOrEqual(inner);
  await page.screenshot({ path: testInfo.outputPath(`phone-360-${name}.png`), fullPage: false });
}

test('every preset, in money and in children, has no axe violations', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  for (const id of PRESETS) {
    await choosePreset(page, id);
    await settled(page);
    await expectAccessible(page, `${id}, money`);
    await page.locator('#lens-parents').check();
    await expect(page.locator('#parents-table')).toBeVisible();
    await expectAccessible(page, `${id}, children and places`);
    await page.locator('#lens-money').check();
  }
  // The savings plan and agreement, open.
  await choosePreset(page, 'haringey');
  await page.locator('#savings > summary').click();
  await page.locator('#agreement > summary').click();
  await page.locator('#savings .project > summary').first().click();
  await expectAccessible(page, 'Haringey with the savings plan open');
});

test('the main journey by keyboard alone: council, growth, mix, result, share link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://127.0.0.1:4173' });
  await openApp(page);
  // Skip link first.
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await expectFocusVisible(page);
  // Pick a council.
  await tabTo(page, '#preset');
  await expectFocusVisible(page);
  // Type part of the name; the best match is taken with Enter.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('southw');
  await expect(page.locator('#preset')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('#preset-list [aria-selected="true"]')).toHaveText(/Southwark: from its Safety Valve papers/);
  await page.keyboard.press('Enter');
  await expect(page.locator('#preset')).toHaveAttribute('data-preset', 'southwark');
  await expect(page.locator('#preset')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('.headline__authority')).toContainText('Southwark');
  await settled(page);
  const before = await page.locator('#year-table tbody').textContent();
  // Growth up by 3 points with the arrow keys.
  await tabTo(page, '#f-demand-growth-start');
  await expectFocusVisible(page);
  const start = Number(await growthSlider(page).inputValue());
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
  await expect(growthSlider(page)).toHaveValue(String(Math.round((start + 3) * 10) / 10));
  // The planned INMSS share down a point.
  await tabTo(page, '#f-placements-settings-inmss-share-plan');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  await settled(page);
  // The result changed, and was announced once input paused.
  await expect(page.locator('#year-table tbody')).not.toHaveText(before);
  await expect(page.locator('#announce')).toContainText('Results updated');
  // Open the share tools and copy the link.
  await tabTo(page, '#tools > summary');
  await page.keyboard.press('Enter');
  await tabTo(page, '#copy-link');
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('.tools__status')).toHaveText('Link copied.');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('p=southwark');
  expect(link).toContain('&d=');
});

test('results are announced politely once input pauses, not on every keystroke', async ({ page }) => {
  await openApp(page);
  const region = page.locator('#announce');
  await expect(region).toHaveAttribute('role', 'status');
  await settled(page);
  // Opening the page is not news: nothing is announced until something changes.
  await expect(region).toHaveText('');
  const first = '';
  const box = page.getByLabel('EHCP growth a year, at the start of the plan (per cent)', { exact: true });
  // Typing "14" is two keystrokes; the region changes once, after both.
  const changes = await page.evaluate(() => {
    window.__announced = [];
    new MutationObserver(() => window.__announced.push(document.getElementById('announce').textContent))
      .observe(document.getElementById('announce'), { childList: true, characterData: true, subtree: true });
    return true;
  });
  expect(changes).toBe(true);
  await box.selectText();
  await page.keyboard.type('14');
  await settled(page);
  await expect(region).not.toHaveText(first);
  const announced = await page.evaluate(() => window.__announced);
  expect(announced.length, JSON.stringify(announced)).toBe(1);
  expect(announced[0]).toMatch(/^Results updated: /);
});

test('plain words and the parents’ view', async ({ page }) => {
  await openApp(page, '?view=parents');
  await expect(page.locator('#lens-parents')).toBeChecked();
  const meaning = page.locator('.meaning__list li');
  await expect(meaning.first()).toContainText('children and young people have an EHCP');
  for (const sentence of await meaning.allTextContents()) {
    expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(30);
  }
  const table = page.locator('#parents-table');
  await expect(table.locator('tbody tr')).toHaveCount(11);
  await expect(table.locator('tr', { hasText: 'Independent special school (INMSS)' })).toContainText('£57,074');
  await expect(page.locator('#parents-changes li').first()).toContainText(/children in/);
  await expect(page.locator('#deficit-chart')).toHaveCount(0);
  await page.locator('#lens-money').check();
  await expect(page.locator('#deficit-chart')).toBeVisible();
  // Glossary links lead to their terms.
  await page.locator('.lede a', { hasText: 'Safety Valve' }).click();
  await expect(page).toHaveURL(/pages\/glossary\.html#safety-valve$/);
  await expect(page.locator('#safety-valve')).toBeVisible();
});

for (const name of ['glossary', 'method', 'accessibility']) {
  test(`the ${name} page is accessible and fits a phone`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`./pages/${name}.html`);
    await expect(page.locator('h1')).toBeVisible();
    await expectAccessible(page, `${name} page`);
    await phoneCheck(page, testInfo, `page-${name}`);
    await page.locator('.masthead a').click();
    await expect(page.locator('#preset')).toBeVisible();
  });
}

test('at 360 px every main view fits without sideways scrolling', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 800 });
  await openApp(page);
  await phoneCheck(page, testInfo, 'calculator');
  for (const id of ['haringey', 'southwark']) {
    await choosePreset(page, id);
    await settled(page);
    await phoneCheck(page, testInfo, `calculator-${id}`);
  }
  await page.locator('#lens-parents').check();
  await phoneCheck(page, testInfo, 'parents');
  await page.locator('#lens-money').check();
  // The savings plan, open.
  await page.locator('#savings > summary').click();
  await page.locator('#savings .project > summary').first().click();
  await phoneCheck(page, testInfo, 'savings-plan');
  // An error.
  const box = page.getByLabel('EHCP growth a year, at the start of the plan (per cent)', { exact: true });
  await box.fill('lots');
  await expect(page.locator('#error-summary')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await phoneCheck(page, testInfo, 'error');
  await box.fill('5');
  // The tools, compare and print.
  await page.locator('#tools > summary').click();
  await page.locator('#embed > summary').click();
  await phoneCheck(page, testInfo, 'tools');
  await page.locator('#compare-published').click();
  await expect(page.locator('#compare-title')).toBeFocused();
  await phoneCheck(page, testInfo, 'compare');
  await page.locator('#close-compare').click();
  await page.locator('#tools > summary').click();
  await page.locator('#print-view').click();
  await phoneCheck(page, testInfo, 'print');
  // Embedded in a narrow frame.
  const narrow = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await narrow.goto('http://127.0.0.1:4173/?embed=1');
  await expect(narrow.locator('#headline-cleared')).toBeVisible();
  await phoneCheck(narrow, testInfo, 'embed');
  await narrow.close();
});
