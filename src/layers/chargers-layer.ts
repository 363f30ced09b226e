import type { Charger } from '../data/chargers';
import type { Coverage, CoverageCell } from '../domain/charging';
import { t } from '../i18n/t';
import type { DeckLib } from './deck-lib';
import { CHARGER_KIND_COLOURS, COVERAGE_GAP_COLOUR, hexToRgb, THEME, UNCLASSIFIED_COLOUR } from './palette';
import type { LayerEntry } from './types';

const KIND_RGB = Object.fromEntries(Object.entries(CHARGER_KIND_COLOURS).map(([k, v]) => [k, hexToRgb(v)]));
const GAP_RGB = hexToRgb(COVERAGE_GAP_COLOUR);
const CHARGER_KINDS = ['dc_fast', 'ac_slow', 'swap', 'hydrogen'] as const;
// Pale to strong orange: more sites per hexagon, more colour.
const DENSITY_RANGE: [number, number, number][] = [
  [254, 237, 222],
  [253, 208, 162],
  [253, 174, 107],
  [253, 141, 60],
  [230, 85, 13],
  [166, 54, 3],
];

const before = (beforeId: string) => ({ beforeId }) as object;
const ringed = (c: Charger) => c.kind === 'swap' || c.kind === 'hydrogen';

/**
 * Charging sites: at city zoom a hexagon density (sites per 2 km hexagon), closer in one dot per
 * site coloured by kind; swap and hydrogen stations are rings so kind never rests on colour alone.
 */
export function buildChargersLayer(
  lib: DeckLib,
  sites: readonly Charger[],
  density: boolean,
  beforeId: string,
) {
  const data = sites.filter((c) => c.lngLat);
  if (density && lib.aggregation) {
    return new lib.aggregation.HexagonLayer<Charger>({
      id: 'chargers-density',
      data,
      getPosition: (c) => c.lngLat as [number, number],
      radius: 2000,
      colorRange: DENSITY_RANGE,
      opacity: 0.75,
      extruded: false,
      pickable: false,
      ...before(beforeId),
    });
  }
  return new lib.core.ScatterplotLayer<Charger>({
    id: 'chargers',
    data,
    getPosition: (c) => c.lngLat as [number, number],
    getFillColor: (c) => (ringed(c) ? [255, 255, 255, 235] : [...(KIND_RGB[c.kind] ?? [128, 128, 128]), 255]),
    getLineColor: (c) => (ringed(c) ? [...(KIND_RGB[c.kind] ?? [128, 128, 128]), 255] : [255, 255, 255, 255]),
    getLineWidth: (c) => (ringed(c) ? 3 : 1.2),
    lineWidthUnits: 'pixels',
    stroked: true,
    radiusUnits: 'pixels',
    getRadius: 5,
    pickable: true,
    ...before(beforeId),
  });
}

/** Square cells, `cellKm` wide, around a centre: the cells of the coverage grid. */
export function cellSquare([x, y]: [number, number], cellKm: number): [number, number][] {
  const dLat = cellKm / 2 / 111.32;
  const dLng = dLat / Math.cos((y * Math.PI) / 180);
  return [
    [x - dLng, y - dLat],
    [x + dLng, y - dLat],
    [x + dLng, y + dLat],
    [x - dLng, y + dLat],
  ];
}

/** The places farther than the chosen distance from any site (乡乡全覆盖 at a glance). */
export function buildCoverageLayer(lib: DeckLib, cov: Coverage, beforeId: string) {
  return new lib.core.SolidPolygonLayer<CoverageCell>({
    id: 'coverage-gaps',
    data: cov.cells.filter((c) => !c.covered),
    getPolygon: (c) => cellSquare(c.lngLat, cov.cellKm),
    getFillColor: [...GAP_RGB, 60],
    pickable: false,
    ...before(beforeId),
  });
}

/** Charging sites (illustrative data, said in the legend's heading). */
export const chargersLayer: LayerEntry = {
  id: 'chargers',
  labelKey: 'layer.chargers',
  toggle: true,
  defaultVisible: false,
  drawOrder: 75,
  deck: {
    lib: 'aggregation',
    needed: () => true,
    build: (input, lib, beforeId) => [buildChargersLayer(lib, input.chargers, input.densityView, beforeId)],
  },
  legend: ({ lang }) => [
    { group: 'chargers', mark: 'none', colour: THEME.textMuted, label: t(lang, 'legend.chargers') },
    ...CHARGER_KINDS.map((k) => ({
      group: 'chargers' as const,
      mark: k === 'swap' || k === 'hydrogen' ? ('ring' as const) : ('dot' as const),
      colour: CHARGER_KIND_COLOURS[k] ?? UNCLASSIFIED_COLOUR,
      label: t(lang, `kind.${k}`),
    })),
  ],
  hit: {
    deck: ['chargers'],
    resolve: (found) => {
      const id = found[0]?.id;
      return typeof id === 'string' ? { select: { kind: 'charger', id } } : null;
    },
  },
};

/** Where the city is farther than the chosen distance from a site. */
export const coverageLayer: LayerEntry = {
  id: 'coverage',
  labelKey: 'layer.coverage',
  toggle: true,
  defaultVisible: false,
  drawOrder: 70,
  deck: {
    lib: 'core',
    needed: (input) => input.coverage !== null,
    build: (input, lib, beforeId) =>
      input.coverage ? [buildCoverageLayer(lib, input.coverage, beforeId)] : [],
  },
  legend: ({ lang, coverKm }) => [
    {
      group: 'chargers',
      mark: 'faded',
      colour: COVERAGE_GAP_COLOUR,
      label: t(lang, 'legend.coverage', { km: coverKm }),
    },
  ],
};
