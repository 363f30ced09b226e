import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Enterprise } from '../data/types';
import type { LngLat, Placement } from '../domain/enterprise-positions';
import type { AreaMatch, Partner, PartnerRole } from '../domain/match';
import { t } from '../i18n/t';
import { AREA_COLOURS, FONT_STACK, PARTNER_ROLE_COLOURS, THEME } from './palette';
import type { LayerEntry, LayerInput, StylePart } from './types';

export const PARTNER_ROLES: readonly PartnerRole[] = ['peer', 'supplier', 'customer'];

/**
 * Dashes per role, so the roles differ by more than hue (print, colour-vision deficiencies). In line
 * widths, as maplibre's line-dasharray counts them: the panel's sample lines scale them by their width.
 */
export const ROLE_DASH: Record<PartnerRole, number[] | null> = {
  peer: null,
  supplier: [3, 1.5],
  customer: [0.6, 1.6],
};

/** Every maplibre layer id of the match overlay (lines under labels, as in every other layer). */
export const MATCH_LAYER_IDS = {
  casing: 'match-line-casing',
  line: (role: PartnerRole) => `match-line-${role}`,
  partner: 'match-partner',
  anchor: 'match-anchor',
  label: 'match-label',
} as const;

export interface MatchLineProps {
  /** The line, the partner's position, or the middle of the line where its distance is written. */
  kind: 'line' | 'partner' | 'label';
  role: PartnerRole;
  /** Enterprise key of the partner. */
  key: string;
  /** Distance from the area's anchor, km (as rankAreas measured it): only for a known site. */
  km: number | null;
  approximate: boolean;
}

export interface MatchAnchorProps {
  kind: 'anchor';
  area: string;
}

export type MatchFeature =
  | Feature<LineString, MatchLineProps>
  | Feature<Point, MatchLineProps | MatchAnchorProps>;

export interface MatchFeatures extends FeatureCollection<LineString | Point> {
  features: MatchFeature[];
}

/** The partners of an area in the order the panel lists them: peers, suppliers, customers. */
export function partnersOf(a: AreaMatch): Partner[] {
  return [...a.peers, ...a.suppliers, ...a.customers];
}

/**
 * The top area's anchor, a ring on each partner's map position, and a line with its length to each
 * partner whose site is known. A partner known only to its district or park gets the ring alone: a
 * line to a stand-in position would show a distance nobody measured. Pure. `placements` is
 * parallel to `enterprises`; partners with no position are left out (rankAreas never counts them).
 */
export function matchFeatures(
  top: AreaMatch | undefined,
  enterprises: readonly Enterprise[],
  placements: readonly Placement[],
): MatchFeatures {
  const features: MatchFeature[] = [];
  if (top?.anchor) {
    const anchor: LngLat = top.anchor;
    const index = new Map(enterprises.map((e, i) => [e.key, i]));
    for (const p of partnersOf(top)) {
      const i = index.get(p.enterpriseKey);
      const pos = i === undefined ? null : (placements[i]?.position ?? null);
      if (!pos) continue;
      const props: MatchLineProps = {
        kind: 'line',
        role: p.role,
        key: p.enterpriseKey,
        km: p.distanceKm,
        approximate: p.approximate,
      };
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: pos },
        properties: { ...props, kind: 'partner' },
      });
      if (p.distanceKm === null) continue;
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: [anchor, pos] },
        properties: props,
      });
      // Mid-line, the label names the line's length and stays clear of the firm dots at either end.
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [(anchor[0] + pos[0]) / 2, (anchor[1] + pos[1]) / 2] },
        properties: { ...props, kind: 'label' },
      });
    }
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: anchor },
      properties: { kind: 'anchor', area: top.area },
    });
  }
  return { type: 'FeatureCollection', features };
}

// Room around the framed box for the distance labels and the dots' rings: a share of its span, at least ~1 km.
const FRAME_MARGIN = 0.12;
const FRAME_MIN_MARGIN_DEG = 0.01;

/**
 * The box around every point drawn (and `extra`, e.g. the area's own bounds), with a margin so
 * labels at the edge stay readable; null when there is nothing.
 */
export function matchBounds(
  fc: MatchFeatures,
  extra: [[number, number], [number, number]] | null = null,
): [[number, number], [number, number]] | null {
  const pts: number[][] = [];
  for (const f of fc.features)
    if (f.geometry.type === 'Point') pts.push(f.geometry.coordinates);
    else pts.push(...f.geometry.coordinates);
  if (extra) pts.push(extra[0], extra[1]);
  if (pts.length === 0) return null;
  const xs = pts.map((p) => p[0] ?? 0);
  const ys = pts.map((p) => p[1] ?? 0);
  const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const mx = Math.max(FRAME_MIN_MARGIN_DEG, (e - w) * FRAME_MARGIN);
  const my = Math.max(FRAME_MIN_MARGIN_DEG, (n - s) * FRAME_MARGIN);
  return [
    [w - mx, s - my],
    [e + mx, n + my],
  ];
}

