import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { AREA_IDS } from '../../src/data/areas';
import { loadBundled } from '../../src/data/load-bundled';
import type { AreaId } from '../../src/data/types';
import { AREA_COLOURS } from '../../src/layers/palette';
import { LAYERS, type LayerId } from '../../src/layers/registry';
import { buildStyle, FIRST_LABEL_LAYER } from '../../src/layers/style';
import type { LayerInput } from '../../src/layers/types';
import { layerInputFor, noHighlight } from '../fixtures/layer-input';
import { readPublic } from '../fixtures/load';

describe('buildStyle', async () => {
  const data = await loadBundled(readPublic);
  const input = (over: Partial<LayerInput> = {}): LayerInput => layerInputFor(data, over);
  const defaults = new Set<LayerId>(LAYERS.filter((l) => l.defaultVisible).map((l) => l.id));
  const all = new Set<LayerId>(LAYERS.map((l) => l.id));

  it.each([
    ['the default layers, Chinese', input(), defaults],
    [
      'every layer, English, a park selected',
      input({
        lang: 'en',
        highlight: { areas: ['linhuan'], segments: [], enterprises: [] },
        tiandituToken: 'T',
      }),
      all,
    ],
    ['no layer at all', input(), new Set<LayerId>()],
  ])('is a valid maplibre style with %s', (_label, inp, visible) => {
    const errors = validateStyleMin(buildStyle({ ...inp, visible: visible }) as never);
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('needs no glyph server, sprite or remote source by default', () => {
    const style = buildStyle({ ...input(), visible: defaults });
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style.sources)).not.toMatch(/https?:\/\//);
  });

  it('adds the online basemap only when switched on', () => {
    const on = buildStyle({ ...input(), visible: new Set<LayerId>([...defaults, 'osm']) });
    expect(on.sources.osm).toBeDefined();
    expect(on.layers.findIndex((l) => l.id === 'osm-raster')).toBeLessThan(
      on.layers.findIndex((l) => l.id === 'areas-fill'),
    );
  });

  it('offers Tianditu only with a token', () => {
    expect(buildStyle({ ...input(), visible: all }).sources['tianditu-vec']).toBeUndefined();
    expect(
      buildStyle({ ...input({ tiandituToken: 'abc' }), visible: all }).sources['tianditu-vec'],
    ).toBeDefined();
  });

  it('draws every label above every shape, with the deck.gl anchor between them', () => {
    const layers = buildStyle({ ...input(), visible: all }).layers;
    const anchor = layers.findIndex((l) => l.id === FIRST_LABEL_LAYER);
    expect(anchor).toBeGreaterThan(0);
    layers.forEach((l, i) => {
      if (l.type === 'symbol') expect(i, l.id).toBeGreaterThan(anchor);
      else if (l.id !== FIRST_LABEL_LAYER) expect(i, l.id).toBeLessThan(anchor);
    });
  });

  it('uses the palette colour of each area in the fill', () => {
    const fill = buildStyle({ ...input(), visible: defaults }).layers.find((l) => l.id === 'areas-fill');
    const expr = JSON.stringify(fill?.type === 'fill' ? fill.paint?.['fill-color'] : null);
    for (const id of AREA_IDS) expect(expr).toContain(`"${id}","${AREA_COLOURS[id]}"`);
  });

  it('labels areas in the chosen language', () => {
    const label = (lang: 'zh' | 'en') =>
      JSON.stringify(
        buildStyle({ ...input({ lang }), visible: defaults }).layers.find((l) => l.id === 'areas-label'),
      );
    expect(label('zh')).toContain('name_zh');
    expect(label('en')).toContain('name_en');
    expect(label('en')).toContain('role_en');
  });

  it('outlines only the highlighted areas: one selected area, or the areas a segment is assigned to', () => {
    const filterOf = (areas: readonly AreaId[]) => {
      const l = buildStyle({
        ...input({ highlight: { ...noHighlight, areas } }),
        visible: defaults,
      }).layers.find((x) => x.id === 'areas-selected-line');
      return l && 'filter' in l ? l.filter : null;
    };
    expect(filterOf(['hitech'])).toEqual(['in', ['get', 'area'], ['literal', ['hitech']]]);
    expect(filterOf(['lieshan', 'hitech'])).toEqual([
      'in',
      ['get', 'area'],
      ['literal', ['lieshan', 'hitech']],
    ]);
    expect(filterOf([])).toEqual(['in', ['get', 'area'], ['literal', []]]);
  });
});
