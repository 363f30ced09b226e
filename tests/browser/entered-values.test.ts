import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gotoApp, TABLET_LANDSCAPE, TABLET_PORTRAIT, useApp, waitForMapIdle } from './harness';

/** How many values the browser's storage holds for the app (its own database for entered values). */
const stored = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('huaibei-nev-map-entered');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('values')) {
            db.close();
            return resolve(0);
          }
          const count = db.transaction('values', 'readonly').objectStore('values').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
        };
      }),
  );

const entered = (page: Page) => page.evaluate(() => window.__huaibei?.store.getState().entered.length);

/** Reloads once the storage holds `n` values (the store follows at once, IndexedDB a moment later). */
async function reloadWhenStored(page: Page, n: number) {
  await expect.poll(() => stored(page)).toBe(n);
  await page.reload();
  await waitForMapIdle(page);
}

/** Every visible control of the element at least 44 px tall and wide. */
async function smallTargets(root: Locator): Promise<string[]> {
  return root.evaluate((el) =>
    [...el.querySelectorAll('button, input:not([type=file]), select, summary, label.file-btn')]
      .map((c) => ({ c, r: c.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0 && (r.height < 44 || r.width < 44))
      .map(({ c, r }) => `${c.tagName} ${c.textContent?.trim() ?? ''} ${r.width}×${r.height}`),
  );
}

describe('a goal value entered in the goals panel (portrait tablet)', () => {
  const app = useApp(TABLET_PORTRAIT);

  it('refuses bad input at each field and keeps nothing', async () => {
    const { page } = app;
    await gotoApp(page, '#v=1&panel=goals');
    const goal = page.locator('[data-goal=chargers]');
    await goal.getByTestId('goal-enter').tap();
    await page.getByTestId('goal-form-chargers-value').fill('一千');
    await page.getByTestId('goal-form-chargers-asOf').fill('2099-01');
    await page.getByTestId('goal-form-chargers-source').fill('   ');
    await page.getByTestId('goal-form-chargers-save').tap();
    const error = (f: string) => page.getByTestId(`goal-form-chargers-${f}-error`);
    expect(await error('value').textContent()).toBe('“一千”不是数字');
    expect(await error('asOf').textContent()).toMatch(/^2099-01 晚于今天（\d{4}-\d{2}-\d{2}）/);
    expect(await error('source').textContent()).toContain('请填写来源');
    for (const f of ['value', 'asOf', 'source']) {
      const input = page.getByTestId(`goal-form-chargers-${f}`);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect(await input.getAttribute('aria-describedby')).toContain(`goal-form-chargers-${f}-error`);
      expect(await error(f).isVisible()).toBe(true);
    }
    // The focus goes to the first field with a problem.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('goal-form-chargers-value');
    expect(await page.getByTestId('goal-form-chargers-not-saved').textContent()).toContain('3');
    expect(await entered(page)).toBe(0);
    expect(await goal.locator('.goal-not-provided').textContent()).toBe('未提供');
    expect(await smallTargets(page.getByTestId('goals-panel').last())).toEqual([]);
  });

  it('shows a good value and its progress in the dashboard, marked as entered here, also after a reload', async () => {
    const { page } = app;
    const goal = page.locator('[data-goal=chargers]');
    await page.getByTestId('goal-form-chargers-value').fill('950');
    await page.getByTestId('goal-form-chargers-asOf').fill('2025年6月');
    await page.getByTestId('goal-form-chargers-source').fill('市发展改革委 https://example.org/r');
    await page.getByTestId('goal-form-chargers-save').tap();
    const check = async () => {
      await expect.poll(() => goal.locator('.goal-current-value').count()).toBe(1);
      expect(await goal.locator('.goal-current-value').textContent()).toBe('950 个');
      expect(await goal.getByTestId('goal-current').textContent()).toContain('截至 2025-06');
      expect(await goal.getByTestId('entered-mark').textContent()).toMatch(/^本机录入（\d{4}-\d{2}-\d{2}）$/);
      expect(await goal.locator('.source-link').getAttribute('href')).toBe('https://example.org/r');
      // 950 of 1,900 and of 3,600: the bars are half and about a quarter full.
      const widths = await goal.locator('.progress-fill').evaluateAll((els) => els.map((e) => e.style.width));
      expect(widths).toEqual(['50%', '26%']);
      expect(await goal.locator('[data-year="2025"]').textContent()).toContain('达到目标的 50%');
    };
    await check();
    expect(await page.locator('.goals-summary').textContent()).toContain('1 项有现状值');
    await reloadWhenStored(page, 1);
    expect(await page.getByTestId('goals-panel').count()).toBeGreaterThan(0);
    await check();
    expect(app.errors).toEqual([]);
  });

  it('is gone after removing it, also after a reload', async () => {
    const { page } = app;
    const goal = page.locator('[data-goal=chargers]');
    await goal.getByTestId('goal-remove').tap();
    await expect.poll(() => goal.locator('.goal-not-provided').count()).toBe(1);
    expect(await goal.locator('.progress-fill').count()).toBe(0);
    expect(await goal.getByTestId('entered-mark').count()).toBe(0);
    await reloadWhenStored(page, 0);
    expect(await goal.locator('.goal-not-provided').textContent()).toBe('未提供');
    expect(await entered(page)).toBe(0);
  });

  it('imports a small CSV: the good line shows, the bad ones are listed by line and column', async () => {
    const { page } = app;
    await page.locator('[data-testid=entered-files-goal] summary').tap();
    const csv =
      'goal,value,as_of,source\nrevenue,52.5,2024,统计公报\ntaxis-nev,120,2025,交通局\nauto-shows,2,2024,\n';
    await page.getByTestId('entered-import-goal').setInputFiles({
      name: 'goals.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    const report = page.getByTestId('entered-report');
    await expect.poll(() => report.count()).toBe(1);
    expect(await report.getByTestId('entered-report-summary').textContent()).toBe(
      '导入 1 项；2 行有错误，未导入',
    );
    const problems = await report
      .locator('li')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-line'), e.getAttribute('data-column'), e.textContent]),
      );
    expect(problems).toEqual([
      ['3', 'value', '第 3 行 · “value”列：百分比不能超过 100'],
      ['4', 'source', '第 4 行 · “source”列：请填写来源：没有出处的数值不予采用'],
    ]);
    const revenue = page.locator('[data-goal=revenue]');
    await expect.poll(() => revenue.locator('.goal-current-value').textContent()).toBe('52.5 亿元');
    expect(await revenue.getByTestId('entered-mark').count()).toBe(1);
    await revenue.getByTestId('goal-remove').tap();
    await expect.poll(() => stored(page)).toBe(0);
    expect(app.external).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

describe('a NEV count entered in the charging panel (landscape tablet)', () => {
  const app = useApp(TABLET_LANDSCAPE);
  const XIANGSHAN = '[data-district="340603"]';

  it('makes the district’s vehicles-per-charger ratio appear, kept after a reload, and gone once removed', async () => {
    const { page } = app;
    await gotoApp(page, '#v=1&panel=charging&layers=chargers,areas');
    const row = page.getByTestId('charging-panel').locator(`tr${XIANGSHAN}`);
    const cells = () => row.locator('td').allTextContents();
    // The panel's code loads after the first view: wait for its row before reading it.
    await row.locator('td').nth(3).waitFor();
    expect((await cells())[2]).toBe('未提供');
    expect((await cells())[3]).toBe('未提供');
    await page.getByTestId('nev-form-district').selectOption('340603');
    await page.getByTestId('nev-form-value').fill('3000');
    await page.getByTestId('nev-form-asOf').fill('2025-06-30');
    await page.getByTestId('nev-form-source').fill('市公安局交警支队');
    await page.getByTestId('nev-form-save').tap();
    const check = async () => {
      await expect.poll(async () => (await cells())[3]).toMatch(/^\d+\.\d{1,2} : 1$/);
      const [, points, nev, ratio] = await cells();
      expect(nev).toBe('3,000本机录入');
      // The ratio is the count over the charging points the same row shows.
      expect(Number.parseFloat(ratio ?? '')).toBeCloseTo(3000 / Number(points), 2);
      expect(await page.getByTestId('nev-sources').textContent()).toContain('市公安局交警支队');
      // One district is not the city: its row stays "not provided".
      expect((await page.locator('tr[data-district=city] td').allTextContents())[2]).toBe('未提供');
    };
    await check();
    expect(await page.getByTestId('nev-saved').textContent()).toBe('已保存在本机');
    expect(await smallTargets(page.getByTestId('nev-entry'))).toEqual([]);
    await reloadWhenStored(page, 1);
    await check();
    await page.getByTestId('nev-remove').tap();
    await expect.poll(async () => (await cells())[3]).toBe('未提供');
    await reloadWhenStored(page, 0);
    await expect.poll(async () => (await cells())[2]).toBe('未提供');
    expect(app.external).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('refuses a future date and a fraction of a vehicle at their fields, and keeps nothing', async () => {
    const { page } = app;
    await page.getByTestId('nev-form-district').selectOption('340621');
    await page.getByTestId('nev-form-value').fill('12.5');
    await page.getByTestId('nev-form-asOf').fill('2099-01-01');
    await page.getByTestId('nev-form-source').fill('x');
    await page.getByTestId('nev-form-save').tap();
    expect(await page.getByTestId('nev-form-value-error').textContent()).toBe('车辆数应为整数');
    expect(await page.getByTestId('nev-form-asOf-error').textContent()).toContain('2099-01-01 晚于今天');
    expect(await page.getByTestId('nev-form-asOf').getAttribute('aria-describedby')).toBe(
      'nev-form-asOf-error',
    );
    expect(await entered(page)).toBe(0);
  });
});
