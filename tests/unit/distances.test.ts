import { booleanPointInPolygon, distance, point, polygonToLine } from '@turf/turf';
import type { Feature, LineString, MultiLineString, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import type { AreaId, AreaPolygon } from '../../src/data/types';
import { buildAreaShapes } from '../../src/domain/area-shapes';
import { areaReach, roundKm } from '../../src/domain/distances';
import { readPublic } from '../fixtures/load';

const data = await loadBundled(readPublic);
const shapes = buildAreaShapes(data.areas.areas, data.districts.features);

/** Independent: 0 inside, else turf's distance to the nearest point of the outline, found by densifying it. */
function independentKm(parts: Feature<AreaPolygon>[], at: Position): number {
  let best = Number.POSITIVE_INFINITY;
  for (const p of parts) {
    if (booleanPointInPolygon(at, p)) return 0;
    const lines = polygonToLine(p) as
      | Feature<LineString | MultiLineString>
      | { features: Feature<LineString | MultiLineString>[] };
    const feats = 'features' in lines ? lines.features : [lines];
    for (const f of feats) {
      const rings = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of rings)
        for (let i = 1; i < ring.length; i++) {
          const a = ring[i - 1] as Position;
          const b = ring[i] as Position;
          for (let k = 0; k <= 20; k++) {
            const [ax = 0, ay = 0] = a;
            const [bx = 0, by = 0] = b;
            const q = [ax + ((bx - ax) * k) / 20, ay + ((by - ay) * k) / 20];
            best = Math.min(best, distance(point(at), point(q), { units: 'kilometers' }));
          }
        }
    }
  }
  return best;
}

const placeAt = (name: string): Position => {
  const p = data.places.features.find((f) => f.properties.name_zh === name);
  if (p) return p.geometry.coordinates;
  throw new Error(`no bundled point named ${name}`);
};

// Straight-line km (rounded as the card shows them) from each area's drawn shape; parks from their
// approximate footprint. Junction: nearest named one; airports: the two nearest.
const TABLE: Record<
  AreaId,
  { junction: [string, number]; station: [string, number]; xuzhou: number; airports: [string, number][] }
> = {
  suixi: {
    junction: ['百善镇', 0],
    station: ['濉溪站', 0],
    xuzhou: 53,
    airports: [
      ['徐州观音国际机场', 72],
      ['合肥新桥国际机场', 144],
    ],
  },
  xiangshan: {
    junction: ['淮北', 7.2],
    station: ['岱河站', 0.5],
    xuzhou: 46,
    airports: [
      ['徐州观音国际机场', 66],
      ['淮安涟水国际机场', 210],
    ],
  },
  lieshan: {
    junction: ['淮北', 0],
    station: ['濉溪站', 2.3],
    xuzhou: 40,
    airports: [
      ['徐州观音国际机场', 53],
      ['合肥新桥国际机场', 187],
    ],
  },
  duji: {
    junction: ['朱圩子', 3.1],
    station: ['淮北北站', 0],
    xuzhou: 13,
    airports: [
      ['徐州观音国际机场', 50],
      ['淮安涟水国际机场', 198],
    ],
  },
  hitech: {
    junction: ['淮北', 3.3],
    station: ['岱河站', 5.2],
    xuzhou: 43,
    airports: [
      ['徐州观音国际机场', 61],
      ['淮安涟水国际机场', 206],
    ],
  },
  linhuan: {
    junction: ['百善镇', 10],
    station: ['濉溪站', 31],
    xuzhou: 85,
    airports: [
      ['徐州观音国际机场', 97],
      ['合肥新桥国际机场', 188],
    ],
  },
};

describe('the distances on the area cards', () => {
  it('has a row for each of the six areas', () => {
    expect(shapes.polygons.features.map((f) => f.properties.area).sort()).toEqual(
      expect.arrayContaining(['duji', 'hitech', 'lieshan', 'linhuan', 'suixi', 'xiangshan']),
    );
  });
  for (const area of ['suixi', 'xiangshan', 'lieshan', 'duji', 'hitech', 'linhuan'] as const) {
    it(`${area}: equal turf's distance between the bundled points and the area`, () => {
      const parts = shapes.polygons.features.filter((f) => f.properties.area === area);
      const r = areaReach(area, parts, data.transport, data.places);
      const row = TABLE[area];
      expect([r.junction?.name_zh, roundKm(r.junction?.km ?? -1)]).toEqual(row.junction);
      expect([r.station?.name_zh, roundKm(r.station?.km ?? -1)]).toEqual(row.station);
      expect(roundKm(r.xuzhou?.km ?? -1)).toBe(row.xuzhou);
      expect(r.airports.map((a) => [a.name_zh, roundKm(a.km)])).toEqual(row.airports);
      // Parks are measured from their approximate footprint, and say so.
      expect(r.approximate).toBe(area === 'hitech' || area === 'linhuan');
      for (const [name, km] of [
        [r.station?.name_zh, r.station?.km],
        [r.airports[0]?.name_zh, r.airports[0]?.km],
        [r.airports[1]?.name_zh, r.airports[1]?.km],
        ['徐州', r.xuzhou?.km],
      ] as const) {
        expect(km, String(name)).toBeCloseTo(independentKm(parts, placeAt(String(name))), 1);
      }
    });
  }
});
