import * as v from 'valibot';

// Each vocabulary is ONE tuple; its type and its schema are derived from it, never re-listed.

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The plan's six areas: four districts and two parks. */
export const AREA_IDS = ['suixi', 'xiangshan', 'lieshan', 'duji', 'hitech', 'linhuan'] as const;
export type AreaId = (typeof AREA_IDS)[number];

/** How well a firm's point is known: a site, its park, its district, or nothing. */
export const PRECISIONS = ['exact', 'park', 'district', 'unknown'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Where a firm or project stands, as its source says: producing, being built, signed, or not said. */
export const FIRM_STATUSES = ['producing', 'construction', 'signed', 'unknown'] as const;
export type FirmStatus = (typeof FIRM_STATUSES)[number];

export const STAGES = ['upstream', 'midstream', 'downstream'] as const;
export type Stage = (typeof STAGES)[number];

export const CHARGER_KINDS = ['dc_fast', 'ac_slow', 'swap', 'hydrogen'] as const;
export type ChargerKind = (typeof CHARGER_KINDS)[number];

export const CHARGER_STATUSES = ['operating', 'planned', 'closed'] as const;
export type ChargerStatus = (typeof CHARGER_STATUSES)[number];

/** Every map layer id, in the layer panel's (and the link's) order; layers/registry.ts describes each one. */
export const LAYER_IDS = [
  'enterprises',
  'chargers',
  'coverage',
  'areas',
  'townships',
  'transport',
  'cities',
  'neighbours',
  'osm',
  'tianditu',
  'basemap',
] as const;
export type LayerId = (typeof LAYER_IDS)[number];

/** Side panels a link restores (transient ones such as the layer list are not shared). */
export const SHARED_PANELS = ['chain', 'targets', 'charging', 'goals', 'match'] as const;
export type SharedPanel = (typeof SHARED_PANELS)[number];

const isOneOf =
  <T extends string>(list: readonly T[]) =>
  (x: unknown): x is T =>
    typeof x === 'string' && (list as readonly string[]).includes(x);

export const isAreaId = isOneOf(AREA_IDS);
export const isPrecision = isOneOf(PRECISIONS);
export const isConfidence = isOneOf(CONFIDENCES);
export const isFirmStatus = isOneOf(FIRM_STATUSES);
export const isStage = isOneOf(STAGES);
export const isSharedPanel = isOneOf(SHARED_PANELS);
export const isLang = isOneOf(LANGS);

// The message of each schema is the issue code its failure maps to (see data/issues.ts).
export const AreaIdSchema = v.picklist(AREA_IDS, 'json.oneOf');
export const PrecisionSchema = v.picklist(PRECISIONS, 'json.oneOf');
export const ConfidenceSchema = v.picklist(CONFIDENCES, 'json.oneOf');
export const StageSchema = v.picklist(STAGES, 'json.oneOf');
