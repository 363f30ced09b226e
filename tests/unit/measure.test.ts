import { distance, polygon, area as turfArea } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import {
  insideShape,
  type LngLat,
  MAX_MEASURE_POINTS,
  type Measurement,
  measureAreaKm2,
  measureLengthKm,
  moveMeasurementPoint,
  tapMeasurement,
  undoMeasurement,
} from '../../src/domain/measure';
import { decodeMeasure, encodeMeasure } from '../../src/model';
import { selectAreaShapes } from '../../src/state/selectors';
import { createAppStore, shareStateOf } from '../../src/state/store';
import { decodeHash, encodeHash } from '../../src/state/url-hash';
import { readPublic } from '../fixtures/load';

// Three known points in Huaibei: the old town, the Lieshan district seat, the high-tech zone.
const THREE: LngLat[] = [
  [116.7983, 33.9547],
  [116.8156, 33.8953],
  [116.8713, 33.8744],
];

describe('measuring tool geometry', () => {
  it("the length for three known points is within 0.5 % of turf's", () => {
    const m: Measurement = { points: THREE, closed: false };
    const turf =
      distance(THREE[0] as LngLat, THREE[1] as LngLat) + distance(THREE[1] as LngLat, THREE[2] as LngLat);
    expect(Math.abs(measureLengthKm(m) - turf) / turf).toBeLessThan(0.005);
    // And against the sphere by hand: one degree of latitude is 111.19 km on turf's earth radius.
    const meridian: Measurement = {
      points: [
        [116.8, 33.5],
        [116.8, 34.0],
        [116.8, 34.5],
      ],
      closed: false,
    };
    expect(measureLengthKm(meridian)).toBeCloseTo((Math.PI / 180) * 6371.0088, 1);
  });

  it("a closed shape's perimeter includes the way back, and its area is turf's", () => {
    const m: Measurement = { points: THREE, closed: true };
    const back = distance(THREE[2] as LngLat, THREE[0] as LngLat);
    expect(measureLengthKm(m)).toBeCloseTo(measureLengthKm({ points: THREE, closed: false }) + back, 6);
    const turf = turfArea(polygon([[...THREE, THREE[0] as LngLat]])) / 1e6;
    expect(measureAreaKm2(m)).toBeCloseTo(turf, 6);
    expect(measureAreaKm2({ points: THREE, closed: false })).toBe(0);
  });

  it('a tap on the first point closes the shape once it has three, and undo reopens it', () => {
    let m: Measurement = { points: [], closed: false };
    m = tapMeasurement(m, [116.8, 33.9], false);
    m = tapMeasurement(m, [116.9, 33.9], true); // two points: the first point cannot close yet
    expect(m).toEqual({
      points: [
        [116.8, 33.9],
        [116.9, 33.9],
      ],
      closed: false,
    });
    m = tapMeasurement(tapMeasurement(m, [116.9, 34.0], false), [116.8, 33.9], true);
    expect(m.closed).toBe(true);
    expect(m.points).toHaveLength(3);
    expect(tapMeasurement(m, [117, 34], false)).toBe(m);
    expect(undoMeasurement(m)).toEqual({ ...m, closed: false });
    const full: Measurement = {
      points: Array.from({ length: MAX_MEASURE_POINTS }, (_, i) => [116 + i / 100, 33.9] as LngLat),
      closed: false,
    };
    expect(tapMeasurement(full, [117, 34], false)).toBe(full);
  });

  it('a dragged point moves alone, kept at the link precision', () => {
    const m: Measurement = { points: THREE, closed: true };
    const moved = moveMeasurementPoint(m, 1, [116.823456789, 33.9012345]);
    expect(moved.points[1]).toEqual([116.8235, 33.9012]);
    expect(moved.points[0]).toEqual(THREE[0]);
    expect(moved.closed).toBe(true);
    expect(moveMeasurementPoint(m, 5, [116, 33])).toBe(m);
  });
});

