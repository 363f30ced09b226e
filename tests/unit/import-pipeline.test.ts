import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inBbox } from '../../src/data/csv';
import type { BundledData } from '../../src/data/load-bundled';
import type { Enterprise, Lang } from '../../src/data/types';
import { issueReason, t } from '../../src/i18n/t';
import { ImportFailure } from '../../src/import/failure';
import { nextImportId, withImports } from '../../src/import/merge';
import {
  buildDataset,
  checkSize,
  type ImportedDataset,
  LIMITS,
  parseCsvTable,
  parseGeoJsonTable,
  previewPoints,
  type ReportRow,
  runImport,
  sniff,
  toWgs84,
} from '../../src/import/pipeline';
import {
  bundledContext,
  type ExpectedRow,
  expectedFor,
  fixtureBytes,
  IMPORTED_AT,
  importBytes,
  importFixture,
  metres,
  optionsFrom,
  sniffBytes,
} from '../fixtures/import-fixtures';
import { importedDataset } from '../fixtures/records';

const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * What `run` throws, which must be an ImportFailure (anything else fails the test), with its
 * message rendered in both languages.
 */
function failureOf(run: () => unknown): ImportFailure & { zh: string; en: string } {
  try {
    run();
  } catch (e) {
    if (e instanceof ImportFailure)
      return Object.assign(e, { zh: t('zh', e.code, e.params), en: t('en', e.code, e.params) });
    throw e;
  }
  throw new Error('expected an ImportFailure, but nothing was thrown');
}

/** A report row's or note's sentence in a language ('' when there is none). */
const say = (lang: Lang, r: Parameters<typeof issueReason>[1] | undefined) => (r ? issueReason(lang, r) : '');

const reportAt = (ds: ImportedDataset, line: number) => ds.report.filter((r) => r.line === line);
const brief = (rows: readonly ReportRow[]) => rows.map((r) => [r.line, r.column, r.severity, r.rejected]);
const byLine = (ds: ImportedDataset, line: number): Enterprise => {
  const e = ds.enterprises.find((x) => x.line === line);
  if (!e) throw new Error(`no enterprise from line ${line}`);
  return e;
};
const expectRow = (rows: readonly ExpectedRow[], line: number): ExpectedRow => {
  const r = rows.find((x) => x.line === line);
  if (!r) throw new Error(`no expectation for line ${line}`);
  return r;
};

function expectNear(got: [number, number] | null, want: [number, number] | null | undefined, maxM = 2) {
  expect(got).not.toBeNull();
  expect(want).toBeTruthy();
  if (got && want) expect(metres(got, want)).toBeLessThan(maxM);
}

