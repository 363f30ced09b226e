import { THEME } from './palette';
import type { LayerEntry } from './types';

/** Background and Huaibei's land: always drawn, the frame of every view. */
export const baseLayer: LayerEntry = {
  id: 'base',
  toggle: false,
  defaultVisible: true,
  drawOrder: 0,
  style: ({ data }) => ({
    sources: { city: { type: 'geojson', data: data.city } },
    shapes: [
      { id: 'background', type: 'background', paint: { 'background-color': THEME.background } },
      { id: 'city-land', type: 'fill', source: 'city', paint: { 'fill-color': THEME.land } },
    ],
    labels: [],
  }),
};

/** The city outline goes above the area fills so the border reads clearly at every zoom. */
export const cityOutlineLayer: LayerEntry = {
  id: 'city-outline',
  toggle: false,
  defaultVisible: true,
  drawOrder: 60,
  style: () => ({
    sources: {},
    shapes: [
      {
        id: 'city-outline',
        type: 'line',
        source: 'city',
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': THEME.cityLine,
          'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1.5, 12, 3],
        },
      },
    ],
    labels: [],
  }),
};
