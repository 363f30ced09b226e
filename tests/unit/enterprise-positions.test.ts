import { booleanPointInPolygon, distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import type { AreaId, Enterprise, Precision } from '../../src/data/types';
import { buildAreaShapes } from '../../src/domain/area-shapes';
import {
  areaAnchors,
  type LngLat,
  placeEnterprises,
  spiralPoint,
} from '../../src/domain/enterprise-positions';
import { readPublic } from '../fixtures/load';
import { enterprise } from '../fixtures/records';

const metres = (a: LngLat, b: LngLat) => distance(a, b, { units: 'meters' });

const SUIXI_SEAT: LngLat = [116.76, 33.92];
const ANCHORS: Partial<Record<AreaId, LngLat>> = {
  suixi: [116.69653, 33.65042],
  hitech: [116.8875, 33.96],
};

const ent = (over: Partial<Enterprise> & { id: string }) =>
  enterprise({ area: 'suixi', precision: 'district', source: 'http://example.org', ...over });

const many = (n: number, over: Partial<Enterprise>) =>
  Array.from({ length: n }, (_, i) => ent({ id: `e${i}`, ...over }));

function minPairDistance(points: LngLat[]): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      min = Math.min(min, metres(points[i] as LngLat, points[j] as LngLat));
    }
  }
  return min;
}

describe('spiralPoint', () => {
  it.each([
    [450, 0],
    [450, 1],
    [450, 7],
    [450, 49],
    [100, 3],
    [1000, 20],
  ])('with a %i m step puts point %i at step·√(i+½) from the anchor', (step, i) => {
    const d = metres(SUIXI_SEAT, spiralPoint(SUIXI_SEAT, i, step));
    expect(Math.abs(d - step * Math.sqrt(i + 0.5)) / d).toBeLessThan(0.01);
  });

  it.each([450, 100])('never puts two of the first 60 points closer than half a %i m step', (step) => {
    const points = Array.from({ length: 60 }, (_, i) => spiralPoint(SUIXI_SEAT, i, step));
    expect(minPairDistance(points)).toBeGreaterThanOrEqual(step / 2);
  });

  it('never puts a point on the anchor itself', () => {
    expect(metres(SUIXI_SEAT, spiralPoint(SUIXI_SEAT, 0))).toBeGreaterThan(100);
  });

  it('is deterministic', () => {
    expect(spiralPoint(SUIXI_SEAT, 12)).toEqual(spiralPoint(SUIXI_SEAT, 12));
  });
});

describe('placeEnterprises', () => {
  it('puts an exact row with a point at that point, not approximate', () => {
    const [p] = placeEnterprises([ent({ id: 'x', precision: 'exact', lngLat: [116.8, 33.95] })], ANCHORS);
    expect(p).toEqual({ position: [116.8, 33.95], approximate: false });
  });

  it.each<[Precision]>([['park'], ['district'], ['unknown']])(
    'spreads %s rows that share a researched point around it, apart and close by',
    (precision) => {
      const rows = many(12, { precision, lngLat: SUIXI_SEAT });
      const placed = placeEnterprises(rows, ANCHORS);
      const positions = placed.map((p) => p.position as LngLat);
      expect(placed.every((p) => p.approximate && p.position !== null)).toBe(true);
      expect(minPairDistance(positions)).toBeGreaterThan(100);
      for (const p of positions) {
        expect(metres(SUIXI_SEAT, p)).toBeGreaterThan(100);
        expect(metres(SUIXI_SEAT, p)).toBeLessThan(3000);
      }
    },
  );

  it('anchors rows without a point at their area’s anchor', () => {
    const placed = placeEnterprises(
      [...many(5, { area: 'hitech', precision: 'park' }), ent({ id: 's', area: 'suixi' })],
      ANCHORS,
    );
    for (const p of placed.slice(0, 5)) {
      expect(p.approximate).toBe(true);
      expect(metres(ANCHORS.hitech as LngLat, p.position as LngLat)).toBeLessThan(2000);
    }
    expect(metres(ANCHORS.suixi as LngLat, placed[5]?.position as LngLat)).toBeLessThan(1000);
    expect(minPairDistance(placed.map((p) => p.position as LngLat))).toBeGreaterThan(100);
  });

  it('keeps rows apart when a researched point is the area anchor itself', () => {
    const placed = placeEnterprises(
      [ent({ id: 'a', lngLat: ANCHORS.suixi as LngLat }), ent({ id: 'b', area: 'suixi' })],
      ANCHORS,
    );
    expect(minPairDistance(placed.map((p) => p.position as LngLat))).toBeGreaterThan(100);
  });

  it.each<[string, Partial<Enterprise>]>([
    ['no point and no area', { area: null }],
    ['no point and an area with no anchor', { area: 'duji' }],
  ])('leaves a row with %s off the map', (_label, over) => {
    const [p] = placeEnterprises([ent({ id: 'x', ...over })], ANCHORS);
    expect(p?.position).toBeNull();
  });

  it('places a row marked exact but without a point as approximate, at its area', () => {
    const [p] = placeEnterprises([ent({ id: 'x', precision: 'exact', area: 'hitech' })], ANCHORS);
    expect(p?.approximate).toBe(true);
    expect(metres(ANCHORS.hitech as LngLat, p?.position as LngLat)).toBeLessThan(1000);
  });

  it('gives the same positions for the same input', () => {
    const rows = [
      ...many(6, { lngLat: SUIXI_SEAT }),
      ent({ id: 'x', precision: 'exact', lngLat: [116.8, 33.95] }),
      ...many(4, { area: 'hitech', precision: 'park' }),
      ent({ id: 'y', area: null }),
    ];
    expect(placeEnterprises(rows, ANCHORS)).toEqual(placeEnterprises(rows, ANCHORS));
  });
});

describe('areaAnchors and placement on the bundled data', async () => {
  const data = await loadBundled(readPublic);
  const shapes = buildAreaShapes(data.areas.areas, data.districts.features);
  const anchors = areaAnchors(data.areas.areas, shapes);

  it.each(['suixi', 'xiangshan', 'lieshan', 'duji'] as const)(
    'anchors %s at its district label point',
    (id) => {
      const adcode = data.areas.areas.find((a) => a.id === id)?.adcode;
      const d = data.districts.features.find((f) => f.properties.adcode === adcode);
      expect(d).toBeDefined();
      expect(anchors[id]).toEqual([d?.properties.label_lng, d?.properties.label_lat]);
    },
  );

  it.each<[AreaId, LngLat]>([
    ['hitech', [116.8875, 33.96]],
    ['linhuan', [116.598, 33.667]],
  ])('anchors the park %s at its first footprint centre', (id, centre) => {
    expect(anchors[id]).toEqual(centre);
    expect(data.areas.areas.find((a) => a.id === id)?.footprints[0]?.center).toEqual(centre);
  });

  it('places every firm with an area or a point, each at its own place inside the city', () => {
    const placed = placeEnterprises(data.enterprises, anchors);
    const city = data.city.features[0];
    expect(city).toBeDefined();
    const onMap: LngLat[] = [];
    placed.forEach((p, i) => {
      const e = data.enterprises[i] as Enterprise;
      if (e.area === null && e.lngLat === null) expect(p.position, e.id).toBeNull();
      else {
        expect(p.position, e.id).not.toBeNull();
        onMap.push(p.position as LngLat);
        if (city) expect(booleanPointInPolygon(p.position as LngLat, city), e.id).toBe(true);
      }
    });
    expect(onMap.length).toBeGreaterThan(40);
    expect(minPairDistance(onMap)).toBeGreaterThan(100);
  });
});