describe('the GBK roster with AMap (GCJ-02) coordinates', async () => {
  const { sniffed, dataset: ds } = await importFixture('roster-gbk.csv');
  const expected = expectedFor('roster-gbk.csv').rows;

  it('is sniffed as a GB18030 comma-separated enterprise list in GCJ-02', () => {
    expect(sniffed).toMatchObject({
      format: 'csv',
      encoding: 'gb18030',
      bom: false,
      replaced: 0,
      delimiter: ',',
      kind: 'enterprises',
      crs: 'gcj02',
      crsReason: '高德经度',
      swapLonLat: false,
      lonLatColumn: null,
    });
    expect(sniffed.header).toEqual([
      '编号',
      '企业名称',
      '所属区县',
      '产业链环节',
      '主营产品',
      '企业地址',
      '高德经度',
      '高德纬度',
      '数据来源',
    ]);
    expect(sniffed.preview).toHaveLength(12);
    expect(sniffed.preview[0]?.[1]).toBe('示例电池箱体科技有限公司');
  });

  it('previews the points as about 500 m off WGS84 until converted from GCJ-02', () => {
    const raw = previewPoints(sniffed, sniffed.mapping, null, 'wgs84', false);
    const conv = previewPoints(sniffed, sniffed.mapping, null, 'gcj02', false);
    // 12 rows: the text longitude has no point; the swapped and Nanjing rows are outside.
    expect(raw).toMatchObject({ total: 11, inside: 9, meanShiftM: 0 });
    expect(conv.total).toBe(11);
    expect(conv.inside).toBe(9);
    expect(conv.meanShiftM).toBeGreaterThan(300);
    expect(conv.meanShiftM).toBeLessThan(800);
  });

  it('reads 12 rows, rejects only the one without a name, and keeps the rest', () => {
    expect(ds.rowCount).toBe(12);
    expect(ds.rejectedRows).toBe(1);
    expect(ds.enterprises).toHaveLength(11);
    expect(ds.enterprises.map((e) => e.line)).toEqual([2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(ds).toMatchObject({
      id: 'u1',
      kind: 'enterprises',
      encoding: 'gb18030',
      crs: 'gcj02',
      mode: 'join',
    });
    expect(ds.notes).toEqual([]);
  });

  it('converts the good rows to within 2 m of their WGS84 originals', () => {
    const withPoint = expected.filter((r) => r.wgs84);
    expect(withPoint.map((r) => r.line)).toEqual([2, 3, 4, 9, 10, 11, 12, 13]);
    for (const r of withPoint) expectNear(byLine(ds, r.line).lngLat, r.wgs84);
  });

  it('resolves Chinese areas and segment names to ids', () => {
    for (const line of [2, 3, 4]) {
      const e = byLine(ds, line);
      const want = expectRow(expected, line);
      expect(e.area).toBe(want.area);
      expect(e.segments).toEqual(want.segments);
      expect(e.name.zh).toBe(want.name);
      expect(e.precision).toBe('exact');
      expect(e.confidence).toBe('medium');
    }
    expect(byLine(ds, 2)).toMatchObject({
      id: 'u1.R001',
      key: 'u1.R001',
      products: '铝合金电池箱体',
      address: '淮北高新区龙湖片区示例路1号',
      source: '示例数据（虚构，测试用）',
      locationBasis: 'roster-gbk.csv: 高德经度/高德纬度 (GCJ02)',
    });
    expect(byLine(ds, 11).segments).toEqual(['oled-lamp']);
  });

  it('rejects the row with an empty name, naming its line and the file’s column', () => {
    expect(brief(reportAt(ds, 5))).toEqual([[5, '企业名称', 'error', true]]);
    expect(say('en', reportAt(ds, 5)[0])).toMatch(/missing name/);
    expect(ds.enterprises.some((e) => e.id === 'u1.R004')).toBe(false);
  });

  it.each<[string, number, string, RegExp]>([
    ['an unparseable longitude', 6, '高德经度', /not a number \(东经116\.8/],
    [
      'swapped longitude and latitude',
      7,
      '高德经度',
      /outside Huaibei; longitude and latitude may be swapped/,
    ],
    [
      'a point in Nanjing, quoting the file’s own GCJ-02 values',
      8,
      '高德经度',
      /outside Huaibei \(the file has 118\.788203, 32\.039447 in GCJ-02; the values above are converted to WGS84\)$/,
    ],
    ['an unknown segment', 9, '产业链环节', /unknown chain segment "无人机"/],
  ])('reports %s as an error on line %i, column %s, and keeps the row', (_label, line, column, reason) => {
    const rows = reportAt(ds, line);
    expect(brief(rows)).toEqual([[line, column, 'error', false]]);
    expect(say('en', rows[0])).toMatch(reason);
    expect(say('zh', rows[0])).not.toBe('');
    expect(ds.enterprises.some((e) => e.line === line)).toBe(true);
  });

  it('keeps the rows with a bad point without one, anchored by their area', () => {
    for (const line of [6, 7, 8]) {
      expect(byLine(ds, line).lngLat).toBeNull();
      expect(byLine(ds, line).precision).toBe('district');
    }
    expect(byLine(ds, 7).area).toBe('duji');
  });

  it('keeps the row with an unknown segment with no segment', () => {
    expect(byLine(ds, 9).segments).toEqual([]);
  });

  it('warns about the repeated id on 编号 and keeps both rows under distinct keys', () => {
    expect(brief(reportAt(ds, 10))).toEqual([[10, '编号', 'warning', false]]);
    expect(say('en', reportAt(ds, 10)[0])).toMatch(/duplicate id R002/);
    const both = ds.enterprises.filter((e) => e.id === 'u1.R002');
    expect(both.map((e) => e.line)).toEqual([3, 10]);
    expect(new Set(ds.enterprises.map((e) => e.key)).size).toBe(ds.enterprises.length);
  });

  it('keeps markup in a name as literal text, with a warning on 企业名称', () => {
    const e = byLine(ds, 11);
    expect(e.name.zh).toBe('示例<img src=x onerror=alert(1)>标记有限公司');
    expect(brief(reportAt(ds, 11))).toEqual([[11, '企业名称', 'warning', false]]);
    expect(say('en', reportAt(ds, 11)[0])).toMatch(/markup/);
  });

  it('derives the area from the point when the area is empty, and says so', () => {
    const e = byLine(ds, 12);
    expect(e.area).toBe('suixi');
    expect(brief(reportAt(ds, 12))).toEqual([[12, '所属区县', 'warning', false]]);
    expect(say('en', reportAt(ds, 12)[0])).toMatch(/assigned to the district its point lies in/);
  });

  it('imports a formula-like name as plain text (the export neutralises it)', () => {
    expect(byLine(ds, 13).name.zh).toBe('=HYPERLINK("http://example.com")示例公式有限公司');
    expect(reportAt(ds, 13)).toEqual([]);
  });

  it('reports nothing on the good rows, and sorts the report by line', () => {
    for (const line of [2, 3, 4]) expect(reportAt(ds, line)).toEqual([]);
    const lines = ds.report.map((r) => r.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(ds.report).toHaveLength(8);
  });

  it('imports the same file again under another dataset id without a collision', async () => {
    const again = await importFixture('roster-gbk.csv', { datasetId: 'u2', confidence: 'low' });
    expect(again.dataset.enterprises.map((e) => e.id.slice(0, 3))).toEqual(Array(11).fill('u2.'));
    expect(again.dataset.enterprises.every((e) => e.confidence === 'low')).toBe(true);
  });
});

describe('the UTF-8 roster with a BOM', async () => {
  const { sniffed, dataset: ds } = await importFixture('roster-utf8-bom.csv');
  const expected = expectedFor('roster-utf8-bom.csv').rows;

  it('detects the BOM and strips it from the first header', () => {
    expect(sniffed).toMatchObject({ encoding: 'utf-8', bom: true, crs: 'wgs84', crsReason: null });
    expect(sniffed.header[0]).toBe('编号');
    expect(sniffed.header[0]?.charCodeAt(0)).not.toBe(0xfeff);
    expect(sniffed.mapping.id).toBe(0);
  });

  it('imports the three rows with their WGS84 points unchanged', () => {
    expect(ds.report).toEqual([]);
    expect(ds.enterprises.map((e) => [e.id, e.line, e.name.zh, e.lngLat])).toEqual(
      expected.map((r) => [`u1.${r.id}`, r.line, r.name, r.wgs84]),
    );
    expect(ds.enterprises.map((e) => e.area)).toEqual(['suixi', 'xiangshan', 'duji']);
  });
});

describe('the semicolon-separated roster', async () => {
  const { sniffed, dataset: ds } = await importFixture('roster-semicolon.csv');
  const expected = expectedFor('roster-semicolon.csv').rows;

  it('detects ";" as the delimiter', () => {
    expect(sniffed.delimiter).toBe(';');
    expect(sniffed.header).toHaveLength(9);
    expect(sniffed.preview.every((r) => r.length === 9)).toBe(true);
  });

  it('keeps the commas inside quoted cells, and reads a quoted list of two segments', () => {
    expect(ds.report).toEqual([]);
    for (const want of expected) {
      const e = byLine(ds, want.line);
      expect(e.products).toBe(want.products);
      expect(e.address).toBe(want.address);
      expect(e.segments).toEqual(want.segments);
      expect(e.lngLat).toEqual(want.wgs84);
    }
    expect(byLine(ds, 2).products).toBe('铝合金轮毂, 轮毂涂装');
  });
});

describe('the Baidu (BD-09) charger list', async () => {
  const { sniffed, dataset: ds } = await importFixture('chargers-bd09.csv');
  const expected = expectedFor('chargers-bd09.csv').rows;

  it('is sniffed as a charger list in BD-09', () => {
    expect(sniffed).toMatchObject({
      kind: 'chargers',
      crs: 'bd09',
      crsReason: '百度经度',
      swapLonLat: false,
    });
  });

  it('imports all five sites with no error', () => {
    expect(ds.kind).toBe('chargers');
    expect(ds.enterprises).toEqual([]);
    expect(ds.chargers).toHaveLength(5);
    expect(ds.rejectedRows).toBe(0);
    expect(ds.report.filter((r) => r.severity === 'error')).toEqual([]);
  });

  it('converts every point to within 2 m of its WGS84 original', () => {
    for (const want of expected) {
      const c = ds.chargers.find((x) => x.line === want.line);
      expectNear(c?.lngLat ?? null, want.wgs84);
    }
  });

  it('normalises kinds, counts, dates and statuses, and resolves district names to adcodes', () => {
    expect(
      ds.chargers.map((c) => ({
        line: c.line,
        name: c.name,
        operator: c.operator,
        kind: c.kind,
        connectors: c.connectors,
        district: c.district,
        commissioned: c.commissioned,
        status: c.status,
      })),
    ).toEqual(
      expected.map((r) => ({
        line: r.line,
        name: r.name,
        operator: r.operator,
        kind: r.kind,
        connectors: r.connectors,
        district: r.district,
        commissioned: r.commissioned,
        status: r.status,
      })),
    );
  });

  it('marks imported sites as real data with a default source and ids from their lines', () => {
    for (const c of ds.chargers) {
      expect(c.illustrative).toBe(false);
      expect(c.id).toBe(`u1.r${c.line}`);
      expect(c.source).toBe('chargers-bd09.csv (2026-11-25)');
    }
  });

  it('warns about what the list does not say, on our field names when no column is mapped', () => {
    // No township or power column: nothing to report for those; no connector count is missing.
    expect(ds.report.every((r) => r.severity === 'warning')).toBe(true);
  });
});

describe('a roster whose 经度 and 纬度 columns are swapped', async () => {
  const { sniffed, dataset: ds } = await importFixture('roster-swapped-columns.csv');
  const expected = expectedFor('roster-swapped-columns.csv').rows;

  it('is detected from the preview, and the points land in Huaibei', () => {
    expect(sniffed.swapLonLat).toBe(true);
    expect(ds.report).toEqual([]);
    expect(ds.notes).toEqual([]);
    for (const want of expected) {
      const e = byLine(ds, want.line);
      expectNear(e.lngLat, want.wgs84, 0.5);
      const [x, y] = e.lngLat ?? [0, 0];
      expect(inBbox(x, y)).toBe(true);
    }
    expect(ds.enterprises.map((e) => e.area)).toEqual(['hitech', 'xiangshan', 'suixi']);
  });

  it('imported without the swap, every point is reported outside and a note names the cause', async () => {
    const straight = await importFixture('roster-swapped-columns.csv', { swapLonLat: false });
    expect(straight.dataset.enterprises.every((e) => e.lngLat === null)).toBe(true);
    expect(straight.dataset.report.map((r) => [r.line, r.column])).toEqual([
      [2, '经度'],
      [3, '经度'],
      [4, '经度'],
    ]);
    expect(straight.dataset.notes).toHaveLength(1);
    expect(say('en', straight.dataset.notes[0])).toMatch(/3 of 3 points fall outside Huaibei.*swapped/);
  });
});

describe('the GeoJSON roster', async () => {
  const { sniffed, dataset: ds } = await importFixture('roster.geojson');
  const expected = expectedFor('roster.geojson').rows;

  it('is read as a table of its properties plus lon and lat', () => {
    expect(sniffed.format).toBe('geojson');
    expect(sniffed.header).toEqual(['编号', '企业名称', '所属区县', '产业链环节', '数据来源', 'lon', 'lat']);
    expect(sniffed.mapping).toMatchObject({
      id: 0,
      name_zh: 1,
      area: 2,
      segments: 3,
      source: 4,
      lon: 5,
      lat: 6,
    });
  });

  it('imports each feature, numbered from 1, with its point', () => {
    expect(ds.report).toEqual([]);
    expect(ds.enterprises.map((e) => [e.line, e.name.zh, e.lngLat])).toEqual(
      expected.map((r) => [r.line, r.name, r.wgs84]),
    );
  });

  it('resolves segment names that contain 、 (储氢装备（高压气态、低温液态）)', () => {
    expect(ds.enterprises.map((e) => e.segments)).toEqual([
      ['h2-storage'],
      ['vehicle-electronics'],
      ['special-vehicle-parts'],
    ]);
  });

  it('takes a point on a line, and keeps a feature with no geometry without one', () => {
    const t = parseGeoJsonTable(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: {
              type: 'LineString',
              coordinates: [
                [116.8, 33.9],
                [116.9, 34],
              ],
            },
            properties: { 名称: '示例线' },
          },
          { type: 'Feature', geometry: null, properties: { 名称: '示例无几何' } },
        ],
      }),
    );
    expect(t.header).toEqual(['名称', 'lon', 'lat']);
    expect(t.rows).toEqual([
      { cells: ['示例线', '116.9', '34'], line: 1 },
      { cells: ['示例无几何', '', ''], line: 2 },
    ]);
    expect(t.issues.map((i) => [i.line, i.field, i.code, i.severity])).toEqual([
      [1, 'geometry', 'import.row.linePoint', 'warning'],
    ]);
  });

  it.each([
    ['not JSON', '{"type": "FeatureCollection", ', /not valid JSON/],
    [
      'not a FeatureCollection',
      '{"type": "Feature", "geometry": null, "properties": {}}',
      /FeatureCollection/,
    ],
  ])('refuses %s with an ImportFailure', (_label, text, reason) => {
    expect(failureOf(() => parseGeoJsonTable(text)).en).toMatch(reason);
    const bytes = utf8(text);
    expect(failureOf(() => sniff(bytes, 'bad.geojson', bytes.length, bytes)).en).toMatch(reason);
  });
});

