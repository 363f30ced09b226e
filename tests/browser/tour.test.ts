import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  type AppPage,
  gotoApp,
  project,
  TABLET_LANDSCAPE,
  TABLET_PORTRAIT,
  useApp,
  waitForHash,
} from './harness';

/** The shipped tour, read from disk: what each step must show is checked against the file itself. */
interface RawStep {
  id: string;
  title: { zh: string; en: string };
  layers: string[];
  panel?: string;
  filters?: { segment?: string; areas?: string[] };
  selection?: { kind: string; id: string };
  camera?: unknown;
}
const TOUR_TEXT = readFileSync(new URL('../../public/data/tour.json', import.meta.url), 'utf8');
const TOUR = JSON.parse(TOUR_TEXT) as { version: number; steps: RawStep[] };
const STEPS = TOUR.steps;

const state = (page: Page) =>
  page.evaluate(() => {
    const s = window.__huaibei?.store.getState();
    if (!s) throw new Error('no store');
    return {
      tourStep: s.tourStep,
      tourPaused: s.tourPaused,
      layers: s.visibleLayers,
      panel: s.panel,
      selection: s.selection,
      segment: s.filters.segment,
      areas: s.filters.areas,
      tourLength: s.data?.tour.length ?? 0,
    };
  });

/** Waits until the flight a step started (one frame later) has ended and the map has drawn it. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__huaibei?.map;
        if (!map) return resolve();
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const idle = () => {
              map.once('idle', () => resolve());
              map.triggerRepaint();
            };
            if (map.isMoving()) map.once('moveend', idle);
            else idle();
          }),
        );
      }),
  );
}

/** The counter, title and app state show step `i` of the shipped tour (0-based), and the link names it. */
async function expectStep(page: Page, i: number) {
  const step = STEPS[i];
  if (!step) throw new Error(`no step ${i}`);
  const counter = page.getByTestId('tour-counter');
  await expect.poll(() => counter.textContent()).toBe(`${i + 1} / ${STEPS.length}`);
  expect(await page.getByTestId('tour-title').textContent()).toBe(step.title.zh);
  const s = await state(page);
  expect(s.tourStep).toBe(i);
  expect([...s.layers].sort(), step.id).toEqual([...step.layers].sort());
  expect(s.panel, step.id).toBe(step.panel ?? 'none');
  expect(s.selection, step.id).toEqual(step.selection ?? null);
  expect(s.segment, step.id).toBe(step.filters?.segment ?? null);
  expect(s.areas, step.id).toEqual(step.filters?.areas ?? []);
  await waitForHash(page, (h) => new URLSearchParams(h.slice(1)).get('tour') === String(i + 1));
}

/** A one-finger sideways stroke on the tour panel, as real touch events (they become pointer events). */
async function swipe(app: AppPage, dx: number, dy = 0) {
  const box = await app.page.getByTestId('tour-text').boundingBox();
  if (!box) throw new Error('no tour text');
  const x0 = box.x + box.width / 2 - dx / 2;
  const y0 = box.y + Math.min(box.height / 2, 20);
  const cdp = await app.context.newCDPSession(app.page);
  const touch = async (type: 'touchStart' | 'touchMove' | 'touchEnd', pts: [number, number][]) => {
    await cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: pts.map(([x, y], id) => ({ x, y, id, radiusX: 2, radiusY: 2, force: 1 })),
    });
  };
  await touch('touchStart', [[x0, y0]]);
  for (let k = 1; k <= 8; k++) await touch('touchMove', [[x0 + (dx * k) / 8, y0 + (dy * k) / 8]]);
  await touch('touchEnd', []);
  await cdp.detach();
}

