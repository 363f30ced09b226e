import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateCsv } from '../bench/import/csv';
import { gotoApp, project, TABLET_PORTRAIT, tapMenuItem, useApp, waitForMapIdle } from './harness';

const GBK_URL = new URL('../fixtures/import/roster-gbk.csv', import.meta.url);

/** The GBK fixture read independently of the app: rows with their line numbers (header = line 1). */
function gbkRows(): { cells: Record<string, string>; line: number }[] {
  const text = new TextDecoder('gbk').decode(readFileSync(GBK_URL));
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  // No quoted line breaks in the fixture: row i is on line i + 2.
  return parsed.data.map((cells, i) => ({ cells, line: i + 2 }));
}

type AppStateOf = ReturnType<NonNullable<Window['__huaibei']>['store']['getState']>;

/** Evaluates a function of the app's state in the page (it is sent as source, so it must be self-contained). */
const state = <T>(page: Page, fn: (s: AppStateOf) => T): Promise<T> =>
  page.evaluate(`(${fn.toString()})(window.__huaibei.store.getState())`) as Promise<T>;

async function openDataPanel(page: Page) {
  // In portrait an open card is a bottom sheet over the panel: close it first.
  if ((await page.getByTestId('enterprise-card').count()) > 0)
    await page.evaluate(() => window.__huaibei?.store.getState().select(null));
  if ((await page.getByTestId('data-panel').count()) === 0) await tapMenuItem(page, 'nav-data');
  await page.getByTestId('data-panel').waitFor();
}

/** Picks a file through the real file input, and waits for the mapping step (or a failure). */
async function pickFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await openDataPanel(page);
  await page.getByTestId('import-input').setInputFiles(file);
  await page.locator('[data-testid=import-dialog]:not([data-phase=reading])').waitFor({ timeout: 20_000 });
}

async function importAndWaitForReport(page: Page) {
  await page.getByTestId('import-go').tap();
  await page.locator('[data-testid=report-dialog][data-saving=false]').waitFor({ timeout: 30_000 });
}

