import { HexagonLayer } from '@deck.gl/aggregation-layers';
import { ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { Charger } from '../data/chargers';
import type { Coverage, CoverageCell } from '../domain/charging';
import { CHARGER_KIND_COLOURS, COVERAGE_GAP_COLOUR, hexToRgb } from './palette';
import { DENSITY_MAX_ZOOM } from './registry';

const KIND_RGB = Object.fromEntries(Object.entries(CHARGER_KIND_COLOURS).map(([k, v]) => [k, hexToRgb(v)]));
const GAP_RGB = hexToRgb(COVERAGE_GAP_COLOUR);
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

/**
 * Charging sites: at city zoom a hexagon density (sites per 2 km hexagon), closer in one dot per
 * site coloured by kind; swap and hydrogen stations are rings so kind never rests on colour alone.
 */
export function buildChargersLayer(sites: readonly Charger[], zoom: number, beforeId: string) {
  const data = sites.filter((c) => c.lngLat);
  if (zoom < DENSITY_MAX_ZOOM) {
    return new HexagonLayer<Charger>({
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
  return new ScatterplotLayer<Charger>({
    id: 'chargers',
    data,
    getPosition: (c) => c.lngLat as [number, number],
    getFillColor: (c) =>
      c.kind === 'swap' || c.kind === 'hydrogen'
        ? [255, 255, 255, 235]
        : [...(KIND_RGB[c.kind] ?? [128, 128, 128]), 255],
    getLineColor: (c) =>
      c.kind === 'swap' || c.kind === 'hydrogen'
        ? [...(KIND_RGB[c.kind] ?? [128, 128, 128]), 255]
        : [255, 255, 255, 255],
    getLineWidth: (c) => (c.kind === 'swap' || c.kind === 'hydrogen' ? 3 : 1.2),
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
export function buildCoverageLayer(cov: Coverage, beforeId: string) {
  return new SolidPolygonLayer<CoverageCell>({
    id: 'coverage-gaps',
    data: cov.cells.filter((c) => !c.covered),
    getPolygon: (c) => cellSquare(c.lngLat, cov.cellKm),
    getFillColor: [...GAP_RGB, 60],
    pickable: false,
    ...before(beforeId),
  });
}
