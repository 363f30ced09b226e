import type { ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { t } from '../i18n/t';
import { GEO_COLOURS } from './geo-palette';
import { FONT_STACK, THEME } from './palette';
import type { LayerEntry, LayerInput, StylePart } from './types';
import { nameField } from './types';

/**
 * The schematic context file (Natural Earth railways, roads, built-up area, and the schematic
 * expressways): given to maplibre as a URL, so it is fetched only when this layer is first drawn
 * and the first view's bytes do not grow. Absolute, since maplibre fetches it from a worker.
 */
export const CONTEXT_FILE = 'geo/context.geojson';
function contextUrl(): string {
  return typeof document === 'undefined' ? CONTEXT_FILE : new URL(CONTEXT_FILE, document.baseURI).href;
}

/** The schematic expressways the file draws, in the legend's order. */
export const EXPRESSWAYS = ['G3', 'G1516', 'G30', 'G0321'] as const;

const kind = (k: string): ExpressionSpecification => ['==', ['get', 'kind'], k];
const geomIs = (g: 'Point' | 'LineString'): ExpressionSpecification => ['==', ['geometry-type'], g];

/** The expression names with their "schematic" mark: along the lines, and G0321's at its junction. */
function expresswayLabel(lang: LayerInput['lang'], geom: 'Point' | 'LineString'): SymbolLayerSpecification {
  const name = (lang === 'zh' ? ['get', 'name_zh'] : ['get', 'name_en']) as ExpressionSpecification;
  return {
    id: geom === 'Point' ? 'transport-expressway-point-label' : 'transport-expressway-label',
    type: 'symbol',
    source: 'geo-context',
    filter: ['all', kind('expressway_schematic'), geomIs(geom)],
    layout: {
      'symbol-placement': geom === 'Point' ? 'point' : 'line',
      'text-field': ['concat', name, lang === 'zh' ? '（示意）' : ' (schematic)'],
      'text-font': FONT_STACK,
      'text-size': 12,
      ...(geom === 'Point'
        ? { 'text-anchor': 'bottom', 'text-offset': [0, -0.8] }
        : { 'text-offset': [0, 1] }),
      'symbol-spacing': 400,
      'text-max-angle': 40,
    },
    paint: { 'text-color': GEO_COLOURS.expressway, 'text-halo-color': THEME.halo, 'text-halo-width': 2 },
  };
}

function transportStyle({ data, lang }: Pick<LayerInput, 'data' | 'lang'>): StylePart {
  const stations = {
    type: 'FeatureCollection' as const,
    features: data.places.features.filter((f) => f.properties.kind === 'station'),
  };
  return {
    sources: {
      transport: { type: 'geojson', data: data.transport },
      'geo-context': { type: 'geojson', data: contextUrl() },
      'geo-stations': { type: 'geojson', data: stations },
    },
    shapes: [
      {
        id: 'transport-builtup',
        type: 'fill',
        source: 'geo-context',
        filter: kind('built_up'),
        paint: { 'fill-color': GEO_COLOURS.builtUp, 'fill-opacity': 0.55 },
      },
      {
        id: 'transport-road',
        type: 'line',
        source: 'geo-context',
        filter: kind('road'),
        paint: {
          'line-color': GEO_COLOURS.road,
          'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 12, 2.5],
        },
      },
      {
        id: 'transport-railway',
        type: 'line',
        source: 'geo-context',
        filter: kind('railway'),
        paint: {
          'line-color': GEO_COLOURS.railway,
          'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.2, 12, 2.5],
          'line-dasharray': [4, 2],
        },
      },
      {
        id: 'transport-expressway',
        type: 'line',
        source: 'geo-context',
        filter: ['all', kind('expressway_schematic'), geomIs('LineString')],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': GEO_COLOURS.expressway,
          'line-width': ['interpolate', ['linear'], ['zoom'], 8, 2.5, 12, 5],
          'line-opacity': 0.85,
        },
      },
      {
        id: 'transport-dot',
        type: 'circle',
        source: 'transport',
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 4, 12, 7, 15, 12],
          'circle-color': [
            'match',
            ['get', 'kind'],
            'motorway_service_area',
            THEME.serviceArea,
            THEME.junction,
          ],
          'circle-stroke-color': THEME.halo,
          'circle-stroke-width': 1.5,
        },
      },
      {
        id: 'transport-station',
        type: 'circle',
        source: 'geo-stations',
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 4, 12, 7],
          'circle-color': THEME.halo,
          'circle-stroke-color': GEO_COLOURS.station,
          'circle-stroke-width': 2.5,
        },
      },
    ],
    labels: [
      expresswayLabel(lang, 'LineString'),
      expresswayLabel(lang, 'Point'),
      {
        id: 'transport-station-label',
        type: 'symbol',
        source: 'geo-stations',
        minzoom: 8.5,
        layout: {
          'text-field': nameField(lang) as never,
          'text-font': FONT_STACK,
          'text-size': 12,
          'text-anchor': 'left',
          'text-offset': [0.8, 0],
          'text-optional': true,
        },
        paint: { 'text-color': GEO_COLOURS.station, 'text-halo-color': THEME.halo, 'text-halo-width': 1.5 },
      },
      {
        id: 'transport-junction-label',
        type: 'symbol',
        source: 'transport',
        minzoom: 10,
        filter: ['all', kind('motorway_junction'), ['has', 'name_zh']],
        layout: {
          'text-field': ['get', 'name_zh'],
          'text-font': FONT_STACK,
          'text-size': 11,
          'text-anchor': 'right',
          'text-offset': [-0.8, 0],
          'text-optional': true,
        },
        paint: { 'text-color': THEME.junction, 'text-halo-color': THEME.halo, 'text-halo-width': 1.5 },
      },
    ],
  };
}

/**
 * Transport, honestly schematic: Natural Earth railways, main roads and built-up area; the
 * expressways G3, G1516 and G30 as straight lines between OSM junctions (G30 from Natural Earth),
 * G0321 as its junction only; OSM junctions, service areas and railway stations as points.
 * Off at start (it crowds the first view); on in the tour's city step.
 */
export const transportLayer: LayerEntry = {
  id: 'transport',
  labelKey: 'layer.transport',
  toggle: true,
  defaultVisible: false,
  drawOrder: 55,
  style: transportStyle,
  legend: ({ lang }) => [
    ...EXPRESSWAYS.map((ref) => ({
      group: 'other' as const,
      mark: 'swatch' as const,
      colour: GEO_COLOURS.expressway,
      label: t(lang, `legend.expressway.${ref}`),
      ref: `expressway-${ref}`,
    })),
    { group: 'other', mark: 'dashed', colour: GEO_COLOURS.railway, label: t(lang, 'legend.railway') },
    { group: 'other', mark: 'swatch', colour: GEO_COLOURS.road, label: t(lang, 'legend.road') },
    { group: 'other', mark: 'faded', colour: GEO_COLOURS.builtUp, label: t(lang, 'legend.builtUp') },
    { group: 'other', mark: 'ring', colour: GEO_COLOURS.station, label: t(lang, 'legend.station') },
    { group: 'other', mark: 'dot', colour: THEME.junction, label: t(lang, 'legend.junction') },
    { group: 'other', mark: 'dot', colour: THEME.serviceArea, label: t(lang, 'legend.serviceArea') },
  ],
};