describe('importing your own spreadsheets on a portrait tablet', () => {
  let bundledFirms = 0;
  let bundledBatteryBox = 0;
  const app = useApp(TABLET_PORTRAIT, {
    setup: async ({ page }) => {
      await gotoApp(page);
      bundledFirms = await state(page, (s) => s.data?.enterprises.length ?? 0);
      bundledBatteryBox = await state(
        page,
        (s) => s.data?.enterprises.filter((e) => e.segments.includes('battery-box')).length ?? 0,
      );
    },
  });

  it('detects GBK, Chinese headers and AMap coordinates in the mapping step', async () => {
    await pickFile(app.page, GBK_URL.pathname);
    const dialog = app.page.getByTestId('import-dialog');
    expect(await dialog.getAttribute('data-phase')).toBe('mapping');
    expect(await app.page.getByTestId('import-encoding').inputValue()).toBe('gb18030');
    expect(await app.page.getByTestId('import-crs').inputValue()).toBe('gcj02');
    expect(await app.page.getByTestId('import-kind').inputValue()).toBe('enterprises');
    // The headers are read as Chinese, not mojibake, and mapped to our fields.
    const nameCol = app.page.locator('select[data-field=name_zh]');
    expect(await nameCol.locator('option:checked').textContent()).toBe('企业名称');
    expect(await app.page.locator('select[data-field=lon] option:checked').textContent()).toBe('高德经度');
    expect(await app.page.getByTestId('import-preview').textContent()).toContain('示例');
  });

  it('imports it: the firms join the map and the chain counts, and the report lists every bad row', async () => {
    await importAndWaitForReport(app.page);
    const rows = gbkRows();
    const nameless = rows.filter((r) => (r.cells.企业名称 ?? '').trim() === '');
    expect(nameless.length).toBeGreaterThan(0);
    const report = app.page.getByTestId('import-report');
    // Rejected rows: named by line, column and reason.
    for (const r of nameless) {
      const row = report.locator(`tr.rejected[data-line="${r.line}"]`);
      expect(await row.count(), `line ${r.line}`).toBe(1);
      expect(await row.textContent()).toContain('企业名称');
    }
    // Questionable rows are listed with the file's own column names.
    const lineOf = (test: (c: Record<string, string>) => boolean) => rows.find((r) => test(r.cells))?.line;
    const unparseable = lineOf((c) => /[^\d.]/.test((c.高德经度 ?? '').trim()) && (c.高德经度 ?? '') !== '');
    const unknownSeg = lineOf((c) => (c.产业链环节 ?? '').includes('无人机'));
    const ids = rows.map((r) => r.cells.编号);
    const dupLine = rows.find((r, i) => ids.indexOf(r.cells.编号) !== i)?.line;
    for (const [line, column] of [
      [unparseable, '高德经度'],
      [unknownSeg, '产业链环节'],
      [dupLine, '编号'],
    ] as const) {
      expect(line, column).toBeDefined();
      expect(await report.locator(`tr[data-line="${line}"]`).allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining(column)]),
      );
    }
    await app.page.getByTestId('report-close').tap();

    const imported = rows.length - nameless.length;
    expect(await state(app.page, (s) => s.data?.enterprises.length)).toBe(bundledFirms + imported);
    const boxes = rows.filter((r) => (r.cells.产业链环节 ?? '').includes('动力电池箱体') && r.cells.企业名称);
    expect(boxes.length).toBeGreaterThan(0);
    // The chain view counts them.
    await app.page.getByTestId('nav-chain').tap();
    await expect
      .poll(() => app.page.locator('[data-seg=battery-box]').getAttribute('data-count'))
      .toBe(String(bundledBatteryBox + boxes.length));
    await app.page.getByTestId('nav-chain').tap();

    // On the map: tapping the imported battery-box maker's dot opens its card.
    const firm = await state(
      app.page,
      (s) =>
        s.data?.enterprises.find((e) => e.id.startsWith('u1.') && e.segments.includes('battery-box'))?.id,
    );
    expect(firm).toBeDefined();
    const pos = await app.page.evaluate((id) => window.__huaibei?.firmPosition(id as string) ?? null, firm);
    expect(pos).not.toBeNull();
    await app.page.evaluate(
      (center) => window.__huaibei?.map.jumpTo({ center, zoom: 14 }),
      pos as [number, number],
    );
    await waitForMapIdle(app.page);
    const p = await project(app.page, pos as [number, number]);
    await app.page.mouse.click(p.x, p.y);
    await expect
      .poll(() => app.page.getByTestId('enterprise-card').getAttribute('data-enterprise'))
      .toBe(firm);
  });

  it('keeps the import after a reload, and the share dialog says a link cannot carry it', async () => {
    await app.page.reload();
    await waitForMapIdle(app.page);
    await expect.poll(() => state(app.page, (s) => s.imports.length)).toBe(1);
    const rows = gbkRows();
    const imported = rows.filter((r) => (r.cells.企业名称 ?? '').trim() !== '').length;
    expect(await state(app.page, (s) => s.data?.enterprises.length)).toBe(bundledFirms + imported);
    await tapMenuItem(app.page, 'share-button');
    expect(await app.page.getByTestId('share-imports-note').textContent()).toContain('链接无法携带');
    await app.page.getByTestId('share-close').tap();
  });

  it('refuses bad files with a clear message and leaves earlier imports untouched', async () => {
    const page = app.page;
    const before = await state(page, (s) => s.data?.enterprises.length);
    const tryFile = async (file: { name: string; mimeType: string; buffer: Buffer }, expected: RegExp) => {
      await pickFile(page, file);
      if ((await page.getByTestId('import-dialog').getAttribute('data-phase')) === 'mapping') {
        await page.getByTestId('import-go').tap();
      }
      const err = page.getByTestId('import-error');
      await err.waitFor({ timeout: 30_000 });
      expect(await err.textContent()).toMatch(expected);
      await page.getByTestId('import-close').tap();
      expect(await state(page, (s) => s.imports.length)).toBe(1);
      expect(await state(page, (s) => s.data?.enterprises.length)).toBe(before);
    };
    // A PNG renamed .csv.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    await tryFile({ name: 'photo.csv', mimeType: 'text/csv', buffer: png }, /PNG/);
    // 10,000 columns.
    const wide = `${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\n${'1,'.repeat(9_999)}1\n`;
    await tryFile({ name: 'wide.csv', mimeType: 'text/csv', buffer: Buffer.from(wide) }, /10000 列/);
    // Every row bad: no names.
    const allBad = '企业名称,经度,纬度\n,116.8,33.9\n,abc,def\n';
    await tryFile({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(allBad) }, /没有可以导入的行/);
    // 200 MB: refused by its size before a byte is read (the file is made in the page, not sent over CDP).
    await openDataPanel(page);
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid=import-input]');
      if (!input) throw new Error('no file input');
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(200 * 1024 * 1024)], 'huge.csv', { type: 'text/csv' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const err = page.getByTestId('import-error');
    await err.waitFor({ timeout: 30_000 });
    expect(await err.textContent()).toContain('200 MB');
    await page.getByTestId('import-close').tap();
    expect(await state(page, (s) => s.imports.length)).toBe(1);
  });

  it('shows markup and script in cells as text, and runs none of it', async () => {
    const page = app.page;
    const csv =
      '企业名称,主营产品,经度,纬度\n' +
      '"<img src=x onerror=""window.__pwned=1"">示例","<script>window.__pwned=2</script>",116.8,33.95\n';
    await pickFile(page, { name: 'markup.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await importAndWaitForReport(page);
    expect(await page.getByTestId('import-report').textContent()).toContain('HTML');
    await page.getByTestId('report-close').tap();
    const firm = await state(
      page,
      (s) => s.data?.enterprises.find((e) => e.id.startsWith('u2.'))?.id ?? null,
    );
    expect(firm).not.toBeNull();
    await page.evaluate(
      (id) => window.__huaibei?.store.getState().select({ kind: 'enterprise', id: id as string }),
      firm,
    );
    const card = page.getByTestId('enterprise-card');
    await expect
      .poll(() => card.locator('h2').textContent())
      .toBe('<img src=x onerror="window.__pwned=1">示例');
    expect(await card.textContent()).toContain('<script>window.__pwned=2</script>');
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await card.locator('img, script').count()).toBe(0);
  });

  it('exports the view as a CSV Excel opens with Chinese intact and formulas neutralised', async () => {
    const page = app.page;
    await openDataPanel(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-firms-csv').tap(),
    ]);
    const path = await download.path();
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('示例');
    // The fixture's =HYPERLINK(...) name comes out as text, never as a formula.
    const formulaRows = text.split('\r\n').filter((l) => l.includes('HYPERLINK'));
    expect(formulaRows.length).toBeGreaterThan(0);
    for (const l of formulaRows) expect(l).toMatch(/"'=HYPERLINK/);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('removes an import: its firms leave the map and the counts, also after a reload', async () => {
    const page = app.page;
    await openDataPanel(page);
    const n = await state(page, (s) => s.imports.length);
    expect(n).toBe(2);
    for (let i = 0; i < n; i++) {
      // Removing asks first: the import stays until the second tap.
      await page.getByTestId('import-remove').first().tap();
      expect(await page.getByTestId('import-remove-ask').textContent()).toContain('确认删除');
      expect(await state(page, (s) => s.imports.length)).toBe(n - i);
      await page.getByTestId('import-remove-confirm').tap();
    }
    await expect.poll(() => state(page, (s) => s.data?.enterprises.length)).toBe(bundledFirms);
    // The map follows at once; the browser's storage a moment later: reload once it holds none.
    const stored = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('huaibei-nev-map');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const count = db.transaction('imports', 'readonly').objectStore('imports').count();
              count.onsuccess = () => {
                resolve(count.result);
                db.close();
              };
            };
          }),
      );
    await expect.poll(stored).toBe(0);
    await page.reload();
    await waitForMapIdle(page);
    expect(await state(page, (s) => s.imports.length)).toBe(0);
    expect(await state(page, (s) => s.data?.enterprises.length)).toBe(bundledFirms);
    expect(app.external).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

