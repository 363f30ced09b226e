import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gotoApp, TABLET_LANDSCAPE, TABLET_PORTRAIT, useApp, waitForMapIdle } from './harness';

// What the officer talks about stays in view: every kind of selection lands in the part of the map
// that no panel, card or legend covers, and the map keeps at least half the screen, at both sizes.

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Every box open over the map (a panel that waits behind a card is not drawn). */
function openBoxes(page: Page): Promise<(Box & { what: string })[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.card, .side-panel, .legend, .tour-panel, .layer-panel'))
      .filter((el) => getComputedStyle(el).visibility !== 'hidden')
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, what: el.className };
      })
      .filter((r) => r.right > r.left && r.bottom > r.top),
  );
}

function mapBox(page: Page): Promise<Box> {
  return page.evaluate(() => {
    const r = window.__huaibei?.map.getContainer().getBoundingClientRect();
    if (!r) throw new Error('no map');
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });
}

/** The selection's box on screen, from the map's projection, or null when it has no place. */
function subjectOnScreen(page: Page): Promise<Box | null> {
  return page.evaluate(() => {
    const h = window.__huaibei;
    const box = h?.subjectBox();
    if (!h || !box) return null;
    const r = h.map.getContainer().getBoundingClientRect();
    const a = h.map.project(box[0]);
    const b = h.map.project(box[1]);
    return {
      left: r.left + Math.min(a.x, b.x),
      right: r.left + Math.max(a.x, b.x),
      top: r.top + Math.min(a.y, b.y),
      bottom: r.top + Math.max(a.y, b.y),
    };
  });
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Why the subject is not in the visible map (the map less every open box), or '' when it is. */
async function whyNotVisible(page: Page): Promise<string> {
  const s = await subjectOnScreen(page);
  if (!s) return 'no subject';
  const m = await mapBox(page);
  if (s.left < m.left || s.right > m.right || s.top < m.top || s.bottom > m.bottom) return 'off the map';
  const under = (await openBoxes(page)).filter((b) => overlaps(s, b));
  return under.map((b) => `under ${b.what}`).join(', ');
}

/**
 * The largest rectangle of the map that no open box covers, sampled on an 8 px grid: its width and
 * height in pixels. (Largest rectangle in a histogram, row by row.)
 */
async function largestClear(page: Page): Promise<{ width: number; height: number }> {
  const m = await mapBox(page);
  const boxes = await openBoxes(page);
  const step = 8;
  const cols = Math.floor((m.right - m.left) / step);
  const rows = Math.floor((m.bottom - m.top) / step);
  const heights = new Array<number>(cols).fill(0);
  let best = { width: 0, height: 0, area: 0 };
  for (let r = 0; r < rows; r++) {
    const y = m.top + r * step + step / 2;
    for (let c = 0; c < cols; c++) {
      const x = m.left + c * step + step / 2;
      const covered = boxes.some((b) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom);
      heights[c] = covered ? 0 : (heights[c] ?? 0) + 1;
    }
    const stack: number[] = [];
    for (let c = 0; c <= cols; c++) {
      const h = c === cols ? 0 : (heights[c] ?? 0);
      while (stack.length && (heights[stack.at(-1) as number] ?? 0) >= h) {
        const top = stack.pop() as number;
        const height = heights[top] ?? 0;
        const width = stack.length ? c - (stack.at(-1) as number) - 1 : c;
        if (width * height > best.area)
          best = { width: width * step, height: height * step, area: width * height };
      }
      stack.push(c);
    }
  }
  return { width: best.width, height: best.height };
}

/** Waits until the map has framed the selection (it moves after the card or panel is drawn). */
async function expectInView(page: Page, what: string) {
  await expect.poll(() => whyNotVisible(page), { timeout: 8000, message: what }).toBe('');
  await waitForMapIdle(page);
  expect(await whyNotVisible(page), what).toBe('');
}

async function expectHalfTheScreen(page: Page, portrait: boolean, what: string) {
  const clear = await largestClear(page);
  const screen = portrait ? TABLET_PORTRAIT : TABLET_LANDSCAPE;
  if (portrait) expect(clear.height, what).toBeGreaterThanOrEqual(screen.height / 2 - 8);
  else expect(clear.width, what).toBeGreaterThanOrEqual(screen.width / 2 - 8);
}

const sel = (page: Page) => page.evaluate(() => window.__huaibei?.store.getState().selection ?? null);

for (const [name, viewport] of [
  ['landscape', TABLET_LANDSCAPE],
  ['portrait', TABLET_PORTRAIT],
] as const) {
  const portrait = viewport === TABLET_PORTRAIT;
  describe(`what is selected is framed in the visible map (${name})`, () => {
    const app = useApp(viewport);

    it('an area picked from the legend, beside its card and the folded legend', async () => {
      await gotoApp(app.page, '#v=1');
      await app.page.locator('[data-legend-area=lieshan]').tap();
      expect(await sel(app.page)).toEqual({ kind: 'area', id: 'lieshan' });
      await expectInView(app.page, 'area from the legend');
      await expectHalfTheScreen(app.page, portrait, 'legend and card');
      expect(await app.page.locator('.card[data-area=lieshan]').isVisible()).toBe(true);
    });

    it('a segment tapped in the chain tree: its firms on the map, its detail where it was tapped', async () => {
      await gotoApp(app.page, '#v=1&panel=chain');
      const node = app.page.locator('[data-seg=al-wheel]');
      await node.scrollIntoViewIfNeeded();
      await node.tap();
      await expectInView(app.page, 'segment from the chain tree');
      await expectHalfTheScreen(app.page, portrait, 'chain panel with a segment');
      // The detail is in the panel's visible part, not scrolled away above it.
      const panel = await app.page.getByTestId('chain-panel').boundingBox();
      const detail = app.page.getByTestId('segment-card');
      await expect
        .poll(async () => {
          const d = await detail.boundingBox();
          return Boolean(panel && d && d.y >= panel.y && d.y < panel.y + panel.height - 60);
        })
        .toBe(true);
      expect(await detail.getAttribute('data-segment')).toBe('al-wheel');
    });

    it('a firm found by search, at street level', async () => {
      await gotoApp(app.page, '#v=1');
      await app.page.getByTestId('nav-search').tap();
      await app.page.locator('input[type=search]').fill('色耐特');
      await app.page.locator('[data-result^=ent-]').first().tap();
      expect((await sel(app.page))?.kind).toBe('enterprise');
      await expectInView(app.page, 'firm from search');
      expect(await app.page.evaluate(() => window.__huaibei?.map.getZoom() ?? 0)).toBeGreaterThanOrEqual(12);
    });

    it('an area chip of a target-list entry: the card takes the panel’s place, and gives it back', async () => {
      await gotoApp(app.page, '#v=1&panel=targets');
      await app.page.locator('[data-target=al-wheel] .area-chip').first().tap();
      await expectInView(app.page, 'area from the target list');
      await expectHalfTheScreen(app.page, portrait, 'target list and card');
      expect(await app.page.getByTestId('targets-panel').isVisible()).toBe(false);
      await app.page.getByTestId('back-to-panel').tap();
      expect(await sel(app.page)).toBeNull();
      expect(await app.page.getByTestId('targets-panel').isVisible()).toBe(true);
    });

    it('an area chosen among the match results', async () => {
      await gotoApp(app.page, '#v=1&panel=match&match=battery-box@20');
      await app.page.locator('.match-area-btn').nth(2).tap();
      expect((await sel(app.page))?.kind).toBe('area');
      await expectInView(app.page, 'area from the match');
      await expectHalfTheScreen(app.page, portrait, 'match panel with an open row');
    });

    it('a charging site chosen while the charging panel is open', async () => {
      await gotoApp(app.page, '#v=1&panel=charging');
      // Picked from the panel's list of sites: the site's card replaces the panel, the site is framed clear of it.
      const item = app.page.locator('[data-charger-item=chg-0002]');
      await app.page.locator('details:has([data-charger-item=chg-0002]) > summary').tap();
      await item.scrollIntoViewIfNeeded();
      await item.tap();
      expect(await sel(app.page)).toEqual({ kind: 'charger', id: 'chg-0002' });
      await expectInView(app.page, 'charging site');
      await expectHalfTheScreen(app.page, portrait, 'charging panel and a site card');
    });

    it('a tour step’s area, beside the tour panel and the card', async () => {
      await gotoApp(app.page, '#v=1&tour=3');
      await expectInView(app.page, 'tour step');
      await expectHalfTheScreen(app.page, portrait, 'tour panel and card');
    });

    it('keeps half the screen with the layer list open over the legend', async () => {
      await gotoApp(app.page, '#v=1');
      await app.page.getByTestId('layers-button').tap();
      await expectHalfTheScreen(app.page, portrait, 'layer list and legend');
    });

    it('never warns that the map cannot fit', () => {
      expect(app.warnings.filter((w) => w.includes('cannot fit'))).toEqual([]);
    });
  });
}
