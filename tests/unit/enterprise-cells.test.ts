import { expression } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import type { Enterprise } from '../../src/data/types';
import { deckNeeds } from '../../src/layers/deck';
import {
  CELL_CLASS_FROM,
  cellClass,
  cellLevel,
  cellRing,
  enterpriseCells,
  FIRM_DOTS_MIN_ZOOM,
} from '../../src/layers/enterprise-cells';
import { dotsShown, enterpriseDots, filterCategories } from '../../src/layers/enterprise-points';
import { enterprisesLayer, MAPLIBRE_MAX_DOTS } from '../../src/layers/enterprises-layer';
import { legendEntries } from '../../src/layers/legend';
import { FIRM_DENSITY_GREYS } from '../../src/layers/palette';
import { buildStyle } from '../../src/layers/style';
import { NO_FILTERS } from '../../src/state/url-hash';
import { layerInputFor } from '../fixtures/layer-input';
import { readPublic } from '../fixtures/load';

const data = await loadBundled(readPublic);

// Deterministic points spread over the city, a few hundred metres to tens of kilometres apart.
let seed = 7;
const rand = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};

/** n firms copied from the bundled ones (their segments, so some are in two), each with its own key and site. */
function manyFirms(n: number): Enterprise[] {
  return Array.from({ length: n }, (_, i) => ({
    ...(data.enterprises[i % data.enterprises.length] as Enterprise),
    id: `big-${i}`,
    key: `big-${i}`,
    lngLat: [116.5 + rand() * 0.5, 33.4 + rand() * 0.7] as [number, number],
  }));
}

const camera = (zoom: number) => ({ zoom, lat: 33.9, lng: 116.8, bearing: 0, pitch: 0 });

describe('a large import seen from afar, counted per cell', () => {
  const firms = manyFirms(3000);
  const placements = firms.map((e) => ({ position: e.lngLat as [number, number], approximate: false }));
  const dots = enterpriseDots(data.chain, firms, placements);

  it('counts every shown firm once, in the cell its point lies in', () => {
    expect(dots.length).toBeGreaterThan(firms.length); // some firms are in two segments: two dots
    const level = cellLevel(10);
    const cells = enterpriseCells(dots, dotsShown(dots, filterCategories(data.chain, NO_FILTERS)), level);
    expect(cells.total).toBe(firms.length);
    expect(cells.firms.reduce((a, b) => a + b, 0)).toBe(firms.length);
    // Each firm's point is inside exactly one cell, and that cell's count includes it.
    const byCell = new Map<string, number>();
    for (const e of firms) {
      const [lng, lat] = e.lngLat as [number, number];
      const inside = [];
      for (let k = 0; k < cells.firms.length; k += 1) {
        const ring = cellRing(level, cells.x[k] as number, cells.y[k] as number);
        const [w, s] = ring[0] as [number, number];
        const [east, n] = ring[2] as [number, number];
        if (lng >= w && lng < east && lat > s && lat <= n) inside.push(k);
      }
      expect(inside.length, e.id).toBe(1);
      const key = String(inside[0]);
      byCell.set(key, (byCell.get(key) ?? 0) + 1);
    }
    for (const [k, n] of byCell) expect(cells.firms[Number(k)]).toBe(n);
  });

  it('counts only the firms the filters show', () => {
    const battery = filterCategories(data.chain, { ...NO_FILTERS, chains: ['battery'] });
    const shown = dotsShown(dots, battery);
    const expected = new Set<number>();
    for (let i = 0; i < dots.length; i += 1) if (shown[i]) expected.add(dots.firm[i] as number);
    expect(expected.size).toBeGreaterThan(0);
    expect(expected.size).toBeLessThan(firms.length);
    expect(enterpriseCells(dots, shown, cellLevel(9)).total).toBe(expected.size);
  });

  it('keeps one grid per whole zoom step; a step closer splits each cell into four', () => {
    expect(cellLevel(9)).toBe(cellLevel(9.99));
    expect(cellLevel(10)).toBe(cellLevel(9) + 1);
    const all = dotsShown(dots, filterCategories(data.chain, NO_FILTERS));
    const coarse = enterpriseCells(dots, all, cellLevel(9));
    const fine = enterpriseCells(dots, all, cellLevel(10));
    const parents = new Map<string, number>();
    for (let k = 0; k < fine.firms.length; k += 1) {
      const p = `${(fine.x[k] as number) >> 1},${(fine.y[k] as number) >> 1}`;
      parents.set(p, (parents.get(p) ?? 0) + (fine.firms[k] as number));
    }
    expect(parents.size).toBe(coarse.firms.length);
    for (let k = 0; k < coarse.firms.length; k += 1)
      expect(parents.get(`${coarse.x[k]},${coarse.y[k]}`)).toBe(coarse.firms[k]);
  });

  it('counts the same when the firms lie far apart, so the cells are not counted on one grid', () => {
    // Firms in Huaibei, Beijing and Guangzhou: at a street-level grid their box holds billions of cells.
    const far = firms.slice(0, 30).map((e, i) => ({
      ...e,
      lngLat: (i % 3 === 0 ? [116.4, 39.9] : i % 3 === 1 ? [113.26, 23.13] : [116.8, 33.95]) as [
        number,
        number,
      ],
    }));
    const farDots = enterpriseDots(
      data.chain,
      far,
      far.map((e) => ({ position: e.lngLat as [number, number], approximate: false })),
    );
    const all = dotsShown(farDots, filterCategories(data.chain, NO_FILTERS));
    const cells = enterpriseCells(farDots, all, cellLevel(12));
    expect(cells.total).toBe(30);
    expect([...cells.firms].sort()).toEqual([10, 10, 10]);
  });

  it('classes counts at the legend’s bounds', () => {
    expect([1, 9, 10, 49, 50, 199, 200, 999, 1000, 50000].map(cellClass)).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3, 4, 4,
    ]);
    expect(CELL_CLASS_FROM.length).toBe(FIRM_DENSITY_GREYS.length);
  });
});