describe('imports that count only what they place, and say what they left out (issue 15)', () => {
  let bundledChargers = 0;
  const app = useApp(TABLET_PORTRAIT, {
    setup: async ({ page }) => {
      await gotoApp(page);
      bundledChargers = await state(page, (s) => s.data?.chargers.length ?? 0);
    },
  });
  const fixture = (name: string) => new URL(`../fixtures/import/${name}`, import.meta.url).pathname;

  it('names the columns it will not import, and a 坐标系 column that disagrees with the choice', async () => {
    const page = app.page;
    await pickFile(page, fixture('roster-unmapped-columns.csv'));
    expect(await page.locator('select[data-field=segments] option:checked').textContent()).toBe('产业环节');
    expect(await page.getByTestId('import-unmapped').textContent()).toBe(
      '以下列没有对应到任何字段，不会导入：“联系电话”、“员工人数”。如需导入，请在上面为它选择字段。',
    );
    await page.getByTestId('mapping-cancel').tap();

    await pickFile(page, fixture('roster-crs-column.csv'));
    expect(await page.getByTestId('import-crs').inputValue()).toBe('bd09');
    expect(await page.getByTestId('import-crs-column').textContent()).toContain(
      '“坐标系”列注明了各行的坐标系',
    );
    expect(await page.getByTestId('import-crs-mismatch').count()).toBe(1); // one row says GCJ02
    await page.getByTestId('import-crs').selectOption('wgs84');
    expect(await page.getByTestId('import-crs-mismatch').textContent()).toBe(
      '注意：“坐标系”列写的是 GCJ-02、BD-09，与上面所选的 WGS84 不同。',
    );
    await page.getByTestId('mapping-cancel').tap();
  });

  it('reads GeoJSON named .txt by its content', async () => {
    const page = app.page;
    await pickFile(page, fixture('roster-json.txt'));
    expect(await page.getByTestId('import-dialog').getAttribute('data-phase')).toBe('mapping');
    expect(await page.getByTestId('import-delimiter').count()).toBe(0);
    expect(await page.getByTestId('import-preview').textContent()).toContain('示例大文件企业1号有限公司');
    await page.getByTestId('mapping-cancel').tap();
  });

  it('says a header-only file has no data rows', async () => {
    const page = app.page;
    await pickFile(page, fixture('header-only.csv'));
    await page.getByTestId('import-go').tap();
    const err = page.getByTestId('import-error');
    await err.waitFor({ timeout: 30_000 });
    expect(await err.textContent()).toBe(
      '文件只有表头，没有数据行：没有导入任何内容，地图上的数据没有改变。',
    );
    await page.getByTestId('import-close').tap();
  });

  it('keeps stations in another province apart: listed and downloadable, not counted', async () => {
    const page = app.page;
    await pickFile(page, fixture('chargers-other-province.csv'));
    expect(await page.getByTestId('import-kind').inputValue()).toBe('chargers');
    await importAndWaitForReport(page);
    const summary = page.getByTestId('report-summary');
    expect([
      await summary.getAttribute('data-placed'),
      await summary.getAttribute('data-unplaced'),
      await summary.getAttribute('data-rejected'),
    ]).toEqual(['2', '5', '0']);
    expect(await summary.textContent()).toMatch(/^文件共 7 行：2 行已放到地图上，5 行未落位/);
    const unplaced = page.getByTestId('report-unplaced');
    expect(await unplaced.locator('tbody tr').count()).toBe(5);
    expect(await unplaced.locator('tbody tr').first().textContent()).toContain('示例南京新街口充电站');
    expect(await page.getByTestId('import-report').textContent()).toContain('文件没有站点类型列');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('unplaced-csv').tap(),
    ]);
    const text = readFileSync(await download.path()).toString('utf8');
    expect(text.split('\r\n').filter((l) => l.includes('示例')).length).toBe(5);
    await page.getByTestId('report-close').tap();
    expect(await state(page, (s) => s.data?.chargers.length)).toBe(bundledChargers + 2);
    expect(app.errors).toEqual([]);
  });

  it('shows a large import from afar as cells counting its firms, a tap on one zooms in, and close in its dots', async () => {
    const page = app.page;
    // The bundled firms drawn before: the distinct firms of maplibre's dots.
    const bundledDrawn = await page.evaluate(() => {
      const src = window.__huaibei?.map.getSource('enterprises') as unknown as {
        serialize(): { data: { features: { properties: { key: string } }[] } };
      };
      return new Set(src.serialize().data.features.map((f) => f.properties.key)).size;
    });
    await pickFile(page, {
      name: 'roster-6000.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(generateCsv(6000, 7).text),
    });
    await importAndWaitForReport(page);
    const placed = Number(await page.getByTestId('report-summary').getAttribute('data-placed'));
    await page.getByTestId('report-close').tap();
    await page.evaluate(() => window.__huaibei?.store.getState().setPanel('none'));
    await page.evaluate(() => window.__huaibei?.map.jumpTo({ center: [116.75, 33.8], zoom: 10.2 }));
    await waitForMapIdle(page);
    // The cells maplibre holds count every firm on the map once, and no dot is drawn meanwhile.
    const cells = () =>
      page.evaluate(() => {
        const m = window.__huaibei?.map;
        const src = m?.getSource('enterprise-cells') as unknown as
          | { serialize(): { data: { features: { properties: { firms: number } }[] } } }
          | undefined;
        return {
          drawn: !!m?.getLayer('enterprise-cells'),
          dots: !!m?.getLayer('enterprises-dot'),
          firms: src?.serialize().data.features.reduce((a, f) => a + f.properties.firms, 0) ?? 0,
        };
      });
    await expect.poll(async () => (await cells()).drawn).toBe(true);
    const far = await cells();
    expect(placed).toBeGreaterThan(5000);
    expect(far.firms).toBe(bundledDrawn + placed);
    expect(far.dots).toBe(false);
    await page.evaluate(() => window.__huaibei?.store.setState({ legendOpen: true }));
    expect(await page.locator('section.legend .legend-list').textContent()).toContain('每格企业数');
    // A tap on the fullest cell in view zooms in there.
    const at = await page.evaluate(() => {
      const m = window.__huaibei?.map;
      const found = m?.queryRenderedFeatures(undefined, { layers: ['enterprise-cells'] }) ?? [];
      const best = found.sort((a, b) => Number(b.properties?.firms) - Number(a.properties?.firms))[0];
      const ring =
        (best?.geometry as { coordinates: [number, number][][] } | undefined)?.coordinates[0] ?? [];
      const lng = ((ring[0]?.[0] ?? 0) + (ring[2]?.[0] ?? 0)) / 2;
      const lat = ((ring[0]?.[1] ?? 0) + (ring[2]?.[1] ?? 0)) / 2;
      const p = m?.project([lng, lat]);
      return { x: p?.x ?? 0, y: p?.y ?? 0, zoom: m?.getZoom() ?? 0 };
    });
    const box = await page.getByTestId('map').boundingBox();
    await page.touchscreen.tap((box?.x ?? 0) + at.x, (box?.y ?? 0) + at.y);
    await expect
      .poll(() => page.evaluate(() => window.__huaibei?.map.getZoom() ?? 0), { timeout: 10_000 })
      .toBeGreaterThan(at.zoom + 0.5);
    // Close in, the firms are dots again (deck.gl, for this many) and the cells are gone.
    await page.evaluate(() => window.__huaibei?.map.jumpTo({ center: [116.8, 33.95], zoom: 13.5 }));
    await waitForMapIdle(page);
    await expect.poll(async () => (await cells()).drawn).toBe(false);
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window.__huaibei?.map.getLayersOrder() ?? []).some((id) => id.startsWith('deck-')),
        ),
      )
      .toBe(true);
    expect(app.errors).toEqual([]);
  });
});