describe('the guided tour on a landscape tablet', () => {
  const app = useApp(TABLET_LANDSCAPE);

  it('plays every step of the default tour by keyboard, each with its view and its link', async () => {
    await gotoApp(app.page);
    await app.page.getByTestId('tour-button').click();
    for (let i = 0; i < STEPS.length; i++) {
      await expectStep(app.page, i);
      await app.page.keyboard.press('ArrowRight');
    }
    // The last step stays: "next" does not wrap round to the start.
    await expectStep(app.page, STEPS.length - 1);
    expect(await app.page.getByTestId('tour-next').textContent()).toBe('结束导览');
    // The other presenter keys: a clicker's PageUp/PageDown, Space, Home and End.
    await app.page.keyboard.press('PageUp');
    await expectStep(app.page, STEPS.length - 2);
    await app.page.keyboard.press('Home');
    await expectStep(app.page, 0);
    await app.page.keyboard.press('Space');
    await expectStep(app.page, 1);
    await app.page.keyboard.press('ArrowLeft');
    await expectStep(app.page, 0);
    await app.page.keyboard.press('End');
    await expectStep(app.page, STEPS.length - 1);
    // A tap on a dot jumps to that step.
    await app.page.getByTestId('tour-dot').nth(2).tap();
    await expectStep(app.page, 2);
    expect(await app.page.getByTestId('tour-dot').nth(2).getAttribute('aria-current')).toBe('step');
    expect(app.errors).toEqual([]);
  });

  it('plays the tour by swiping the panel, and ignores a vertical stroke', async () => {
    await gotoApp(app.page, '#v=1&tour=1');
    await expectStep(app.page, 0);
    for (let i = 1; i < STEPS.length; i++) {
      await swipe(app, -160);
      await expectStep(app.page, i);
    }
    await swipe(app, 160);
    await expectStep(app.page, STEPS.length - 2);
    // Mostly vertical (scrolling the text), or too short: not a page turn.
    await swipe(app, -60, 120);
    await swipe(app, -30);
    // A page turn happens in the pointerup handler itself: two frames later it would be in the store.
    await app.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect((await state(app.page)).tourStep).toBe(STEPS.length - 2);
  });

  it('opens the step a link names, with or without the rest of the view', async () => {
    for (const hash of [
      '#v=1&tour=4',
      '#tour=4',
      '#v=1&map=12/34/116.8/0/0&layers=chargers&lang=zh&tour=4',
    ]) {
      await gotoApp(app.page, hash);
      await expectStep(app.page, 3);
      expect(await app.page.locator('.card[data-area=lieshan]').count()).toBe(1);
    }
    // A step past the end of the tour is reported like any bad part of a link, and no tour starts.
    await gotoApp(app.page, '#v=1&tour=99');
    expect((await state(app.page)).tourStep).toBeNull();
    expect(await app.page.getByTestId('link-notice').textContent()).toContain('导览步骤');
    expect(await app.page.getByTestId('tour-panel').count()).toBe(0);
  });

  it('pauses when the presenter touches the map, and resumes where it was', async () => {
    // The one test of the flight itself: the step flies in, and resuming flies back (no reduced motion).
    await app.page.emulateMedia({ reducedMotion: 'no-preference' });
    try {
      await gotoApp(app.page, '#v=1&tour=2');
      await settle(app.page);
      const before = await app.page.evaluate(() => {
        const m = window.__huaibei?.map;
        return m ? { ...m.getCenter(), zoom: m.getZoom() } : null;
      });
      if (!before) throw new Error('no map');
      // A touch on the map (clear of the panels) pauses; then the presenter pans away.
      const map = await app.page.getByTestId('map').boundingBox();
      if (!map) throw new Error('no map box');
      await app.page.touchscreen.tap(map.x + map.width * 0.45, map.y + 40);
      await expect.poll(async () => (await state(app.page)).tourPaused).toBe(true);
      const resume = app.page.getByTestId('tour-resume');
      expect(await resume.textContent()).toBe('已暂停 · 继续');
      await app.page.evaluate(() => window.__huaibei?.map.jumpTo({ center: [116.95, 34.1], zoom: 12 }));
      await settle(app.page);
      // Keys and the panel still work, but nothing moves until resumed.
      expect((await state(app.page)).tourStep).toBe(1);
      await resume.tap();
      await expect.poll(async () => (await state(app.page)).tourPaused).toBe(false);
      expect(await resume.count()).toBe(0);
      await settle(app.page);
      const after = await app.page.evaluate(() => {
        const m = window.__huaibei?.map;
        return m ? { ...m.getCenter(), zoom: m.getZoom() } : null;
      });
      if (!after) throw new Error('no map');
      expect(after.zoom).toBeCloseTo(before.zoom, 2);
      expect(after.lng).toBeCloseTo(before.lng, 3);
      expect(after.lat).toBeCloseTo(before.lat, 3);
      await expectStep(app.page, 1);
    } finally {
      await app.page.emulateMedia({ reducedMotion: 'reduce' });
    }
  });

  it('exits with Escape, and the link no longer names a step', async () => {
    await gotoApp(app.page, '#v=1&tour=3');
    await expectStep(app.page, 2);
    await app.page.keyboard.press('Escape');
    await expect.poll(() => app.page.getByTestId('tour-panel').count()).toBe(0);
    expect((await state(app.page)).tourStep).toBeNull();
    await waitForHash(app.page, (h) => !h.includes('tour='));
    // The exit button does the same.
    await app.page.getByTestId('tour-button').tap();
    await expectStep(app.page, 0);
    await app.page.getByTestId('tour-exit').tap();
    await expect.poll(() => app.page.getByTestId('tour-panel').count()).toBe(0);
    await waitForHash(app.page, (h) => !h.includes('tour='));
  });
});

