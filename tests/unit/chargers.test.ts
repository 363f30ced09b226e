import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type Charger, isIsoDate, parseChargers, parseNevByDistrict } from '../../src/data/chargers';
import type { DataIssue, DistrictProps } from '../../src/data/types';
import { issueReason } from '../../src/i18n/t';
import { publicJson, readPublic } from '../fixtures/load';

const COLUMNS = [
  'id',
  'name',
  'operator',
  'kind',
  'connectors',
  'power_kw',
  'lon',
  'lat',
  'district',
  'township',
  'commissioned',
  'status',
  'illustrative',
  'source',
] as const;
type Column = (typeof COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

const BASE: Record<Column, string> = {
  id: 'chg-1',
  name: '示意充电站 #1',
  operator: '示意运营商 A',
  kind: 'dc_fast',
  connectors: '4',
  power_kw: '120',
  lon: '116.79',
  lat: '33.96',
  district: '340603',
  township: '340603001',
  commissioned: '2024-05-01',
  status: 'operating',
  illustrative: 'true',
  source: 'illustrative: test',
};

const CTX = {
  districtCodes: new Set(['340602', '340603', '340604', '340621']),
  townshipCodes: new Set(['340603001', '340603100', '340621104']),
  today: '2025-06-30',
};

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

const parse = (text: string) => parseChargers(text, 'chargers.csv', CTX);
const brief = (issues: DataIssue[]) => issues.map((i) => [i.line, i.field, i.severity]);

describe('the bundled charger table', async () => {
  const districts = (await publicJson('geo/districts.geojson')) as FeatureCollection<
    Polygon | MultiPolygon,
    DistrictProps
  >;
  const city = (await publicJson('geo/city.geojson')) as FeatureCollection<Polygon | MultiPolygon>;
  const list = (await publicJson('geo/townships_list.json')) as { townships: { code: string }[] };
  const ctx = {
    districtCodes: new Set(districts.features.map((f) => f.properties.adcode)),
    townshipCodes: new Set(list.townships.map((t) => t.code)),
    today: '2026-11-30', // after the generator's date (source_date),
  };
  const r = parseChargers(await readPublic('data/chargers.csv'), 'data/chargers.csv', ctx);

  it('parses with no issues into about 400 records with unique ids', () => {
    expect(r.issues).toEqual([]);
    expect(r.value.length).toBeGreaterThanOrEqual(380);
    expect(r.value.length).toBeLessThanOrEqual(420);
    expect(new Set(r.value.map((c) => c.id)).size).toBe(r.value.length);
    expect(r.value[0]?.line).toBe(2);
  });

  it('is illustrative in every row: flag, name, operator and source', () => {
    for (const c of r.value) {
      expect(c.illustrative).toBe(true);
      expect(c.name).toMatch(/^示意(充电|换电|加氢)站 #\d+$/);
      expect(c.operator).toMatch(/^示意运营商 [ABC]$/);
      expect(c.source).toMatch(/^illustrative: scripts\/generate-chargers\.mjs seed \d+;/);
    }
  });

  it('has every point inside the city, in the district its field names, with a township of that district', () => {
    for (const c of r.value) {
      expect(c.lngLat, c.id).not.toBeNull();
      const p = point(c.lngLat as [number, number]);
      expect(
        city.features.some((f) => booleanPointInPolygon(p, f)),
        c.id,
      ).toBe(true);
      const hit = districts.features.find((f) => booleanPointInPolygon(p, f));
      expect(hit?.properties.adcode, c.id).toBe(c.district);
      expect(c.township?.slice(0, 6), c.id).toBe(c.district);
    }
  });

  it('has 8 operating swap stations, 2 planned hydrogen stations near Linhuan, and dates in range', () => {
    const swap = r.value.filter((c) => c.kind === 'swap');
    const h2 = r.value.filter((c) => c.kind === 'hydrogen');
    expect(swap).toHaveLength(8);
    expect(swap.every((c) => c.status === 'operating')).toBe(true);
    expect(h2).toHaveLength(2);
    for (const c of h2) {
      expect(c.status).toBe('planned');
      expect(c.commissioned?.slice(0, 4)).toBe('2026');
      const [lon, lat] = c.lngLat as [number, number];
      expect(Math.abs(lon - 116.598)).toBeLessThan(0.03);
      expect(Math.abs(lat - 33.667)).toBeLessThan(0.03);
    }
    for (const c of r.value.filter((x) => x.status !== 'planned')) {
      expect(c.status).toBe('operating');
      expect((c.commissioned as string) >= '2019-01-01' && (c.commissioned as string) <= '2025-10-31').toBe(
        true,
      );
    }
    // Increasing density: more sites commissioned in 2024 than in 2020.
    const inYear = (y: string) => r.value.filter((c) => c.commissioned?.startsWith(y)).length;
    expect(inYear('2024')).toBeGreaterThan(inYear('2020'));
  });

  it('has a site in every township that has a seat point (乡乡全覆盖 is plausible)', async () => {
    const seats = (await publicJson('geo/townships.geojson')) as FeatureCollection<never, { code: string }>;
    const withSite = new Set(r.value.map((c) => c.township));
    for (const s of seats.features) expect(withSite.has(s.properties.code), s.properties.code).toBe(true);
  });

  const sharedGrid = fileURLToPath(new URL('../../../shared/data/chargers-grid.csv', import.meta.url));
  it.skipIf(!existsSync(sharedGrid))(
    'is what the generator writes again, byte for byte (skipped only when ../shared/data/chargers-grid.csv is absent)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'chargers-'));
      try {
        const out = join(dir, 'chargers.csv');
        const script = fileURLToPath(new URL('../../scripts/generate-chargers.mjs', import.meta.url));
        execFileSync(process.execPath, [script, out], { stdio: 'pipe' });
        const shipped = readFileSync(
          fileURLToPath(new URL('../../public/data/chargers.csv', import.meta.url)),
        );
        expect(readFileSync(out).equals(shipped)).toBe(true);
        expect(shipped.at(-1)).toBe(0x0a);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    30_000,
  );
});

describe('parseChargers on a good row', () => {
  it('reads every field', () => {
    const r = parse(csv([{}]));
    expect(r.issues).toEqual([]);
    expect(r.value).toEqual<Charger[]>([
      {
        id: 'chg-1',
        key: 'chg-1',
        line: 2,
        name: '示意充电站 #1',
        operator: '示意运营商 A',
        kind: 'dc_fast',
        connectors: 4,
        powerKw: 120,
        lngLat: [116.79, 33.96],
        district: '340603',
        township: '340603001',
        commissioned: '2024-05-01',
        status: 'operating',
        illustrative: true,
        source: 'illustrative: test',
        sourceDate: '',
        checked: '',
      },
    ]);
  });

  it.each([
    ['an empty power', { power_kw: '' }, { powerKw: null }],
    ['no district or township', { district: '', township: '' }, { district: null, township: null }],
    ['illustrative=false', { illustrative: 'false' }, { illustrative: false }],
    ['zero connectors', { connectors: '0' }, { connectors: 0 }],
    [
      'a planned site in the future',
      { status: 'planned', commissioned: '2027-01-01' },
      { status: 'planned' },
    ],
    ['a swap station without power', { kind: 'swap', power_kw: '' }, { kind: 'swap', powerKw: null }],
  ] as const)('accepts %s without issues', (_label, row, expected) => {
    const r = parse(csv([row]));
    expect(r.issues).toEqual([]);
    expect(r.value[0]).toMatchObject(expected);
  });
});

describe('parseChargers on bad rows', () => {
  // Each case: a row (line 3, after a good line 2), the expected issues, and what the record keeps.
  it.each<[string, Row, [string, DataIssue['severity']][], Partial<Charger>]>([
    ['an unknown kind', { kind: 'wireless' }, [['kind', 'error']], { kind: 'unknown' }],
    ['negative connectors', { connectors: '-2' }, [['connectors', 'error']], { connectors: null }],
    ['fractional connectors', { connectors: '2.5' }, [['connectors', 'error']], { connectors: null }],
    ['text connectors', { connectors: 'four' }, [['connectors', 'error']], { connectors: null }],
    ['no connectors', { connectors: '' }, [['connectors', 'warning']], { connectors: null }],
    ['a negative power', { power_kw: '-7' }, [['power_kw', 'error']], { powerKw: null }],
    [
      'an impossible date',
      { commissioned: '2024-02-30' },
      [['commissioned', 'error']],
      { commissioned: null },
    ],
    [
      'a date in another format',
      { commissioned: '2024/05/01' },
      [['commissioned', 'error']],
      { commissioned: null },
    ],
    ['no date', { commissioned: '' }, [['commissioned', 'warning']], { commissioned: null }],
    [
      'an operating site in the future',
      { commissioned: '2025-07-01' },
      [['commissioned', 'warning']],
      { commissioned: '2025-07-01' },
    ],
    [
      'a closed site in the future',
      { status: 'closed', commissioned: '2030-01-01' },
      [['commissioned', 'warning']],
      { status: 'closed' },
    ],
    ['an unknown status', { status: 'building' }, [['status', 'error']], { status: 'unknown' }],
    ['a point outside Huaibei', { lon: '117.5', lat: '33.9' }, [['lon', 'error']], { lngLat: null }],
    ['swapped lon/lat', { lon: '33.96', lat: '116.79' }, [['lon', 'error']], { lngLat: null }],
    ['a half point', { lon: '116.79', lat: '' }, [['lat', 'error']], { lngLat: null }],
    ['no point', { lon: '', lat: '' }, [['lon', 'warning']], { lngLat: null, district: '340603' }],
    ['an unknown district', { district: '340699' }, [['district', 'error']], { district: null }],
    ['an unknown township', { township: '340603999' }, [['township', 'error']], { township: null }],
    [
      'a township of another district',
      { township: '340621104' },
      [['township', 'warning']],
      { township: '340621104' },
    ],
    ['illustrative=yes', { illustrative: 'yes' }, [['illustrative', 'error']], { illustrative: true }],
    ['markup in the name', { name: '<b>站</b>' }, [['name', 'warning']], { name: '<b>站</b>' }],
    ['markup in the source', { source: '<script>x</script>' }, [['source', 'warning']], {}],
    ['no source', { source: '' }, [['source', 'warning']], { source: '' }],
    ['no name', { name: '' }, [['name', 'warning']], { name: '#3' }],
    ['an invalid id', { id: 'a b' }, [['id', 'error']], { id: 'line-3', key: 'line-3' }],
    ['a duplicate id', { id: 'chg-0' }, [['id', 'warning']], { id: 'chg-0', key: 'chg-0~3' }],
  ])('reports %s at its line and field, and keeps the row', (_label, row, expected, kept) => {
    const r = parse(csv([{ id: 'chg-0' }, { id: 'chg-x', ...row }]));
    expect(r.value).toHaveLength(2);
    expect(brief(r.issues)).toEqual(expected.map(([f, s]) => [3, f, s]));
    for (const i of r.issues) {
      expect(i.file).toBe('chargers.csv');
      expect(issueReason('zh', i)).not.toBe('');
      expect(issueReason('en', i)).not.toBe('');
    }
    expect(r.value[1]).toMatchObject({ line: 3, ...kept });
  });

  it('says when longitude and latitude look swapped, and not otherwise', () => {
    const swapped = parse(csv([{ lon: '33.96', lat: '116.79' }])).issues[0];
    expect(swapped ? issueReason('en', swapped) : undefined).toMatch(/swapped/);
    expect(swapped ? issueReason('zh', swapped) : undefined).toMatch(/填反/);
    const other = parse(csv([{ lon: '117.5', lat: '33.9' }])).issues[0];
    expect(other ? issueReason('en', other) : undefined).not.toMatch(/swapped/);
  });

  it('reports an empty file once, and a file with a BOM like one without', () => {
    expect(brief(parse('').issues)).toEqual([[undefined, '(file)', 'error']]);
    expect(brief(parse(' \n\n').issues)).toEqual([[undefined, '(file)', 'error']]);
    const withBom = parse(`\uFEFF${csv([{}])}`);
    expect(withBom.issues).toEqual([]);
    expect(withBom.value[0]?.id).toBe('chg-1');
  });

  it('reports a missing column on line 1', () => {
    const r = parse(
      csv(
        [{}],
        COLUMNS.filter((c) => c !== 'status'),
      ),
    );
    expect(brief(r.issues)).toContainEqual([1, 'status', 'error']);
    expect(r.value[0]?.status).toBe('unknown');
  });

  it('gives the line the editor shows, after multi-line fields and blank lines', () => {
    const text = `${csv([{ name: '两行\n名称' }])}\n\n${csv([{ id: 'chg-2', kind: 'x' }]).split('\n')[1]}`;
    const r = parse(text);
    expect(r.value.map((c) => c.line)).toEqual([2, 5]);
    expect(brief(r.issues)).toEqual([[5, 'kind', 'error']]);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['20240101', false],
    ['', false],
  ])('%s → %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));
});

describe('parseNevByDistrict', () => {
  const codes = new Set(['340602', '340603', '340604', '340621']);
  const nev = (body: string) =>
    parseNevByDistrict(`district,name_zh,nev_count,as_of,source\n${body}`, 'nev.csv', codes);

  it('reads the bundled file: four districts, no figure provided', async () => {
    const r = parseNevByDistrict(
      await readPublic('data/nev-by-district.csv'),
      'data/nev-by-district.csv',
      codes,
    );
    expect(r.issues).toEqual([]);
    expect(r.value).toEqual(
      [...codes].map((district) => ({ district, nevCount: null, asOf: null, source: '' })),
    );
  });

  it('reads a count with its date and source, and fills districts the file lacks with null', () => {
    const r = nev('340603,相山区,12000,2024-12-31,http://example.org\n');
    expect(r.issues).toEqual([]);
    expect(r.value).toEqual([
      { district: '340602', nevCount: null, asOf: null, source: '' },
      { district: '340603', nevCount: 12000, asOf: '2024-12-31', source: 'http://example.org' },
      { district: '340604', nevCount: null, asOf: null, source: '' },
      { district: '340621', nevCount: null, asOf: null, source: '' },
    ]);
  });

  it.each<[string, string, [number, string, DataIssue['severity']][], number | null]>([
    ['a negative count', '340603,,-5,,src', [[2, 'nev_count', 'error']], null],
    ['a text count', '340603,,many,,src', [[2, 'nev_count', 'error']], null],
    ['a fractional count', '340603,,1.5,,src', [[2, 'nev_count', 'error']], null],
    ['a bad date', '340603,,10,2024-13-01,src', [[2, 'as_of', 'error']], 10],
    ['a count without a source', '340603,,10,,', [[2, 'source', 'warning']], 10],
    ['an unknown district', '340699,,10,,src', [[2, 'district', 'error']], null],
    ['a repeated district', '340603,,10,,src\n340603,,20,,src', [[3, 'district', 'warning']], 10],
  ])('reports %s', (_label, body, expected, count) => {
    const r = nev(body);
    expect(r.issues.map((i) => [i.line, i.field, i.severity])).toEqual(expected);
    expect(r.value).toHaveLength(4);
    expect(r.value.find((v) => v.district === '340603')?.nevCount).toBe(count);
  });

  it('reports an empty file and still lists every district as not provided', () => {
    const r = parseNevByDistrict('', 'nev.csv', codes);
    expect(r.issues.map((i) => i.field)).toEqual(['(file)']);
    expect(r.value.every((v) => v.nevCount === null)).toBe(true);
  });
});
