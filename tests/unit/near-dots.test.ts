import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import type { Enterprise } from '../../src/data/types';
import { deckLayers } from '../../src/layers/deck';
import * as aggregation from '../../src/layers/deck-lib-aggregation';
import * as core from '../../src/layers/deck-lib-core';
import { dotKey } from '../../src/layers/enterprise-points';
import { MAPLIBRE_MAX_DOTS } from '../../src/layers/enterprises-layer';
import { dotsIn, dotsWindow, WINDOW_TILES } from '../../src/layers/near-dots';
import { layerInputFor } from '../fixtures/layer-input';
import { readPublic } from '../fixtures/load';

const data = await loadBundled(readPublic);

let seed = 11;
const rand = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};

const firms: Enterprise[] = Array.from({ length: MAPLIBRE_MAX_DOTS + 2000 }, (_, i) => ({
  ...(data.enterprises[i % data.enterprises.length] as Enterprise),
  id: `near-${i}`,
  key: `near-${i}`,
  lngLat: [116.5 + rand() * 0.5, 33.4 + rand() * 0.7] as [number, number],
}));
const big = { ...data, enterprises: firms };
const camera = (over: Partial<{ zoom: number; lng: number; lat: number; pitch: number }> = {}) => ({
  zoom: 13.5,
  lat: 33.75,
  lng: 116.75,
  bearing: 0,
  pitch: 0,
  ...over,
});

// The tile bounds of a window as longitudes and latitudes, worked out independently of the app.
function bounds(level: number, x0: number, y0: number, x1: number, y1: number) {
  const side = 2 ** level;
  const lng = (x: number) => (x / side) * 360 - 180;
  const lat = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / side))) * 180) / Math.PI;
  return { west: lng(x0), east: lng(x1 + 1), north: lat(y0), south: lat(y1 + 1) };
}

describe('close in, the dots of a large import near the view', () => {
  it('keeps exactly the dots inside the window, with their firms, keys, colours and categories', () => {
    const all = layerInputFor(big, {}, { camera: camera() }).dots;
    const w = dotsWindow(camera());
    if (!w) throw new Error('no window for a flat map');
    expect(w.x1 - w.x0).toBe(2 * WINDOW_TILES);
    const near = dotsIn(all, w);
    const b = bounds(w.level, w.x0, w.y0, w.x1, w.y1);
    const inside: number[] = [];
    for (let i = 0; i < all.length; i += 1) {
      const lng = all.position[2 * i] as number;
      const lat = all.position[2 * i + 1] as number;
      if (lng >= b.west && lng < b.east && lat <= b.north && lat > b.south) inside.push(i);
    }
    expect(near.length).toBe(inside.length);
    expect(near.length).toBeGreaterThan(0);
    expect(near.length).toBeLessThan(all.length);
    expect(near.firms).toBe(all.firms);
    inside.forEach((i, k) => {
      expect(dotKey(near, k)).toBe(dotKey(all, i));
      expect([...near.position.subarray(2 * k, 2 * k + 2)]).toEqual([
        ...all.position.subarray(2 * i, 2 * i + 2),
      ]);
      expect([...near.colour.subarray(3 * k, 3 * k + 3)]).toEqual([...all.colour.subarray(3 * i, 3 * i + 3)]);
      expect([...near.cat.subarray(4 * k, 4 * k + 4)]).toEqual([...all.cat.subarray(4 * i, 4 * i + 4)]);
      expect(near.approximate[k]).toBe(all.approximate[i]);
    });
  });

  it('hands deck.gl only those dots; a pan within the centre’s tile keeps the same set, a tile further makes a new one', () => {
    const input = layerInputFor(big, {}, { camera: camera(), visibleLayers: ['enterprises'] });
    expect(input.nearDots).not.toBeNull();
    const layers = deckLayers(input, { core, aggregation }) as {
      id: string;
      props: { data: { length: number } };
    }[];
    expect(layers.map((l) => l.id)).toEqual(['enterprises']);
    expect(layers[0]?.props.data.length).toBe(input.nearDots?.length);
    // 0.0005° is about 12 px at zoom 13.5: the same tile, unless the centre sat on its edge.
    const small = layerInputFor(big, {}, { camera: camera({ lng: 116.7505 }) });
    const w0 = dotsWindow(camera());
    const w1 = dotsWindow(camera({ lng: 116.7505 }));
    if (w0?.x0 === w1?.x0) expect(small.nearDots).toBe(input.nearDots);
    const far = layerInputFor(big, {}, { camera: camera({ lng: 116.85 }) });
    expect(far.nearDots).not.toBe(input.nearDots);
  });

  it('gives deck.gl every dot when the map is tilted, and none from afar or for a small set', () => {
    const tilted = layerInputFor(big, {}, { camera: camera({ pitch: 40 }) });
    expect(tilted.nearDots).toBe(tilted.dots);
    expect(layerInputFor(big, {}, { camera: camera({ zoom: 11 }) }).nearDots).toBeNull();
    expect(layerInputFor(data, {}, { camera: camera() }).nearDots).toBeNull();
  });

  it('keeps the selected firm’s dot selected in the window’s own numbering', () => {
    const input = layerInputFor(big, {}, { camera: camera() });
    const near = input.nearDots;
    if (!near || near.length === 0) throw new Error('no dots near the view');
    const firmIndex = near.firm[Math.floor(near.length / 2)] as number;
    const id = (near.firms[firmIndex] as Enterprise).id;
    const sel = layerInputFor(big, {}, { camera: camera(), selection: { kind: 'enterprise', id } });
    const layers = deckLayers(sel, { core, aggregation }) as { props: { highlightedObjectIndex: number } }[];
    const k = layers[0]?.props.highlightedObjectIndex ?? -1;
    expect(k).toBeGreaterThanOrEqual(0);
    expect(sel.nearDots?.firm[k]).toBe(firmIndex);
  });
});
