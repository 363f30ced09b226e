import { DataFilterExtension } from '@deck.gl/extensions';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { EnterprisePoint } from './enterprise-points';
import { hexToRgb, THEME } from './palette';

// Four category channels (32 values each): chain, segment within chain, area, precision × confidence.
const FILTER = new DataFilterExtension({ categorySize: 4 });
const WHITE: [number, number, number, number] = [255, 255, 255, 235];
const SELECTED = [...hexToRgb(THEME.selected), 255] as [number, number, number, number];

export interface EnterprisesLayerInput {
  points: EnterprisePoint[];
  categories: number[][];
  /** Index into points of the selected firm's first dot, or -1. */
  selectedIndex: number;
  beforeId: string;
}

/**
 * Enterprise dots, coloured by chain. A firm known only to its district or park is a ring
 * (white inside), an exact site a solid dot: imprecise locations never look surveyed.
 * Filtering changes only `filterCategories`, a GPU uniform: no attribute is rebuilt.
 */
export function buildEnterprisesLayer({
  points,
  categories,
  selectedIndex,
  beforeId,
}: EnterprisesLayerInput) {
  return new ScatterplotLayer<EnterprisePoint>({
    id: 'enterprises',
    data: points,
    getPosition: (p) => p.position,
    getFillColor: (p) => (p.approximate ? WHITE : [...p.colour, 255]),
    getLineColor: (p) => (p.approximate ? [...p.colour, 255] : [255, 255, 255, 255]),
    getLineWidth: (p) => (p.approximate ? 3 : 1.5),
    lineWidthUnits: 'pixels',
    stroked: true,
    radiusUnits: 'pixels',
    getRadius: 7,
    pickable: true,
    highlightedObjectIndex: selectedIndex,
    highlightColor: SELECTED,
    extensions: [FILTER],
    getFilterCategory: (p: EnterprisePoint) => p.cat,
    filterCategories: categories,
    // beforeId is honoured by the interleaved MapLibreOverlay but missing from the prop types.
    ...({ beforeId } as object),
  } as ConstructorParameters<typeof ScatterplotLayer<EnterprisePoint>>[0]);
}
