// Every visible result is current in the frame after the input (issue 18):
// no chart or table on screen waits for the input to pause. Results far off
// screen may wait until input pauses or they come near, and are then
// current too.
import { test, expect, openApp, settled } from '../fixtures.mjs';

/** The text of each result block (by index), and whether it is on screen;
 * after moving the growth slider to `value`, read in the next frame before
 * it is painted, if given. */
async function snapshot(value) {
  const read = () => {
    const results = document.getElementById('results');
    const box = results.getBoundingClientRect();
    const top = Math.max(0, box.top);
    const bottom = Math.min(window.innerHeight, box.bottom);
    const blocks = [document.querySelector('.headline'), ...document.querySelectorAll('#results .onscreen')];
    return blocks.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent, visible: r.bottom > top && r.top < bottom && r.height > 0 };
    });
  };
  if (value === undefined) return read();
  const el = document.getElementById('f-demand-growth-start');
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  return new Promise((r) => requestAnimationFrame(() => r(read())));
}

for (const [width, lens] of [[1280, 'money'], [360, 'money'], [1280, 'parents']]) {
  test(`at ${width} px, seen by ${lens}, everything on screen is current in the frame after a slider moves; the rest once input pauses`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openApp(page);
    if (lens === 'parents') await page.locator('#lens-parents').check();
    for (const s of await page.locator('details.chart__table > summary').all()) await s.click();
    await settled(page);
    // At 360 px the controls sit below the results: look at the results,
    // as someone checking what a move does would.
    await page.locator('#headline-cleared').scrollIntoViewIfNeeded();
    // The browser reports what came into view a frame or more after the
    // scroll (later on a loaded machine); a reader starts dragging well after.
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.querySelectorAll('#results .onscreen')].every((el) => {
            const r = el.getBoundingClientRect();
            const seen = r.bottom > 0 && r.top < window.innerHeight && r.height > 0;
            return !seen || el.dataset.near === 'true';
          }),
        ),
      )
      .toBe(true);
    const before = await page.evaluate(snapshot);
    const inFrame = await page.evaluate(snapshot, '2.5');
    await settled(page);
    const after = await page.evaluate(snapshot);
    expect(after.length).toBe(before.length);
    const visible = inFrame.map((b, i) => ({ ...b, i })).filter((b) => b.visible);
    expect(visible.length).toBeGreaterThan(1);
    // Something on screen changed, and all of it was already final.
    expect(visible.some((b) => b.text !== before[b.i].text)).toBe(true);
    for (const b of visible) expect(b.text, `block ${b.i} in the frame after the input`).toBe(after[b.i].text);
    // Off screen too, everything is current once input has paused: the year
    // table (far down) changed.
    if (lens === 'money') await expect(page.locator('.year-table')).not.toHaveText(before[before.length - 1].text);
  });
}

test('when the page opens, what is on the first screen draws first and the rest follows with no input', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.addInitScript(() => {
    // Records, in order, each result block as it first draws, and which
    // blocks were near the first screen when the results first appeared.
    window.__drawn = [];
    const watch = new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target;
        if (el.classList?.contains('onscreen') && !el.classList.contains('onscreen--waiting') && !el.dataset.seen) {
          el.dataset.seen = '1';
          window.__drawn.push([...document.querySelectorAll('#results .onscreen')].indexOf(el));
        }
      }
    });
    const start = new MutationObserver(() => {
      const blocks = [...document.querySelectorAll('#results .onscreen')];
      if (!document.getElementById('headline-cleared') || !blocks.length) return;
      start.disconnect();
      window.__first = blocks.map((el) => ({
        near: el.getBoundingClientRect().top < innerHeight * 1.5,
        top: Math.round(el.getBoundingClientRect().top),
        drawn: !el.classList.contains('onscreen--waiting'),
      }));
      blocks.forEach((el, i) => { if (window.__first[i].drawn) { el.dataset.seen = '1'; window.__drawn.push(i); } });
      watch.observe(document.getElementById('results'), { subtree: true, attributes: true, attributeFilter: ['class'] });
    });
    start.observe(document, { childList: true, subtree: true });
  });
  await openApp(page);
  // With no input at all, every block draws.
  await expect(page.locator('#results .onscreen--waiting')).toHaveCount(0);
  const { first, drawn } = await page.evaluate(() => ({ first: window.__first, drawn: window.__drawn }));
  expect(first.length).toBeGreaterThan(3);
  // Blocks further down had not drawn when the results first appeared…
  expect(first.some((b) => !b.near && !b.drawn)).toBe(true);
  // …and every block near the first screen drew before any further down.
  const near = first.map((b, i) => (b.near ? i : -1)).filter((i) => i >= 0);
  expect(near.length).toBeGreaterThan(0);
  expect(drawn.length).toBe(first.length);
  expect(new Set(drawn.slice(0, near.length)), JSON.stringify({ first, drawn })).toEqual(new Set(near));
});