describe('a tour file with broken steps', () => {
  const app = useApp(TABLET_LANDSCAPE);

  it('skips an unknown layer, a missing camera and a broken step, says so, and plays the rest', async () => {
    const steps: unknown[] = STEPS.map((s) => ({ ...s }));
    steps[1] = { ...STEPS[1], layers: ['areas', '<b>warp-layer</b>'] };
    const { camera: _camera, ...noCamera } = STEPS[2] as RawStep;
    steps[2] = noCamera;
    steps[4] = 'not a step';
    await app.context.route('**/data/tour.json', (r) =>
      r.fulfill({
        status: 200,
        body: JSON.stringify({ ...TOUR, steps }),
        contentType: 'application/json',
      }),
    );
    try {
      await gotoApp(app.page, '', { fresh: true });
      const kept = STEPS.filter((_, i) => i !== 1 && i !== 2 && i !== 4);
      await expect.poll(async () => (await state(app.page)).tourLength).toBe(kept.length);
      await app.page.getByTestId('tour-button').tap();
      const note = app.page.getByTestId('tour-skipped');
      await expect.poll(() => note.count()).toBe(1);
      // One line in sight with the count; a tap shows each step's reasons.
      expect(await note.locator('summary').textContent()).toBe('导览文件中有 3 步有误，已跳过：');
      expect(await note.locator('li').first().isVisible()).toBe(false);
      await note.locator('summary').tap();
      await expect.poll(() => note.locator('li').first().isVisible()).toBe(true);
      const text = (await note.textContent()) ?? '';
      for (const needle of [
        '3 步',
        '文件中第 2 步',
        '<b>warp-layer</b>',
        '文件中第 3 步',
        'camera：缺少此项',
        '文件中第 5 步',
      ]) {
        expect(text, needle).toContain(needle);
      }
      // The id from the file is shown as text, never as markup.
      expect(await note.locator('b').count()).toBe(0);
      // The remaining steps play in order.
      for (let i = 0; i < kept.length; i++) {
        await expect
          .poll(() => app.page.getByTestId('tour-counter').textContent())
          .toBe(`${i + 1} / ${kept.length}`);
        expect(await app.page.getByTestId('tour-title').textContent()).toBe(kept[i]?.title.zh);
        await app.page.keyboard.press('ArrowRight');
      }
      expect(app.errors).toEqual([]);
    } finally {
      await app.context.unrouteAll();
    }
  });

  it('says why a tour with no usable step cannot start', async () => {
    await app.context.route('**/data/tour.json', (r) =>
      r.fulfill({
        status: 200,
        body: '{"version": 1, "steps": [{"id": "x"}]}',
        contentType: 'application/json',
      }),
    );
    try {
      await gotoApp(app.page, '', { fresh: true });
      await app.page.getByTestId('tour-button').tap();
      const note = app.page.getByTestId('tour-empty');
      await expect.poll(() => note.count()).toBe(1);
      expect(await note.textContent()).toContain('没有可用的步骤');
      expect((await state(app.page)).tourStep).toBeNull();
    } finally {
      await app.context.unrouteAll();
    }
  });
});

