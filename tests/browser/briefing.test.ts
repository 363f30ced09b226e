import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type AppPage, gotoApp, TABLET_LANDSCAPE, tapMenuItem, useApp, waitForMapIdle } from './harness';

// A briefing of one's own: three views saved from the app, reordered, played by keyboard and by
// swipe, kept over a reload, exported and imported again; and what bad files and long links do.

interface View {
  hash: string;
  title: string;
  layers: string[];
  panel: string;
  selection: { kind: string; id: string } | null;
  areas: string[];
}

const VIEWS: View[] = [
  {
    hash: '#v=1&map=9.50/33.800/116.750&layers=areas,townships',
    title: '视图甲：全市',
    layers: ['areas', 'townships'],
    panel: 'none',
    selection: null,
    areas: [],
  },
  {
    hash: '#v=1&map=10.90/33.968/116.724&layers=enterprises,areas&sel=area:xiangshan&panel=chain',
    title: '视图乙：相山',
    layers: ['enterprises', 'areas'],
    panel: 'chain',
    selection: { kind: 'area', id: 'xiangshan' },
    areas: [],
  },
  {
    hash: '#v=1&map=10.20/33.822/116.888&layers=enterprises,areas,neighbours&f=area:lieshan',
    // Markup in a title is shown as the text it is.
    title: '<b>视图丙</b><img src=x onerror=alert(1)>',
    layers: ['enterprises', 'areas', 'neighbours'],
    panel: 'none',
    selection: null,
    areas: ['lieshan'],
  },
];

const view = (page: Page) =>
  page.evaluate(() => {
    const s = window.__huaibei?.store.getState();
    if (!s) throw new Error('no store');
    return {
      tourStep: s.tourStep,
      playing: s.playing,
      layers: s.visibleLayers,
      panel: s.panel,
      selection: s.selection,
      areas: s.filters.areas,
      camera: s.camera,
    };
  });

async function openPanel(page: Page) {
  // The store, not the DOM: a panel a hash change has just closed may still be drawn for a frame.
  const panel = () => page.evaluate(() => window.__huaibei?.store.getState().panel);
  if ((await panel()) !== 'briefing') await tapMenuItem(page, 'nav-briefing');
  await expect.poll(panel).toBe('briefing');
  await page.getByTestId('briefing-panel').waitFor();
}

/** Shows a view by its link, then saves it from the briefing panel under a title. */
async function addView(page: Page, v: View) {
  await gotoApp(page, v.hash);
  await openPanel(page);
  await page.getByTestId('briefing-add-title').fill(v.title);
  await page.getByTestId('briefing-add-note').fill(`讲解：${v.title}`);
  await page.getByTestId('briefing-add').click();
}

const stepTitles = (page: Page) =>
  page.locator('[data-testid="briefing-step"] .brief-step-title').allTextContents();

/** The player shows view `v` as step n of total: its title as text, and the app state of the view. */
async function expectPlaying(page: Page, v: View, n: number, total: number) {
  await expect.poll(() => page.getByTestId('tour-counter').textContent()).toBe(`${n} / ${total}`);
  const title = page.getByTestId('tour-title');
  expect(await title.textContent()).toBe(v.title);
  expect(await title.locator('b, img').count()).toBe(0);
  const s = await view(page);
  expect(s.playing).not.toBeNull();
  expect([...s.layers].sort()).toEqual([...v.layers].sort());
  expect(s.panel).toBe(v.panel);
  expect(s.selection).toEqual(v.selection);
  expect(s.areas).toEqual(v.areas);
}

async function swipeLeft(app: AppPage) {
  const box = await app.page.getByTestId('tour-text').boundingBox();
  if (!box) throw new Error('no tour text');
  const dx = -200;
  const x0 = box.x + box.width / 2 - dx / 2;
  const y0 = box.y + Math.min(box.height / 2, 20);
  const cdp = await app.context.newCDPSession(app.page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', pts: [number, number][]) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: pts.map(([x, y], id) => ({ x, y, id, radiusX: 2, radiusY: 2, force: 1 })),
    });
  await touch('touchStart', [[x0, y0]]);
  for (let k = 1; k <= 8; k++) await touch('touchMove', [[x0 + (dx * k) / 8, y0]]);
  await touch('touchEnd', []);
  await cdp.detach();
}