const isKind = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];

/**
 * The match overlay: rings on the top area's partners, coloured by role, and for partners whose
 * site is known a line from the area's anchor, dashed by role, labelled with its length.
 * Labels use the local fonts like every other label layer (text-font, no glyphs).
 */
export function buildMatchLayer({
  lang,
  match,
}: Pick<LayerInput, 'lang'> & { match: MatchFeatures }): StylePart {
  const source = 'match';
  const roleColour: ExpressionSpecification = [
    'match',
    ['get', 'role'],
    ...PARTNER_ROLES.flatMap((r) => [r, PARTNER_ROLE_COLOURS[r]]),
    THEME.text,
  ] as unknown as ExpressionSpecification;
  const areaColour: ExpressionSpecification = [
    'match',
    ['get', 'area'],
    ...Object.entries(AREA_COLOURS).flat(),
    THEME.selected,
  ] as unknown as ExpressionSpecification;
  const lines: LayerSpecification[] = PARTNER_ROLES.map((role): LayerSpecification => {
    const dash = ROLE_DASH[role];
    return {
      id: MATCH_LAYER_IDS.line(role),
      type: 'line',
      source,
      filter: ['all', isKind('line'), ['==', ['get', 'role'], role]],
      layout: { 'line-cap': dash ? 'butt' : 'round', 'line-join': 'round' },
      paint: {
        'line-color': PARTNER_ROLE_COLOURS[role],
        'line-width': 3,
        ...(dash ? { 'line-dasharray': dash } : {}),
      },
    };
  });
  return {
    sources: { [source]: { type: 'geojson', data: match } },
    shapes: [
      {
        id: MATCH_LAYER_IDS.casing,
        type: 'line',
        source,
        filter: isKind('line'),
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': THEME.halo, 'line-width': 6, 'line-opacity': 0.85 },
      },
      ...lines,
      {
        id: MATCH_LAYER_IDS.partner,
        type: 'circle',
        source,
        filter: isKind('partner'),
        // A ring around the partner's own firm dot (drawn above by deck.gl), to find it in a cluster.
        paint: {
          'circle-radius': 13,
          'circle-color': roleColour,
          'circle-opacity': 0.2,
          'circle-stroke-color': roleColour,
          'circle-stroke-width': 2.5,
        },
      },
      {
        id: MATCH_LAYER_IDS.anchor,
        type: 'circle',
        source,
        filter: isKind('anchor'),
        paint: {
          'circle-radius': 9,
          'circle-color': areaColour,
          'circle-stroke-color': THEME.halo,
          'circle-stroke-width': 3,
        },
      },
    ],
    labels: [
      {
        id: MATCH_LAYER_IDS.label,
        type: 'symbol',
        source,
        filter: isKind('label'),
        layout: {
          'text-field': [
            'concat',
            [
              'number-format',
              ['get', 'km'],
              { locale: lang === 'zh' ? 'zh-CN' : 'en', 'max-fraction-digits': 1 },
            ],
            t(lang, 'match.kmSuffix'),
          ],
          'text-font': FONT_STACK,
          'text-size': 14,
          'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
          'text-radial-offset': 0.6,
          // Nearer partners win when labels collide.
          'symbol-sort-key': ['get', 'km'],
        },
        paint: {
          'text-color': roleColour,
          'text-halo-color': THEME.halo,
          'text-halo-width': 2.5,
        },
      },
    ],
  };
}

// Same match result → same features, so the style diff sees no change and the framing reuses them.
const featuresOf = new WeakMap<AreaMatch, MatchFeatures>();

/** matchFeatures, memoised on the match result (the map's layer and its framing draw the same features). */
export function matchFeaturesFor(
  match: AreaMatch,
  enterprises: readonly Enterprise[],
  placements: readonly Placement[],
): MatchFeatures {
  let fc = featuresOf.get(match);
  if (!fc) {
    fc = matchFeatures(match, enterprises, placements);
    featuresOf.set(match, fc);
  }
  return fc;
}

/** The match overlay is not a panel layer: drawn whenever the match view asks for it. */
export const matchLayer: LayerEntry = {
  id: 'match',
  toggle: false,
  defaultVisible: true,
  drawOrder: 90,
  style: ({ lang, match, data, placements }) => {
    if (!match) return { sources: {}, shapes: [], labels: [] };
    return buildMatchLayer({ lang, match: matchFeaturesFor(match, data.enterprises, placements) });
  },
};