describe('files with nothing to import', () => {
  it('refuses the empty file clearly, in sniff and in the import', async () => {
    const bytes = fixtureBytes('empty.csv');
    expect(bytes.length).toBe(0);
    expect(failureOf(() => sniffBytes(bytes, 'empty.csv'))).toMatchObject({
      code: 'row.fileEmpty',
      zh: '文件是空的',
      en: 'the file is empty',
    });
    const ctx = await bundledContext();
    const o = optionsFrom(sniffBytes(fixtureBytes('header-only.csv'), 'empty.csv'));
    expect(failureOf(() => runImport(bytes, o, ctx, IMPORTED_AT)).en).toBe('the file is empty');
  });

  it('refuses a file of blank lines', () => {
    const bytes = utf8('\r\n \r\n\r\n');
    expect(failureOf(() => sniff(bytes, 'blank.csv', bytes.length)).en).toMatch(/no content/);
  });

  it('imports the header-only file as zero rows, with an empty report', async () => {
    const { sniffed, dataset: ds } = await importFixture('header-only.csv');
    expect(sniffed.header).toHaveLength(9);
    expect(sniffed.preview).toEqual([]);
    expect(sniffed.mapping.name_zh).toBe(1);
    expect(ds).toMatchObject({ rowCount: 0, rejectedRows: 0, enterprises: [], chargers: [], report: [] });
  });

  it('refuses an import with no name column', async () => {
    const s = sniffBytes(fixtureBytes('roster-utf8-bom.csv'), 'roster-utf8-bom.csv');
    const { name_zh: _dropped, ...mapping } = s.mapping;
    const ctx = await bundledContext();
    const f = failureOf(() =>
      runImport(fixtureBytes('roster-utf8-bom.csv'), optionsFrom(s, 'u1', { mapping }), ctx, IMPORTED_AT),
    );
    expect(f.en).toMatch(/no column chosen for "name_zh"/);
  });
});

