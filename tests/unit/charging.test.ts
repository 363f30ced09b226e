import { distance } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type Charger, parseChargers } from '../../src/data/chargers';
import { validateGoals } from '../../src/data/goals';
import type { AreaPolygon } from '../../src/data/types';
import {
  buildNearestIndex,
  chargersAsOf,
  chargingGoalsOf,
  chargingPoints,
  countByDistrict,
  countByTownship,
  coverage,
  planeAt,
  planeDistanceKm,
  progress,
  sitesByDistrict,
  type TownshipUnit,
  townshipCoverage,
  uncoveredTownships,
  vehiclesPerCharger,
} from '../../src/domain/charging';
import { publicJson, readPublic } from '../fixtures/load';

// The plan's charging goals, from goals.json: the one place they are written.
const GOALS = chargingGoalsOf(validateGoals(await publicJson('data/goals.json'), 'data/goals.json').value);

let serial = 0;
/** A charger: a plausible operating DC site, with some fields replaced. */
function ch(over: Partial<Charger> = {}): Charger {
  serial += 1;
  const id = over.id ?? `c-${serial}`;
  return {
    id,
    key: id,
    line: serial + 1,
    name: `站 ${serial}`,
    operator: 'A',
    kind: 'dc_fast',
    connectors: 4,
    powerKw: 120,
    lngLat: [116.05, 33.05],
    district: null,
    township: null,
    commissioned: '2024-01-01',
    status: 'operating',
    illustrative: true,
    source: 'test',
    sourceDate: '',
    checked: '',
    ...over,
  };
}

/** An axis-aligned rectangle polygon feature. */
function rect<P>(west: number, south: number, east: number, north: number, props: P): Feature<Polygon, P> {
  return {
    type: 'Feature',
    properties: props,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [west, south],
          [east, south],
          [east, north],
          [west, north],
          [west, south],
        ],
      ],
    },
  };
}
const fc = <P>(...features: Feature<AreaPolygon, P>[]): FeatureCollection<AreaPolygon, P> => ({
  type: 'FeatureCollection',
  features,
});

/** Deterministic PRNG for the randomised checks (mulberry32). */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('countByDistrict', () => {
  const districts = fc(
    rect(116.0, 33.0, 116.1, 33.1, { adcode: 'A' }),
    rect(116.1, 33.0, 116.2, 33.1, { adcode: 'B' }),
    rect(116.3, 33.0, 116.4, 33.1, { adcode: 'C' }),
  );

  it('counts by the point, not the district field, and falls back to the field without a point', () => {
    const r = countByDistrict(
      [
        ch({ lngLat: [116.05, 33.05], connectors: 4 }),
        ch({ lngLat: [116.06, 33.02], connectors: 2, district: 'B' }), // field is wrong: the point wins
        ch({ lngLat: [116.15, 33.05], connectors: null }),
        ch({ lngLat: null, district: 'B', connectors: 6 }),
        ch({ lngLat: null, district: null }),
        ch({ lngLat: null, district: 'Z' }),
        ch({ lngLat: [116.25, 33.05] }), // between B and C: in no district
      ],
      districts,
    );
    expect(r.byDistrict).toEqual({
      A: { sites: 2, connectors: 6, unknownConnectors: 0 },
      B: { sites: 2, connectors: 6, unknownConnectors: 1 },
      C: { sites: 0, connectors: 0, unknownConnectors: 0 },
    });
    expect(r).toMatchObject({ noPoint: 3, outside: 1, unplaced: 2 });
  });

  it('hands out the sites themselves the same way, so a district’s points and its ratio count the same sites', () => {
    const wrongField = ch({ lngLat: [116.06, 33.02], connectors: 2, district: 'B' });
    const noPoint = ch({ lngLat: null, district: 'B', connectors: 6 });
    const r = sitesByDistrict([wrongField, noPoint], districts);
    expect(r.byDistrict).toEqual({ A: [wrongField], B: [noPoint], C: [] });
    expect(vehiclesPerCharger(12, r.byDistrict.A ?? []).ratio).toBe(6);
  });

  it('handles a multipolygon district whose bbox covers another district', () => {
    const ring = (w: number, s: number, e: number, n: number) => [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ];
    const multi: Feature<AreaPolygon, { adcode: string }> = {
      type: 'Feature',
      properties: { adcode: 'M' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [ring(116.0, 33.0, 116.1, 33.1), ring(116.4, 33.0, 116.5, 33.1)],
      },
    };
    const r = countByDistrict(
      [ch({ lngLat: [116.45, 33.05] }), ch({ lngLat: [116.25, 33.05] })],
      fc(multi, rect(116.2, 33.0, 116.3, 33.1, { adcode: 'N' })),
    );
    expect(r.byDistrict.M?.sites).toBe(1);
    expect(r.byDistrict.N?.sites).toBe(1);
  });
});

