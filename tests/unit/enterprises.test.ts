import { describe, expect, it } from 'vitest';
import { validateChainModel } from '../../src/data/chain';
import { parseEnterprises } from '../../src/data/enterprises';
import type { DataIssue, Enterprise } from '../../src/data/types';
import { issueReason } from '../../src/i18n/t';
import { publicJson, readPublic } from '../fixtures/load';

const COLUMNS = [
  'id',
  'name_zh',
  'name_en',
  'area',
  'segments',
  'segment_source',
  'products',
  'products_zh',
  'products_en',
  'status',
  'source_date',
  'name_note',
  'address',
  'lon',
  'lat',
  'precision',
  'location_basis',
  'confidence',
  'confidence_note',
  'source',
] as const;
type Column = (typeof COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

const BASE: Record<Column, string> = {
  id: 'ent-1',
  name_zh: '甲铝业有限公司',
  name_en: 'Jia Aluminium Co.',
  area: 'suixi',
  segments: 'al-materials',
  segment_source: '铝基材料',
  products: 'aluminium sheet',
  products_zh: '铝板',
  products_en: 'Aluminium sheet',
  status: 'producing',
  source_date: '2023-10',
  name_note: '',
  address: '濉溪县',
  lon: '116.76',
  lat: '33.92',
  precision: 'district',
  location_basis: 'district seat point',
  confidence: 'high',
  confidence_note: '',
  source: 'http://example.org/news/1',
};

const SEGMENTS = new Set(['al-materials', 'battery-box', 'fuel-cell']);
const CTX = { segmentIds: SEGMENTS };

function quote(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A CSV file: the header, then one line per row (each the base row with some fields replaced). */
function csv(rows: Row[], columns: readonly string[] = COLUMNS): string {
  const lines = rows.map((r) => {
    const full: Record<string, string> = { ...BASE, ...r };
    return columns.map((c) => quote(full[c] ?? '')).join(',');
  });
  return [columns.join(','), ...lines].join('\n');
}

const parse = (text: string) => parseEnterprises(text, 'enterprises.csv', CTX);
const brief = (issues: DataIssue[]) => issues.map((i) => [i.line, i.field, i.severity]);

describe('the bundled enterprise table', () => {
  it('parses with no issues into 48 records with unique keys', async () => {
    const chain = validateChainModel(await publicJson('data/chain.json'), 'data/chain.json').value;
    const r = parseEnterprises(await readPublic('data/enterprises.csv'), 'data/enterprises.csv', {
      segmentIds: new Set(chain.segments.map((s) => s.id)),
    });
    expect(r.issues).toEqual([]);
    expect(r.value).toHaveLength(48);
    expect(new Set(r.value.map((e) => e.key)).size).toBe(48);
    expect(r.value[0]?.line).toBe(2);
    expect(r.value.find((e) => e.id === 'ent-003')?.segments).toEqual(['battery-box']);
  });
});

describe('parseEnterprises on a good row', () => {
  it('reads every field', () => {
    const r = parse(csv([{ segments: 'al-materials;battery-box', confidence_note: 'two sources' }]));
    expect(r.issues).toEqual([]);
    expect(r.value).toEqual<Enterprise[]>([
      {
        id: 'ent-1',
        key: 'ent-1',
        line: 2,
        name: { zh: '甲铝业有限公司', en: 'Jia Aluminium Co.' },
        area: 'suixi',
        segments: ['al-materials', 'battery-box'],
        segmentSource: '铝基材料',
        products: 'aluminium sheet',
        productLine: { zh: '铝板', en: 'Aluminium sheet' },
        status: 'producing',
        sourceDate: '2023-10',
        checked: '',
        nameNote: '',
        address: '濉溪县',
        lngLat: [116.76, 33.92],
        precision: 'district',
        locationBasis: 'district seat point',
        confidence: 'high',
        confidenceNote: 'two sources',
        source: 'http://example.org/news/1',
      },
    ]);
  });

  it('uses the Chinese name in English when there is no English one', () => {
    expect(parse(csv([{ name_en: '' }])).value[0]?.name).toEqual({
      zh: '甲铝业有限公司',
      en: '甲铝业有限公司',
    });
  });

  it.each([
    ['semicolons', 'al-materials;battery-box'],
    ['full-width semicolons', 'al-materials；battery-box'],
    ['semicolons with spaces', ' al-materials ; battery-box '],
    ['a repeated segment', 'al-materials；battery-box;al-materials'],
  ])('reads a segment list separated by %s', (_label, segments) => {
    const r = parse(csv([{ segments }]));
    expect(r.issues).toEqual([]);
    expect(r.value[0]?.segments).toEqual(['al-materials', 'battery-box']);
  });

  it.each([
    ['投产', 'producing'],
    ['在建', 'construction'],
    ['已签约', 'signed'],
    ['', 'unknown'],
  ])('reads the status %j as %s', (status, expected) => {
    const r = parse(csv([{ status }]));
    expect(r.issues).toEqual([]);
    expect(r.value[0]?.status).toBe(expected);
  });

  it('reads a source dated by year, month or day', () => {
    for (const d of ['2021', '2021-03', '2021-03-01']) {
      expect(parse(csv([{ source_date: d }])).value[0]?.sourceDate).toBe(d);
    }
  });

  it('accepts a row with no point, anchored by its area', () => {
    const r = parse(csv([{ lon: '', lat: '', precision: 'park', area: 'hitech' }]));
    expect(r.issues).toEqual([]);
    expect(r.value[0]?.lngLat).toBeNull();
  });
});

describe('parseEnterprises on a bad row', () => {
  it.each<[string, Row, [string, DataIssue['severity']], (e: Enterprise, all: Enterprise[]) => void]>([
    ['an unknown area', { area: 'mars' }, ['area', 'error'], (e) => expect(e.area).toBeNull()],
    [
      'an unknown segment',
      { segments: 'al-materials;warp-drive;battery-box' },
      ['segments', 'error'],
      (e) => expect(e.segments).toEqual(['al-materials', 'battery-box']),
    ],
    [
      'a duplicate id',
      { id: 'ent-1' },
      ['id', 'warning'],
      (e, all) => {
        expect(e.id).toBe('ent-1');
        expect(all.filter((x) => x.id === 'ent-1')).toHaveLength(2);
        expect(new Set(all.map((x) => x.key)).size).toBe(all.length);
      },
    ],
    [
      'a missing id',
      { id: '' },
      ['id', 'error'],
      (e, all) => {
        expect(e.id).not.toBe('');
        expect(new Set(all.map((x) => x.key)).size).toBe(all.length);
      },
    ],
    [
      'an id with markup',
      { id: '<b>x</b>' },
      ['id', 'error'],
      (e) => expect(e.id).toMatch(/^[A-Za-z0-9._-]+$/),
    ],
    [
      'a missing Chinese name',
      { name_zh: '', name_en: 'Yi Co.' },
      ['name_zh', 'error'],
      (e) => expect(e.name).toEqual({ zh: 'Yi Co.', en: 'Yi Co.' }),
    ],
    [
      'an unknown status',
      { status: 'dormant' },
      ['status', 'warning'],
      (e) => expect(e.status).toBe('unknown'),
    ],
    [
      'a source date that is not a date',
      { source_date: '2021-13' },
      ['source_date', 'warning'],
      (e) => expect(e.sourceDate).toBe(''),
    ],
    [
      'a source date after today',
      { source_date: '2999-01-01' },
      ['source_date', 'warning'],
      (e) => expect(e.sourceDate).toBe(''),
    ],
    ['a non-numeric longitude', { lon: 'east' }, ['lon', 'error'], (e) => expect(e.lngLat).toBeNull()],
    ['a longitude without a latitude', { lat: '' }, ['lat', 'error'], (e) => expect(e.lngLat).toBeNull()],
    ['a latitude without a longitude', { lon: '' }, ['lon', 'error'], (e) => expect(e.lngLat).toBeNull()],
    [
      'a point outside Huaibei',
      { lon: '121.47', lat: '31.23' },
      ['lon', 'error'],
      (e) => expect(e.lngLat).toBeNull(),
    ],
    [
      'a swapped longitude and latitude',
      { lon: '33.92', lat: '116.76' },
      ['lon', 'error'],
      (e) => expect(e.lngLat).toBeNull(),
    ],
    [
      'an invalid precision',
      { precision: 'street' },
      ['precision', 'error'],
      (e) => expect(e.precision).toBe('unknown'),
    ],
    [
      "'exact' without a point, in a district",
      { precision: 'exact', lon: '', lat: '' },
      ['precision', 'error'],
      (e) => expect(e.precision).toBe('district'),
    ],
    [
      "'exact' without a point, in a park",
      { precision: 'exact', lon: '', lat: '', area: 'linhuan' },
      ['precision', 'error'],
      (e) => expect(e.precision).toBe('park'),
    ],
    [
      'an invalid confidence',
      { confidence: 'certain' },
      ['confidence', 'error'],
      (e) => expect(e.confidence).toBe('low'),
    ],
    ['a missing source', { source: '' }, ['source', 'warning'], (e) => expect(e.source).toBe('')],
    [
      'a script in the name',
      { name_zh: '<script>alert(1)</script>甲' },
      ['name_zh', 'warning'],
      (e) => expect(e.name.zh).toBe('<script>alert(1)</script>甲'),
    ],
    [
      'an image tag in the products',
      { products: '<img src=x onerror=alert(1)>' },
      ['products', 'warning'],
      (e) => expect(e.products).toBe('<img src=x onerror=alert(1)>'),
    ],
  ])('reports %s on its line and field, and keeps the row', (_label, bad, [field, severity], check) => {
    const r = parse(csv([{}, { id: 'ent-2', ...bad }, { id: 'ent-3' }]));
    expect(brief(r.issues)).toEqual([[3, field, severity]]);
    expect(r.issues[0]?.file).toBe('enterprises.csv');
    expect(r.value.map((e) => e.line)).toEqual([2, 3, 4]);
    const e = r.value[1];
    expect(e).toBeDefined();
    if (e) check(e, r.value);
  });

  it('says when a point looks like longitude and latitude swapped, and only then', () => {
    const swapped = parse(csv([{ lon: '33.92', lat: '116.76' }])).issues[0];
    const elsewhere = parse(csv([{ lon: '121.47', lat: '31.23' }])).issues[0];
    expect(swapped ? issueReason('en', swapped) : undefined).toContain('swapped');
    expect(swapped ? issueReason('zh', swapped) : undefined).toContain('填反');
    expect(elsewhere ? issueReason('en', elsewhere) : undefined).not.toContain('swapped');
  });

  it("downgrades 'exact' with a point outside Huaibei, reporting both the point and the precision", () => {
    const r = parse(csv([{ precision: 'exact', lon: '0', lat: '0' }]));
    expect(brief(r.issues)).toEqual([
      [2, 'lon', 'error'],
      [2, 'precision', 'error'],
    ]);
    expect(r.value[0]?.lngLat).toBeNull();
    expect(r.value[0]?.precision).toBe('district');
  });

  it('keeps both rows of a duplicate id, each with its own key', () => {
    const r = parse(csv([{}, { name_zh: '乙' }]));
    expect(r.value.map((e) => e.name.zh)).toEqual(['甲铝业有限公司', '乙']);
    expect(r.value[0]?.key).not.toBe(r.value[1]?.key);
  });
});

describe('parseEnterprises on the shape of the file', () => {
  it('ignores a byte-order mark at the start', () => {
    const r = parse(`\uFEFF${csv([{}])}`);
    expect(r.issues).toEqual([]);
    expect(r.value.map((e) => e.id)).toEqual(['ent-1']);
  });

  it('reads Windows line endings', () => {
    const r = parse(csv([{}, { id: 'ent-2' }]).replace(/\n/g, '\r\n'));
    expect(r.issues).toEqual([]);
    expect(r.value.map((e) => [e.id, e.source])).toEqual([
      ['ent-1', BASE.source],
      ['ent-2', BASE.source],
    ]);
  });

  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\n  '],
    ['a BOM only', '\uFEFF'],
  ])('reads an %s file as no records, with one clear issue', (_label, text) => {
    const r = parse(text);
    expect(r.value).toEqual([]);
    expect(r.issues).toEqual([expect.objectContaining({ field: '(file)', severity: 'error' })]);
    expect(r.issues[0] ? issueReason('en', r.issues[0]) : undefined).toBe('the file is empty');
  });

  it('reads a header-only file as no records and no issues', () => {
    const r = parse(csv([]));
    expect(r.value).toEqual([]);
    expect(r.issues).toEqual([]);
  });

  it('reads a quoted field with a comma, a quote and a newline', () => {
    const r = parse(csv([{ products: 'foil, sheet\nand "strip"' }]));
    expect(r.issues).toEqual([]);
    expect(r.value[0]?.products).toBe('foil, sheet\nand "strip"');
    expect(r.value[0]?.source).toBe(BASE.source);
  });

  it.each([
    ['a multi-line quoted field', csv([{ products: 'foil,\nsheet' }, { id: 'ent-2', area: 'mars' }])],
    ['a blank line', csv([{}, { id: 'ent-2', area: 'mars' }]).replace('\nent-2', '\n\nent-2')],
  ])('counts file lines, not rows, after %s', (_label, text) => {
    // Header on line 1, the first row on line 2 (and 3), the bad row on line 4.
    expect(text.split('\n').findIndex((l) => l.startsWith('ent-2')) + 1).toBe(4);
    const r = parse(text);
    expect(brief(r.issues)).toEqual([[4, 'area', 'error']]);
    expect(r.value.map((e) => e.line)).toEqual([2, 4]);
  });

  it('reports a missing required column on line 1, and still reads the rows', () => {
    const r = parse(
      csv(
        [{}],
        COLUMNS.filter((c) => c !== 'source'),
      ),
    );
    expect(r.issues).toContainEqual(expect.objectContaining({ line: 1, field: 'source', severity: 'error' }));
    expect(r.value.map((e) => e.id)).toEqual(['ent-1']);
  });

  it('reports a row with too many fields on its line', () => {
    const r = parse(`${csv([{}])},extra`);
    expect(r.issues).toContainEqual(expect.objectContaining({ line: 2, field: '(csv)' }));
  });
});