describe('files that are not tables', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
  const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0]);
  const nul = utf8('编号,企业名称\n1,\u0000示例\n');

  it.each<[string, Uint8Array, RegExp]>([
    ['a PNG', png, /PNG image/],
    ['an .xlsx (zip)', zip, /Excel \(\.xlsx\)/],
    ['text with NUL bytes', nul, /NUL bytes/],
  ])('refuses %s in sniff and in the import, with a reason', async (_label, bytes, reason) => {
    expect(failureOf(() => sniff(bytes, 'data.csv', bytes.length)).en).toMatch(reason);
    const ctx = await bundledContext();
    const o = optionsFrom(sniffBytes(fixtureBytes('roster-utf8-bom.csv'), 'data.csv'));
    expect(failureOf(() => runImport(bytes, o, ctx, IMPORTED_AT)).en).toMatch(reason);
  });
});

describe('limits', () => {
  it('refuses a file over LIMITS.maxBytes by its size alone, before reading it', () => {
    const f = failureOf(() => checkSize(LIMITS.maxBytes + 1));
    expect(f.en).toMatch(/over the 80 MB limit/);
    expect(() => checkSize(LIMITS.maxBytes)).not.toThrow();
    // A valid sample does not help; and the size is checked before the bytes (here: a PNG).
    const sample = fixtureBytes('roster-utf8-bom.csv');
    expect(failureOf(() => sniff(sample, 'big.csv', 200 * 1024 * 1024)).en).toMatch(/200 MB/);
    expect(
      failureOf(() => sniff(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]), 'big.png', LIMITS.maxBytes + 1)).en,
    ).toMatch(/limit/);
  });

  it('refuses 10,000 columns in sniff and in the import', async () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `列${i + 1}`).join(',');
    const row = Array.from({ length: 10_000 }, (_, i) => String(i)).join(',');
    const bytes = utf8(`${header}\n${row}\n`);
    expect(failureOf(() => sniff(bytes, 'wide.csv', bytes.length)).en).toMatch(
      /10000 columns, over the limit of 500/,
    );
    expect(failureOf(() => parseCsvTable(new TextDecoder().decode(bytes), ',')).en).toMatch(/10000 columns/);
    const ctx = await bundledContext();
    const o = optionsFrom(sniffBytes(fixtureBytes('roster-utf8-bom.csv'), 'wide.csv'));
    expect(failureOf(() => runImport(bytes, o, ctx, IMPORTED_AT)).en).toMatch(/10000 columns/);
  });

  it('refuses a GeoJSON file with more than LIMITS.maxColumns property names', () => {
    const properties = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`p${i}`, i]));
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: null, properties }],
    });
    expect(failureOf(() => parseGeoJsonTable(text)).en).toMatch(/columns, over the limit/);
  });
});

