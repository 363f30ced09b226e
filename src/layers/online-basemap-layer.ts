import { t } from '../i18n/t';
import { EMPTY_PART, type LayerEntry, type LayerInput, type StylePart } from './types';

// Both are WGS84-referenced web-mercator tiles, so our WGS84 data lines up with them.
const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const TIANDITU = (layer: 'vec' | 'cva', token: string) =>
  `https://t0.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}` +
  `&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(token)}`;

function osmStyle({ lang }: Pick<LayerInput, 'lang'>): StylePart {
  return {
    sources: {
      osm: {
        type: 'raster',
        tiles: [OSM_TILES],
        tileSize: 256,
        maxzoom: 19,
        attribution: t(lang, 'attr.osm'),
      },
    },
    shapes: [{ id: 'osm-raster', type: 'raster', source: 'osm', paint: { 'raster-opacity': 0.85 } }],
    labels: [],
  };
}

function tiandituStyle({ lang, tiandituToken }: Pick<LayerInput, 'lang' | 'tiandituToken'>): StylePart {
  return {
    sources: {
      'tianditu-vec': {
        type: 'raster',
        tiles: [TIANDITU('vec', tiandituToken)],
        tileSize: 256,
        maxzoom: 18,
        attribution: t(lang, 'attr.tianditu'),
      },
      'tianditu-cva': { type: 'raster', tiles: [TIANDITU('cva', tiandituToken)], tileSize: 256, maxzoom: 18 },
    },
    shapes: [
      { id: 'tianditu-vec', type: 'raster', source: 'tianditu-vec', paint: { 'raster-opacity': 0.85 } },
      { id: 'tianditu-cva', type: 'raster', source: 'tianditu-cva' },
    ],
    labels: [],
  };
}

/** OpenStreetMap raster tiles. Only in the style while switched on, so the default map makes no request. */
export const osmLayer: LayerEntry = {
  id: 'osm',
  labelKey: 'layer.osm',
  toggle: true,
  defaultVisible: false,
  online: true,
  drawOrder: 20,
  style: osmStyle,
};

/** Tianditu vector tiles with their Chinese annotation layer; offered only with a token given at build time. */
export const tiandituLayer: LayerEntry = {
  id: 'tianditu',
  labelKey: 'layer.tianditu',
  toggle: true,
  defaultVisible: false,
  online: true,
  drawOrder: 21,
  style: (input) => (input.tiandituToken ? tiandituStyle(input) : EMPTY_PART),
};

/** The online layer a tile source belongs to: a tile that fails to load is that layer's to report. */
export function onlineLayerOfSource(sourceId: string): 'osm' | 'tianditu' | null {
  if (sourceId === 'osm') return 'osm';
  if (sourceId.startsWith('tianditu-')) return 'tianditu';
  return null;
}
