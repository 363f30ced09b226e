import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import type { AreaPolygon } from '../../src/data/types';
import { pointLocator } from '../../src/domain/locate';
import { readPublic } from '../fixtures/load';

const data = await loadBundled(readPublic);
const districts = data.districts.features;

// The plain answer the index must agree with: the first polygon turf says holds the point.
const reference = (features: readonly Feature<AreaPolygon>[], p: [number, number]) =>
  features.find((f) => booleanPointInPolygon(point(p), f)) ?? null;

// A fixed pseudo-random sequence, so a failure can be replayed.
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296;
  };
}

describe('pointLocator', () => {
  const at = pointLocator(districts);

  it('agrees with turf on 20,000 points over and around the city', () => {
    const r = random(7);
    let inside = 0;
    for (let i = 0; i < 20_000; i++) {
      const p: [number, number] = [116.2 + r() * 1.0, 33.2 + r() * 1.1];
      const want = reference(districts, p);
      expect(at(p), p.join(',')).toBe(want);
      if (want) inside += 1;
    }
    // The sample is not all outside (which would pass trivially).
    expect(inside).toBeGreaterThan(2000);
  });

  it('counts a point on an outline as inside, as turf does, and the first polygon wins', () => {
    const f = districts[0];
    if (!f) throw new Error('no district');
    const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0]?.[0];
    const v = ring?.[3] as [number, number];
    expect(reference(districts, v)).not.toBeNull();
    expect(at(v)).toBe(reference(districts, v));
  });

  it('says null far away and for an empty list', () => {
    expect(at([0, 0])).toBeNull();
    expect(pointLocator([])([116.8, 33.9])).toBeNull();
  });

  it('handles holes', () => {
    const donut: Feature<AreaPolygon> = {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [10, 0],
            [10, 10],
            [0, 10],
            [0, 0],
          ],
          [
            [3, 3],
            [7, 3],
            [7, 7],
            [3, 7],
            [3, 3],
          ],
        ],
      },
    };
    const find = pointLocator([donut]);
    expect(find([1, 1])).toBe(donut);
    expect(find([5, 5])).toBeNull();
    expect(find([5, 5])).toBe(reference([donut], [5, 5]));
  });
});
