// Issue 15: nothing counted that is not on the map, nothing dropped without a line in the report.
// Every fixture of scripts/make-import-fixtures.mjs: its rows all accounted for (placed, kept
// unplaced or refused), every non-empty cell read or named in the report, and the app's own CSV
// and GeoJSON exports of what it imported read back unchanged.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Charger } from '../../src/data/chargers';
import { loadBundled } from '../../src/data/load-bundled';
import type { Enterprise, Lang } from '../../src/data/types';
import { sitesByDistrict } from '../../src/domain/charging';
import {
  chargersCsv,
  chargersGeoJson,
  enterprisesCsv,
  enterprisesGeoJson,
} from '../../src/export/export-data';
import { issueReason, t } from '../../src/i18n/t';
import { FIELDS, unmappedColumns } from '../../src/import/columns';
import { withImports } from '../../src/import/merge';
import { readCrs, readDegrees, splitLonLat, withoutExcelGuard } from '../../src/import/normalise';
import {
  type ImportedDataset,
  parseCsvTable,
  readTable,
  type Sniffed,
  statedCrs,
  wantsWholeFile,
} from '../../src/import/pipeline';
import {
  expectedFor,
  fixtureBytes,
  importBytes,
  importFixture,
  metres,
  optionsFrom,
} from '../fixtures/import-fixtures';
import { readPublic } from '../fixtures/load';

const FIXTURES = [
  'roster-gbk.csv',
  'roster-utf8-bom.csv',
  'roster-semicolon.csv',
  'chargers-bd09.csv',
  'roster-swapped-columns.csv',
  'roster.geojson',
  'header-only.csv',
  'roster-unclosed-quote.csv',
  'roster-dms.csv',
  'roster-crs-column.csv',
  'sites-polygons.geojson',
  'chargers-other-province.csv',
  'roster-json.txt',
  'roster-unmapped-columns.csv',
];

type AnyRecord = Enterprise | Charger;
const say = (lang: Lang, r: Parameters<typeof issueReason>[1] | undefined) => (r ? issueReason(lang, r) : '');
const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;

/** A dataset's records, placed and not, in file order. */
function allRecords(ds: ImportedDataset): AnyRecord[] {
  const u = ds.unplaced ?? { enterprises: [], chargers: [] };
  return [...ds.enterprises, ...ds.chargers, ...u.enterprises, ...u.chargers].sort(byLine);
}
const unplacedCount = (ds: ImportedDataset) =>
  (ds.unplaced?.enterprises.length ?? 0) + (ds.unplaced?.chargers.length ?? 0);

/** A record as the app's CSV export writes it: column → cell. */
function exportedRow(ds: ImportedDataset, r: AnyRecord): Record<string, string> {
  const text = ds.kind === 'enterprises' ? enterprisesCsv([r as Enterprise]) : chargersCsv([r as Charger]);
  return (
    Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data[0] ?? {}
  );
}

/** What a record is, without what an import gives it (its dataset prefix, key and line). */
function essence(r: AnyRecord, datasetId: string): Record<string, unknown> {
  const { key: _key, line: _line, ownId: _own, ...rest } = r as Enterprise;
  return { ...rest, id: r.id.replace(new RegExp(`^${datasetId}\\.`), '') };
}

