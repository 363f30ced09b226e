import type { StyleSpecification } from 'maplibre-gl';
import { buildAreasLayer } from './areas-layer';
import { buildBaseLayer, buildCityOutline } from './base-layer';
import { buildMatchLayer } from './match-layer';
import { buildNeighboursLayer } from './neighbours-layer';
import { buildOsmLayer, buildTiandituLayer } from './online-basemap-layer';
import type { LayerId } from './registry';
import type { LayerInput, StylePart } from './style-part';
import { buildTownshipsLayer } from './townships-layer';

/** The first label layer: deck.gl layers are inserted below it so labels stay on top. */
export const FIRST_LABEL_LAYER = 'labels-start';

/**
 * The whole maplibre style as a pure function of data and state. The map applies it with
 * setStyle(…, {diff: true}), so a language or selection change updates only what differs.
 * No `glyphs` and no `sprite`: labels are drawn from local fonts, nothing is fetched.
 */
export function buildStyle(input: LayerInput, visible: ReadonlySet<LayerId>): StyleSpecification {
  const parts: StylePart[] = [buildBaseLayer(input)];
  if (visible.has('neighbours')) parts.push(buildNeighboursLayer(input));
  if (visible.has('osm')) parts.push(buildOsmLayer(input));
  if (visible.has('tianditu') && input.tiandituToken) parts.push(buildTiandituLayer(input));
  if (visible.has('areas')) parts.push(buildAreasLayer(input));
  if (visible.has('townships')) parts.push(buildTownshipsLayer(input));
  parts.push(buildCityOutline());
  // The match overlay is not a user layer: drawn whenever the match view asks for it.
  if (input.match) parts.push(buildMatchLayer({ lang: input.lang, match: input.match }));
  const sources = Object.assign({}, ...parts.map((p) => p.sources));
  // An empty marker layer: a stable anchor between shapes and labels for deck.gl's beforeId.
  const marker = { id: FIRST_LABEL_LAYER, type: 'background', paint: { 'background-opacity': 0 } } as const;
  return {
    version: 8,
    sources,
    layers: [...parts.flatMap((p) => p.shapes), marker, ...parts.flatMap((p) => p.labels)],
  };
}
