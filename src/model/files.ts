import * as v from 'valibot';
import {
  BilingualSchema,
  FiniteNumber,
  JsonObject,
  LngLatSchema,
  NonNegative,
  Positive,
  Text,
} from './common';
import { AreaIdSchema, StageSchema } from './enums';

// Schemas of the bundled JSON files (public/data/*.json, geo/townships_list.json). Fields that are
// checked against other files (known areas, chains, the plan text…) are checked by data/, not here.

// ── areas.json ──────────────────────────────────────────────────────────────────────────────────

export const ParkFootprintSchema = v.object({
  id: Text,
  name: BilingualSchema,
  center: LngLatSchema,
  areaKm2: Positive,
  areaBasis: BilingualSchema,
  locationBasis: BilingualSchema,
  source: Text,
});
export type ParkFootprint = v.InferOutput<typeof ParkFootprintSchema>;

const areaEntries = {
  id: AreaIdSchema,
  kind: v.picklist(['district', 'park'], 'json.oneOf'),
  adcode: v.optional(Text),
  name: BilingualSchema,
  role: BilingualSchema,
  specialisation: BilingualSchema,
  planSection: Text,
};
export const AreaSchema = v.object({
  ...areaEntries,
  footprints: v.array(ParkFootprintSchema),
  /** Areas that touch it (a shared boundary, or a park inside a district): see areas.json's note. */
  neighbours: v.array(AreaIdSchema),
});
export type Area = v.InferOutput<typeof AreaSchema>;
/** An area as the file has it: each footprint is read on its own, so one bad footprint leaves the rest. */
export const AreaEntrySchema = v.object({
  ...areaEntries,
  footprints: v.optional(v.array(v.unknown(), 'json.array'), []),
  neighbours: v.optional(v.array(v.unknown(), 'json.array'), []),
});

/** The file's parts, each read on its own. */
export const AreasRootSchema = v.object({
  root: JsonObject,
  source: BilingualSchema,
  areas: v.array(v.unknown(), 'json.array'),
});
export interface AreasFile {
  source: v.InferOutput<typeof BilingualSchema>;
  /** The plan's date and when the texts were checked against it (issue 14; '' unknown). */
  sourceDate?: string;
  checked?: string;
  areas: Area[];
}

// ── chain.json ──────────────────────────────────────────────────────────────────────────────────

export const StatusRulesSchema = v.object(
  { strongMin: FiniteNumber, weakMin: FiniteNumber, note: BilingualSchema },
  'json.object',
);
export type StatusRules = v.InferOutput<typeof StatusRulesSchema>;

export const ChainSchema = v.object({ id: Text, name: BilingualSchema });
export type Chain = v.InferOutput<typeof ChainSchema>;

export const SegmentSchema = v.object({
  id: Text,
  chain: Text,
  stage: StageSchema,
  name: BilingualSchema,
  /** Areas the plan's §三.4 assigns this segment to (empty: the plan names no area). */
  areas: v.array(AreaIdSchema, 'json.array'),
  planSection: Text,
  /** The plan's own wording, verbatim, and its translation. */
  plan: BilingualSchema,
  /** Other words people search for it by (锂电, LFP…), per language. */
  keywords: v.optional(
    v.object({ zh: v.array(Text, 'json.array'), en: v.array(Text, 'json.array') }, 'json.object'),
    { zh: [], en: [] },
  ),
});
export type Segment = v.InferOutput<typeof SegmentSchema>;
/** A segment as the file has it: an unknown area costs that area, not the segment. */
export const SegmentEntrySchema = v.object({
  ...SegmentSchema.entries,
  areas: v.array(v.unknown(), 'json.array'),
});

export const ChainRootSchema = v.object({
  root: JsonObject,
  statusRules: JsonObject,
  chains: v.array(v.unknown(), 'json.array'),
  segments: v.array(v.unknown(), 'json.array'),
});
export interface ChainModel {
  chains: Chain[];
  segments: Segment[];
  statusRules: StatusRules;
}

// ── supply.json ─────────────────────────────────────────────────────────────────────────────────

/** "Segment `from` supplies segment `to`": A's output is a direct input of B. */
export const SupplyRelationSchema = v.object({
  from: Text,
  to: Text,
  /** One line on why, per language. */
  reason: BilingualSchema,
  /** A key of the file's `sources`. */
  source: Text,
});
export type SupplyRelation = v.InferOutput<typeof SupplyRelationSchema>;

export const SupplySourceSchema = v.object({
  title: Text,
  url: v.optional(v.string('json.text'), ''),
  date: v.optional(v.string('json.text'), ''),
});
export type SupplySource = v.InferOutput<typeof SupplySourceSchema>;

export const SupplyRootSchema = v.object({
  root: JsonObject,
  sources: v.record(v.string(), v.unknown(), 'json.object'),
  relations: v.array(v.unknown(), 'json.array'),
});

export interface SupplyTable {
  relations: SupplyRelation[];
  sources: Record<string, SupplySource>;
}

// ── match-weights.json ──────────────────────────────────────────────────────────────────────────

export const MATCH_WEIGHTS_VERSION = 1;

/** The numeric weights: each a finite number ≥ 0 (0 switches the factor off). */
export const MATCH_WEIGHT_FIELDS = [
  'planAssigned',
  'clusterPerFirm',
  'clusterCap',
  'supplierPerFirm',
  'supplierCap',
  'customerPerFirm',
  'customerCap',
  'fillsGap',
  'chargingPerSite',
  'chargingCap',
  'neighbourShare',
] as const;

/** Each field on its own: a bad one falls back to its default, the others still count. */
export const MatchWeightsSchema = v.object({
  version: v.literal(MATCH_WEIGHTS_VERSION),
  ...(Object.fromEntries(MATCH_WEIGHT_FIELDS.map((k) => [k, NonNegative])) as Record<
    (typeof MATCH_WEIGHT_FIELDS)[number],
    typeof NonNegative
  >),
  /** Distances offered to the user, km, ascending. */
  radiusKmOptions: v.pipe(v.array(Positive, 'json.array'), v.minLength(1, 'json.nonEmptyList')),
  defaultRadiusKm: Positive,
  /** Illustrative (made-up) charging sites score only when this is true: by default they count for nothing. */
  countIllustrative: v.boolean('json.bool'),
  note: BilingualSchema,
});
export type MatchWeights = v.InferOutput<typeof MatchWeightsSchema>;

// ── geo/townships_list.json (no geometry) ───────────────────────────────────────────────────────

export const TownshipUnitSchema = v.object({
  code: v.pipe(v.string('json.text'), v.regex(/^\d{9}$/, 'json.townshipCode')),
  name_zh: Text,
  kind: v.string('json.text'),
  district_adcode: v.string('json.text'),
  district_name_zh: v.optional(v.string('json.text')),
});
export type TownshipUnit = v.InferOutput<typeof TownshipUnitSchema>;
export const TownshipListSchema = v.object({
  root: JsonObject,
  townships: v.array(v.unknown(), 'json.array'),
});
