import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gotoApp, segmentCounts, TABLET_LANDSCAPE, tapMenuItem, useApp } from './harness';

type AppStateOf = ReturnType<NonNullable<Window['__huaibei']>['store']['getState']>;

const state = <T>(page: Page, fn: (s: AppStateOf) => T): Promise<T> =>
  page.evaluate(`(${fn.toString()})(window.__huaibei.store.getState())`) as Promise<T>;

// A roster with no ids: its rows can only match by name (and area) the second time round.
const ROSTER = new URL('../fixtures/import/roster-semicolon.csv', import.meta.url);

async function openDataPanel(page: Page) {
  await page.evaluate(() => window.__huaibei?.store.getState().select(null));
  if ((await page.getByTestId('data-panel').count()) === 0) await tapMenuItem(page, 'nav-data');
  await page.getByTestId('data-panel').waitFor();
}

async function pickRoster(page: Page, name: string) {
  await openDataPanel(page);
  await page
    .getByTestId('import-input')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: readFileSync(ROSTER) });
  await page.locator('[data-testid=import-dialog][data-phase=mapping]').waitFor({ timeout: 20_000 });
}

describe('the ledger: dates on every card, duplicates caught', () => {
  const app = useApp(TABLET_LANDSCAPE, { setup: async ({ page }) => gotoApp(page) });

  it('every bundled firm card shows its source date, or says it is unknown', async () => {
    const page = app.page;
    const firms = await state(page, (s) =>
      (s.data?.enterprises ?? []).map((e) => ({ id: e.id, sourceDate: e.sourceDate, checked: e.checked })),
    );
    expect(firms.length).toBe(48);
    for (const f of firms) {
      await page.evaluate(
        (id) => window.__huaibei?.store.getState().select({ kind: 'enterprise', id }),
        f.id,
      );
      const dates = page.locator(
        `[data-testid=enterprise-card][data-enterprise="${f.id}"] [data-testid=record-dates]`,
      );
      await dates.waitFor();
      const source = (await dates.locator('[data-date=source]').textContent()) ?? '';
      expect(source, f.id).toMatch(/^资料日期 (\d{4}(-\d{2}(-\d{2})?)?|不详)$/);
      expect(source, f.id).toBe(`资料日期 ${f.sourceDate || '不详'}`);
      expect(await dates.locator('[data-date=checked]').textContent(), f.id).toBe(
        `核实 ${f.checked || '不详'}`,
      );
      // The mark follows the 24-month rule of data/ledger.json; 2023 and older are past it by now.
      if (/^20(1\d|2[0-3])/.test(f.sourceDate)) {
        expect(await dates.getAttribute('data-freshness'), f.id).toBe('stale');
        expect(await dates.locator('.stale-mark').textContent()).toBe('可能已过时');
      }
    }
    await page.evaluate(() => window.__huaibei?.store.getState().select(null));
  });

  it('importing the same roster twice leaves every segment count unchanged', async () => {
    const page = app.page;
    await pickRoster(page, 'roster.csv');
    const check = page.getByTestId('import-duplicates-count');
    await check.waitFor({ timeout: 20_000 });
    expect(await check.getAttribute('data-count')).toBe('0');
    await page.getByTestId('import-go').tap();
    await page.locator('[data-testid=report-dialog][data-saving=false]').waitFor({ timeout: 30_000 });
    await page.getByTestId('report-close').tap();
    const firms = await state(page, (s) => s.data?.enterprises.length ?? 0);
    const once = await segmentCounts(page);

    await pickRoster(page, 'roster-again.csv');
    await check.waitFor({ timeout: 20_000 });
    const rows = readFileSync(ROSTER, 'utf8').trim().split('\n').length - 1;
    expect(await check.getAttribute('data-count')).toBe(String(rows));
    expect(await check.textContent()).toContain(`${rows} 行与地图上已有的企业相同`);
    expect(await page.getByTestId('import-dup-update').isChecked()).toBe(true);
    await page.getByTestId('import-go').tap();
    await page.locator('[data-testid=report-dialog][data-saving=false]').waitFor({ timeout: 30_000 });
    const matches = page.getByTestId('report-matches');
    expect(await matches.getAttribute('data-count')).toBe(String(rows));
    expect(await matches.locator('tbody tr').count()).toBe(rows);
    await page.getByTestId('report-close').tap();

    expect(await state(page, (s) => s.data?.enterprises.length ?? 0)).toBe(firms);
    expect(await segmentCounts(page)).toEqual(once);
  });
});
