import type { MessageKey } from '../i18n/zh';

export type LayerId =
  | 'enterprises'
  | 'chargers'
  | 'coverage'
  | 'areas'
  | 'townships'
  | 'neighbours'
  | 'transport'
  | 'osm'
  | 'tianditu';

export interface LayerDef {
  id: LayerId;
  labelKey: MessageKey;
  defaultVisible: boolean;
  /** Drawn by maplibre from the style, or by deck.gl (loaded only when first shown). */
  engine: 'maplibre' | 'deck';
  /** Needs the internet: off by default, and said so in the layer panel. */
  online: boolean;
}

/**
 * The one list of layer ids: the layer panel, the legend, the URL and (later) the tour all
 * read it. Order is the panel's order; draw order is fixed in style.ts.
 */
export const LAYERS: readonly LayerDef[] = [
  { id: 'enterprises', labelKey: 'layer.enterprises', defaultVisible: true, engine: 'deck', online: false },
  { id: 'chargers', labelKey: 'layer.chargers', defaultVisible: false, engine: 'deck', online: false },
  { id: 'coverage', labelKey: 'layer.coverage', defaultVisible: false, engine: 'deck', online: false },
  { id: 'areas', labelKey: 'layer.areas', defaultVisible: true, engine: 'maplibre', online: false },
  { id: 'townships', labelKey: 'layer.townships', defaultVisible: true, engine: 'maplibre', online: false },
  { id: 'transport', labelKey: 'layer.transport', defaultVisible: false, engine: 'deck', online: false },
  { id: 'neighbours', labelKey: 'layer.neighbours', defaultVisible: true, engine: 'maplibre', online: false },
  { id: 'osm', labelKey: 'layer.osm', defaultVisible: false, engine: 'maplibre', online: true },
  { id: 'tianditu', labelKey: 'layer.tianditu', defaultVisible: false, engine: 'maplibre', online: true },
];

/** Layers this build offers: Tianditu only when a token was given at build time. */
export function availableLayers(tiandituToken: string): LayerDef[] {
  return LAYERS.filter((l) => l.id !== 'tianditu' || tiandituToken !== '');
}

export function defaultLayerIds(defs: readonly LayerDef[]): LayerId[] {
  return defs.filter((l) => l.defaultVisible).map((l) => l.id);
}

// Below this zoom single charging sites are specks: the chargers layer shows where they concentrate.
// Here, not in chargers-layer.ts, so the map view can read it without loading deck.gl.
export const DENSITY_MAX_ZOOM = 10;
