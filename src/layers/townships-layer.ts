import { t } from '../i18n/t';
import { FONT_STACK, THEME } from './palette';
import type { LayerEntry, LayerInput, StylePart } from './types';

function townshipsStyle({ data }: Pick<LayerInput, 'data'>): StylePart {
  return {
    sources: { townships: { type: 'geojson', data: data.townships } },
    shapes: [
      {
        id: 'townships-dot',
        type: 'circle',
        source: 'townships',
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 2.5, 12, 5],
          'circle-color': THEME.township,
          'circle-stroke-color': THEME.halo,
          'circle-stroke-width': 1.2,
        },
      },
    ],
    labels: [
      {
        // Township names exist only in Chinese in our sources; they are proper nouns, shown as such.
        id: 'townships-label',
        type: 'symbol',
        source: 'townships',
        minzoom: 9.5,
        layout: {
          'text-field': ['get', 'name_zh'],
          'text-font': FONT_STACK,
          'text-size': 12,
          'text-anchor': 'top',
          'text-offset': [0, 0.6],
        },
        paint: { 'text-color': THEME.township, 'text-halo-color': THEME.halo, 'text-halo-width': 1.5 },
      },
    ],
  };
}

/** Township and sub-district seats (23 of 32 have a point): small dots, names once zoomed in. */
export const townshipsLayer: LayerEntry = {
  id: 'townships',
  labelKey: 'layer.townships',
  toggle: true,
  defaultVisible: true,
  drawOrder: 50,
  style: townshipsStyle,
  legend: ({ lang }) => [
    { group: 'other', mark: 'dot', colour: THEME.township, label: t(lang, 'legend.township') },
  ],
};
