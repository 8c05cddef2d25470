// Shared test fixture: every test's page is watched for console errors,
// uncaught exceptions and CSP violations, and checked with axe-core when the
// test ends, so every page and state the suite reaches is audited.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core on the page as it is now and fails on any violation. */
export async function expectAccessible(page, label = 'page') {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

export const test = base.extend({
  page: async ({ page }, use, testInfo) => {
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
    page.on('response', (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
      });
    });
    await use(page);
    if (testInfo.status === testInfo.expectedStatus && !page.isClosed() && page.url().startsWith('http')) {
      await expectAccessible(page, `end of "${testInfo.title}"`);
      // Every link in the error summary leads to something on the page.
      const dangling = await page.locator('#error-summary a[href^="#"]').evaluateAll((links) =>
        links.map((a) => a.getAttribute('href').slice(1)).filter((id) => !document.getElementById(id)),
      );
      expect(dangling, 'error summary links without a target').toEqual([]);
    }
    expect(problems, 'console errors, uncaught exceptions or CSP violations').toEqual([]);
  },
});

/** Opens the app (with an optional query string) and waits for it to render. */
export async function openApp(page, query = '') {
  await page.goto(`./${query}`);
  await expect(page.locator('h1')).toBeVisible();
}

export { expect };
