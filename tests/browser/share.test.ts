import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AREA_COLOURS, CHAIN_COLOURS } from '../../src/layers/palette';
import { importedDataset } from '../fixtures/records';
import { gotoApp, TABLET_LANDSCAPE, TABLET_PORTRAIT, tapMenuItem, useApp, waitForMapIdle } from './harness';

const JSQR = fileURLToPath(new URL('../../node_modules/jsqr/dist/jsQR.js', import.meta.url));
// Screenshots of the dialog and the handout go here when set (for a person to look at).
const SHOTS = process.env.HUAIBEI_SHOTS;

type WithJsQr = Window & { jsQR?: typeof jsQR; __printCalls?: number };

/**
 * Loads jsQR into the page once. Evaluated as DevTools code: the site's Content-Security-Policy
 * refuses the inline <script> that addScriptTag would add.
 */
async function withJsQr(page: Page): Promise<void> {
  if (await page.evaluate(() => typeof (window as WithJsQr).jsQR === 'function')) return;
  await page.evaluate(`${readFileSync(JSQR, 'utf8')}\n;undefined`);
}

/** Decodes the QR code shown by an <img> in the page (drawn into a canvas, read by jsQR). */
async function decodeImgQr(page: Page, selector: string): Promise<string | null> {
  await withJsQr(page);
  return page.evaluate(async (sel) => {
    const img = document.querySelector<HTMLImageElement>(sel);
    const decode = (window as WithJsQr).jsQR;
    if (!img || !decode) return null;
    await img.decode();
    const side = 480;
    const c = document.createElement('canvas');
    c.width = side;
    c.height = side;
    const ctx = c.getContext('2d');
    if (!ctx) return null;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, side, side);
    ctx.drawImage(img, 0, 0, side, side);
    return decode(ctx.getImageData(0, 0, side, side).data, side, side)?.data ?? null;
  }, selector);
}

const today = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