describe('a file where every row is bad', () => {
  it('gives a dataset with no records, every row in the report and a note', async () => {
    const text =
      '编号,企业名称,所属区县,经度,纬度\r\nX1,,相山区,116.74,33.98\r\nX2,  ,烈山区,,\r\nX3,,,abc,\r\n';
    const { dataset: ds } = await importBytes(utf8(text), 'all-bad.csv');
    expect(ds.enterprises).toEqual([]);
    expect(ds.rowCount).toBe(3);
    expect(ds.rejectedRows).toBe(3);
    expect(brief(ds.report)).toEqual([
      [2, '企业名称', 'error', true],
      [3, '企业名称', 'error', true],
      [4, '企业名称', 'error', true],
    ]);
    expect(ds.notes).toEqual([{ code: 'import.note.nothingImported', params: {} }]);
    expect(ds.notes.map((n) => [say('zh', n), say('en', n)])).toEqual([
      ['所有行都有问题，没有导入任何数据', 'every row has a problem; nothing was imported'],
    ]);
  });

  it('keeps a charger list with neither points nor districts apart, as not placed', async () => {
    const text =
      '站点名称,运营商,类型,充电桩数,百度经度,百度纬度,所属区县\n示例站甲,示例运营商,直流快充,4,,,\n示例站乙,示例运营商,换电站,2,,,\n';
    const { dataset: ds } = await importBytes(utf8(text), 'no-place.csv');
    expect(ds.kind).toBe('chargers');
    expect(ds.chargers).toEqual([]);
    expect(ds.unplaced?.chargers.map((c) => [c.line, c.name])).toEqual([
      [2, '示例站甲'],
      [3, '示例站乙'],
    ]);
    expect(ds.rejectedRows).toBe(0);
    // No "counted by its district" for a site with no district: the one line says it is kept apart.
    expect(brief(ds.report)).toEqual([
      [2, '百度经度', 'warning', false],
      [3, '百度经度', 'warning', false],
    ]);
    expect(say('en', ds.report[0])).toMatch(/not placed/);
    expect(ds.notes.map((n) => n.code)).toEqual([
      'import.note.noCommissionedColumn',
      'import.note.nothingPlaced',
    ]);
  });
});

