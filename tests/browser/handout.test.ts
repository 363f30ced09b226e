import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gotoApp, TABLET_LANDSCAPE, tapMenuItem, useApp, waitForMapIdle } from './harness';

type WithPrint = Window & { __printCalls?: number };

/** The real print dialog would wait for a person: count the calls instead. */
async function stubPrint(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as WithPrint).__printCalls = 0;
    window.print = () => {
      const w = window as WithPrint;
      w.__printCalls = (w.__printCalls ?? 0) + 1;
    };
  });
}

const printCalls = (page: Page) => page.evaluate(() => (window as WithPrint).__printCalls ?? 0);

/** Presses Tab until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 250): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The accessible name of the focused element, as the browser computes it (its text, or its aria-label). */
async function focusedName(page: Page): Promise<string> {
  const snap = await page.locator('*:focus').ariaSnapshot();
  return snap;
}

describe('the handout of one view', () => {
  const app = useApp(TABLET_LANDSCAPE);

  async function printCurrent(hash: string): Promise<string> {
    const page = app.page;
    await gotoApp(page, hash);
    await waitForMapIdle(page);
    await stubPrint(page);
    await tapMenuItem(page, 'share-button');
    await page.getByTestId('handout-mode-current').locator('xpath=..').tap();
    await page.getByTestId('share-handout-print').tap();
    await expect.poll(() => printCalls(page), { timeout: 30_000 }).toBe(1);
    return (await page.getByTestId('handout-about').textContent()) ?? '';
  }

  it("contains the card's plan wording, the area's segments with firms or gaps, and prints them with the target list", async () => {
    const page = app.page;
    const about = await printCurrent('#v=1&sel=area:xiangshan');
    const area = await page.evaluate(() => {
      const a = window.__huaibei?.store.getState().data?.areas.areas.find((x) => x.id === 'xiangshan');
      return a ? { spec: a.specialisation.zh, role: a.role.zh, section: a.planSection } : null;
    });
    expect(area).not.toBeNull();
    if (!area) return;
    // The plan's wording, as the card quotes it, and where the plan says it.
    expect(about).toContain(area.spec);
    expect(about).toContain(area.section);
    expect(about).toContain('本区承接环节');
    expect(about).toMatch(/已有 \d+ 家|缺口/);
    // The card on screen says the same of each segment.
    const cardSegments = await page.locator('.card[data-area=xiangshan] .segments li').count();
    expect(cardSegments).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=handout-about] li').count()).toBeGreaterThanOrEqual(cardSegments);

    // In print: the map page, what it is about, then the target list; the app itself is not printed.
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByTestId('handout-page').isVisible()).toBe(true);
      expect(await page.getByTestId('handout-about').isVisible()).toBe(true);
      expect(await page.getByTestId('handout-targets').isVisible()).toBe(true);
      expect(await page.locator('.handout-target-table tbody tr').count()).toBeGreaterThan(0);
      expect(await page.locator('.topbar').isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: null });
    }
    const pdf = await page.pdf({ format: 'A4' });
    const sheets = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
    // Map page, about, list: at least three sheets.
    expect(sheets).toBeGreaterThanOrEqual(3);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => page.getByTestId('handout-page').count()).toBe(0);
  });

  it('of a segment has its plan wording and its firms; in English too', async () => {
    const page = app.page;
    const about = await printCurrent('#v=1&sel=segment:power-battery&lang=en');
    const seg = await page.evaluate(() => {
      const d = window.__huaibei?.store.getState().data;
      const s = d?.chain.segments.find((x) => x.id === 'power-battery');
      return s ? s.plan.en : null;
    });
    expect(seg).toBeTruthy();
    expect(about).toContain(seg ?? '?');
    expect(about).toContain("The plan's wording");
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(app.errors).toEqual([]);
  });

  it('of many pages shows its progress, and Cancel stops it and leaves the app as it was', async () => {
    const page = app.page;
    await gotoApp(page, '#v=1&sel=area:duji&panel=chain');
    await waitForMapIdle(page);
    await stubPrint(page);
    const state = () =>
      page.evaluate(() => {
        const s = window.__huaibei?.store.getState();
        const m = window.__huaibei?.map;
        return s && m
          ? {
              sel: s.selection,
              layers: s.visibleLayers,
              tour: s.tourStep,
              panel: s.panel,
              filters: s.filters,
              zoom: Math.round(m.getZoom() * 1000),
              lng: Math.round(m.getCenter().lng * 1e5),
            }
          : null;
      });
    const before = await state();
    await tapMenuItem(page, 'share-button');
    await page.getByTestId('handout-mode-tour').locator('xpath=..').tap();
    await page.getByTestId('share-handout-print').tap();
    const progress = page.getByTestId('handout-progress-text');
    await expect.poll(() => progress.textContent(), { timeout: 10_000 }).toMatch(/第 [2-9] 页，共 10 页/);
    await page.getByTestId('handout-cancel').tap();
    await expect
      .poll(() => page.evaluate(() => window.__huaibei?.store.getState().handout.status), { timeout: 5_000 })
      .toBe('idle');
    expect(await page.getByTestId('handout-progress').count()).toBe(0);
    // Nothing printed, now or later: the capture stopped.
    await page.waitForTimeout(3000);
    expect(await printCalls(page)).toBe(0);
    expect(await page.getByTestId('handout-page').count()).toBe(0);
    expect(await state()).toEqual(before);
    expect(app.errors).toEqual([]);
  }, 90_000);
});

