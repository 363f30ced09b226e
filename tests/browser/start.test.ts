import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, gotoApp, TABLET_LANDSCAPE, tapMenuItem, useApp, waitForMapIdle } from './harness';

// Start-up does not wait for the browser's storage: the bundled map comes first, what this browser
// kept joins when it arrives, and a storage that never answers is said to be, in words.

type AppStateOf = ReturnType<NonNullable<Window['__huaibei']>['store']['getState']>;

const state = <T>(page: Page, fn: (s: AppStateOf) => T): Promise<T> =>
  page.evaluate(`(${fn.toString()})(window.__huaibei.store.getState())`) as Promise<T>;

const ROSTER = new URL('../fixtures/import/roster-semicolon.csv', import.meta.url);

/** Waits for the bundled map with its areas drawn, and nothing else (not the saved imports). */
async function waitForAreas(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const h = window.__huaibei;
      if (!h || h.store.getState().data === null || !h.map.getLayer('areas-fill')) return false;
      return h.map.queryRenderedFeatures({ layers: ['areas-fill'] }).length > 0;
    },
    null,
    { timeout: 30_000 },
  );
}

async function openDataPanel(page: Page) {
  await page.evaluate(() => window.__huaibei?.store.getState().select(null));
  if ((await page.getByTestId('data-panel').count()) === 0) await tapMenuItem(page, 'nav-data');
  await page.getByTestId('data-panel').waitFor();
}