describe.each(FIXTURES)('the fixture %s', async (name) => {
  const { sniffed, dataset: ds } = await importFixture(name);
  const expected = expectedFor(name);

  it('accounts for every row: placed + kept unplaced + refused = the rows written in the file', () => {
    const placed = ds.enterprises.length + ds.chargers.length;
    expect(placed + unplacedCount(ds) + ds.rejectedRows).toBe((expected as { dataRows?: number }).dataRows);
    expect(ds.rowCount).toBe((expected as { dataRows?: number }).dataRows);
  });

  it('places only records with a usable point or an area, and lists every other one apart', () => {
    for (const e of ds.enterprises) expect(e.lngLat !== null || e.area !== null).toBe(true);
    for (const c of ds.chargers) expect(c.lngLat !== null || c.district !== null).toBe(true);
    for (const e of ds.unplaced?.enterprises ?? []) expect([e.lngLat, e.area]).toEqual([null, null]);
    for (const c of ds.unplaced?.chargers ?? []) expect([c.lngLat, c.district]).toEqual([null, null]);
    // Each row kept apart says so in the report, on its line.
    for (const r of [...(ds.unplaced?.enterprises ?? []), ...(ds.unplaced?.chargers ?? [])]) {
      expect(ds.report.some((x) => x.line === r.line && x.code === 'import.row.unplaced')).toBe(true);
    }
  });

  it('reads every non-empty cell or names it in the report', () => {
    const o = optionsFrom(sniffed);
    const table = readTable(fixtureBytes(name), o);
    const records = new Map(allRecords(ds).map((r) => [r.line, r]));
    const refused = new Set(ds.report.filter((r) => r.rejected).map((r) => r.line));
    const named = new Map<number, Set<string>>();
    for (const r of ds.report) {
      if (r.line === undefined) continue;
      if (!named.has(r.line)) named.set(r.line, new Set());
      named.get(r.line)?.add(r.column);
    }
    const noted = new Set(
      ds.notes.filter((n) => n.code === 'import.note.unmappedColumn').map((n) => n.params.column),
    );
    const unread = new Set(
      unmappedColumns(table.header, o.kind, o.mapping, o.lonLatColumn, o.crsColumn ?? null),
    );
    const coordinateColumns = new Set(
      [o.mapping.lon, o.mapping.lat, o.lonLatColumn]
        .filter((i): i is number => i !== undefined && i !== null)
        .map((i) => table.header[i] as string),
    );
    if (ds.format === 'geojson') coordinateColumns.add('geometry');
    const fieldsOf = (col: number) => FIELDS[o.kind].filter((f) => o.mapping[f] === col);
    for (const { cells, line } of table.rows) {
      const rec = records.get(line);
      const out = rec ? exportedRow(ds, rec) : {};
      const says = named.get(line) ?? new Set<string>();
      for (const [j, cell] of cells.entries()) {
        if (cell.trim() === '' || refused.has(line)) continue;
        const column = table.header[j] ?? '';
        const where = `${name} line ${line} column ${column || j}: “${cell}”`;
        if (j >= table.header.length) expect(says.has('(csv)'), where).toBe(true);
        else if (unread.has(j)) expect(noted.has(column), where).toBe(true);
        else if (says.has(column)) continue;
        else if (coordinateColumns.has(column)) {
          if (![...coordinateColumns].some((c) => says.has(c)))
            expect(out.lon !== '' && out.lat !== '', where).toBe(true);
        } else if (j === o.crsColumn) expect(readCrs(cell), where).not.toBeNull();
        else {
          const fields = fieldsOf(j);
          expect(fields.length, where).toBeGreaterThan(0);
          expect(
            fields.some((f) => (out[f] ?? '') !== ''),
            where,
          ).toBe(true);
        }
      }
    }
  });

  it('imports its own CSV export again unchanged, placed and unplaced alike', async () => {
    if (allRecords(ds).length === 0) return;
    const list = allRecords(ds);
    const csv =
      ds.kind === 'enterprises' ? enterprisesCsv(list as Enterprise[]) : chargersCsv(list as Charger[]);
    const { dataset: again } = await importBytes(new TextEncoder().encode(csv), 'export.csv', {
      datasetId: 'u2',
    });
    expect(again.rejectedRows).toBe(0);
    expect(allRecords(again).map((r) => essence(r, 'u2'))).toEqual(list.map((r) => essence(r, '')));
    expect(unplacedCount(again)).toBe(unplacedCount(ds));
  });

  it('imports its own GeoJSON export again unchanged', async () => {
    if (allRecords(ds).length === 0) return;
    const list = allRecords(ds);
    const json =
      ds.kind === 'enterprises'
        ? enterprisesGeoJson(list as Enterprise[])
        : chargersGeoJson(list as Charger[]);
    const { dataset: again } = await importBytes(new TextEncoder().encode(json), 'export.geojson', {
      datasetId: 'u2',
    });
    expect(again.rejectedRows).toBe(0);
    expect(allRecords(again).map((r) => essence(r, 'u2'))).toEqual(list.map((r) => essence(r, '')));
  });
});