describe('everything on the map is also a list, by keyboard', () => {
  const app = useApp(TABLET_LANDSCAPE);

  it('reaches an area, a firm with no known location and a charging site, each opening its card', async () => {
    const page = app.page;
    await gotoApp(page, '#v=1');
    await waitForMapIdle(page);
    await page.locator('body').focus();

    // An area, from the search panel's list.
    await tabTo(page, '[data-testid=nav-search]');
    await page.keyboard.press('Enter');
    await page.getByTestId('browse-list').waitFor();
    await tabTo(page, '[data-result="area:xiangshan"]');
    expect(await focusedName(page)).toContain('相山区');
    await page.keyboard.press('Enter');
    await page.locator('.card[data-area=xiangshan]').waitFor();

    // A firm with no known location: its group opened by Enter, the firm marked as such.
    await tabTo(page, '[data-testid=nav-search]');
    await page.keyboard.press('Enter');
    await page.getByTestId('browse-list').waitFor();
    await tabTo(page, '[data-browse-area=none] summary');
    await page.keyboard.press('Enter');
    await tabTo(page, '[data-browse-area=none] .result-btn');
    const firmName = await focusedName(page);
    expect(firmName).toContain('位置不明，地图上未标出');
    const firmId = await page.evaluate(() => document.activeElement?.getAttribute('data-result'));
    await page.keyboard.press('Enter');
    const card = page.locator(`[data-testid=enterprise-card][data-enterprise="${firmId}"]`);
    await card.waitFor();
    expect(await card.getByTestId('enterprise-location').textContent()).toContain('地图上未标出');

    // A charging site, from the charging panel's list by district, marked illustrative.
    // Under the top bar's "more" list, opened by keyboard too.
    await tabTo(page, '[data-testid=more-button]');
    await page.keyboard.press('Enter');
    await tabTo(page, '[data-testid=nav-charging]');
    await page.keyboard.press('Enter');
    await page.getByTestId('charger-list').waitFor();
    await tabTo(page, '[data-charger-district] summary');
    await page.keyboard.press('Enter');
    await tabTo(page, '[data-charger-item]');
    const siteName = await focusedName(page);
    expect(siteName).toContain('示意站点');
    const siteId = await page.evaluate(() => document.activeElement?.getAttribute('data-charger-item'));
    await page.keyboard.press('Enter');
    const site = page.locator(`[data-testid=charger-card][data-charger="${siteId}"]`);
    await site.waitFor();
    expect(await site.textContent()).toContain('示意数据');
    // Every list button is a touch target of at least 44 px.
    const box = await page.locator('[data-charger-item]').first().boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    expect(app.errors).toEqual([]);
  });
});
