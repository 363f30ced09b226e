import type { LayerId } from '../model';
import { areasLayer } from './areas-layer';
import { baseLayer, cityOutlineLayer } from './base-layer';
import { chargersLayer, coverageLayer } from './chargers-layer';
import { citiesLayer } from './cities-layer';
import { enterprisesLayer } from './enterprises-layer';
import { matchLayer } from './match-layer';
import { measureLayer } from './measure-layer';
import { neighboursLayer } from './neighbours-layer';
import { osmLayer, tiandituLayer } from './online-basemap-layer';
import { ownBasemapLayer } from './own-basemap-layer';
import { townshipsLayer } from './townships-layer';
import { transportLayer } from './transport-layer';
import type { LayerEntry } from './types';

/**
 * Every map layer, in the layer panel's order (top of the map first). The style, the deck.gl
 * overlay, the legend (on screen, in the PNG and the handout), picking, the link and the tour all
 * iterate this list. Adding a layer: one new file exporting its entry, and one line here.
 */
export const REGISTRY: readonly LayerEntry[] = [
  measureLayer,
  enterprisesLayer,
  chargersLayer,
  coverageLayer,
  areasLayer,
  townshipsLayer,
  transportLayer,
  citiesLayer,
  neighboursLayer,
  osmLayer,
  tiandituLayer,
  ownBasemapLayer,
  matchLayer,
  cityOutlineLayer,
  baseLayer,
];

/** The layers a person can switch (the panel, the link's `layers=`, a tour step's layers): model/enums.ts. */
export type { LayerId };

export interface LayerDef {
  id: LayerId;
  labelKey: NonNullable<LayerEntry['labelKey']>;
  defaultVisible: boolean;
  online: boolean;
}

/** The switchable layers, as the panel, the link and the tour know them. */
export const LAYERS: readonly LayerDef[] = REGISTRY.filter((l) => l.toggle && l.labelKey).map((l) => ({
  id: l.id as LayerId,
  labelKey: l.labelKey as LayerDef['labelKey'],
  defaultVisible: l.defaultVisible,
  online: l.online ?? false,
}));

/** Layers this build offers: Tianditu only when a token was given at build time. */
export function availableLayers(tiandituToken: string): LayerDef[] {
  return LAYERS.filter((l) => l.id !== 'tianditu' || tiandituToken !== '');
}

export function defaultLayerIds(defs: readonly LayerDef[]): LayerId[] {
  return defs.filter((l) => l.defaultVisible).map((l) => l.id);
}

/** The entries drawn for a set of visible ids: switched-on layers and the always-drawn ones. */
export function drawnLayers(visible: ReadonlySet<string>): LayerEntry[] {
  return REGISTRY.filter((l) => !l.toggle || visible.has(l.id));
}

// Below this zoom single charging sites are specks: the chargers layer shows where they concentrate.
export const DENSITY_MAX_ZOOM = 10;