describe('the tour on a portrait tablet', () => {
  const app = useApp(TABLET_PORTRAIT);

  it('never covers the area a step is about', async () => {
    const areaSteps = STEPS.map((s, i) => [s, i] as const).filter(([s]) => s.selection?.kind === 'area');
    expect(areaSteps.length).toBeGreaterThan(4);
    await gotoApp(app.page, '#v=1&tour=1');
    for (const [step, i] of areaSteps) {
      await app.page.getByTestId('tour-dot').nth(i).tap();
      await expectStep(app.page, i);
      await settle(app.page);
      const area = step.selection?.id ?? '';
      const points = await app.page.evaluate(async (id) => {
        const src = window.__huaibei?.map.getSource('areas-labels') as
          | { getData: () => Promise<GeoJSON.FeatureCollection<GeoJSON.Point, { area: string }>> }
          | undefined;
        const fc = src ? await src.getData() : null;
        return (fc?.features ?? [])
          .filter((f) => f.properties.area === id)
          .map((f) => f.geometry.coordinates as [number, number]);
      }, area);
      expect(points.length, area).toBeGreaterThan(0);
      const panel = await app.page.getByTestId('tour-panel').boundingBox();
      const card = await app.page.locator(`.card[data-area=${area}]`).boundingBox();
      const map = await app.page.getByTestId('map').boundingBox();
      if (!panel || !card || !map) throw new Error('missing panel, card or map');
      const inside = (
        p: { x: number; y: number },
        r: { x: number; y: number; width: number; height: number },
      ) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;
      let clear = 0;
      for (const ll of points) {
        const p = await project(app.page, ll);
        expect(inside(p, panel), `${area} label under the tour panel`).toBe(false);
        if (inside(p, map) && !inside(p, card)) clear++;
      }
      // At least one of the area's labels is in plain sight, above the card and the panel.
      expect(clear, area).toBeGreaterThan(0);
      // The card stands on the tour panel rather than under or over it.
      expect(card.y + card.height).toBeLessThanOrEqual(panel.y + 1);
    }
  });

  it('keeps the panel to about a third of the screen, with 44 px targets', async () => {
    await gotoApp(app.page, '#v=1&tour=8');
    const panel = await app.page.getByTestId('tour-panel').boundingBox();
    if (!panel) throw new Error('no panel');
    expect(panel.height).toBeLessThanOrEqual(TABLET_PORTRAIT.height * 0.36);
    expect(panel.y + panel.height).toBeCloseTo(TABLET_PORTRAIT.height, 0);
    const sizes = await app.page
      .locator('.tour-panel button')
      .evaluateAll((bs) =>
        bs.map((b) => [b.getBoundingClientRect().width, b.getBoundingClientRect().height]),
      );
    for (const [w, h] of sizes) {
      expect(w).toBeGreaterThanOrEqual(44);
      expect(h).toBeGreaterThanOrEqual(44);
    }
  });
});
