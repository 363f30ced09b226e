import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import { MATCH_LAYER_IDS, matchBounds, matchFeatures, partnersOf } from '../../src/layers/match-layer';
import { FONT_STACK, PARTNER_ROLE_COLOURS } from '../../src/layers/palette';
import { LAYERS, type LayerId } from '../../src/layers/registry';
import { buildStyle, FIRST_LABEL_LAYER } from '../../src/layers/style';
import type { LayerInput } from '../../src/layers/types';
import { selectMatch, selectMatchBounds, selectMatchFeatures } from '../../src/state/selectors';
import type { MatchView } from '../../src/state/url-hash';
import { layerInputFor } from '../fixtures/layer-input';
import { readPublic } from '../fixtures/load';
import { bundledMatch } from '../fixtures/match';

describe('the match layer', async () => {
  const data = await loadBundled(readPublic);
  const { rank, placements } = bundledMatch(data);
  const input = (over: Partial<LayerInput> = {}): LayerInput => layerInputFor(data, over);
  const all = new Set<LayerId>(LAYERS.map((l) => l.id));

  it('rings every placed partner of the top area, and draws a line only to a known site', () => {
    for (const radiusKm of data.matchWeights.radiusKmOptions) {
      const top = rank(['battery-box'], radiusKm).areas[0];
      if (!top?.anchor) throw new Error('no top area with an anchor');
      const fc = matchFeatures(top, data.enterprises, placements);
      const rings = fc.features.filter((f) => f.properties.kind === 'partner');
      expect(rings.map((f) => (f.properties.kind === 'anchor' ? null : f.properties.key))).toEqual(
        partnersOf(top).map((p) => p.enterpriseKey),
      );
      // The bundled firms are known to their district or park only: no line, no distance to draw.
      expect(partnersOf(top).every((p) => p.distanceKm === null)).toBe(true);
      expect(fc.features.filter((f) => f.geometry.type === 'LineString')).toEqual([]);
      expect(fc.features.filter((f) => f.properties.kind === 'label')).toEqual([]);
      expect(fc.features.filter((f) => f.properties.kind === 'anchor')).toHaveLength(1);
    }
    // A partner whose site is known gets its line from the anchor, and its length.
    const top = rank(['battery-box'], 10).areas[0];
    if (!top?.anchor || !top.peers[0]) throw new Error('no peer');
    const known = {
      ...top,
      peers: [{ ...top.peers[0], where: 'near' as const, distanceKm: 3, approximate: false }],
    };
    const fc = matchFeatures(known, data.enterprises, placements);
    const line = fc.features.find((f) => f.geometry.type === 'LineString');
    expect(line?.geometry.type === 'LineString' && line.geometry.coordinates[0]).toEqual(top.anchor);
    expect(fc.features.find((f) => f.properties.kind === 'label')?.properties).toMatchObject({ km: 3 });
  });

  it('draws nothing without a top area or its anchor', () => {
    expect(matchFeatures(undefined, data.enterprises, placements).features).toEqual([]);
    const top = rank(['battery-box'], 10).areas[0];
    if (!top) throw new Error('no top area');
    expect(matchFeatures({ ...top, anchor: null }, data.enterprises, placements).features).toEqual([]);
    expect(matchBounds({ type: 'FeatureCollection', features: [] })).toBeNull();
  });

  it('frames the anchor, the partners and the area given', () => {
    const top = rank(['battery-box'], 20).areas[0];
    if (!top) throw new Error('no top area');
    const b = matchBounds(matchFeatures(top, data.enterprises, placements), [
      [100, 30],
      [100.1, 30.1],
    ]);
    // With a margin for the labels on every side.
    expect(b?.[0][0]).toBeLessThan(100);
    expect(b?.[0][1]).toBeLessThan(30);
    expect(b?.[1][0]).toBeGreaterThan(116);
  });

  it('is a valid style part: lines under the deck.gl anchor, labels above it in the local fonts', () => {
    const view: MatchView = { segments: ['battery-box'], radiusKm: 20 };
    const match = selectMatch(data, view).areas[0] ?? null;
    for (const lang of ['zh', 'en'] as const) {
      const style = buildStyle({ ...input({ lang, match }), visible: all });
      expect(validateStyleMin(style as never).map((e) => e.message)).toEqual([]);
      expect(style.glyphs).toBeUndefined();
      const ids = style.layers.map((l) => l.id);
      const marker = ids.indexOf(FIRST_LABEL_LAYER);
      expect(ids.indexOf(MATCH_LAYER_IDS.line('peer'))).toBeLessThan(marker);
      expect(ids.indexOf(MATCH_LAYER_IDS.label)).toBeGreaterThan(marker);
      const label = style.layers.find((l) => l.id === MATCH_LAYER_IDS.label);
      expect(label?.type === 'symbol' ? label.layout?.['text-font'] : null).toEqual(FONT_STACK);
      expect(JSON.stringify(label)).toContain(lang === 'zh' ? ' 公里' : ' km');
      const supplier = style.layers.find((l) => l.id === MATCH_LAYER_IDS.line('supplier'));
      expect(supplier?.type === 'line' ? supplier.paint?.['line-color'] : null).toBe(
        PARTNER_ROLE_COLOURS.supplier,
      );
    }
  });

  it('is left out of the style when no match is asked for', () => {
    const style = buildStyle({ ...input(), visible: all });
    expect(style.sources.match).toBeUndefined();
    expect(style.layers.some((l) => l.id.startsWith('match-'))).toBe(false);
  });

  it('is memoised on the data and the match view, and follows a new view', () => {
    const view: MatchView = { segments: ['battery-box'], radiusKm: 10 };
    expect(selectMatch(data, view)).toBe(selectMatch(data, view));
    expect(selectMatchFeatures(data, view)).toBe(selectMatchFeatures(data, view));
    expect(selectMatchBounds(data, view)).toBe(selectMatchBounds(data, view));
    const far: MatchView = { ...view, radiusKm: 30 };
    expect(selectMatch(data, far)).not.toBe(selectMatch(data, view));
    expect(selectMatch(data, far).radiusKm).toBe(30);
  });
});