describe('line numbers', () => {
  it('count quoted cells that span lines, and blank rows as Excel writes them (",,,,")', async () => {
    const text = [
      '编号,企业名称,所属区县,主营产品,经度,纬度',
      'L1,示例甲公司,相山区,"铝合金轮毂',
      '轮毂涂装",116.74,33.98',
      ',,,,,',
      ' , , , , , ',
      '',
      'L2,,相山区,缺名称,116.74,33.98',
      'L3,示例丙公司,相山区,"<b>粗体</b>",116.74,33.98',
    ].join('\r\n');
    const { dataset: ds } = await importBytes(utf8(text), 'lines.csv');
    expect(ds.rowCount).toBe(3);
    expect(ds.enterprises.map((e) => [e.id, e.line])).toEqual([
      ['u1.L1', 2],
      ['u1.L3', 8],
    ]);
    expect(byLine(ds, 2).products).toBe('铝合金轮毂\r\n轮毂涂装');
    expect(brief(ds.report)).toEqual([
      [7, '企业名称', 'error', true],
      [8, '主营产品', 'warning', false],
    ]);
  });

  it('warn about a row with more or fewer cells than the header', async () => {
    const text = '编号,企业名称,所属区县,经度,纬度\nA1,示例甲公司,相山区,116.74,33.98,多余\nA2,示例乙公司\n';
    const { dataset: ds } = await importBytes(utf8(text), 'ragged.csv');
    expect(ds.enterprises).toHaveLength(1);
    // The short row has no point and no area left: kept, but apart.
    expect(ds.unplaced?.enterprises.map((e) => e.line)).toEqual([3]);
    expect(brief(ds.report)).toEqual([
      [2, '(csv)', 'warning', false],
      [3, '(csv)', 'warning', false],
      [3, '经度', 'warning', false],
    ]);
    expect(say('en', ds.report[0])).toMatch(/6 cells; the header has 5/);
  });
});

describe('a combined 经纬度 column (AMap location)', () => {
  it('is found and split, converted with the system the user chose, and reported under its name', async () => {
    const [lon, lat] = [116.892776, 33.958436]; // GCJ-02 of the High-tech Zone's 龙湖片区 centre
    const text = `企业名称,所属区县,经纬度\n示例坐标合并有限公司,高新区,"${lon},${lat}"\n示例坐标错误有限公司,高新区,"121.47,31.23"\n`;
    const bytes = utf8(text);
    const sniffed = sniffBytes(bytes, 'location.csv');
    expect(sniffed.lonLatColumn).toBe(2);
    expect(sniffed.mapping.lon).toBeUndefined();
    expect(sniffed.crs).toBe('wgs84');
    const ctx = await bundledContext();
    const ds = runImport(bytes, optionsFrom(sniffed, 'u1', { crs: 'gcj02' }), ctx, IMPORTED_AT);
    expectNear(ds.enterprises[0]?.lngLat ?? null, [116.8875, 33.96]);
    expect(brief(ds.report)).toEqual([[3, '经纬度', 'error', false]]);
    expect(toWgs84(lon, lat, 'wgs84')).toEqual([lon, lat]);
  });
});

