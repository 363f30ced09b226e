import type { StyleSpecification } from 'maplibre-gl';
import { drawnLayers } from './registry';
import type { LayerInput } from './types';

/** The first label layer: deck.gl layers are inserted below it so labels stay on top. */
export const FIRST_LABEL_LAYER = 'labels-start';

/** The fields of LayerInput that maplibre's layers read: the style is rebuilt when one changes. */
export const STYLE_INPUTS = [
  'data',
  'shapes',
  'lang',
  'visible',
  'highlight',
  'selection',
  'tiandituToken',
  'categories',
  'dots',
  'firmCells',
  'placements',
  'match',
  'measure',
  'basemapUrl',
] as const satisfies readonly (keyof LayerInput)[];

/**
 * The whole maplibre style as a pure function of the layer input: every drawn registry entry's
 * style part, shapes bottom to top, then every label above every shape. The map applies it with
 * setStyle(…, {diff: true}), so a language or selection change updates only what differs.
 * No `glyphs` and no `sprite`: labels are drawn from local fonts, nothing is fetched.
 */
export function buildStyle(input: LayerInput): StyleSpecification {
  const parts = drawnLayers(input.visible)
    .filter((l) => l.style)
    .sort((a, b) => a.drawOrder - b.drawOrder)
    .map((l) => l.style?.(input) ?? { sources: {}, shapes: [], labels: [] });
  const sources = Object.assign({}, ...parts.map((p) => p.sources));
  // An empty marker layer: a stable anchor between shapes and labels for deck.gl's beforeId.
  const marker = { id: FIRST_LABEL_LAYER, type: 'background', paint: { 'background-opacity': 0 } } as const;
  return {
    version: 8,
    sources,
    layers: [...parts.flatMap((p) => p.shapes), marker, ...parts.flatMap((p) => p.labels)],
  };
}

/** Before the data is here: the background only, so the map has something to draw. */
export const LOADING_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#e9ecef' } }],
};