describe('countByTownship', () => {
  it('groups by the township field and counts the unassigned', () => {
    const r = countByTownship([
      ch({ township: 't1', connectors: 3 }),
      ch({ township: 't1', connectors: null }),
      ch({ township: 't2', connectors: 5 }),
      ch({ township: null }),
    ]);
    expect(r.byTownship).toEqual({
      t1: { sites: 2, connectors: 3, unknownConnectors: 1 },
      t2: { sites: 1, connectors: 5, unknownConnectors: 0 },
    });
    expect(r.unassigned).toBe(1);
  });
});

describe('chargersAsOf', () => {
  it.each<[string, Partial<Charger>, boolean]>([
    ['operating, commissioned before', { commissioned: '2024-12-31' }, true],
    ['operating, commissioned on the date', { commissioned: '2025-01-01' }, true],
    ['operating, commissioned after', { commissioned: '2025-01-02' }, false],
    ['planned, commissioned before', { commissioned: '2024-01-01', status: 'planned' }, false],
    ['closed', { commissioned: '2020-01-01', status: 'closed' }, false],
    ['unknown status', { status: 'unknown' }, false],
    ['no date', { commissioned: null }, false],
  ])('%s → %s', (_label, over, kept) => {
    const c = ch(over);
    expect(chargersAsOf([c], '2025-01-01')).toEqual(kept ? [c] : []);
  });
});

describe('chargingPoints and progress', () => {
  it('counts connectors of DC and AC sites only', () => {
    expect(
      chargingPoints([
        ch({ kind: 'dc_fast', connectors: 4 }),
        ch({ kind: 'ac_slow', connectors: 10 }),
        ch({ kind: 'ac_slow', connectors: null }),
        ch({ kind: 'swap', connectors: 2 }),
        ch({ kind: 'hydrogen', connectors: 2 }),
        ch({ kind: 'unknown', connectors: 7 }),
      ]),
    ).toEqual({ points: 14, unknownSites: 1 });
  });

  it.each<[number, [number, number, number, boolean][]]>([
    [
      0,
      [
        [2025, 0, 1900, false],
        [2027, 0, 3600, false],
      ],
    ],
    [
      950,
      [
        [2025, 0.5, 950, false],
        [2027, 950 / 3600, 2650, false],
      ],
    ],
    [
      1900,
      [
        [2025, 1, 0, true],
        [2027, 1900 / 3600, 1700, false],
      ],
    ],
    [
      4500,
      [
        [2025, 4500 / 1900, 0, true],
        [2027, 1.25, 0, true],
      ],
    ],
  ])('%i points against the plan', (count, expected) => {
    const r = progress(count, GOALS.points);
    expect(r.map((p) => [p.year, p.fraction, p.remaining, p.met])).toEqual(expected);
    expect(r.map((p) => p.target)).toEqual([1900, 3600]);
  });
});

describe('the charging goals', () => {
  it('come from goals.json: 1,900 and 3,600 points, below 2:1 and 1.5:1', () => {
    expect(GOALS).toEqual({ points: { 2025: 1900, 2027: 3600 }, ratioCeilings: { 2025: 2, 2027: 1.5 } });
  });

  it('are empty, not invented, when goals.json lacks them', () => {
    expect(chargingGoalsOf([])).toEqual({ points: {}, ratioCeilings: {} });
    expect(progress(100, {})).toEqual([]);
    expect(vehiclesPerCharger(100, [ch({ connectors: 50 })]).meets).toEqual({});
  });
});

