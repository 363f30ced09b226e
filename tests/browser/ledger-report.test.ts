import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gotoApp, segmentCounts, TABLET_LANDSCAPE, tapMenuItem, useApp } from './harness';

// Issue 14's views: the data's health, what an import changed, and the printable industry report.

type AppStateOf = ReturnType<NonNullable<Window['__huaibei']>['store']['getState']>;
const state = <T>(page: Page, fn: (s: AppStateOf) => T): Promise<T> =>
  page.evaluate(`(${fn.toString()})(window.__huaibei.store.getState())`) as Promise<T>;

const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

async function openHealth(page: Page) {
  await page.evaluate(() => window.__huaibei?.store.getState().select(null));
  if ((await page.getByTestId('health-panel').count()) === 0) await tapMenuItem(page, 'nav-health');
  await page.getByTestId('health-panel').waitFor();
}

describe('the ledger: data health, change list, industry report', () => {
  const app = useApp(TABLET_LANDSCAPE, { setup: async ({ page }) => gotoApp(page) });

  it('lists the firms without coordinates, shows each one, and downloads every record', async () => {
    const page = app.page;
    await openHealth(page);
    const noPoint = await state(page, (s) => (s.data?.enterprises ?? []).filter((e) => !e.lngLat).length);
    const rows = page.locator('[data-testid=health-unplaced] li');
    expect(await rows.count()).toBe(noPoint);
    // The six with no district are said not to be on the map; the others are shown on their district.
    expect(await rows.filter({ hasText: '区县不明，地图上未标出' }).count()).toBe(6);
    const placed = rows.filter({ hasText: '的大致位置标出' }).first();
    const id = await placed.getAttribute('data-unplaced');
    await placed.getByRole('button', { name: '在地图上查看' }).tap();
    await page.locator(`[data-testid=enterprise-card][data-enterprise="${id}"]`).waitFor();
    await openHealth(page);

    // The histogram's bars add up to the dated firms.
    const bars = await page
      .locator('[data-testid=year-histogram] .year-bar')
      .evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute('data-firms')), 0));
    const dated = await state(
      page,
      (s) => (s.data?.enterprises ?? []).filter((e) => /^\d{4}/.test(e.sourceDate)).length,
    );
    expect(bars).toBe(dated);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('health-csv').tap(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    const lines = text.trim().split('\r\n');
    const sites = await state(page, (s) => s.data?.chargers.length ?? 0);
    expect(lines[0]).toContain('record,id,name_zh');
    expect(lines.length).toBe(1 + 48 + sites);
    expect(lines.filter((l) => l.startsWith('firm,')).length).toBe(48);
  });

  it('an import that moves one firm says so in its report, and the change list opens again later', async () => {
    const page = app.page;
    const firm = await state(page, (s) => {
      const e = s.data?.enterprises.find((x) => x.id === 'ent-048');
      return e ? { name: e.name.zh, area: e.area, segments: e.segments.join(';') } : null;
    });
    expect(firm?.area).toBe('lieshan');
    const before = await segmentCounts(page);
    await page.evaluate(() => window.__huaibei?.store.getState().select(null));
    if ((await page.getByTestId('data-panel').count()) === 0) await tapMenuItem(page, 'nav-data');
    const csv = `id,name_zh,area,segments\nent-048,${firm?.name},杜集区,${firm?.segments}\n`;
    await page
      .getByTestId('import-input')
      .setInputFiles({ name: 'moved.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('[data-testid=import-dialog][data-phase=mapping]').waitFor({ timeout: 20_000 });
    await page.getByTestId('import-duplicates-count').waitFor({ timeout: 20_000 });
    await page.getByTestId('import-go').tap();
    await page.locator('[data-testid=report-dialog][data-saving=false]').waitFor({ timeout: 30_000 });
    const moved = page.locator('[data-testid=report-changes] [data-testid=changes-moved]');
    expect(await moved.getAttribute('data-count')).toBe('1');
    expect(await moved.textContent()).toContain(`${firm?.name}：烈山区 → 杜集区`);
    expect(await page.locator('[data-testid=report-changes] [data-testid=changes-added]').count()).toBe(0);
    // Same segments: no segment's count changed.
    expect(await page.locator('[data-testid=report-changes] [data-testid=changes-segments]').count()).toBe(0);

    await page.getByTestId('changes-print').tap();
    await page.getByTestId('changes-doc').waitFor();
    expect(await page.getByTestId('changes-doc').textContent()).toContain('moved.csv');
    await page.getByTestId('doc-close').tap();
    await page.getByTestId('report-close').tap();
    expect(await segmentCounts(page)).toEqual(before);

    // Kept with the import: opened again from the data health view.
    await openHealth(page);
    await page.locator('[data-testid=health-changes] [data-testid=health-changes-open]').tap();
    const doc = page.getByTestId('changes-doc');
    await doc.waitFor();
    expect(await doc.locator('[data-testid=changes-moved]').textContent()).toContain('烈山区 → 杜集区');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('print-doc').count()).toBe(0);
  });

  it('the industry report has the chain view’s counts and prints on its own', async () => {
    const page = app.page;
    const counts = await segmentCounts(page);
    await openHealth(page);
    await page.getByTestId('report-open').tap();
    const report = page.getByTestId('industry-report');
    await report.waitFor();
    const targets = await report
      .locator('[data-testid=report-targets] tbody tr')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-segment'), e.getAttribute('data-count')]));
    expect(targets.length).toBeGreaterThan(0);
    for (const [seg, n] of targets) expect(n, String(seg)).toBe(counts[String(seg)]);
    const firms = await state(page, (s) => s.data?.enterprises.length ?? 0);
    expect(await report.getByTestId('report-summary').textContent()).toContain(`地图上共有 ${firms} 家企业`);
    // The import made today is within the default period, with its moved firm.
    expect(
      await report
        .locator('[data-testid=report-changes] [data-testid=changes-moved]')
        .getAttribute('data-count'),
    ).toBe('1');
    expect(await report.getByTestId('report-illustrative').isVisible()).toBe(true);

    await page.emulateMedia({ media: 'print' });
    try {
      expect(await report.isVisible()).toBe(true);
      expect(await page.locator('.topbar').isVisible()).toBe(false);
      expect(await page.getByTestId('doc-print').isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: null });
    }
    const pdf = await page.pdf({
      format: 'A4',
      margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' },
    });
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2);
    if (existsSync('/usr/bin/pdftotext')) {
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf })
        .toString('utf8')
        .replace(/\s+/g, '');
      expect(text).toContain('淮北市新能源汽车产业发展报告');
      expect(text).toContain(`地图上共有${firms}家企业`);
      expect(text).toContain('七、数据状况');
    }
    // A later start date leaves the import out of the period.
    await page.getByTestId('report-since').fill('2099-01-01');
    await expect
      .poll(() => report.locator('[data-testid=report-changes]').textContent())
      .toContain('此日期以来没有导入');
    await page.getByTestId('doc-close').tap();
    expect(app.errors).toEqual([]);
  });
});
