import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CHARGER_COLUMNS } from '../../src/data/chargers';
import { ENTERPRISE_COLUMNS } from '../../src/data/enterprises';
import { loadBundled } from '../../src/data/load-bundled';
import {
  chargersCsv,
  chargersGeoJson,
  enterprisesCsv,
  enterprisesGeoJson,
  excelCsv,
  reportCsv,
} from '../../src/export/export-data';
import { issueReason } from '../../src/i18n/t';
import type { ImportedDataset, ReportRow } from '../../src/import/pipeline';
import { importBytes, importFixture } from '../fixtures/import-fixtures';
import { readPublic } from '../fixtures/load';

/** The cells of an exported CSV, as Excel would split them (the BOM removed first). */
function cells(csv: string): string[][] {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  return Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
}

/** An export as the bytes a user would save and bring back. */
const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('excelCsv', () => {
  it('starts with a BOM and ends every line with CRLF', () => {
    const csv = excelCsv(['a', 'b'], [['x', 'y']]);
    expect(bytesOf(csv).subarray(0, 3)).toEqual(Uint8Array.from([0xef, 0xbb, 0xbf]));
    expect(csv).toBe('\uFEFFa,b\r\nx,y\r\n');
  });

  it.each([
    ['=HYPERLINK("http://example.com")', `'=HYPERLINK("http://example.com")`],
    ['+1+1', "'+1+1"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['=1+1\n示例第二行', "'=1+1\n示例第二行"],
    ['-5', "'-5"],
  ])('neutralises the text cell %j with a leading quote', (raw, out) => {
    expect(cells(excelCsv(['v'], [[raw]]))[1]).toEqual([out]);
  });

  it('leaves text that only contains those characters later alone', () => {
    const row = ['a=b', '示例-公司', 'x@y.com', ' 1+1', '＝全角'];
    expect(cells(excelCsv(['a', 'b', 'c', 'd', 'e'], [row]))[1]).toEqual(row);
  });

  it('writes numbers as numbers, negative ones included, and null as an empty cell', () => {
    const csv = excelCsv(['n', 'm', 'lon', 'empty'], [[-5, 0, 116.886341, null]]);
    expect(csv).toBe('\uFEFFn,m,lon,empty\r\n-5,0,116.886341,\r\n');
  });

  it('keeps Chinese, quotes and line breaks intact', () => {
    const row = ['示例“引号”公司', 'a "quoted" word', '淮北市, 烈山区', '第一行\r\n第二行'];
    expect(cells(excelCsv(['a', 'b', 'c', 'd'], [row]))[1]).toEqual(row);
  });
});

describe('the export of an imported GBK roster', async () => {
  const { dataset } = await importFixture('roster-gbk.csv');
  const csv = enterprisesCsv(dataset.enterprises);
  const table = cells(csv);
  const col = (name: (typeof ENTERPRISE_COLUMNS)[number]) => ENTERPRISE_COLUMNS.indexOf(name);
  const rowOf = (id: string) => table.find((r) => r[col('id')] === id) ?? [];

  it('writes our columns and one row per record', () => {
    expect(table[0]).toEqual([...ENTERPRISE_COLUMNS]);
    expect(table).toHaveLength(1 + dataset.enterprises.length);
  });

  it('neutralises the formula-like name and keeps the markup and Chinese as text', () => {
    expect(rowOf('u1.R012')[col('name_zh')]).toBe(`'=HYPERLINK("http://example.com")示例公式有限公司`);
    expect(rowOf('u1.R010')[col('name_zh')]).toBe('示例<img src=x onerror=alert(1)>标记有限公司');
    expect(rowOf('u1.R001')).toMatchObject({
      [col('name_zh')]: '示例电池箱体科技有限公司',
      [col('area')]: 'hitech',
      [col('segments')]: 'battery-box',
      [col('name_en')]: '',
    });
  });

  it('writes points as plain numbers and no point as an empty cell', () => {
    const lon = rowOf('u1.R001')[col('lon')] ?? '';
    expect(lon).toMatch(/^116\.88\d*$/);
    expect(Number(lon)).toBe(dataset.enterprises.find((e) => e.id === 'u1.R001')?.lngLat?.[0]);
    expect(rowOf('u1.R005')[col('lon')]).toBe('');
  });

  it('imports again: names, areas, segments and points come back the same', async () => {
    const { sniffed, dataset: again } = await importBytes(bytesOf(csv), '导出.csv', { datasetId: 'u2' });
    expect(sniffed).toMatchObject({
      encoding: 'utf-8',
      bom: true,
      kind: 'enterprises',
      crs: 'wgs84',
      swapLonLat: false,
    });
    expect(sniffed.header).toEqual([...ENTERPRISE_COLUMNS]);
    expect(again.rejectedRows).toBe(0);
    expect(again.enterprises).toHaveLength(dataset.enterprises.length);
    dataset.enterprises.forEach((e, i) => {
      const back = again.enterprises[i];
      expect(back?.id).toBe(`u2.${e.id}`);
      // The export's Excel guard (') is taken off again: the formula-like name comes back as it was.
      expect(back?.name.zh).toBe(e.name.zh);
      expect(back?.area).toBe(e.area);
      expect(back?.segments).toEqual(e.segments);
      expect(back?.products).toBe(e.products);
      expect(back?.precision).toBe(e.precision);
      expect(back?.confidence).toBe(e.confidence);
      if (e.lngLat === null) expect(back?.lngLat).toBeNull();
      else {
        expect(back?.lngLat?.[0]).toBeCloseTo(e.lngLat[0], 6);
        expect(back?.lngLat?.[1]).toBeCloseTo(e.lngLat[1], 6);
      }
    });
  });
});

describe('the export of the bundled enterprises', () => {
  it('round-trips all 48 through sniff and import; those with neither point nor area come back not placed', async () => {
    const data = await loadBundled(readPublic);
    const list = data.enterprises;
    expect(list).toHaveLength(48);
    const { sniffed, dataset } = await importBytes(bytesOf(enterprisesCsv(list)), 'enterprises-export.csv');
    expect(sniffed.mapping).toEqual(Object.fromEntries(ENTERPRISE_COLUMNS.map((c, i) => [c, i])));
    expect(dataset.report.filter((r) => r.severity === 'error')).toEqual([]);
    const unplaced = dataset.unplaced?.enterprises ?? [];
    expect(unplaced.map((e) => e.name.zh)).toEqual(
      list.filter((e) => e.area === null && e.lngLat === null).map((e) => e.name.zh),
    );
    expect(unplaced.length).toBeGreaterThan(0);
    const back = [...dataset.enterprises, ...unplaced].sort((a, b) => a.line - b.line);
    expect(back.map((e) => [e.name, e.area, e.segments, e.lngLat, e.precision, e.source])).toEqual(
      list.map((e) => [e.name, e.area, e.segments, e.lngLat, e.precision, e.source]),
    );
  });
});

describe('the export of imported chargers', async () => {
  const { dataset } = await importFixture('chargers-bd09.csv');

  it('writes the charger columns with numbers and codes as they are', () => {
    const table = cells(chargersCsv(dataset.chargers));
    expect(table[0]).toEqual([...CHARGER_COLUMNS]);
    const first = table[1] ?? [];
    const at = (c: (typeof CHARGER_COLUMNS)[number]) => first[CHARGER_COLUMNS.indexOf(c)];
    expect([
      at('name'),
      at('kind'),
      at('connectors'),
      at('district'),
      at('commissioned'),
      at('status'),
    ]).toEqual(['示例相山快充站', 'dc_fast', '12', '340603', '2024-05-01', 'operating']);
    expect(at('power_kw')).toBe('');
    expect(at('illustrative')).toBe('false');
  });

  it('imports again as the same sites', async () => {
    const { sniffed, dataset: again } = await importBytes(bytesOf(chargersCsv(dataset.chargers)), 'c.csv');
    expect(sniffed.kind).toBe('chargers');
    expect(
      again.chargers.map((c) => [
        c.name,
        c.kind,
        c.connectors,
        c.district,
        c.commissioned,
        c.status,
        c.lngLat,
      ]),
    ).toEqual(
      dataset.chargers.map((c) => [
        c.name,
        c.kind,
        c.connectors,
        c.district,
        c.commissioned,
        c.status,
        c.lngLat,
      ]),
    );
  });
});

describe('GeoJSON export', () => {
  it('writes points in WGS84 and a null geometry for a record without one, without lon/lat properties', async () => {
    const { dataset } = await importFixture('roster-gbk.csv');
    const fc = JSON.parse(enterprisesGeoJson(dataset.enterprises)) as {
      type: string;
      features: {
        geometry: { type: string; coordinates: number[] } | null;
        properties: Record<string, unknown>;
      }[];
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(dataset.enterprises.length);
    const first = fc.features[0];
    expect(first?.geometry).toEqual({ type: 'Point', coordinates: dataset.enterprises[0]?.lngLat });
    expect(first?.properties).toMatchObject({
      id: 'u1.R001',
      name_zh: '示例电池箱体科技有限公司',
      area: 'hitech',
    });
    expect(first?.properties).not.toHaveProperty('lon');
    const noPoint = fc.features.find((f) => f.properties.id === 'u1.R005');
    expect(noPoint?.geometry).toBeNull();
    // GeoJSON is data, not a spreadsheet: the formula text is kept as it is.
    expect(fc.features.find((f) => f.properties.id === 'u1.R012')?.properties.name_zh).toMatch(/^=HYPERLINK/);
  });

  it('imports again with the same points', async () => {
    const { dataset } = await importFixture('chargers-bd09.csv');
    const { sniffed, dataset: again } = await importBytes(
      bytesOf(chargersGeoJson(dataset.chargers)),
      'c.geojson',
    );
    expect(sniffed.format).toBe('geojson');
    expect(sniffed.kind).toBe('chargers');
    expect(again.chargers.map((c) => c.lngLat)).toEqual(dataset.chargers.map((c) => c.lngLat));
  });
});

describe('reportCsv', () => {
  const rows: ReportRow[] = [
    {
      line: 5,
      column: '企业名称',
      severity: 'error',
      rejected: true,
      code: 'import.row.noNameRejected',
      params: {},
    },
    // A reason that starts like a formula (here an old saved report's text) is neutralised too.
    {
      column: '=cmd',
      severity: 'warning',
      rejected: false,
      code: 'import.row.saved',
      params: { text: '+note' },
    },
  ];

  it('writes a Chinese report', () => {
    expect(cells(reportCsv(rows, 'zh'))).toEqual([
      ['行号', '列', '级别', '是否导入', '原因'],
      ['5', '企业名称', '错误', '否', '缺少企业名称，此行未导入'],
      ['', "'=cmd", '提示', '是', "'+note"],
    ]);
  });

  it('writes an English report', () => {
    expect(cells(reportCsv(rows, 'en'))).toEqual([
      ['line', 'column', 'severity', 'imported', 'reason'],
      ['5', '企业名称', 'error', 'no', 'missing name; row not imported'],
      ['', "'=cmd", 'warning', 'yes', "'+note"],
    ]);
  });

  it('writes the whole report of the GBK roster, one row per problem', async () => {
    const { dataset }: { dataset: ImportedDataset } = await importFixture('roster-gbk.csv');
    const table = cells(reportCsv(dataset.report, 'en'));
    expect(table.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual(
      dataset.report.map((r) => [String(r.line), r.column, r.rejected ? 'no' : 'yes']),
    );
    // Each reason in the user's language, rendered from the row's code and parameters.
    expect(table.slice(1).map((r) => r[4])).toEqual(dataset.report.map((r) => issueReason('en', r)));
    expect(table.slice(1).every((r) => (r[4] ?? '') !== '')).toBe(true);
  });
});
