import { booleanPointInPolygon, centroid, area as turfArea } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import {
  areaBounds,
  buildAreaShapes,
  footprintRadiusKm,
  labelLines,
  pickArea,
} from '../../src/domain/area-shapes';
import { issueReason } from '../../src/i18n/t';
import { areaNeighbours } from '../fixtures/area-neighbours';
import { readPublic } from '../fixtures/load';

describe('buildAreaShapes on the bundled data', async () => {
  const data = await loadBundled(readPublic);
  const shapes = buildAreaShapes(data.areas.areas, data.districts.features);

  it('draws all six areas, the High-tech Zone in two parts', () => {
    expect(shapes.issues).toEqual([]);
    expect(new Set(shapes.polygons.features.map((f) => f.properties.area)).size).toBe(6);
    expect(
      shapes.polygons.features.filter((f) => f.properties.area === 'hitech').map((f) => f.properties.part),
    ).toEqual(['hitech-longhu', 'hitech-xinqu']);
  });

  it('marks parks, and only parks, as approximate and draws them above the districts', () => {
    const feats = shapes.polygons.features;
    for (const f of feats) expect(f.properties.approximate).toBe(f.properties.kind === 'park');
    const firstPark = feats.findIndex((f) => f.properties.kind === 'park');
    expect(feats.slice(firstPark).every((f) => f.properties.kind === 'park')).toBe(true);
  });

  it('gives each park footprint its stated area, inside the city', () => {
    const city = data.city.features[0];
    expect(city).toBeDefined();
    for (const a of data.areas.areas.filter((x) => x.kind === 'park')) {
      for (const fp of a.footprints) {
        const f = shapes.polygons.features.find((p) => p.properties.part === fp.id);
        expect(f).toBeDefined();
        if (!f || !city) continue;
        expect(turfArea(f) / 1e6).toBeCloseTo(fp.areaKm2, 0);
        expect(booleanPointInPolygon(centroid(f), city)).toBe(true);
      }
    }
  });

  it('labels each district at its inner label point', () => {
    const suixi = shapes.labels.features.find((f) => f.properties.area === 'suixi');
    expect(suixi?.geometry.coordinates).toEqual([116.69653, 33.65042]);
  });

  it('bounds an area across all its parts', () => {
    const b = areaBounds(shapes, 'hitech');
    expect(b).not.toBeNull();
    if (!b) return;
    // Both High-tech Zone parts: Longhu (north, 33.96) and the New District (south, 33.86).
    expect(b[0][1]).toBeLessThan(33.86);
    expect(b[1][1]).toBeGreaterThan(33.96);
    expect(
      areaBounds({ ...shapes, polygons: { type: 'FeatureCollection', features: [] } }, 'hitech'),
    ).toBeNull();
  });

  it('bounds several areas as one box around all of them, and none as null', () => {
    const both = areaBounds(shapes, ['hitech', 'suixi']);
    const hitech = areaBounds(shapes, 'hitech');
    const suixi = areaBounds(shapes, 'suixi');
    if (!both || !hitech || !suixi) throw new Error('an area has no shape');
    expect(both[0][0]).toBe(Math.min(hitech[0][0], suixi[0][0]));
    expect(both[0][1]).toBe(Math.min(hitech[0][1], suixi[0][1]));
    expect(both[1][0]).toBe(Math.max(hitech[1][0], suixi[1][0]));
    expect(both[1][1]).toBe(Math.max(hitech[1][1], suixi[1][1]));
    expect(areaBounds(shapes, [])).toBeNull();
  });

  it('reports an area whose district is missing from the boundaries', () => {
    const r = buildAreaShapes(
      data.areas.areas,
      data.districts.features.filter((f) => f.properties.adcode !== '340602'),
    );
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0] ? issueReason('zh', r.issues[0]) : undefined).toContain('杜集区');
    expect(new Set(r.polygons.features.map((f) => f.properties.area)).size).toBe(5);
  });
});

describe('footprintRadiusKm', () => {
  it('is the radius of a circle of that area', () => {
    expect(footprintRadiusKm(Math.PI)).toBeCloseTo(1);
    expect(footprintRadiusKm(7.35)).toBeCloseTo(1.5296, 3);
  });
});

describe('pickArea', () => {
  it('prefers a park over the district it sits in, whatever the hit order', () => {
    expect(
      pickArea([
        { area: 'duji', rank: 0 },
        { area: 'hitech', rank: 1 },
      ]),
    ).toBe('hitech');
    expect(
      pickArea([
        { area: 'hitech', rank: 1 },
        { area: 'duji', rank: 0 },
      ]),
    ).toBe('hitech');
  });
  it('returns null when nothing was hit', () => {
    expect(pickArea([])).toBeNull();
  });
});

describe('the neighbours in areas.json', async () => {
  const data = await loadBundled(readPublic);
  const shapes = buildAreaShapes(data.areas.areas, data.districts.features);

  it('are the areas whose shapes touch, in both directions', () => {
    const geometry = areaNeighbours(shapes.polygons);
    for (const a of data.areas.areas) {
      expect([...a.neighbours].sort(), a.id).toEqual([...(geometry[a.id] ?? [])].sort());
      for (const n of a.neighbours)
        expect(data.areas.areas.find((x) => x.id === n)?.neighbours).toContain(a.id);
    }
  });
});

describe('labelLines', () => {
  it('breaks a role only at its separators, never inside a word', () => {
    expect(labelLines('OLED 车灯 · 汽车玻璃 · 汽车贸易', 11)).toBe('OLED 车灯 · 汽车玻璃\n汽车贸易');
    expect(labelLines('动力电池 · 铝合金轮毂 · 后市场', 11)).toBe('动力电池 · 铝合金轮毂\n后市场');
    expect(labelLines('铝基材料 · 氢燃料电池', 11)).toBe('铝基材料 · 氢燃料电池');
    expect(labelLines('Batteries · alloy wheels · aftermarket', 11)).toBe(
      'Batteries\nalloy wheels\naftermarket',
    );
    expect(labelLines('Batteries · alloy wheels · aftermarket', 20)).toBe(
      'Batteries · alloy wheels\naftermarket',
    );
    // A single part longer than the line stays whole.
    expect(labelLines('新能源汽车后市场服务集聚区', 5)).toBe('新能源汽车后市场服务集聚区');
  });

  it('gives the drawn shapes their broken roles', async () => {
    const data = await loadBundled(readPublic);
    const shapes = buildAreaShapes(data.areas.areas, data.districts.features);
    for (const f of shapes.labels.features) {
      for (const line of f.properties.role_zh.split('\n')) {
        for (const word of line.split(' · '))
          expect(data.areas.areas.some((a) => a.role.zh.includes(word))).toBe(true);
      }
    }
  });
});