describe('a 50,000-row roster', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-50k-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Deterministic: row i (line i + 2, with one Excel blank row after 30,000 data rows).
  const ROWS = 50_000;
  const BLANK_AFTER = 30_000;
  const lineOf = (i: number) => i + 2 + (i >= BLANK_AFTER ? 1 : 0);
  const NO_NAME = 49_987; // → line 49,990
  const OUTSIDE = 49_992; // → line 49,995

  it('imports completely, with the planted bad rows on the right lines', async () => {
    const lines = ['编号,企业名称,所属区县,产业链环节,高德经度,高德纬度'];
    for (let i = 0; i < ROWS; i += 1) {
      if (i === BLANK_AFTER) lines.push(',,,,,');
      const lon = (116.7 + (i % 100) * 0.002).toFixed(6);
      const lat = (33.9 + (Math.floor(i / 100) % 100) * 0.001).toFixed(6);
      const name = i === NO_NAME ? '' : `示例企业${i}号`;
      const point = i === OUTSIDE ? ['121.47', '31.23'] : [lon, lat];
      lines.push(
        [`N${i}`, name, i % 2 ? '烈山区' : '相山区', i % 3 ? '铝合金轮毂' : '动力电池', ...point].join(','),
      );
    }
    const path = join(dir, 'roster-50k.csv');
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);
    const bytes = new Uint8Array(readFileSync(path));
    expect(bytes.length).toBeGreaterThan(LIMITS.sampleBytes);

    const sniffed = sniffBytes(bytes, 'roster-50k.csv');
    expect(sniffed).toMatchObject({
      encoding: 'utf-8',
      crs: 'gcj02',
      kind: 'enterprises',
      swapLonLat: false,
    });
    expect(sniffed.preview).toHaveLength(20);

    const shares: number[] = [];
    const ds = runImport(bytes, optionsFrom(sniffed), await bundledContext(), IMPORTED_AT, (stage, share) => {
      if (stage === 'read') shares.push(share);
    });
    expect(ds.rowCount).toBe(ROWS);
    expect(ds.rejectedRows).toBe(1);
    expect(ds.enterprises).toHaveLength(ROWS - 1);
    expect(new Set(ds.enterprises.map((e) => e.key)).size).toBe(ROWS - 1);

    expect(brief(ds.report)).toEqual([
      [49_990, '企业名称', 'error', true],
      [49_995, '高德经度', 'error', false],
    ]);
    expect(ds.enterprises.find((e) => e.id === `u1.N${OUTSIDE}`)?.lngLat).toBeNull();
    // The rows around the blank row and the last one keep their lines.
    for (const i of [0, BLANK_AFTER - 1, BLANK_AFTER, ROWS - 1]) {
      expect(ds.enterprises.find((e) => e.id === `u1.N${i}`)?.line).toBe(lineOf(i));
    }
    expect(lineOf(ROWS - 1)).toBe(50_002);
    expect(ds.enterprises.filter((e) => e.lngLat !== null)).toHaveLength(ROWS - 2);
    // Odd rows are in Lieshan; the nameless row (odd) is not imported.
    expect(ds.enterprises.filter((e) => e.area === 'lieshan')).toHaveLength(ROWS / 2 - 1);

    expect(shares.length).toBeGreaterThan(10);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares.at(-1)).toBeGreaterThan(0.95);
  }, 60_000);
});

describe('a converted point outside the city', () => {
  it('is reported with the point as the file typed it and the system it was converted from', async () => {
    const csv = [
      '编号,企业名称,所属区县,经度,纬度,坐标系',
      'A1,示例上海公司,相山区,121.47,31.23,GCJ02',
      'A2,示例颠倒公司,相山区,33.954,116.798,百度',
      'A3,示例北京公司,相山区,116.40,39.90,WGS84',
      'A4,示例本地公司,相山区,116.798,33.954,GCJ02',
    ].join('\n');
    const { dataset: ds } = await importBytes(utf8(`${csv}\n`), 'outside.csv', { crs: 'wgs84' });
    const at = (line: number) => reportAt(ds, line).filter((r) => r.column === '经度');
    expect(at(2)).toMatchObject([
      { code: 'import.row.outsideConverted', params: { typed: '121.47, 31.23', crs: 'GCJ-02' } },
    ]);
    expect(at(3)).toMatchObject([
      { code: 'import.row.outsideSwappedConverted', params: { typed: '33.954, 116.798', crs: 'BD-09' } },
    ]);
    // Not converted: nothing to quote beside the point itself.
    expect(at(4)).toMatchObject([{ code: 'row.pointOutside' }]);
    expect(at(4)[0]?.params).not.toHaveProperty('typed');
    expect(at(5)).toEqual([]);
  });
});