/** Plays the open briefing from its first step: Right arrow to the second, a swipe to the third. */
async function playAll(app: AppPage, order: View[]) {
  const page = app.page;
  await openPanel(page);
  await page.getByTestId('briefing-play').click();
  const [a, b, c] = order as [View, View, View];
  await expectPlaying(page, a, 1, 3);
  await page.keyboard.press('ArrowRight');
  await expectPlaying(page, b, 2, 3);
  await swipeLeft(app);
  await expectPlaying(page, c, 3, 3);
  await page.keyboard.press('ArrowLeft');
  await expectPlaying(page, b, 2, 3);
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await view(page)).tourStep).toBeNull();
}

describe('a briefing of one’s own', () => {
  const app = useApp(TABLET_LANDSCAPE);
  // After the move: the first view, the third, the second.
  const ORDER = [VIEWS[0], VIEWS[2], VIEWS[1]] as View[];
  let exported = '';

  it('saves three views, reorders them by keyboard and plays them by keyboard and swipe', async () => {
    const page = app.page;
    await gotoApp(page);
    for (const v of VIEWS) await addView(page, v);
    await expect.poll(() => stepTitles(page)).toEqual(VIEWS.map((v) => v.title));
    // The step kept the panel the briefing panel replaced, and the selection made in it.
    expect(await page.getByTestId('briefing-notice').textContent()).toContain('3');
    // Move the third step up, from the keyboard: its button has a name saying which step it moves.
    const up = page.locator('[data-testid="briefing-step"]').nth(2).getByTestId('briefing-step-up');
    expect(await up.getAttribute('aria-label')).toContain(VIEWS[2]?.title);
    await up.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => stepTitles(page)).toEqual(ORDER.map((v) => v.title));
    // The focus stayed with the moved step.
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.dataset.stepId)).toBe('step-3');
    await playAll(app, ORDER);
  });

  it('survives a reload', async () => {
    const page = app.page;
    await page.reload();
    await waitForMapIdle(page);
    await openPanel(page);
    await expect.poll(() => stepTitles(page)).toEqual(ORDER.map((v) => v.title));
    await playAll(app, ORDER);
  });

  it('exports a tour file that imports again and opens the same views', async () => {
    const page = app.page;
    await openPanel(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('briefing-export').click(),
    ]);
    exported = readFileSync(await download.path(), 'utf8');
    const file = JSON.parse(exported) as { version: number; steps: { title: { zh: string } }[] };
    expect(file.version).toBe(1);
    expect(file.steps.map((s) => s.title.zh)).toEqual(ORDER.map((v) => v.title));
    // Deleting the briefing asks first; cancelling keeps it.
    await page.getByTestId('briefing-delete').click();
    await expect.poll(() => page.getByTestId('briefing-delete-confirm').textContent()).toContain('3');
    await page.getByRole('button', { name: '取消' }).click();
    expect(await stepTitles(page)).toHaveLength(3);
    await page.getByTestId('briefing-delete').click();
    await page.getByTestId('briefing-delete-yes').click();
    await expect.poll(() => page.getByTestId('briefing-step').count()).toBe(0);
    await page.getByTestId('briefing-import-file').setInputFiles({
      name: 'visit.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    });
    await expect.poll(() => stepTitles(page)).toEqual(ORDER.map((v) => v.title));
    await playAll(app, ORDER);
  });

  it('names the skipped steps of a file with an unknown layer or no camera, and refuses broken JSON', async () => {
    const page = app.page;
    await openPanel(page);
    const file = JSON.parse(exported) as { steps: Record<string, unknown>[] };
    const [s0, s1, s2] = file.steps as [
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
    ];
    const bad = {
      ...file,
      steps: [{ ...s0, layers: ['areas', 'volcanoes'] }, s1, { ...s2, camera: undefined }],
    };
    await page.getByTestId('briefing-import-file').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const notice = page.getByTestId('briefing-notice');
    await expect.poll(() => notice.locator('[data-skipped-row]').count()).toBe(2);
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('2 步有误');
    expect(text).toContain('volcanoes');
    expect(text).toContain('camera');
    expect(await stepTitles(page)).toEqual([ORDER[1]?.title]);
    await page.getByTestId('briefing-import-file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"version": 1, "steps": ['),
    });
    await expect.poll(() => notice.textContent()).toContain('broken.json');
    expect(await notice.textContent()).toContain('JSON');
  });

  it('shares a short briefing as a link with a QR code that opens it, and a long one says why not', async () => {
    const page = app.page;
    await openPanel(page);
    // The one-step briefing imported last: short enough for a code.
    await page.getByTestId('briefing-share').click();
    const dialog = page.getByTestId('briefing-share-dialog');
    expect(await dialog.getAttribute('data-verdict')).toBe('qr');
    expect(await page.getByTestId('briefing-share-qr').count()).toBe(1);
    const link = await page.getByTestId('briefing-share-url').inputValue();
    expect(link).toContain('brief=');
    await page.getByTestId('briefing-share-close').click();

    // A long briefing: its link fits no QR code that can be scanned, and the dialog says so.
    const long = JSON.parse(exported) as { steps: Record<string, unknown>[] };
    long.steps = long.steps.map((s) => ({
      ...s,
      text: { zh: '这是一段很长的讲解词。'.repeat(20), en: 'A long note for the visitors. '.repeat(12) },
    }));
    await page.getByTestId('briefing-import-file').setInputFiles({
      name: 'long.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(long)),
    });
    await expect.poll(() => stepTitles(page)).toEqual(ORDER.map((v) => v.title));
    await page.getByTestId('briefing-share').click();
    expect(['noQr', 'file']).toContain(await dialog.getAttribute('data-verdict'));
    expect(await page.getByTestId('briefing-share-qr').count()).toBe(0);
    expect(await page.getByTestId('briefing-share-verdict').textContent()).toMatch(/二维码|文件/);
    await page.getByTestId('briefing-share-close').click();

    // The short link, opened afresh: the briefing is there, offered to be kept.
    await page.goto('about:blank');
    await page.goto(link);
    await waitForMapIdle(page);
    await page.getByTestId('briefing-from-link').waitFor();
    expect(await stepTitles(page)).toEqual([ORDER[1]?.title]);
    const before = await page.evaluate(() => window.__huaibei?.store.getState().briefings.length ?? 0);
    await page.getByTestId('briefing-keep').click();
    await expect
      .poll(() => page.evaluate(() => window.__huaibei?.store.getState().briefings.length ?? 0))
      .toBe(before + 1);
    // And the default tour stays.
    await page.getByTestId('briefing-play').click();
    await expect.poll(() => page.getByTestId('tour-title').textContent()).toBe(ORDER[1]?.title);
    await page.keyboard.press('Escape');
    await page.getByTestId('tour-button').click();
    await expect.poll(async () => (await view(page)).playing).toBeNull();
    const tourLength = await page.evaluate(() => window.__huaibei?.store.getState().data?.tour.length ?? 0);
    await expect.poll(() => page.getByTestId('tour-counter').textContent()).toBe(`1 / ${tourLength}`);
  });
  it('plays a title card and a closing card with the centre’s contact line as edited', async () => {
    const page = app.page;
    await openPanel(page);
    await page.locator('.brief-more summary').click();
    await page.getByTestId('briefing-opening-on').check();
    await page.getByTestId('briefing-closing-on').check();
    // The contact line comes filled in, and is the officer's to change.
    const contact = page.getByTestId('briefing-closing-text-zh');
    expect(await contact.inputValue()).toBe('淮北市投资促进中心');
    await contact.fill('淮北市投资促进中心 · 电话 0561-0000000');
    const steps = await stepTitles(page);
    const total = steps.length + 2;
    await page.getByTestId('briefing-play').click();
    await expect.poll(() => page.getByTestId('tour-counter').textContent()).toBe(`1 / ${total}`);
    expect(await page.getByTestId('tour-panel').getAttribute('data-card')).toBe('opening');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('tour-title').textContent()).toBe(steps[0]);
    await page.keyboard.press('End');
    await expect.poll(() => page.getByTestId('tour-panel').getAttribute('data-card')).toBe('closing');
    expect(await page.getByTestId('tour-title').textContent()).toBe('谢谢！');
    expect(await page.getByTestId('tour-text').textContent()).toBe('淮北市投资促进中心 · 电话 0561-0000000');
    await page.keyboard.press('Escape');
  });
});
