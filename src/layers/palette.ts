import type { AreaId } from '../data/types';

/**
 * One colour per specialisation, used alike by the map, legend and cards (and later by the
 * chain view and charts). Muted mid-tones: legible at arm's length on white, distinct under
 * the common colour-vision deficiencies, and still distinct when printed in grey.
 */
export const AREA_COLOURS: Record<AreaId, string> = {
  suixi: '#3f6fb0', // aluminium materials, fuel cells
  xiangshan: '#9c5fa6', // OLED lamps, glass, auto trade
  lieshan: '#d9822b', // batteries, wheels, aftermarket
  duji: '#4d9a55', // special vehicles
  hitech: '#c8453b', // ceramic-aluminium, battery boxes
  linhuan: '#1f9a9a', // electrolyte, hydrogen
};

/**
 * One colour per industrial chain, for enterprise dots, chain view and charts: saturated, so
 * a dot reads against the pale area fills; chains the data does not know get UNCLASSIFIED.
 */
export const CHAIN_COLOURS: Record<string, string> = {
  battery: '#1f5fa8',
  hydrogen: '#0b8f7d',
  lightweight: '#6d3f9c',
  charging: '#e07b00',
  optoelectronics: '#c2306f',
  'special-vehicles': '#4f7f16',
  parts: '#8a5a1c',
  aftermarket: '#b3261e',
  equipment: '#3f4a56',
};
export const UNCLASSIFIED_COLOUR = '#8c969e';

export function chainColour(chainId: string | null | undefined): string {
  return (chainId && CHAIN_COLOURS[chainId]) || UNCLASSIFIED_COLOUR;
}

/**
 * Firms per cell of a large import seen from afar (enterprise-cells.ts), one grey per count class:
 * a neutral ramp, so a count is never read as a chain's colour, and it prints as it looks.
 */
export const FIRM_DENSITY_GREYS = ['#d9d9d9', '#bdbdbd', '#969696', '#636363', '#252525'] as const;

/** Charging site kinds: distinct from the chain colours' blues by shape as well (rings for swap and hydrogen). */
export const CHARGER_KIND_COLOURS: Record<string, string> = {
  dc_fast: '#d9480f',
  ac_slow: '#2b8a3e',
  swap: '#5f3dc4',
  hydrogen: '#0b7285',
  unknown: '#868e96',
};
export const COVERAGE_GAP_COLOUR = '#c92a2a';

/**
 * The firm-to-park match: a partner's role, told apart by dash as well as hue (peers solid,
 * suppliers dashed, customers dotted), so the lines still read in grey print.
 */
export const PARTNER_ROLE_COLOURS = {
  peer: '#1f3a52',
  supplier: '#a85d00',
  customer: '#7b3fa0',
} as const;

/** Segment status: strength by fill (solid, light, none), never by hue alone. */
export const STATUS_STYLE = {
  strong: { fill: '#1f3a52', text: '#ffffff', border: '#1f3a52' },
  weak: { fill: '#dde6ee', text: '#1f3a52', border: '#1f3a52' },
  missing: { fill: '#ffffff', text: '#9b2c1f', border: '#9b2c1f' },
} as const;

export const THEME = {
  background: '#e9ecef',
  land: '#fbfaf7',
  neighbourFill: '#e3e6e2',
  neighbourLine: '#b4bab3',
  prefectureLine: '#8f978e',
  cityLine: '#2e3a44',
  districtLine: '#ffffff',
  text: '#1f2933',
  textMuted: '#5d6873',
  halo: '#ffffff',
  township: '#4a5560',
  junction: '#2f5d8a',
  serviceArea: '#8a5a2f',
  selected: '#11181f',
} as const;

// Chinese-first stack: system CJK faces on tablets (PingFang, YaHei, Noto/Source Han), WenQuanYi in CI.
export const FONT_STACK = [
  'PingFang SC',
  'Hiragino Sans GB',
  'Microsoft YaHei',
  'Noto Sans CJK SC',
  'Source Han Sans SC',
  'WenQuanYi Micro Hei',
  'sans-serif',
];

export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [
    Number.parseInt(m[1] ?? '0', 16),
    Number.parseInt(m[2] ?? '0', 16),
    Number.parseInt(m[3] ?? '0', 16),
  ];
}
