import { test, expect, openApp } from '../fixtures.mjs';

test('the page loads with its title and a working growth slider', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('h1')).toHaveText('High Needs Block deficit calculator');
  const slider = page.getByLabel('EHCP growth a year');
  const result = page.locator('#ehcps-in-five strong');
  await expect(page.locator('#growth-value')).toHaveText('10%');
  // 4,175 EHCPs growing 10% a year for five years.
  await expect(result).toHaveText('6724');

  await slider.fill('45');
  await expect(page.locator('#growth-value')).toHaveText('4.5%');
  await expect(result).toHaveText('5203');

  // Keyboard: one step down is 0.5 points.
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#growth-value')).toHaveText('4%');
  await expect(result).toHaveText('5080');
});
