// Shared test fixture: every test's page is watched for console errors,
// uncaught exceptions and CSP violations, and checked with axe-core when the
// test ends, so every page and state the suite reaches is audited.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core on the page as it is now and fails on any violation. */
export async function expectAccessible(page, label = 'page') {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

// Console errors a test causes on purpose (say, a request it makes fail),
// by page.
const expectedErrors = new WeakMap();

/** Lets console errors matching `pattern` on `page` pass: the test causes them. */
export function expectConsoleErrors(page, pattern) {
  expectedErrors.set(page, [...(expectedErrors.get(page) ?? []), pattern]);
}

export const test = base.extend({
  page: async ({ page }, use, testInfo) => {
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      if ((expectedErrors.get(page) ?? []).some((p) => p.test(msg.text()))) return;
      problems.push(`console error: ${msg.text()}`);
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
  // The static loading shell has the same heading; wait for the app itself.
  await expect(page.locator('#preset[data-preset]')).toBeVisible();
}

/** Chooses a preset (`average`, `haringey`, `la:E09000014`, …) in the council picker, by mouse. */
export async function choosePreset(page, id) {
  const box = page.locator('#preset');
  await box.click();
  await page.locator(`#preset-list [data-id="${id}"]`).click();
  await expect(box).toHaveAttribute('data-preset', id);
}

/** Opens the share, save and export tools if they are closed. */
export async function openTools(page) {
  const open = await page.locator('#tools').evaluate((d) => d.open);
  if (!open) await page.locator('#tools > summary').click();
}
/** Waits until the larger charts and tables have caught up with the inputs. */
export const settled = (page) => expect(page.locator('#results')).toHaveAttribute('data-settled', 'true');

/** Waits until the share link (and the address) holds the latest figures. */
export async function currentLink(page) {
  await openTools(page);
  await settled(page);
  const link = page.locator('#share-link');
  await expect.poll(async () => page.url()).toContain('#v=1');
  await expect.poll(async () => (await link.inputValue()) === page.url()).toBe(true);
  return link.inputValue();
}

/** Runs the `hnb` tool (the build `cargo test` left, or through cargo). */
export function hnb(args) {
  const built = resolve(HERE, '../../target/debug/hnb');
  if (existsSync(built)) return execFileSync(built, args, { encoding: 'utf8' });
  return execFileSync('cargo', ['run', '-q', '--bin', 'hnb', '--', ...args], { cwd: resolve(HERE, '../..'), encoding: 'utf8' });
}

export { expect };
