import type { LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../data/types';
import { t } from '../i18n/t';
import { FONT_STACK } from './palette';
import { EMPTY_PART, type LayerEntry, type LayerInput, type StylePart } from './types';

/** The style source of the centre's own basemap, and the prefix of its drawn layers. */
export const OWN_BASEMAP_SOURCE = 'own-basemap';
export const OWN_BASEMAP_PREFIX = 'own-basemap-';

// Protomaps' layers that would hide the app's own land colours (Huaibei against its neighbours).
const DROPPED = new Set(['background', 'earth', 'landcover']);
// Sprite-based properties: the app has no sprite, so they go (labels stay, as text).
const SPRITE_KEYS = ['icon-image', 'icon-size', 'icon-padding', 'icon-allow-overlap', 'icon-optional'];

/** A text-field with any per-section font dropped: local fonts only, through the layer's text-font. */
function withoutFonts(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutFonts);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'text-font') out[k] = withoutFonts(x);
    return out;
  }
  return v;
}

export interface BasemapLayers {
  shapes: LayerSpecification[];
  labels: LayerSpecification[];
}

/**
 * Protomaps' style layers for an extract in its schema, made to draw offline: no glyph or sprite
 * server (labels in the app's FONT_STACK, no icons), ids prefixed so they cannot meet ours.
 */
export function adaptProtomapsLayers(all: readonly LayerSpecification[]): BasemapLayers {
  const shapes: LayerSpecification[] = [];
  const labels: LayerSpecification[] = [];
  for (const l of all) {
    if (DROPPED.has(l.id)) continue;
    const id = `${OWN_BASEMAP_PREFIX}${l.id}`;
    if (l.type === 'symbol') {
      const layout: Record<string, unknown> = { ...(l.layout ?? {}) };
      for (const k of SPRITE_KEYS) delete layout[k];
      layout['text-font'] = FONT_STACK;
      if (layout['text-field'] !== undefined) layout['text-field'] = withoutFonts(layout['text-field']);
      labels.push({ ...l, id, layout } as LayerSpecification);
    } else shapes.push({ ...l, id } as LayerSpecification);
  }
  return { shapes, labels };
}

// The layers in each language, set by the basemap code (loaded only when there is a file) before
// it hands the store a basemap: the first draw does not carry Protomaps' style code.
let prepared: Record<Lang, BasemapLayers> | null = null;

export function setOwnBasemapLayers(layers: Record<Lang, BasemapLayers>): void {
  prepared = layers;
}

function ownBasemapStyle(input: LayerInput): StylePart {
  if (!input.basemapUrl || !prepared) return EMPTY_PART;
  const { shapes, labels } = prepared[input.lang];
  return {
    sources: {
      [OWN_BASEMAP_SOURCE]: {
        type: 'vector',
        url: input.basemapUrl,
        attribution: t(input.lang, 'attr.ownBasemap'),
      },
    },
    shapes,
    labels,
  };
}

/**
 * The centre's own basemap (a PMTiles extract kept in this browser or shipped with the site):
 * under the areas and the city outline, above Huaibei's land. Offline; listed in the layer panel
 * only while there is a file.
 */
export const ownBasemapLayer: LayerEntry = {
  id: 'basemap',
  labelKey: 'layer.ownBasemap',
  toggle: true,
  defaultVisible: false,
  drawOrder: 15,
  style: ownBasemapStyle,
};