describe('vehiclesPerCharger', () => {
  const points = (n: number) => [ch({ connectors: n })];
  it.each<[string, number | null, Charger[], number | null, boolean | null, boolean | null]>([
    ['no NEV figure', null, points(100), null, null, null],
    ['no charging points', 100, [], null, null, null],
    ['only swap bays', 100, [ch({ kind: 'swap', connectors: 5 })], null, null, null],
    ['1:1', 100, points(100), 1, true, true],
    ['1.5:1 is not below 1.5', 150, points(100), 1.5, true, false],
    ['2:1 is not below 2', 200, points(100), 2, false, false],
    ['no vehicles', 0, points(10), 0, true, true],
  ])('%s', (_label, nev, chargers, ratio, m2025, m2027) => {
    const r = vehiclesPerCharger(nev, chargers, GOALS.ratioCeilings);
    expect(r.ratio).toBe(ratio);
    expect(r.meets).toEqual({ 2025: m2025, 2027: m2027 });
  });
});

describe('coverage', () => {
  // A 10 km × 10 km square city.
  const south = 33.9;
  const west = 116.7;
  const dLat = 10 / ((6371 * Math.PI) / 180);
  const dLon = dLat / Math.cos(((south + dLat / 2) * Math.PI) / 180);
  const square = fc(rect(west, south, west + dLon, south + dLat, {}));
  const a: [number, number] = [west + dLon * 0.2, south + dLat * 0.2];
  const b: [number, number] = [west + dLon * 0.8, south + dLat * 0.3];

  it('covers the cells near the chargers and not the far ones, with the right distances', () => {
    const r = coverage([ch({ lngLat: a }), ch({ lngLat: b }), ch({ lngLat: null })], square, 2, 1);
    expect(r.total).toBeGreaterThanOrEqual(81);
    expect(r.total).toBeLessThanOrEqual(121);
    for (const c of r.cells) {
      const truth = Math.min(distance(c.lngLat, a), distance(c.lngLat, b)); // great-circle, km
      expect(Math.abs((c.distanceKm as number) - truth) / Math.max(truth, 0.01)).toBeLessThan(0.01);
      expect(c.covered).toBe(truth <= 2 * 0.99 ? true : truth > 2 * 1.01 ? false : c.covered);
    }
    // Two 2 km discs (about 12.6 km² each) in a 100 km² city: roughly a quarter of the cells.
    expect(r.covered).toBe(r.cells.filter((c) => c.covered).length);
    expect(r.share).toBeCloseTo(r.covered / r.total, 12);
    expect(r.share as number).toBeGreaterThan(0.15);
    expect(r.share as number).toBeLessThan(0.35);
    // The north-west corner is about 8 km from the nearer charger.
    const nw = r.cells.reduce((m, c) => (c.lngLat[1] - c.lngLat[0] > m.lngLat[1] - m.lngLat[0] ? c : m));
    expect(nw.covered).toBe(false);
    expect(nw.distanceKm as number).toBeGreaterThan(7);
  });

  it('keeps only the cells inside the city', () => {
    // An L shape: the square without its north-east quarter.
    const lShape = fc(
      rect(west, south, west + dLon, south + dLat / 2, {}),
      rect(west, south + dLat / 2, west + dLon / 2, south + dLat, {}),
    );
    const r = coverage([ch({ lngLat: a })], lShape, 2, 1);
    const full = coverage([ch({ lngLat: a })], square, 2, 1);
    expect(r.total).toBeLessThan(full.total * 0.8);
    expect(r.total).toBeGreaterThan(full.total * 0.7);
    expect(
      r.cells.some((c) => c.lngLat[0] > west + dLon / 2 + 1e-9 && c.lngLat[1] > south + dLat / 2 + 1e-9),
    ).toBe(false);
  });

  it('reports no distance and no coverage without chargers', () => {
    const r = coverage([ch({ lngLat: null })], square, 2, 1);
    expect(r.covered).toBe(0);
    expect(r.share).toBe(0);
    expect(r.cells.every((c) => c.distanceKm === null && !c.covered)).toBe(true);
  });
});

describe('buildNearestIndex', () => {
  const rand = mulberry32(7);
  const inBox = (): [number, number] => [116.38 + rand() * 0.67, 33.28 + rand() * 0.98];
  const points = Array.from({ length: 500 }, inBox);
  const queries = [
    ...Array.from({ length: 300 }, inBox),
    [115.0, 33.0] as [number, number], // far outside the points
    [118.0, 35.0] as [number, number],
  ];
  const pl = planeAt(116.7, 33.77);

  it.each([0.3, 2, 10, 200])('agrees with brute force on 500 random points (bucket %s km)', (bucketKm) => {
    const index = buildNearestIndex(points, pl, bucketKm);
    for (const q of queries) {
      let best = Number.POSITIVE_INFINITY;
      let bestK = -1;
      points.forEach((p, k) => {
        const d = planeDistanceKm(pl, q, p);
        if (d < best) {
          best = d;
          bestK = k;
        }
      });
      const got = index.nearest(q);
      expect(got?.index).toBe(bestK);
      expect(got?.distanceKm).toBeCloseTo(best, 9);
    }
  });

  it('returns null with no points', () => {
    expect(buildNearestIndex([], pl, 1).nearest([116.7, 33.8])).toBeNull();
  });

  it('measures within 1 % of great-circle distance across Huaibei', () => {
    for (let i = 0; i < 200; i += 1) {
      const p = inBox();
      const q = inBox();
      const truth = distance(p, q);
      expect(Math.abs(planeDistanceKm(pl, p, q) - truth) / truth).toBeLessThan(0.01);
    }
  });
});