describe('a roster longer than one part of records', () => {
  it('finds an id repeated thousands of rows later, and converts every row with its own system', async () => {
    // 9,000 rows: the records are made a part of 4,096 rows at a time, so both repeats cross a part.
    const lines = ['编号,企业名称,所属区县,经度,纬度,坐标系'];
    for (let i = 0; i < 9000; i += 1) {
      const id = i === 5000 ? 'N10' : i === 8500 ? 'N4095' : `N${i}`;
      const crs = i % 3 === 0 ? 'WGS84' : i % 3 === 1 ? 'GCJ02' : 'BD09';
      lines.push([id, `示例企业${i}号`, '相山区', '116.798000', '33.954000', crs].join(','));
    }
    const bytes = utf8(`${lines.join('\n')}\n`);
    const { dataset: ds } = await importBytes(bytes, 'long.csv');
    expect(ds.enterprises).toHaveLength(9000);
    const repeats = ds.report.filter((r) => r.code === 'row.duplicateId');
    expect(repeats.map((r) => r.line)).toEqual([5002, 8502]);
    expect(byLine(ds, 5002).key).toBe('u1.N10~5002');
    expect(byLine(ds, 8502).key).toBe('u1.N4095~8502');
    expect(new Set(ds.enterprises.map((e) => e.key)).size).toBe(9000);
    // Each row's point is what toWgs84 makes of it in its own row's system.
    for (const [line, crs] of [
      [2, 'wgs84'],
      [4098, 'gcj02'],
      [8998, 'bd09'],
    ] as const) {
      const [x, y] = toWgs84(116.798, 33.954, crs);
      expect(byLine(ds, line).lngLat).toEqual([Number(x.toFixed(6)), Number(y.toFixed(6))]);
    }
  });
});

describe('merge', () => {
  const ds = (id: string, kind: ImportedDataset['kind'], mode: ImportedDataset['mode']): ImportedDataset =>
    importedDataset(id, { kind, mode, importedAt: IMPORTED_AT });

  it('joins imported records to the bundled ones, or replaces those of the same kind', async () => {
    const { dataset: roster } = await importFixture('roster-utf8-bom.csv');
    const { dataset: chargers } = await importFixture('chargers-bd09.csv', { datasetId: 'u2' });
    const bundled = {
      enterprises: [{ id: 'ent-001' }, { id: 'ent-002' }],
      chargers: [{ id: 'chg-0001' }],
      nev: [],
    } as unknown as BundledData;

    expect(withImports(bundled, [])).toBe(bundled);

    const joined = withImports(bundled, [roster, chargers]);
    expect(joined.enterprises.map((e) => e.id)).toEqual([
      'ent-001',
      'ent-002',
      'u1.B001',
      'u1.B002',
      'u1.B003',
    ]);
    expect(joined.chargers.map((c) => c.id)).toEqual([
      'chg-0001',
      'u2.r2',
      'u2.r3',
      'u2.r4',
      'u2.r5',
      'u2.r6',
    ]);
    expect(joined.nev).toBe(bundled.nev);

    const replaced = withImports(bundled, [{ ...roster, mode: 'replace' }, chargers]);
    expect(replaced.enterprises.map((e) => e.id)).toEqual(['u1.B001', 'u1.B002', 'u1.B003']);
    expect(replaced.chargers.map((c) => c.id)[0]).toBe('chg-0001');

    // A charger import that replaces does not remove the bundled enterprises.
    const onlyChargers = withImports(bundled, [{ ...chargers, mode: 'replace' }]);
    expect(onlyChargers.enterprises.map((e) => e.id)).toEqual(['ent-001', 'ent-002']);
    expect(onlyChargers.chargers).toHaveLength(5);
  });

  it('nextImportId gives the lowest free u<n>', () => {
    expect(nextImportId([])).toBe('u1');
    expect(nextImportId([ds('u1', 'enterprises', 'join'), ds('u2', 'chargers', 'join')])).toBe('u3');
    expect(nextImportId([ds('u2', 'enterprises', 'join')])).toBe('u1');
    expect(nextImportId([ds('u1', 'enterprises', 'join'), ds('u3', 'chargers', 'replace')])).toBe('u2');
  });
});

describe('buildDataset on a parsed table', () => {
  it('uses the table it is given and reports the table’s own issues', async () => {
    const table = parseCsvTable('企业名称,经度,纬度\n"示例甲公司,116.74,33.98\n', ',');
    expect(table.issues.length).toBeGreaterThan(0);
    const s = sniffBytes(utf8('企业名称,经度,纬度\n示例,116.74,33.98\n'), 'q.csv');
    const ds = buildDataset(table, optionsFrom(s), await bundledContext(), IMPORTED_AT);
    const quote = ds.report.find((r) => r.column === '(csv)');
    expect(quote).toMatchObject({ line: 2, code: 'import.row.badQuote', severity: 'error' });
    // Our words, in each language: never the parser's English inside a Chinese sentence.
    expect(say('zh', quote)).not.toMatch(/[A-Za-z]/);
    expect(say('en', quote)).toMatch(/quote is misplaced/);
  });
});