/** Pages in a PDF: its page objects (`/Type /Page`, not the `/Type /Pages` tree). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

describe('sharing on a portrait tablet', () => {
  // Sheets the whole target list takes after the map pages (no list filter is set in this block).
  let listPages = 0;
  const app = useApp(TABLET_PORTRAIT, {
    setup: async () => {
      if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    },
  });

  it('shows a QR code of the address, and follows the view while open', async () => {
    await gotoApp(app.page);
    await tapMenuItem(app.page, 'share-button');
    const qr = app.page.getByTestId('share-qr');
    await qr.waitFor();
    const box = await qr.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(240);
    expect(await qr.getAttribute('alt')).toBeTruthy();
    await expect.poll(() => decodeImgQr(app.page, '[data-testid=share-qr]')).toBe(app.page.url());
    expect(app.page.url()).toContain('#v=1');
    // The test server is 127.0.0.1: the dialog says a phone cannot open that address.
    expect(new URL(app.page.url()).hostname).toBe('127.0.0.1');
    expect(await app.page.getByTestId('share-qr-warning').textContent()).toContain('手机扫码打不开');
    if (SHOTS) await app.page.screenshot({ path: `${SHOTS}/share-dialog-portrait.png` });

    // The view changes behind the open dialog (as a link pasted into the hash would change it).
    await app.page.evaluate(() => window.__huaibei?.store.getState().select({ kind: 'area', id: 'lieshan' }));
    await expect.poll(() => app.page.url()).toContain('sel=area:lieshan');
    await expect.poll(() => decodeImgQr(app.page, '[data-testid=share-qr]')).toBe(app.page.url());
    expect(await app.page.getByTestId('share-url').inputValue()).toBe(app.page.url());

    // Every control of the dialog is big enough for a finger.
    const small = await app.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=share-dialog] :is(button, label, input)')]
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => {
          const r = (el.closest('label') ?? el).getBoundingClientRect();
          return { el: el.textContent?.trim() || el.getAttribute('type'), w: r.width, h: r.height };
        })
        .filter((b) => b.w < 44 || b.h < 44),
    );
    expect(small).toEqual([]);
    expect(app.errors).toEqual([]);
    expect(app.external).toEqual([]);
  });

  it('exports the map as a PNG with the legend colours, the date and a readable QR code', async () => {
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByTestId('share-export-png').tap(),
    ]);
    expect(download.suggestedFilename()).toBe(`huaibei-map-${today()}.png`);
    const path = await download.path();
    const png = readFileSync(path);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // A drawn map with text is far more than a blank picture.
    expect(png.byteLength).toBeGreaterThan(80_000);
    expect(png.byteLength).toBeLessThan(20_000_000);
    await withJsQr(app.page);
    const found = await app.page.evaluate(
      async ({ b64, colours }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext('2d');
        if (!ctx) return null;
        ctx.drawImage(img, 0, 0);
        const { data } = ctx.getImageData(0, 0, c.width, c.height);
        const want = new Map(colours.map((hex) => [Number.parseInt(hex.slice(1), 16), hex]));
        const counts: Record<string, number> = {};
        for (let i = 0; i < data.length; i += 4) {
          const hex = want.get(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
          if (hex) counts[hex] = (counts[hex] ?? 0) + 1;
        }
        // The QR code sits in the lower right, beside the legend.
        const qx = Math.floor(c.width / 2);
        const qy = Math.floor(c.height / 2);
        const part = ctx.getImageData(qx, qy, c.width - qx, c.height - qy);
        const qr = (window as WithJsQr).jsQR?.(part.data, part.width, part.height)?.data ?? null;
        const map = window.__huaibei?.map.getCanvas();
        return { w: c.width, h: c.height, counts, qr, mapW: map?.width ?? 0, mapH: map?.height ?? 0 };
      },
      {
        b64: png.toString('base64'),
        colours: [...Object.values(AREA_COLOURS), ...Object.values(CHAIN_COLOURS)],
      },
    );
    expect(found).not.toBeNull();
    if (!found) return;
    expect(found.w).toBeGreaterThanOrEqual(found.mapW);
    expect(found.h).toBeGreaterThan(found.mapH + 200);
    // Each area's and each chain's colour fills its legend symbol (at least a small square of it).
    for (const hex of [...Object.values(AREA_COLOURS), ...Object.values(CHAIN_COLOURS)]) {
      expect(found.counts[hex] ?? 0, hex).toBeGreaterThanOrEqual(60);
    }
    expect(found.qr).toBe(app.page.url());
    expect(await app.page.getByTestId('share-export-status').textContent()).toContain('huaibei-map-');
    if (SHOTS) await download.saveAs(`${SHOTS}/export.png`);
  });

  it('prints a handout with one page per tour step, then puts the view back', async () => {
    const page = app.page;
    const before = await page.evaluate(() => {
      const s = window.__huaibei?.store.getState();
      return s ? { sel: s.selection, layers: s.visibleLayers, tour: s.tourStep, zoom: s.camera?.zoom } : null;
    });
    const steps = await page.evaluate(
      () => window.__huaibei?.store.getState().data?.tour.map((s) => s.title.zh) ?? [],
    );
    expect(steps.length).toBeGreaterThan(1);
    // The real print dialog would wait for a person: count the calls instead.
    await page.evaluate(() => {
      window.print = () => {
        const w = window as WithJsQr;
        w.__printCalls = (w.__printCalls ?? 0) + 1;
      };
    });
    await page.getByTestId('handout-mode-tour').locator('xpath=..').tap();
    expect(await page.getByTestId('handout-mode-tour').isChecked()).toBe(true);
    await page.getByTestId('share-handout-print').tap();
    await expect
      .poll(() => page.getByTestId('handout-progress').count(), { timeout: 5_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.evaluate(() => (window as WithJsQr).__printCalls ?? 0), { timeout: 90_000 })
      .toBe(1);
    const after = await page.evaluate(() => {
      const s = window.__huaibei?.store.getState();
      return s ? { sel: s.selection, layers: s.visibleLayers, tour: s.tourStep, zoom: s.camera?.zoom } : null;
    });
    expect(after).toEqual(before);

    const pages = page.getByTestId('handout-page');
    expect(await pages.count()).toBe(steps.length);
    // After the steps, the target list.
    expect(await page.getByTestId('handout-targets').count()).toBe(1);
    for (let i = 0; i < steps.length; i++) {
      const text = (await pages.nth(i).textContent()) ?? '';
      expect(text).toContain(steps[i]);
      expect(text).toContain(today());
      expect(text).toContain(`tour=${i + 1}`);
    }
    // Each page's QR code opens its step.
    const stepQr = await decodeImgQr(page, '[data-testid=handout-page]:nth-child(3) .handout-qr img');
    expect(stepQr).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#v=1&.*tour=3$/);
    expect(stepQr).toContain('sel=area:xiangshan');

    const pdf = await page.pdf({
      format: 'A4',
      margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' },
    });
    // One page per step, then the target list on sheets of its own.
    listPages = pdfPages(pdf) - steps.length;
    expect(listPages).toBeGreaterThan(0);
    if (existsSync('/usr/bin/pdftotext')) {
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
      const perPage = text.split('\f');
      for (let i = 0; i < steps.length; i++) {
        const flat = (perPage[i] ?? '').replace(/\s+/g, '');
        expect(flat, `page ${i + 1}`).toContain((steps[i] ?? '').replace(/\s+/g, ''));
        expect(flat, `page ${i + 1}`).toContain(today());
      }
      expect((perPage[steps.length] ?? '').replace(/\s+/g, '')).toContain('招商清单');
    }
    if (SHOTS) writeFileSync(`${SHOTS}/handout.pdf`, pdf);
    // Once printed, the handout is gone: Ctrl+P prints the app's own view again.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => page.getByTestId('handout-page').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.topbar').isVisible()).toBe(true);
      expect(await page.locator('.print-sources').isVisible()).toBe(true);
    } finally {
      // Back to no emulation, not 'screen': after 'screen', page.pdf prints with the screen rules.
      await page.emulateMedia({ media: null });
    }
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('prints the current view as one page whose QR code is the address, then the target list', async () => {
    const page = app.page;
    await page.getByTestId('handout-mode-current').locator('xpath=..').tap();
    await page.getByTestId('share-handout-print').tap();
    await expect
      .poll(() => page.evaluate(() => (window as WithJsQr).__printCalls ?? 0), { timeout: 30_000 })
      .toBe(2);
    expect(await page.getByTestId('handout-page').count()).toBe(1);
    const text = (await page.getByTestId('handout-page').textContent()) ?? '';
    expect(text).toContain('烈山区');
    expect(text).toContain(today());
    expect(await decodeImgQr(page, '[data-testid=handout-page] .handout-qr img')).toBe(page.url());
    const pdf = await page.pdf({ format: 'A4' });
    // The view's page, then the list: no more sheets than in the tour's print, which had wider margins.
    expect(pdfPages(pdf)).toBeGreaterThan(1);
    expect(pdfPages(pdf)).toBeLessThanOrEqual(1 + listPages);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => page.getByTestId('handout-page').count()).toBe(0);
  });

  it('says in the dialog that imported data is not in the link', async () => {
    const page = app.page;
    await page.getByTestId('share-close').tap();
    expect(await page.getByTestId('share-imports-note').count()).toBe(0);
    const dataset = importedDataset('test-import', {
      fileName: 'firms.csv',
      importedAt: new Date().toISOString(),
    });
    await page.evaluate((d) => window.__huaibei?.store.getState().setImports([d]), dataset);
    await tapMenuItem(page, 'share-button');
    const note = page.getByTestId('share-imports-note');
    await note.waitFor();
    expect(await note.textContent()).toContain('链接无法携带');
    expect(await page.getByTestId('share-qr').count()).toBe(1);
    await page.getByTestId('share-close').tap();
  });
});

describe('sharing on a landscape tablet', () => {
  const app = useApp(TABLET_LANDSCAPE);

  it('fits the dialog on screen with its QR code readable', async () => {
    await gotoApp(app.page, '#v=1&sel=area:hitech&lang=en');
    await waitForMapIdle(app.page);
    await tapMenuItem(app.page, 'share-button');
    await app.page.getByTestId('share-qr').waitFor();
    const dialog = await app.page.getByTestId('share-dialog').boundingBox();
    expect(dialog).not.toBeNull();
    if (dialog) expect(dialog.y + dialog.height).toBeLessThanOrEqual(TABLET_LANDSCAPE.height);
    await expect.poll(() => decodeImgQr(app.page, '[data-testid=share-qr]')).toBe(app.page.url());
    expect(await app.page.getByTestId('share-export-png').textContent()).toBe('Export map image (PNG)');
    if (SHOTS) await app.page.screenshot({ path: `${SHOTS}/share-dialog-landscape.png` });

    // The handout of this view, in English, on one page.
    await app.page.evaluate(() => {
      window.print = () => {
        const w = window as WithJsQr;
        w.__printCalls = (w.__printCalls ?? 0) + 1;
      };
    });
    await app.page.getByTestId('share-handout-print').tap();
    // Drawing the handout page can take seconds on a busy machine: more than expect.poll's default 1 s.
    await expect
      .poll(() => app.page.evaluate(() => (window as WithJsQr).__printCalls ?? 0), { timeout: 30_000 })
      .toBe(1);
    const text = (await app.page.getByTestId('handout-page').textContent()) ?? '';
    expect(text).toContain('Huaibei High-tech Zone');
    expect(text).toContain(`Date: ${today()}`);
    const pdf = await app.page.pdf({ format: 'A4' });
    // The view's page, then the target list.
    expect(pdfPages(pdf)).toBeGreaterThan(1);
    if (SHOTS) writeFileSync(`${SHOTS}/handout-en.pdf`, pdf);
    expect(app.errors).toEqual([]);
  });
});