describe('start-up with a storage that never answers', () => {
  const app = useApp(TABLET_LANDSCAPE, {
    setup: async ({ page }) => {
      // As the WebKit bug (iPadOS 14.6) or a blocked profile does: indexedDB.open never succeeds nor fails.
      await page.addInitScript(() => {
        const w = window as unknown as { __idbOpens: number };
        w.__idbOpens = 0;
        IDBFactory.prototype.open = function open() {
          w.__idbOpens += 1;
          return new EventTarget() as IDBOpenDBRequest;
        };
      });
    },
  });

  it('shows the bundled map, then says the saved data cannot be read, in words', async () => {
    const page = app.page;
    // The link selects a firm of an import: it waits for the imports, which never come.
    await page.goto(`${baseUrl()}#v=1&layers=areas,enterprises&sel=enterprise:u1.r2`);
    await waitForAreas(page);
    expect(
      await page.evaluate(() => (window as unknown as { __idbOpens: number }).__idbOpens),
    ).toBeGreaterThan(0);
    const counts = await state(page, (s) => ({
      firms: s.data?.enterprises.length ?? 0,
      areas: s.data?.areas.areas.length ?? 0,
    }));
    expect(counts.firms).toBeGreaterThan(0);
    expect(counts.areas).toBeGreaterThan(0);

    const notice = page.getByTestId('saved-data-notice');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.getAttribute('data-reason')).toBe('timeout');
    const zh = (await notice.textContent()) ?? '';
    expect(zh).toContain('本机浏览器的存储没有响应。');
    expect(zh).toContain('之前保存在本机的导入暂时无法显示');
    expect(zh).not.toMatch(/Error|undefined|\{/);
    expect(await state(page, (s) => s.savedImports)).toBe('unanswered');
    // The link's firm never came: the link says that part was left out.
    expect(await state(page, (s) => s.selection)).toBeNull();
    expect(await page.getByTestId('link-notice').textContent()).toContain('选中对象');

    // The data panel says the same, and so does the English interface.
    await openDataPanel(page);
    const panelNotice = page.getByTestId('storage-error');
    expect(await panelNotice.getAttribute('data-reason')).toBe('timeout');
    expect(await panelNotice.textContent()).toContain('本机浏览器的存储没有响应。');
    // Whether anything was saved is not known: the panel does not say "nothing imported yet".
    expect(await page.getByTestId('data-panel').textContent()).not.toContain('还没有导入数据');
    await page.evaluate(() => window.__huaibei?.store.getState().setLang('en'));
    expect(await notice.textContent()).toContain('This browser’s storage is not answering.');
    expect(await panelNotice.textContent()).toContain(
      'Imports saved here earlier cannot be shown for now, so the map shows the bundled data',
    );
    await page.evaluate(() => window.__huaibei?.store.getState().setLang('zh'));
  });

  it('still imports a file, and says it could not be kept, without waiting long for the storage', async () => {
    const page = app.page;
    await openDataPanel(page);
    await page
      .getByTestId('import-input')
      .setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: readFileSync(ROSTER) });
    await page.locator('[data-testid=import-dialog][data-phase=mapping]').waitFor({ timeout: 20_000 });
    const go = Date.now();
    await page.getByTestId('import-go').tap();
    // The report opens without waiting for the save, and says the import is not kept yet.
    await page.getByTestId('report-dialog').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('report-saving').textContent()).toContain(
      '正在保存到本机…保存完成前刷新页面，这次导入将丢失。',
    );
    await page.locator('[data-testid=report-dialog][data-saving=false]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('report-saving').count()).toBe(0);
    // The save waited the start's deadline (4 s), not a write's (20 s), before giving up.
    expect(Date.now() - go).toBeLessThan(15_000);
    const saved = page.getByTestId('report-storage-error');
    expect(await saved.getAttribute('data-op')).toBe('save');
    expect(await saved.textContent()).toContain('这次导入的数据未能保存在本机：刷新页面后将丢失。');
    // Shown all the same, under an id no saved import can have.
    const ids = await state(page, (s) => s.imports.map((i) => i.id));
    expect(ids).toHaveLength(1);
    expect(ids[0]).not.toMatch(/^u\d+$/);
    await page.getByTestId('report-close').tap();
    expect(app.external).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

describe('start-up with saved imports', () => {
  const app = useApp(TABLET_LANDSCAPE, { setup: async ({ page }) => gotoApp(page) });

  /** The raw entries of the imports' database, as stored. */
  const stored = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<{ key: string; report: number; rows: number | null }[]>((resolve, reject) => {
          const open = indexedDB.open('huaibei-nev-map');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const all = db.transaction('imports', 'readonly').objectStore('imports').getAll();
            all.onsuccess = () => {
              resolve(
                (all.result as { id: string; report: unknown[]; reportTotals?: { rows: number } }[]).map(
                  (v) => ({ key: v.id, report: v.report.length, rows: v.reportTotals?.rows ?? null }),
                ),
              );
              db.close();
            };
          };
        }),
    );

  it('reads an import saved whole by an earlier version, restores a link to its firm, and keeps it cut', async () => {
    const page = app.page;
    // As an earlier version saved it: one firm, and its whole report of 1,000 lines.
    await page.evaluate(async () => {
      const s = window.__huaibei?.store.getState();
      const first = s?.data?.enterprises[0];
      if (!first) throw new Error('no data');
      const firm = { ...first, id: 'u1.r2', key: 'u1.r2', name: { zh: '存储探针企业', en: 'Storage probe' } };
      const report = Array.from({ length: 1000 }, (_, i) =>
        i % 4 === 0
          ? { line: i + 2, column: '名称', code: 'row.noName', params: {}, severity: 'error', rejected: true }
          : {
              line: i + 2,
              column: '来源',
              code: 'row.noSource',
              params: {},
              severity: 'warning',
              rejected: false,
            },
      );
      const ds = {
        id: 'u1',
        fileName: 'old.csv',
        kind: 'enterprises',
        mode: 'join',
        importedAt: '2026-01-05T10:00:00.000Z',
        format: 'csv',
        encoding: 'utf-8',
        crs: 'wgs84',
        rowCount: 1000,
        rejectedRows: 250,
        enterprises: [firm],
        chargers: [],
        report,
        notes: [],
      };
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('huaibei-nev-map');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('imports', 'readwrite');
          tx.objectStore('imports').put(ds, 'u1');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    });
    expect(await stored(page)).toEqual([{ key: 'u1', report: 1000, rows: null }]);

    await gotoApp(page, '#v=1&layers=areas,enterprises&sel=enterprise:u1.r2', { fresh: true });
    // The link's firm is in the saved import: its card opens once the import has joined.
    await page.locator('[data-testid=enterprise-card][data-enterprise="u1.r2"]').waitFor({ timeout: 15_000 });
    expect(await state(page, (s) => s.linkRejected)).toEqual([]);
    expect(await page.getByTestId('link-notice').count()).toBe(0);

    // Written back cut: the next start reads 300 lines, not 1,000.
    await expect.poll(() => stored(page)).toEqual([{ key: 'u1', report: 300, rows: 1000 }]);

    await openDataPanel(page);
    expect(await page.getByTestId('import-report-open').textContent()).toBe('导入报告（1000 条）');
    await page.getByTestId('import-report-open').tap();
    await page.locator('[data-testid=report-dialog][data-saving=false]').waitFor();
    // The summary counts the whole report; the table shows the lines kept; the rest is counted by reason.
    expect(await page.getByTestId('report-summary').textContent()).toContain('250');
    expect(await page.locator('[data-testid=import-report] > .report-scroll tbody tr').count()).toBe(300);
    const cut = page.getByTestId('report-cut');
    expect(await cut.getAttribute('data-left-out')).toBe('700');
    expect(await cut.textContent()).toContain('本机只保存了这份报告的前 300 行，其余 700 行没有保存');
    const byCode = await cut
      .locator('tr[data-code]')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-code'), r.getAttribute('data-count')]));
    expect(byCode).toEqual([
      ['row.noName', '250'],
      ['row.noSource', '750'],
    ]);
    expect(await page.getByTestId('report-download').textContent()).toBe('下载保存的 300 行报告');
    await page.getByTestId('report-close').tap();

    // A reload reads the cut copy as it reads any other.
    await page.reload();
    await waitForMapIdle(page);
    expect(await state(page, (s) => s.imports.map((i) => [i.id, i.report.length]))).toEqual([['u1', 300]]);
    expect(await state(page, (s) => s.storageError)).toBeNull();
    expect(app.external).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('keeps a large import as a small entry and its columns apart, reads it back, and removes both', async () => {
    const page = app.page;
    const ROWS = 3000;
    // Points inside Huaibei, on a grid, each firm with its own name.
    const lines = ['企业名称,经度,纬度,来源'];
    for (let i = 0; i < ROWS; i++) {
      lines.push(
        `大表企业${i},${(116.6 + (i % 60) * 0.004).toFixed(5)},${(33.8 + Math.floor(i / 60) * 0.004).toFixed(5)},测试`,
      );
    }
    await openDataPanel(page);
    await page
      .getByTestId('import-input')
      .setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
    await page.locator('[data-testid=import-dialog][data-phase=mapping]').waitFor({ timeout: 20_000 });
    await page.getByTestId('import-go').tap();
    await page.locator('[data-testid=report-dialog][data-saving=false]').waitFor({ timeout: 30_000 });
    await page.getByTestId('report-close').tap();
    const id = await state(page, (s) => s.imports.at(-1)?.id ?? '');

    /** The import's entry (its size as JSON) and the keys of the columns kept apart. */
    const kept = () =>
      page.evaluate(
        (id) =>
          new Promise<{ entry: string | null; columns: unknown[] }>((resolve, reject) => {
            const read = (db: string, store: string, fn: (s: IDBObjectStore) => IDBRequest) =>
              new Promise<unknown>((ok, fail) => {
                const open = indexedDB.open(db);
                open.onerror = () => fail(open.error);
                open.onsuccess = () => {
                  const r = fn(open.result.transaction(store, 'readonly').objectStore(store));
                  r.onsuccess = () => {
                    ok(r.result);
                    open.result.close();
                  };
                };
              });
            Promise.all([
              read('huaibei-nev-map', 'imports', (s) => s.get(id)),
              read('huaibei-nev-map-columns', 'columns', (s) => s.getAllKeys()),
            ]).then(([entry, keys]) => {
              resolve({
                entry: entry === undefined ? null : JSON.stringify(entry),
                columns: (keys as unknown[][]).filter((k) => k[0] === id),
              });
            }, reject);
          }),
        id,
      );
    // Columns first, then the entry that names them.
    await expect.poll(async () => (await kept()).entry !== null, { timeout: 15_000 }).toBe(true);
    const before = await kept();
    expect(before.columns.length).toBeGreaterThan(0);
    // The firms' text is in the columns, not in the entry every start reads whole (the report
    // quotes at most its first 300 lines).
    expect(before.entry).toContain('big.csv');
    expect(before.entry).not.toContain(`大表企业${ROWS - 1}`);

    await page.reload();
    await waitForMapIdle(page);
    await expect
      .poll(() =>
        state(page, (s) => s.imports.find((i) => i.id === s.imports.at(-1)?.id)?.enterprises.length),
      )
      .toBe(ROWS);
    const names = await state(page, (s) => s.imports.at(-1)?.enterprises.map((e) => e.name.zh) ?? []);
    expect(names[0]).toBe('大表企业0');
    expect(names[ROWS - 1]).toBe(`大表企业${ROWS - 1}`);
    expect(await state(page, (s) => s.storageError)).toBeNull();

    await openDataPanel(page);
    await page.getByTestId('import-remove').last().tap();
    await page.getByTestId('import-remove-confirm').tap();
    await expect.poll(kept, { timeout: 15_000 }).toEqual({ entry: null, columns: [] });
    expect(app.external).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