describe('the enterprise layer for a large import', () => {
  const firms = manyFirms(MAPLIBRE_MAX_DOTS + 500);
  const big = { ...data, enterprises: firms };

  it('from afar: maplibre cells whose counts add up to the firms, no deck.gl, the selected firm drawn over them', () => {
    const input = layerInputFor(
      big,
      {},
      { camera: camera(10), selection: { kind: 'enterprise', id: 'big-42' } },
    );
    expect(input.firmCells).not.toBeNull();
    expect(deckNeeds(input).core).toBe(false);
    const style = buildStyle(input);
    const ids = style.layers.map((l) => l.id);
    expect(ids).toContain('enterprise-cells');
    expect(ids).not.toContain('enterprises-dot');
    // The selected firm is drawn after (over) the cells.
    expect(ids.indexOf('enterprise-selected')).toBeGreaterThan(ids.indexOf('enterprise-cells'));
    const cells = style.sources['enterprise-cells'] as { data: FeatureCollection<Polygon> };
    const sum = cells.data.features.reduce((a, f) => a + Number(f.properties?.firms), 0);
    expect(sum).toBe(firms.length);
    for (const f of cells.data.features)
      expect(f.properties?.grade).toBe(cellClass(Number(f.properties?.firms)));
    const selected = style.sources['enterprise-selected'] as { data: FeatureCollection<Point> };
    const i = input.dots.firm.indexOf(42);
    expect(selected.data.features.map((f) => f.geometry.coordinates)).toEqual([
      [input.dots.position[2 * i], input.dots.position[2 * i + 1]],
    ]);
  });

  it('counts what the filters show, and the grey follows the count class', () => {
    const input = layerInputFor(
      big,
      {},
      { camera: camera(9), filters: { ...NO_FILTERS, chains: ['battery'] } },
    );
    const style = buildStyle(input);
    const cells = style.sources['enterprise-cells'] as { data: FeatureCollection<Polygon> };
    const sum = cells.data.features.reduce((a, f) => a + Number(f.properties?.firms), 0);
    expect(sum).toBe(input.firmCells?.total);
    expect(sum).toBeLessThan(firms.length);
    const layer = style.layers.find((l) => l.id === 'enterprise-cells') as {
      paint: { 'fill-color': unknown };
    };
    // The paint expression, evaluated by maplibre's own code for each class, gives that class's grey.
    const colour = expression.createExpression(
      layer.paint['fill-color'],
      'layers[0].paint.fill-color' as never,
    );
    if (colour.result !== 'success') throw new Error("the cells' colour does not parse");
    FIRM_DENSITY_GREYS.forEach((grey, grade) => {
      const c = colour.value.evaluate({ zoom: 9 }, { type: 3, properties: { grade } } as never);
      expect(String(c), String(grade)).toBe(grey);
    });
  });

  it('close in: deck.gl dots, no cells', () => {
    const input = layerInputFor(big, {}, { camera: camera(FIRM_DOTS_MIN_ZOOM) });
    expect(input.firmCells).toBeNull();
    expect(deckNeeds(input).core).toBe(true);
    expect(buildStyle(input).layers.map((l) => l.id)).not.toContain('enterprise-cells');
  });

  it('says in the legend what a grey counts, in both languages, and leaves out the dots it does not draw', () => {
    for (const lang of ['zh', 'en'] as const) {
      const input = layerInputFor(big, {}, { camera: camera(10), lang });
      const entries = legendEntries(input).filter((e) => e.group === 'enterprises');
      expect(entries.map((e) => e.colour).slice(1)).toEqual([...FIRM_DENSITY_GREYS]);
      expect(entries.some((e) => e.mark === 'dot')).toBe(false);
      const labels = entries.map((e) => e.label);
      expect(labels[1]).toBe(lang === 'zh' ? '1–9 家' : '1–9 firms');
      expect(labels[5]).toBe(lang === 'zh' ? '1,000 家及以上' : '1,000 firms or more');
    }
  });

  it('a tap on a cell zooms in rather than picking a firm', () => {
    const input = layerInputFor(big, {}, { camera: camera(10) });
    expect(enterprisesLayer.hit?.maplibre).toContain('enterprise-cells');
    expect(enterprisesLayer.hit?.resolve([{ cell: 1, firms: 12, grade: 1 }], input, { zoom: 10 })).toEqual({
      several: true,
    });
  });
});