describe('an unclosed quote', async () => {
  const { sniffed, dataset: ds } = await importFixture('roster-unclosed-quote.csv');
  const want = expectedFor('roster-unclosed-quote.csv');

  it('does not swallow the lines after it: all nine rows come back, in place', () => {
    expect(sniffed.preview).toHaveLength(9);
    expect(ds.enterprises.map((e) => [e.line, e.id.slice(3), e.name.zh])).toEqual(
      want.rows.map((r) => [r.line, r.id, r.name]),
    );
    for (const r of want.rows) {
      const e = ds.enterprises.find((x) => x.line === r.line);
      expect(e?.lngLat).toEqual(r.wgs84);
    }
    expect(ds.enterprises.find((e) => e.line === 4)).toMatchObject({
      area: 'duji',
      segments: ['special-vehicle'],
    });
  });

  it('is reported once, on its line, with the lines it ran over, in the reader’s language', () => {
    const quote = ds.report.filter((r) => r.column === '(csv)');
    expect(quote.map((r) => [r.line, r.code, r.params])).toEqual([
      [4, 'import.row.unclosedQuote', { span: '4–8' }],
    ]);
    expect(say('zh', quote[0])).toBe(
      '引号没有闭合，4–8 行被连成了一个单元格；已按没有这个引号重读这一行，其后各行照常读取',
    );
    expect(say('en', quote[0])).toMatch(/^a quote is never closed, so lines 4–8 ran together/);
  });

  it('is found also when no later quote closes it (the rest of the file), and in the header', () => {
    const t1 = parseCsvTable('a,b,c\n1,x,y\n2,"bad,z\n3,p,q\n4,r,s\n', ',');
    expect(t1.rows.map((r) => [r.line, r.cells])).toEqual([
      [2, ['1', 'x', 'y']],
      [3, ['2', 'bad', 'z']],
      [4, ['3', 'p', 'q']],
      [5, ['4', 'r', 's']],
    ]);
    expect(t1.issues.map((i) => [i.line, i.code, i.params])).toEqual([
      [3, 'import.row.unclosedQuote', { span: '3–5' }],
    ]);
    // Closed by chance in a later line, with no parser error and the right number of cells: a whole
    // row inside the cell gives it away.
    const t2 = parseCsvTable('a,b,c\n1,x,y\n2,"bad,z\n3,p,q\n4,r",s\n5,u,v\n', ',');
    expect(t2.rows.map((r) => r.cells)).toEqual([
      ['1', 'x', 'y'],
      ['2', 'bad', 'z'],
      ['3', 'p', 'q'],
      ['4', 'r"', 's'],
      ['5', 'u', 'v'],
    ]);
    expect(t2.issues.map((i) => [i.line, i.params])).toEqual([[3, { span: '3–5' }]]);
    const t3 = parseCsvTable('"a,b,c\n1,x,y\n', ',');
    expect(t3.header).toEqual(['a', 'b', 'c']);
    expect(t3.rows.map((r) => r.cells)).toEqual([['1', 'x', 'y']]);
  });

  it('leaves a quoted cell that spans lines as it is', () => {
    const t1 = parseCsvTable('a,b,c\n1,"x\ny",z\n2,p,q\n', ',');
    expect(t1.issues).toEqual([]);
    expect(t1.rows.map((r) => [r.line, r.cells])).toEqual([
      [2, ['1', 'x\ny', 'z']],
      [4, ['2', 'p', 'q']],
    ]);
  });
});

