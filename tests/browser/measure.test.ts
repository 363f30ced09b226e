import { lineString, polygon, area as turfArea, length as turfLength } from '@turf/turf';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gotoApp, project, TABLET_PORTRAIT, useApp, waitForHash, waitForMapIdle } from './harness';

type LngLat = [number, number];
const CORNERS: LngLat[] = [
  [116.78, 33.97],
  [116.88, 33.97],
  [116.86, 33.88],
];

const measureOf = (page: Page) =>
  page.evaluate(() => window.__huaibei?.store.getState().measure ?? null) as Promise<{
    points: LngLat[];
    closed: boolean;
  } | null>;

async function tapAt(page: Page, ll: LngLat) {
  const p = await project(page, ll);
  await page.touchscreen.tap(p.x, p.y);
  // Taps a finger apart, not a double tap.
  await page.waitForTimeout(350);
}

/** The numbers in a text, as written in either language ("12.3 km", "12.3 公里"). */
const numberIn = (s: string | null) => Number((s ?? '').replace(/[^\d.]/g, ''));

describe('the measuring tool on a portrait tablet, by touch', () => {
  const app = useApp(TABLET_PORTRAIT, {
    setup: async ({ page }) => gotoApp(page, '#v=1&map=10.5/33.92/116.83'),
  });

  it('turns on from the map buttons, and a tap on the map places a point instead of selecting', async () => {
    const toggle = app.page.locator('.map-controls .measure-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.tap();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await app.page.getByTestId('measure-panel').waitFor();
    for (const c of CORNERS) await tapAt(app.page, c);
    const m = await measureOf(app.page);
    expect(m?.points).toHaveLength(3);
    expect(m?.closed).toBe(false);
    // Each point where the finger was, to a few pixels (about 10 m at this zoom).
    m?.points.forEach((p, i) => {
      const c = CORNERS[i] as LngLat;
      expect(Math.abs(p[0] - c[0])).toBeLessThan(0.002);
      expect(Math.abs(p[1] - c[1])).toBeLessThan(0.002);
    });
    // The taps landed on districts and firms: nothing was selected.
    expect(await app.page.evaluate(() => window.__huaibei?.store.getState().selection ?? null)).toBeNull();
    const length = turfLength(lineString(m?.points ?? []));
    expect(numberIn(await app.page.getByTestId('measure-length').textContent())).toBeCloseTo(length, 1);
  });

  it('has handles of at least 44 px, and a tap on the first one closes the shape', async () => {
    const r = await app.page.evaluate(() =>
      window.__huaibei?.map.getPaintProperty('measure-handle', 'circle-radius'),
    );
    expect(Number(r) * 2).toBeGreaterThanOrEqual(44);
    await waitForMapIdle(app.page);
    const handles = await app.page.evaluate(
      () => window.__huaibei?.map.queryRenderedFeatures({ layers: ['measure-handle'] }).length ?? 0,
    );
    expect(handles).toBe(3);
    // Off the point's centre by 15 px, still on its handle.
    const first = await project(app.page, CORNERS[0] as LngLat);
    await app.page.touchscreen.tap(first.x + 15, first.y);
    await app.page.waitForFunction(() => window.__huaibei?.store.getState().measure?.closed === true);
    const m = await measureOf(app.page);
    expect(m?.points).toHaveLength(3);
    const km2 = turfArea(polygon([[...(m?.points ?? []), m?.points[0] as LngLat]])) / 1e6;
    expect(numberIn(await app.page.getByTestId('measure-area').textContent())).toBeCloseTo(km2, 1);
    // The result lists what is inside: the shape cuts districts whose firms are known only to the district.
    await app.page.getByTestId('measure-inside').waitFor();
    expect(await app.page.getByTestId('measure-possibly').count()).toBe(1);
  });

  it('leaves the shape clear of its result panel', async () => {
    await waitForMapIdle(app.page);
    const panel = await app.page.getByTestId('measure-panel').boundingBox();
    const pts = await Promise.all(CORNERS.map((c) => project(app.page, c)));
    if (!panel) throw new Error('no panel');
    for (const p of pts) {
      const inside =
        p.x >= panel.x && p.x <= panel.x + panel.width && p.y >= panel.y && p.y <= panel.y + panel.height;
      expect(inside).toBe(false);
    }
  });

  it('is in the link, and the shape survives a reload through it', async () => {
    const hash = await waitForHash(app.page, (h) => h.includes('m=a:'));
    const before = await measureOf(app.page);
    const areaText = await app.page.getByTestId('measure-area').textContent();
    await gotoApp(app.page, hash, { fresh: true });
    await app.page.getByTestId('measure-panel').waitFor();
    const after = await measureOf(app.page);
    expect(after?.closed).toBe(true);
    expect(after?.points).toHaveLength(3);
    after?.points.forEach((p, i) => {
      const b = before?.points[i] as LngLat;
      // Four decimals in the link.
      expect(Math.abs(p[0] - b[0])).toBeLessThanOrEqual(0.00005);
      expect(Math.abs(p[1] - b[1])).toBeLessThanOrEqual(0.00005);
    });
    expect(await app.page.getByTestId('measure-area').textContent()).toBe(areaText);
    await waitForMapIdle(app.page);
    const drawn = await app.page.evaluate(
      () => window.__huaibei?.map.queryRenderedFeatures({ layers: ['measure-fill'] }).length ?? 0,
    );
    expect(drawn).toBeGreaterThan(0);
  });

  it('moves a point when its handle is dragged by a finger, and the map stays put', async () => {
    await waitForMapIdle(app.page);
    const cdp = await app.context.newCDPSession(app.page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', pts: [number, number][]) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: pts.map(([x, y], id) => ({ x, y, id, radiusX: 2, radiusY: 2, force: 1 })),
      });
    const centre = () => app.page.evaluate(() => window.__huaibei?.map.getCenter().toArray());
    const before = await measureOf(app.page);
    const c0 = await centre();
    const from = await project(app.page, before?.points[2] as LngLat);
    await touch('touchStart', [[from.x, from.y]]);
    for (let i = 1; i <= 8; i++) await touch('touchMove', [[from.x + i * 10, from.y]]);
    await touch('touchEnd', []);
    const after = await measureOf(app.page);
    const to = await app.page.evaluate(
      ([x, y]: [number, number]) => {
        const map = window.__huaibei?.map;
        if (!map) throw new Error('no map');
        const r = map.getContainer().getBoundingClientRect();
        return map.unproject([x - r.left, y - r.top]).toArray();
      },
      [from.x + 80, from.y] as [number, number],
    );
    expect(Math.abs((after?.points[2]?.[0] ?? 0) - to[0])).toBeLessThan(0.001);
    expect(after?.points[0]).toEqual(before?.points[0]);
    expect(after?.points).toHaveLength(3);
    expect(after?.closed).toBe(true);
    expect(await centre()).toEqual(c0);
  });

  it('Escape clears it and turns the tool off; a tap then selects again', async () => {
    await app.page.keyboard.press('Escape');
    expect(await measureOf(app.page)).toBeNull();
    expect(await app.page.getByTestId('measure-panel').count()).toBe(0);
    await waitForHash(app.page, (h) => !h.includes('m='));
    await waitForMapIdle(app.page);
    const p = await project(app.page, CORNERS[2] as LngLat);
    await app.page.touchscreen.tap(p.x, p.y);
    await app.page.waitForFunction(() => window.__huaibei?.store.getState().selection !== null);
  });

  it('the Clear button clears it too', async () => {
    await app.page.locator('.map-controls .measure-toggle').tap();
    await tapAt(app.page, CORNERS[0] as LngLat);
    await tapAt(app.page, CORNERS[1] as LngLat);
    expect((await measureOf(app.page))?.points).toHaveLength(2);
    await app.page.locator('.measure-clear').tap();
    expect(await measureOf(app.page)).toBeNull();
  });

  it('a bad m= in a link is reported like other bad parts, and the rest of the link still works', async () => {
    await gotoApp(app.page, '#v=1&lang=en&m=a:116.8,33.9;999,33.9');
    const rejected = await app.page.evaluate(() => window.__huaibei?.store.getState().linkRejected ?? []);
    expect(rejected).toContain('m');
    expect(await app.page.evaluate(() => window.__huaibei?.store.getState().lang)).toBe('en');
    expect(await measureOf(app.page)).toBeNull();
  });
});
