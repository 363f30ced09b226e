import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import type { Enterprise } from '../../src/data/types';
import { matchesFilters } from '../../src/domain/enterprise-filters';
import { t } from '../../src/i18n/t';
import { areasLayer } from '../../src/layers/areas-layer';
import { deckLayers, deckNeeds } from '../../src/layers/deck';
import * as aggregation from '../../src/layers/deck-lib-aggregation';
import * as core from '../../src/layers/deck-lib-core';
import { enterpriseDots } from '../../src/layers/enterprise-points';
import { dotAttributes, enterprisesLayer, MAPLIBRE_MAX_DOTS } from '../../src/layers/enterprises-layer';
import { legendEntries } from '../../src/layers/legend';
import { chainColour, hexToRgb } from '../../src/layers/palette';
import { LAYERS, REGISTRY } from '../../src/layers/registry';
import { buildStyle } from '../../src/layers/style';
import { NO_FILTERS } from '../../src/state/url-hash';
import { layerInputFor, noHighlight } from '../fixtures/layer-input';
import { readPublic } from '../fixtures/load';

const data = await loadBundled(readPublic);
const lib = { core, aggregation };

/** The ids of the firms the style's enterprise layer keeps, evaluated with maplibre's own filter code. */
function drawnFirms(style: ReturnType<typeof buildStyle>, layerId: string): Set<string> {
  const layer = style.layers.find((l) => l.id === layerId);
  if (!layer || !('filter' in layer) || !('source' in layer)) throw new Error(`no ${layerId}`);
  const source = style.sources[layer.source as string] as { data: FeatureCollection<Point> };
  const f = featureFilter(layer.filter, 'test');
  const keys = new Set<string>();
  for (const feat of source.data.features)
    if (f.filter({ zoom: 10 }, { type: 1, properties: feat.properties ?? {} } as never))
      keys.add(String(feat.properties?.key));
  const byKey = new Map(data.enterprises.map((e) => [e.key, e.id]));
  return new Set([...keys].map((k) => byKey.get(k) ?? k));
}