describe('degrees, minutes and seconds', async () => {
  const { dataset: ds } = await importFixture('roster-dms.csv');
  const want = expectedFor('roster-dms.csv');

  it.each<[string, string | null]>([
    ['116°48′30″E', '116.8083333'],
    ['116度48分', '116.8'],
    ["33°57'N", '33.95'],
    ['33°57\'30"N', '33.9583333'],
    ["33°57'30''N", '33.9583333'],
    ['116度48分30秒', '116.8083333'],
    ['E116°48′', '116.8'],
    ['33°57′S', '-33.95'],
    ['116.8°', '116.8'],
    ['116°75′E', null],
    ['东经116.8', null],
    ['116.8', null],
  ])('reads %s as %s', (text, value) => {
    expect(readDegrees(text)).toBe(value);
  });

  it('splits a combined cell of two', () => {
    expect(splitLonLat('116°48′30″E, 33°57′N')).toEqual(['116.8083333', '33.95']);
    expect(splitLonLat('116°48′30″E 33°57′N')).toEqual(['116.8083333', '33.95']);
    expect(splitLonLat('116.79,33.97')).toEqual(['116.79', '33.97']);
    expect(splitLonLat('116°48′E')).toBeNull();
  });

  it('places each firm within a metre of the point its cells say', () => {
    for (const r of want.rows.filter((x) => x.wgs84)) {
      const e = ds.enterprises.find((x) => x.line === r.line);
      expect(e?.lngLat, `line ${r.line}`).not.toBeNull();
      if (e?.lngLat && r.wgs84) expect(metres(e.lngLat, r.wgs84)).toBeLessThan(1);
    }
  });

  it('names the cell it cannot read, with its row and column, and keeps the firm by its area', () => {
    const rows = ds.report.filter((r) => r.line === 8);
    expect(rows.map((r) => [r.column, r.severity])).toEqual([['经度', 'error']]);
    expect(say('en', rows[0])).toMatch(/116°75′E/);
    expect(ds.enterprises.find((e) => e.line === 8)).toMatchObject({ lngLat: null, area: 'xiangshan' });
  });

  it('names a combined cell it cannot read', async () => {
    const text = '企业名称,所属区县,经纬度\n示例合并坏格有限公司,相山区,东经116度 北纬33度\n';
    const { dataset } = await importBytes(new TextEncoder().encode(text), 'both.csv');
    expect(dataset.report.map((r) => [r.line, r.column, r.code])).toEqual([
      [2, '经纬度', 'import.row.badLonLat'],
    ]);
    expect(say('zh', dataset.report[0])).toMatch(/^“东经116度 北纬33度”读不出经度和纬度/);
  });
});

describe('a 坐标系 column', async () => {
  const { sniffed, dataset: ds } = await importFixture('roster-crs-column.csv');
  const want = expectedFor('roster-crs-column.csv');

  it('is found and sets the suggested system from what it says', () => {
    expect(sniffed).toMatchObject({ crs: 'bd09', crsReason: '坐标系', crsColumn: 5 });
    expect(statedCrs(sniffed.preview, 5)).toEqual({
      counts: { wgs84: 0, gcj02: 1, bd09: 4 },
      unknown: 1,
      top: 'bd09',
    });
  });

  it('converts each row from the system it states', () => {
    for (const r of want.rows) {
      const e = ds.enterprises.find((x) => x.line === r.line);
      if (e?.lngLat && r.wgs84) expect(metres(e.lngLat, r.wgs84), `line ${r.line}`).toBeLessThan(2);
      else throw new Error(`line ${r.line} has no point`);
    }
    expect(ds.enterprises.find((e) => e.line === 6)?.locationBasis).toMatch(/\(GCJ02\)$/);
  });

  it('wins over the user’s choice for its rows, and the report says so', async () => {
    const { dataset } = await importFixture('roster-crs-column.csv', { crs: 'wgs84' });
    for (const r of want.rows.filter((x) => x.line <= 6)) {
      const e = dataset.enterprises.find((x) => x.line === r.line);
      if (e?.lngLat && r.wgs84) expect(metres(e.lngLat, r.wgs84), `line ${r.line}`).toBeLessThan(2);
      else throw new Error(`line ${r.line} has no point`);
    }
    // The row that states none takes the user's choice: BD-09 values read as WGS84 are ~1 km off.
    const off = dataset.enterprises.find((x) => x.line === 7)?.lngLat;
    expect(off && metres(off, want.rows[5]?.wgs84 ?? [0, 0])).toBeGreaterThan(500);
    expect(
      dataset.notes.filter((n) => n.code === 'import.note.crsFromColumn').map((n) => say('zh', n)),
    ).toEqual([
      '“坐标系”列注明 1 行为 GCJ-02，这些行按 GCJ-02 换算',
      '“坐标系”列注明 4 行为 BD-09，这些行按 BD-09 换算',
    ]);
  });

  it('reports a system it does not know, on its row and column', () => {
    const rows = ds.report.filter((r) => r.line === 8);
    expect(rows.map((r) => [r.column, r.code])).toEqual([['坐标系', 'import.row.unknownCrs']]);
    expect(say('zh', rows[0])).toBe(
      '坐标系“北京54”无法识别（可写 WGS84、GCJ02 或高德、BD09 或百度），按所选的 BD-09 换算',
    );
  });

  it.each<[string, string | null]>([
    ['WGS84', 'wgs84'],
    ['wgs-84', 'wgs84'],
    ['GCJ02', 'gcj02'],
    ['高德', 'gcj02'],
    ['火星坐标', 'gcj02'],
    ['BD09', 'bd09'],
    ['百度坐标', 'bd09'],
    ['北京54', null],
    ['', null],
  ])('reads %s as %s', (text, crs) => {
    expect(readCrs(text)).toBe(crs);
  });
});

