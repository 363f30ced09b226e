import { t } from '../i18n/t';
import { FONT_STACK, THEME } from './palette';
import type { LayerEntry, LayerInput, StylePart } from './types';
import { nameField } from './types';

/** Neighbouring prefectures and bordering counties: grey context so Huaibei stands out. */
function neighboursStyle({ data, lang }: Pick<LayerInput, 'data' | 'lang'>): StylePart {
  const labelPoints = {
    type: 'FeatureCollection' as const,
    features: data.neighbours.features.map((f) => ({
      type: 'Feature' as const,
      properties: { name_zh: f.properties.name_zh, name_en: f.properties.name_en, level: f.properties.level },
      geometry: { type: 'Point' as const, coordinates: [f.properties.label_lng, f.properties.label_lat] },
    })),
  };
  return {
    sources: {
      neighbours: { type: 'geojson', data: data.neighbours },
      'neighbours-labels': { type: 'geojson', data: labelPoints },
    },
    shapes: [
      {
        id: 'neighbours-fill',
        type: 'fill',
        source: 'neighbours',
        filter: ['==', ['get', 'level'], 'prefecture'],
        paint: { 'fill-color': THEME.neighbourFill },
      },
      {
        id: 'neighbours-county-line',
        type: 'line',
        source: 'neighbours',
        filter: ['==', ['get', 'level'], 'county'],
        paint: { 'line-color': THEME.neighbourLine, 'line-width': 0.8, 'line-dasharray': [3, 2] },
      },
      {
        id: 'neighbours-prefecture-line',
        type: 'line',
        source: 'neighbours',
        filter: ['==', ['get', 'level'], 'prefecture'],
        paint: { 'line-color': THEME.prefectureLine, 'line-width': 1.2 },
      },
    ],
    labels: [
      {
        id: 'neighbours-label',
        type: 'symbol',
        source: 'neighbours-labels',
        filter: ['==', ['get', 'level'], 'prefecture'],
        layout: { 'text-field': nameField(lang) as never, 'text-font': FONT_STACK, 'text-size': 15 },
        paint: { 'text-color': THEME.textMuted, 'text-halo-color': THEME.halo, 'text-halo-width': 1.5 },
      },
      {
        // Bordering counties only once zoomed in, so the prefecture names stay uncluttered.
        id: 'neighbours-county-label',
        type: 'symbol',
        source: 'neighbours-labels',
        minzoom: 8.5,
        filter: ['==', ['get', 'level'], 'county'],
        layout: { 'text-field': nameField(lang) as never, 'text-font': FONT_STACK, 'text-size': 12 },
        paint: { 'text-color': THEME.textMuted, 'text-halo-color': THEME.halo, 'text-halo-width': 1.5 },
      },
    ],
  };
}

/** Neighbouring prefectures and bordering counties: grey context so Huaibei stands out. */
export const neighboursLayer: LayerEntry = {
  id: 'neighbours',
  labelKey: 'layer.neighbours',
  toggle: true,
  defaultVisible: true,
  drawOrder: 10,
  style: neighboursStyle,
  legend: ({ lang }) => [
    {
      group: 'other',
      mark: 'swatch',
      colour: THEME.neighbourFill,
      border: THEME.prefectureLine,
      label: t(lang, 'legend.neighbour'),
    },
  ],
};