describe('townshipCoverage and uncoveredTownships', () => {
  const units: TownshipUnit[] = [
    { code: '340621104', name_zh: '临涣镇', kind: 'town', district_adcode: '340621' },
    { code: '340621101', name_zh: '韩村镇', kind: 'town', district_adcode: '340621' },
    { code: '340603001', name_zh: '相南街道', kind: 'subdistrict', district_adcode: '340603' },
    {
      code: '340621400',
      name_zh: '安徽省濉溪经济开发区',
      kind: 'quasi_township_zone',
      district_adcode: '340621',
    },
  ];
  const chargers = [
    ch({ township: '340621104' }),
    ch({ township: '340621104' }),
    ch({ township: '340603001' }),
    ch({ township: '999999999' }),
    ch({ township: null }),
  ];

  it('lists every unit with its sites, flagging quasi-township zones', () => {
    expect(townshipCoverage(chargers, units).map((t) => [t.unit.code, t.sites, t.quasiZone])).toEqual([
      ['340621104', 2, false],
      ['340621101', 0, false],
      ['340603001', 1, false],
      ['340621400', 0, true],
    ]);
  });

  it('returns the units with no site, in list order', () => {
    expect(uncoveredTownships(chargers, units).map((t) => [t.unit.name_zh, t.quasiZone])).toEqual([
      ['韩村镇', false],
      ['安徽省濉溪经济开发区', true],
    ]);
    expect(uncoveredTownships([], units)).toHaveLength(4);
  });
});

describe('the bundled data together', async () => {
  const city = (await publicJson('geo/city.geojson')) as FeatureCollection<AreaPolygon>;
  const districts = (await publicJson('geo/districts.geojson')) as FeatureCollection<
    AreaPolygon,
    { adcode: string }
  >;
  const list = (await publicJson('geo/townships_list.json')) as { townships: TownshipUnit[] };
  const seats = (await publicJson('geo/townships.geojson')) as FeatureCollection<never, { code: string }>;
  const chargers = parseChargers(await readPublic('data/chargers.csv'), 'data/chargers.csv', {
    districtCodes: new Set(districts.features.map((f) => f.properties.adcode)),
    townshipCodes: new Set(list.townships.map((t) => t.code)),
    today: '2025-12-31',
  }).value;

  it('counts every site in a district by its point, agreeing with the district field', () => {
    const r = countByDistrict(chargers, districts);
    expect(r).toMatchObject({ noPoint: 0, outside: 0, unplaced: 0 });
    for (const [code, c] of Object.entries(r.byDistrict)) {
      expect(c.sites).toBe(chargers.filter((x) => x.district === code).length);
    }
  });

  it('leaves uncovered exactly the 37 − 23 units that have no seat point', () => {
    const withSeat = new Set(seats.features.map((f) => f.properties.code));
    const uncovered = uncoveredTownships(chargers, list.townships);
    expect(list.townships).toHaveLength(37);
    expect(uncovered.map((t) => t.unit.code).sort()).toEqual(
      list.townships
        .map((t) => t.code)
        .filter((c) => !withSeat.has(c))
        .sort(),
    );
    expect(uncovered.filter((t) => t.quasiZone)).toHaveLength(5);
  });

  it('computes the city coverage on a 1 km grid', () => {
    const operating = chargersAsOf(chargers, '2025-12-31');
    const r = coverage(operating, city, 3, 1);
    expect(r.total).toBeGreaterThan(2400); // about 2,750 km² of city
    expect(r.total).toBeLessThan(3100);
    expect(r.share as number).toBeGreaterThan(0.2);
    expect(r.share as number).toBeLessThan(1);
  });
});