/** Ray casting, written here so the count does not lean on turf. */
function pointInRing(p: LngLat, ring: readonly LngLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as LngLat;
    const [xj, yj] = ring[j] as LngLat;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

describe('what is inside a drawn shape', () => {
  it('the firms-inside count equals an independent count, district-only firms counted as possibly inside', async () => {
    const data = await loadBundled(readPublic);
    const shapes = selectAreaShapes(data);
    // A box over the city centre holding both parts of the high-tech zone: it cuts several districts.
    const box: LngLat[] = [
      [116.74, 33.83],
      [116.95, 33.83],
      [116.95, 34.0],
      [116.74, 34.0],
    ];
    // The bundled firms have no surveyed site yet: two with one, inside and outside, stand in for them.
    const base = data.enterprises[0];
    if (!base) throw new Error('no firms');
    const sited = [
      {
        ...base,
        id: 'sited-in',
        key: 'sited-in',
        precision: 'exact' as const,
        lngLat: [116.8, 33.9] as LngLat,
      },
      {
        ...base,
        id: 'sited-out',
        key: 'sited-out',
        precision: 'exact' as const,
        lngLat: [116.6, 33.7] as LngLat,
      },
    ];
    const firms = [...data.enterprises, ...sited];
    const m: Measurement = { points: box, closed: true };
    const r = insideShape(m, firms, shapes, data.chargers);

    const ringsOf = (areaId: string): LngLat[][] =>
      shapes.polygons.features
        .filter((f) => f.properties.area === areaId)
        .flatMap((f) =>
          f.geometry.type === 'Polygon'
            ? [f.geometry.coordinates[0] as LngLat[]]
            : f.geometry.coordinates.map((p) => p[0] as LngLat[]),
        );
    let inside = 0;
    let possibly = 0;
    for (const e of firms) {
      if (e.precision === 'exact') {
        if (e.lngLat && pointInRing(e.lngLat, box)) inside++;
      } else if ((e.precision === 'district' || e.precision === 'park') && e.area) {
        const rings = ringsOf(e.area);
        const vertices = rings.flat();
        const all = vertices.length > 0 && vertices.every((v) => pointInRing(v, box));
        const some =
          vertices.some((v) => pointInRing(v, box)) ||
          box.some((c) => rings.some((ring) => pointInRing(c, ring)));
        if (all) inside++;
        else if (some) possibly++;
      }
    }
    const sites = data.chargers.filter((c) => c.lngLat && pointInRing(c.lngLat, box)).length;
    expect(r.firms.length).toBe(inside);
    expect(r.possiblyFirms.length).toBe(possibly);
    expect(r.chargers.length).toBe(sites);
    // The box is drawn where there is something to count, and it cuts districts with district-only firms.
    expect(inside).toBeGreaterThan(0);
    expect(possibly).toBeGreaterThan(0);
    expect(r.firms.map((f) => f.id)).toContain('sited-in');
    expect(r.firms.map((f) => f.id)).not.toContain('sited-out');
    expect(r.firms.filter((f) => f.area === 'hitech' && f.precision === 'park')).toHaveLength(5);
    // No firm is both.
    expect(r.firms.some((f) => r.possiblyFirms.includes(f))).toBe(false);
  });

  it('an open line has nothing inside', async () => {
    const data = await loadBundled(readPublic);
    const shapes = selectAreaShapes(data);
    const r = insideShape({ points: THREE, closed: false }, data.enterprises, shapes, data.chargers);
    expect(r.firms).toEqual([]);
    expect(r.possiblyFirms).toEqual([]);
  });
});

describe('the measurement in the link (m=)', () => {
  it('round-trips a line and an area, four decimals', () => {
    const line: Measurement = { points: THREE, closed: false };
    expect(encodeMeasure(line)).toBe('l:116.7983,33.9547;116.8156,33.8953;116.8713,33.8744');
    expect(decodeMeasure(encodeMeasure(line))).toEqual(line);
    const shape: Measurement = { points: THREE, closed: true };
    expect(decodeMeasure(encodeMeasure(shape))).toEqual(shape);
    const store = createAppStore();
    store.getState().startMeasure();
    for (const p of THREE) store.getState().measureTap(p, false);
    store.getState().closeMeasure();
    const hash = encodeHash(shareStateOf(store.getState()));
    expect(hash).toContain('&m=a:116.7983,33.9547;');
    const back = decodeHash(hash, new Set());
    expect(back.rejected).toEqual([]);
    expect(back.state.measure).toEqual(shape);
  });

  it('leaves the key out while no point is placed', () => {
    const store = createAppStore();
    store.getState().startMeasure();
    expect(encodeHash(shareStateOf(store.getState()))).not.toContain('m=');
  });

  it.each([
    ['a:116.8,33.9;116.9,33.9'], // an area needs three points
    ['x:116.8,33.9'],
    ['l:'],
    ['l:116.8,33.9;'],
    ['l:200,33.9'],
    ['l:116.8,10.0'], // far from Huaibei
    ['l:116.8;33.9'],
    ['l:1e2,33.9'],
    [`l:${Array.from({ length: MAX_MEASURE_POINTS + 1 }, () => '116.8,33.9').join(';')}`],
  ])('rejects %s and reports it like other bad link parts', (value) => {
    expect(decodeMeasure(value)).toBeNull();
    const r = decodeHash(`#v=1&m=${value}&lang=en`, new Set());
    expect(r.rejected).toEqual(['m']);
    expect(r.state.measure).toBeUndefined();
    expect(r.state.lang).toBe('en');
  });

  it('a link with a measurement turns the tool on with it; the clear action turns it off', () => {
    const store = createAppStore();
    const shape: Measurement = { points: THREE, closed: true };
    const d = decodeHash(`#v=1&m=${encodeMeasure(shape)}`, new Set());
    store.getState().applyShared({ ...shareStateOf(store.getState()), ...d.state }, d.rejected);
    expect(store.getState().measure).toEqual(shape);
    store.getState().clearMeasure();
    expect(store.getState().measure).toBeNull();
  });
});