describe('areas, lines and several points in GeoJSON', async () => {
  const { dataset: ds } = await importFixture('sites-polygons.geojson');
  const want = expectedFor('sites-polygons.geojson').rows as {
    line: number;
    code?: string;
    unplaced?: boolean;
  }[];
  const data = await loadBundled(readPublic);

  it('become a point on their surface, inside Huaibei’s district they are drawn in, and the report says so', () => {
    expect(ds.enterprises.map((e) => e.line)).toEqual([1, 2, 3, 4, 5]);
    for (const e of ds.enterprises) expect(e.lngLat).not.toBeNull();
    expect(ds.report.filter((r) => r.column === 'geometry').map((r) => [r.line, r.code])).toEqual(
      want.filter((r) => r.code).map((r) => [r.line, r.code]),
    );
    const area = ds.enterprises.find((e) => e.line === 1);
    expect(area?.area).toBe('xiangshan');
    // Inside the square it was drawn as (±0.004°), not merely near it.
    const [x, y] = area?.lngLat ?? [0, 0];
    expect(Math.abs(x - 116.74024)).toBeLessThan(0.004);
    expect(Math.abs(y - 33.98141)).toBeLessThan(0.004);
    expect(data.districts.features.length).toBeGreaterThan(0);
  });

  it('keeps the feature with no geometry and no area apart', () => {
    expect(ds.unplaced?.enterprises.map((e) => e.name.zh)).toEqual(['示例无几何有限公司']);
  });
});

describe('a charger list of stations in another province', async () => {
  const { dataset: ds } = await importFixture('chargers-other-province.csv');
  const want = expectedFor('chargers-other-province.csv').rows as {
    line: number;
    name: string;
    placed: string;
    district?: string;
  }[];
  const data = await loadBundled(readPublic);

  it('places only what has a point or a district in Huaibei, and keeps the rest apart', () => {
    expect(ds.chargers.map((c) => [c.line, c.district])).toEqual(
      want.filter((r) => r.placed !== 'unplaced').map((r) => [r.line, r.district]),
    );
    expect(ds.unplaced?.chargers.map((c) => c.name)).toEqual(
      want.filter((r) => r.placed === 'unplaced').map((r) => r.name),
    );
  });

  it('adds to the city’s and the districts’ counts only the sites placed', () => {
    const before = sitesByDistrict(data.chargers, data.districts);
    const joined = withImports(data, [ds]);
    expect(joined.chargers.length).toBe(data.chargers.length + 2);
    const after = sitesByDistrict(joined.chargers, data.districts);
    expect(after.unplaced).toBe(before.unplaced);
    expect(after.byDistrict['340603']?.length).toBe((before.byDistrict['340603']?.length ?? 0) + 2);
  });

  it('counts an import saved before rows were kept apart the same way', () => {
    const { unplaced, ...old } = ds;
    const legacy = { ...old, chargers: [...ds.chargers, ...(unplaced?.chargers ?? [])] };
    expect(withImports(data, [legacy]).chargers.length).toBe(data.chargers.length + 2);
  });

  it('says once that the file has no site-kind column, instead of an error on every row', () => {
    expect(ds.report.filter((r) => r.code === 'row.unknownKind')).toEqual([]);
    expect(ds.notes.map((n) => n.code)).toContain('import.note.noKindColumn');
    expect(ds.notes.map((n) => n.code)).toContain('import.note.manyOutside');
  });

  it('says in the summary how many rows were placed, kept unplaced and refused', () => {
    const params = { rows: 7, placed: 2, unplaced: 5, rejected: 0, errors: 1, warnings: 2 };
    expect(t('zh', 'import.summary', params)).toBe(
      '文件共 7 行：2 行已放到地图上，5 行未落位（单独列出，不计入统计），0 行未导入；错误 1 条，提示 2 条。',
    );
    expect(t('en', 'import.summary', params)).toMatch(/2 on the map, 5 not placed/);
  });
});