describe('the layer registry', () => {
  it('has one entry per id; every switchable layer has a name in the panel', () => {
    const ids = REGISTRY.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of REGISTRY.filter((x) => x.toggle)) expect(l.labelKey, l.id).toBeDefined();
    expect(LAYERS.map((l) => l.id)).toEqual(REGISTRY.filter((l) => l.toggle).map((l) => l.id));
  });

  it('draws the default view with maplibre alone: no deck.gl needed for the bundled firms', () => {
    const input = layerInputFor(data);
    expect(input.dots.length).toBeGreaterThan(0);
    expect(input.dots.length).toBeLessThanOrEqual(MAPLIBRE_MAX_DOTS);
    expect(deckNeeds(input)).toEqual({ core: false, aggregation: false });
    const ids = buildStyle(input).layers.map((l) => l.id);
    expect(ids).toContain('enterprises-dot');
    expect(ids).toContain('areas-fill');
  });

  it('hands a large set of firms to deck.gl, and draws them there instead', () => {
    const input = layerInputFor(data);
    const n = MAPLIBRE_MAX_DOTS + 1;
    const firms = Array.from({ length: n }, (_, i) => ({
      ...(data.enterprises[i % data.enterprises.length] as Enterprise),
      key: `k${i}`,
    }));
    const placements = firms.map((_, i) => ({
      position: [116.8 + i / 1e5, 33.9] as [number, number],
      approximate: false,
    }));
    const big = { ...input, dots: enterpriseDots(data.chain, firms, placements) };
    expect(big.dots.length).toBeGreaterThan(MAPLIBRE_MAX_DOTS);
    expect(deckNeeds(big).core).toBe(true);
    expect(buildStyle(big).layers.some((l) => l.id === 'enterprises-dot')).toBe(false);
    const layers = deckLayers(big, lib) as { id: string }[];
    expect(layers.map((l) => l.id)).toEqual(['enterprises']);
  });

  it('gives deck.gl each dot as binary attributes: its point, colours by precision, the filter as a shown mask', () => {
    const input = layerInputFor(data);
    // Half of them placed only roughly, so both kinds of dot are checked.
    const dots = {
      ...input.dots,
      approximate: Uint8Array.from({ length: input.dots.length }, (_, i) => (i % 2 === 0 ? 1 : 0)),
    };
    const battery = layerInputFor(data, {}, { filters: { ...NO_FILTERS, chains: ['battery'] } }).categories;
    const d = dotAttributes(dots, input.categories);
    expect(d.length).toBe(dots.length);
    expect(d.dots).toBe(dots);
    // The same dots and filter give the same object (deck.gl sees no new data); another filter
    // keeps every look attribute's array and changes only the mask.
    expect(dotAttributes(dots, input.categories)).toBe(d);
    const f = dotAttributes(dots, battery);
    for (const k of ['getPosition', 'getFillColor', 'getLineColor', 'getLineWidth'])
      expect(f.attributes[k]?.value, k).toBe(d.attributes[k]?.value);
    expect(f.attributes.getFilterValue?.value).not.toBe(d.attributes.getFilterValue?.value);
    const a = d.attributes;
    let hidden = 0;
    for (let i = 0; i < dots.length; i += 1) {
      const firm = data.enterprises[dots.firm[i] as number] as Enterprise;
      expect([...(a.getPosition?.value.subarray(2 * i, 2 * i + 2) ?? [])]).toEqual([
        dots.position[2 * i],
        dots.position[2 * i + 1],
      ]);
      const chain = data.chain.segments.find((s) => firm.segments.includes(s.id))?.chain;
      const chainOfDot = data.chain.chains[dots.cat[4 * i] as number]?.id;
      if (chainOfDot)
        expect(
          firm.segments.some((s) => data.chain.segments.find((x) => x.id === s)?.chain === chainOfDot),
        ).toBe(true);
      else expect(chain).toBeUndefined();
      const colour = [...hexToRgb(chainColour(chainOfDot)), 255];
      const fill = [...(a.getFillColor?.value.subarray(4 * i, 4 * i + 4) ?? [])];
      const line = [...(a.getLineColor?.value.subarray(4 * i, 4 * i + 4) ?? [])];
      if (dots.approximate[i]) {
        expect(fill).toEqual([255, 255, 255, 235]);
        expect(line).toEqual(colour);
        expect(a.getLineWidth?.value[i]).toBe(3);
      } else {
        expect(fill).toEqual(colour);
        expect(line).toEqual([255, 255, 255, 255]);
        expect(a.getLineWidth?.value[i]).toBe(1.5);
      }
      // No filter: every dot shown. The battery chain only: exactly that chain's dots.
      expect(a.getFilterValue?.value[i]).toBe(1);
      const inBattery = chainOfDot === 'battery';
      expect(f.attributes.getFilterValue?.value[i]).toBe(inBattery ? 1 : 0);
      if (!inBattery) hidden += 1;
    }
    expect(hidden).toBeGreaterThan(0);
    expect(hidden).toBeLessThan(dots.length);
  });

  it('builds the charging layers with deck.gl: a density from afar, one dot per site close in, and the gaps', () => {
    const visible = new Set(['chargers', 'coverage', 'areas']);
    const far = layerInputFor(data, {}, { visibleLayers: ['chargers', 'coverage', 'areas'] });
    expect(far.visible).toEqual(visible);
    expect(deckNeeds(far)).toEqual({ core: true, aggregation: true });
    expect((deckLayers(far, lib) as { id: string }[]).map((l) => l.id)).toEqual([
      'coverage-gaps',
      'chargers-density',
    ]);
    const near = { ...far, densityView: false };
    expect((deckLayers(near, lib) as { id: string }[]).map((l) => l.id)).toEqual([
      'coverage-gaps',
      'chargers',
    ]);
    // Until the aggregation code arrives, the density waits; the gaps are drawn.
    expect((deckLayers(far, { core, aggregation: null }) as { id: string }[]).map((l) => l.id)).toEqual([
      'coverage-gaps',
    ]);
  });

  it.each([
    ['no filter', NO_FILTERS],
    ['one chain', { ...NO_FILTERS, chains: ['battery'] }],
    ['one segment', { ...NO_FILTERS, segment: 'battery-box' }],
    [
      'an area and a precision',
      { ...NO_FILTERS, areas: ['duji' as const], precision: ['district' as const] },
    ],
    ['a confidence', { ...NO_FILTERS, confidence: ['high' as const] }],
  ])('draws exactly the firms the lists count, with %s', (_label, filters) => {
    const input = layerInputFor(data, {}, { filters });
    const drawn = drawnFirms(buildStyle(input), 'enterprises-dot');
    const placed = new Set(
      data.enterprises.filter((_e, i) => input.placements[i]?.position).map((e: Enterprise) => e.id),
    );
    const listed = data.enterprises.filter((e) => placed.has(e.id) && matchesFilters(data.chain, e, filters));
    expect(drawn).toEqual(new Set(listed.map((e) => e.id)));
    expect(drawn.size).toBeGreaterThan(0);
  });

  it('emphasises the selected firm, and the firms and segments a tour step points at', () => {
    const firm = data.enterprises[3];
    if (!firm) throw new Error('no firm');
    const selected = layerInputFor(data, {}, { selection: { kind: 'enterprise', id: firm.id } });
    expect(drawnFirms(buildStyle(selected), 'enterprises-emphasis')).toEqual(new Set([firm.id]));
    const bySegment = layerInputFor(data, { highlight: { ...noHighlight, segments: ['battery-box'] } });
    const boxMakers = data.enterprises.filter((e) => e.segments.includes('battery-box')).map((e) => e.id);
    expect(boxMakers.length).toBeGreaterThan(0);
    expect(drawnFirms(buildStyle(bySegment), 'enterprises-emphasis')).toEqual(new Set(boxMakers));
    expect(drawnFirms(buildStyle(layerInputFor(data)), 'enterprises-emphasis')).toEqual(new Set());
  });

  it('takes the highlight of a tour step from its data', () => {
    const i = data.tour.findIndex((s) => s.highlight.enterprises.length > 0);
    const step = data.tour[i];
    if (!step) throw new Error('the bundled tour highlights no firm');
    const input = layerInputFor(data, {}, { tourStep: i, selection: null });
    expect(input.highlight.enterprises).toEqual(step.highlight.enterprises);
    const emphasised = drawnFirms(buildStyle({ ...input, filters: NO_FILTERS }), 'enterprises-emphasis');
    for (const id of step.highlight.enterprises) expect(emphasised).toContain(id);
  });

  it('turns a tap into a selection: the smaller area wins, several firms from afar ask to come closer', () => {
    const input = layerInputFor(data);
    expect(
      areasLayer.hit?.resolve(
        [
          { area: 'suixi', rank: 0 },
          { area: 'linhuan', rank: 1 },
        ],
        input,
        { zoom: 10 },
      ),
    ).toEqual({ select: { kind: 'area', id: 'linhuan' } });
    const [a, b] = data.enterprises;
    if (!a || !b) throw new Error('no firms');
    const resolve = enterprisesLayer.hit?.resolve;
    expect(resolve?.([{ key: a.key }, { key: b.key }], input, { zoom: 9 })).toEqual({ several: true });
    expect(resolve?.([{ key: a.key }, { key: b.key }], input, { zoom: 14 })).toEqual({
      select: { kind: 'enterprise', id: a.id },
    });
    expect(resolve?.([], input, { zoom: 14 })).toBeNull();
  });

  it('gives the legend of exactly the visible layers, in the panel order', () => {
    const input = layerInputFor(data, {}, { visibleLayers: ['cities', 'townships'] });
    expect(legendEntries(input).map((e) => e.label)).toEqual([
      t('zh', 'legend.township'),
      t('zh', 'legend.city'),
      t('zh', 'legend.airport'),
    ]);
  });
});
