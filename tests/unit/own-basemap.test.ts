import { describe, expect, it } from 'vitest';
import { checkBasemapFile, coversHuaibei, protomapsLayersFor } from '../../src/basemap/own-basemap';
import { OWN_BASEMAP_PREFIX, ownBasemapLayer, setOwnBasemapLayers } from '../../src/layers/own-basemap-layer';
import { FONT_STACK } from '../../src/layers/palette';
import { buildStyle } from '../../src/layers/style';
import { createAppStore } from '../../src/state/store';
import { buildFixturePmtiles } from '../browser/pmtiles-fixture';

const roomy = async () => ({ quota: 1e9, usage: 0 });
const blob = (bytes: Uint8Array<ArrayBuffer> | string) => new Blob([bytes]);

describe('checking a basemap file before keeping it', () => {
  it('takes a PMTiles v3 vector archive that covers Huaibei', async () => {
    expect(await checkBasemapFile(blob(buildFixturePmtiles()), roomy)).toBeNull();
  });

  it('refuses an empty file, a file that is not PMTiles, and a PMTiles v2', async () => {
    expect(await checkBasemapFile(blob(new Uint8Array(0)), roomy)).toBe('empty');
    expect(await checkBasemapFile(blob('name,district\n'), roomy)).toBe('notPmtiles');
    const v2 = buildFixturePmtiles();
    v2[7] = 2;
    expect(await checkBasemapFile(blob(v2), roomy)).toBe('notPmtiles');
    // The magic but a cut-off header.
    expect(await checkBasemapFile(blob(buildFixturePmtiles().slice(0, 40)), roomy)).toBe('notPmtiles');
  });

  it('refuses image tiles and another region', async () => {
    const raster = buildFixturePmtiles();
    raster[99] = 2; // PNG
    expect(await checkBasemapFile(blob(raster), roomy)).toBe('notVector');
    const paris = buildFixturePmtiles({ bounds: [2.2, 48.8, 2.5, 48.9] });
    expect(await checkBasemapFile(blob(paris), roomy)).toBe('elsewhere');
    expect(coversHuaibei({ minLon: 116.9, minLat: 34.1, maxLon: 118, maxLat: 35 })).toBe(true);
    expect(coversHuaibei({ minLon: 117.2, minLat: 33, maxLon: 118, maxLat: 35 })).toBe(false);
  });

  it('refuses a file larger than the browser can still keep', async () => {
    const file = blob(buildFixturePmtiles());
    expect(await checkBasemapFile(file, async () => ({ quota: file.size + 1000, usage: 1500 }))).toBe(
      'tooLarge',
    );
    // No estimate at all (an old browser): the write itself will say.
    expect(await checkBasemapFile(file, async () => ({}))).toBeNull();
  });
});

describe("the own basemap's style", () => {
  it('draws with local fonts and no sprite: text-font is the app stack, no icons, no per-section fonts', () => {
    for (const lang of ['zh', 'en'] as const) {
      const { shapes, labels } = protomapsLayersFor(lang);
      expect(shapes.length).toBeGreaterThan(10);
      expect(labels.length).toBeGreaterThan(3);
      for (const l of [...shapes, ...labels]) expect(l.id.startsWith(OWN_BASEMAP_PREFIX)).toBe(true);
      for (const l of labels) {
        expect(l.type).toBe('symbol');
        const layout = (l.layout ?? {}) as Record<string, unknown>;
        expect(layout['text-font']).toEqual(FONT_STACK);
        expect(layout['icon-image']).toBeUndefined();
        expect(JSON.stringify(layout['text-field'] ?? null)).not.toContain('text-font');
      }
      // Huaibei's own land and its neighbours keep their colours.
      expect(shapes.map((l) => l.id)).not.toContain(`${OWN_BASEMAP_PREFIX}earth`);
    }
  });

  it('is drawn only with a file, under the areas, with no glyphs or sprite in the style', async () => {
    const { layerInputFor } = await import('../fixtures/layer-input');
    const { loadBundled } = await import('../../src/data/load-bundled');
    const { readPublic } = await import('../fixtures/load');
    const data = await loadBundled(readPublic);
    setOwnBasemapLayers({ zh: protomapsLayersFor('zh'), en: protomapsLayersFor('en') });
    const visible = new Set(['areas', 'basemap']);
    const none = buildStyle(layerInputFor(data, { visible, basemapUrl: null }));
    expect(none.layers.some((l) => l.id.startsWith(OWN_BASEMAP_PREFIX))).toBe(false);
    const style = buildStyle(layerInputFor(data, { visible, basemapUrl: 'pmtiles://own-basemap-1' }));
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf(`${OWN_BASEMAP_PREFIX}water`)).toBeGreaterThan(-1);
    expect(ids.indexOf(`${OWN_BASEMAP_PREFIX}water`)).toBeLessThan(ids.indexOf('areas-fill'));
    expect(style.sources['own-basemap']).toMatchObject({ type: 'vector', url: 'pmtiles://own-basemap-1' });
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(ownBasemapLayer.defaultVisible).toBe(false);
  });

  it('turns on when a file is loaded, off when removed, and stays on through tour steps', async () => {
    const { loadBundled } = await import('../../src/data/load-bundled');
    const { readPublic } = await import('../fixtures/load');
    const store = createAppStore('');
    store.getState().dataLoaded(await loadBundled(readPublic));
    const b = { url: 'pmtiles://own-basemap-1', name: 'h.pmtiles', size: 1, shipped: false };
    store.getState().setOwnBasemap(b, true);
    expect(store.getState().visibleLayers).toContain('basemap');
    store.getState().goToStep(0);
    expect(store.getState().tourStep).toBe(0);
    expect(store.getState().visibleLayers).toContain('basemap');
    store.getState().endTour();
    store.getState().setOwnBasemap(null, false);
    expect(store.getState().visibleLayers).not.toContain('basemap');
    // Read at start under a link that names its layers without it: kept, not shown.
    store.getState().setOwnBasemap(b, false);
    expect(store.getState().visibleLayers).not.toContain('basemap');
  });
});