describe('JSON named .txt, over the sample size', () => {
  it('is recognised by its content and parsed whole', async () => {
    const bytes = fixtureBytes('roster-json.txt');
    expect(bytes.length).toBeGreaterThan(256 * 1024);
    expect(wantsWholeFile(bytes.subarray(0, 256 * 1024), 'roster-json.txt')).toBe(true);
    expect(wantsWholeFile(fixtureBytes('roster-gbk.csv'), 'roster-gbk.csv')).toBe(false);
    const { sniffed, dataset } = await importFixture('roster-json.txt');
    expect(sniffed.format).toBe('geojson');
    expect(dataset.enterprises).toHaveLength(500);
    expect(dataset.report).toEqual([]);
  });
});

describe('columns nobody mapped', async () => {
  const { sniffed, dataset: ds } = await importFixture('roster-unmapped-columns.csv');

  it('take 产业环节 as the segments and name the columns left out, with their cells', () => {
    expect(sniffed.mapping.segments).toBe(3);
    expect(ds.enterprises.map((e) => e.segments)).toEqual(
      expectedFor('roster-unmapped-columns.csv').rows.map((r) => r.segments),
    );
    expect(unmappedColumns(sniffed.header, 'enterprises', sniffed.mapping, null, null)).toEqual([4, 5]);
    const notes = ds.notes.filter((n) => n.code === 'import.note.unmappedColumn');
    expect(notes.map((n) => say('zh', n))).toEqual([
      '“联系电话”列没有对应到任何字段，其中 2 个非空单元格未导入',
      '“员工人数”列没有对应到任何字段，其中 2 个非空单元格未导入',
    ]);
    expect(say('en', notes[0])).toBe(
      'column “联系电话” is not mapped to any field: its 2 non-empty cells were not imported',
    );
  });
});

describe('a header and no rows', () => {
  it('says there are no data rows, not that every row has a problem', async () => {
    const { dataset: ds } = await importFixture('header-only.csv');
    expect(ds.notes.map((n) => [say('zh', n), say('en', n)])).toEqual([
      ['文件只有表头，没有数据行', 'the file has a header and no data rows'],
    ]);
  });
});

describe('the Excel guard of the app’s own export', () => {
  it.each([
    ["'=HYPERLINK(1)", '=HYPERLINK(1)'],
    ["'+86 561", '+86 561'],
    ["'-5", '-5'],
    ["'@home", '@home'],
    ["''=1", "''=1"],
    ["'quoted'", "'quoted'"],
    ["'", "'"],
  ])('%s is read as %s', (cell, value) => {
    expect(withoutExcelGuard(cell)).toBe(value);
  });

  it('is taken off on import of a CSV, not of GeoJSON', async () => {
    const csv = "企业名称,所属区县\n'=示例公式有限公司,相山区\n";
    const { dataset } = await importBytes(new TextEncoder().encode(csv), 'g.csv');
    expect(dataset.enterprises[0]?.name.zh).toBe('=示例公式有限公司');
    const json = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: null, properties: { 企业名称: "'=示例", 所属区县: '相山区' } }],
    });
    const { dataset: fromJson } = await importBytes(new TextEncoder().encode(json), 'g.geojson');
    expect(fromJson.enterprises[0]?.name.zh).toBe("'=示例");
  });
});

describe('the mapping step’s view of a file', () => {
  it('keeps crsColumn null when the file has none', async () => {
    const { sniffed } = await importFixture('roster-gbk.csv');
    const s: Sniffed = sniffed;
    expect(s.crsColumn).toBeNull();
  });
});
