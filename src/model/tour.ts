import * as v from 'valibot';
import { type Bilingual, BilingualSchema, isText, LngLatSchema } from './common';
import { AREA_IDS, type AreaId, CONFIDENCES, type LayerId, PRECISIONS, type SharedPanel } from './enums';
import type { Camera } from './geo';
import {
  type ChargingView,
  ChargingViewSchema,
  DEFAULT_CHARGING,
  decodeCamera,
  decodeFilters,
  decodeMatch,
  decodeSelection,
  decodeTargetFilter,
  type EnterpriseFilters,
  type MatchView,
  NO_FILTERS,
  type Selection,
  type TargetFilter,
} from './view';

// tour.json: the briefing as content. A step names a view in the app's own vocabulary; every id in
// it is checked against the data and the layer list by tour/steps.ts, not here.

export const TOUR_VERSION = 1;
// The presenter overlay holds a few sentences; a longer text is a paste of the plan, not a step.
export const MAX_STEP_TEXT = 600;

const StepText = v.pipe(
  BilingualSchema,
  v.check((b) => b.zh.length <= MAX_STEP_TEXT && b.en.length <= MAX_STEP_TEXT, 'json.tooLong'),
);

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The object form: {zoom, center: [lng, lat], bearing?, pitch?}. */
export const StepCameraObjectSchema = v.pipe(
  v.object(
    {
      zoom: v.pipe(v.number('json.number'), v.finite('json.number')),
      center: LngLatSchema,
      bearing: v.optional(v.pipe(v.number('json.number'), v.finite('json.number')), 0),
      pitch: v.optional(v.pipe(v.number('json.number'), v.finite('json.number')), 0),
    },
    'json.object',
  ),
  v.transform(
    (c): Camera => ({ zoom: c.zoom, lat: c.center[1], lng: c.center[0], bearing: c.bearing, pitch: c.pitch }),
  ),
);

/** A `map=` value copied from a link, or the object form. */
const StepCamera = v.lazy((x) =>
  typeof x === 'string'
    ? v.pipe(
        v.string(),
        v.transform(decodeCamera),
        v.check((c) => c !== null, 'tour.cameraLink'),
        v.transform((c) => c as Camera),
      )
    : StepCameraObjectSchema,
);

/** "area:suixi" as in a link's sel=, or {kind, id}. */
const StepSelection = v.optional(
  v.nullable(
    v.pipe(
      v.custom<string | { kind: string; id: string }>(
        (x) => typeof x === 'string' || (isObj(x) && typeof x.kind === 'string' && typeof x.id === 'string'),
        'tour.selection',
      ),
      v.transform((x) => decodeSelection(typeof x === 'string' ? x : `${x.kind}:${x.id}`)),
      v.check((s) => s !== null, 'tour.selection'),
      v.transform((s) => s as Selection),
    ),
  ),
  null,
);

/** The object form of filters: every key optional, each list all-or-nothing as in the link. */
function filtersFromObject(o: Record<string, unknown>): EnterpriseFilters | null {
  const ids = (x: unknown, ok: (s: string) => boolean): string[] | null =>
    x === undefined
      ? []
      : Array.isArray(x) && x.every((s): s is string => typeof s === 'string' && ok(s))
        ? [...new Set(x)]
        : null;
  const segment = o.segment === undefined || o.segment === null ? null : o.segment;
  if (segment !== null && !isText(segment)) return null;
  const chains = ids(o.chains, () => true);
  const areas = ids(o.areas, (s) => (AREA_IDS as readonly string[]).includes(s));
  const precision = ids(o.precision, (s) => (PRECISIONS as readonly string[]).includes(s));
  const confidence = ids(o.confidence, (s) => (CONFIDENCES as readonly string[]).includes(s));
  if (!chains || !areas || !precision || !confidence) return null;
  return {
    segment,
    chains,
    areas: areas as AreaId[],
    precision: precision as EnterpriseFilters['precision'],
    confidence: confidence as EnterpriseFilters['confidence'],
  };
}

/** The `f=` value of a link, or the object form. */
const StepFilters = v.optional(
  v.nullable(
    v.pipe(
      v.custom<string | Record<string, unknown>>((x) => typeof x === 'string' || isObj(x), 'tour.filters'),
      v.transform((x) => (typeof x === 'string' ? decodeFilters(x) : filtersFromObject(x))),
      v.check((f) => f !== null, 'tour.filters'),
      v.transform((f) => f as EnterpriseFilters),
    ),
  ),
  null,
);

/** The `match=` value of a link (`segment,segment@km`). */
const StepMatch = v.optional(
  v.nullable(
    v.pipe(
      v.string('tour.match'),
      v.transform(decodeMatch),
      v.check((m) => m !== null, 'tour.match'),
      v.transform((m) => m as MatchView),
    ),
  ),
  null,
);

/** The `targets=` value of a link (the target list's filter: chains and areas). */
const StepTargets = v.optional(
  v.nullable(
    v.pipe(
      v.string('tour.targets'),
      v.transform(decodeTargetFilter),
      v.check((f) => f !== null, 'tour.targets'),
      v.transform((f) => f as TargetFilter),
    ),
  ),
  null,
);

const IdList = v.optional(v.array(v.string('json.text'), 'json.array'), []);

/** Things a step points at besides its selection (only `areas` is drawn today: it frames the camera). */
export const TourHighlightSchema = v.object(
  { areas: IdList, segments: IdList, enterprises: IdList, chargers: IdList },
  'json.object',
);
export interface TourHighlight {
  /** Known areas only (tour/steps.ts checks them against the data). */
  areas: AreaId[];
  segments: string[];
  enterprises: string[];
  chargers: string[];
}
export const NO_HIGHLIGHT: TourHighlight = { areas: [], segments: [], enterprises: [], chargers: [] };

/** Each field of a step, parsed on its own so one look at the notes shows all that is wrong. */
export const STEP_FIELDS = {
  id: v.pipe(v.string('json.id'), v.regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'json.id')),
  title: StepText,
  text: StepText,
  camera: StepCamera,
  layers: v.array(v.unknown(), 'json.array'),
  panel: v.optional(v.nullable(v.unknown()), null),
  filters: StepFilters,
  selection: StepSelection,
  highlight: v.optional(v.nullable(TourHighlightSchema), null),
  charging: v.optional(
    v.nullable(
      v.object(
        {
          asOfYear: v.optional(ChargingViewSchema.entries.asOfYear, DEFAULT_CHARGING.asOfYear),
          coverKm: v.optional(ChargingViewSchema.entries.coverKm, DEFAULT_CHARGING.coverKm),
        },
        'json.object',
      ),
    ),
    null,
  ),
  match: StepMatch,
  targets: StepTargets,
} as const;

/** Keys an editor may write, per object of a step: any other is most likely a typo. */
export const STEP_KEYS: Record<string, readonly string[]> = {
  '': Object.keys(STEP_FIELDS),
  camera: ['zoom', 'center', 'bearing', 'pitch'],
  selection: ['kind', 'id'],
  filters: Object.keys(NO_FILTERS),
  highlight: Object.keys(NO_HIGHLIGHT),
  charging: Object.keys(DEFAULT_CHARGING),
};

export const TourRootSchema = v.object(
  { version: v.optional(v.unknown()), steps: v.array(v.unknown(), 'json.array') },
  'json.object',
);

// A briefing is a tour file of the officer's own: the same version and steps, and three optional
// keys tour.json may also carry (the default tour names none of them).
const CardText = v.pipe(
  BilingualSchema,
  v.check((b) => b.zh.length <= MAX_STEP_TEXT && b.en.length <= MAX_STEP_TEXT, 'json.tooLong'),
);
export const TOUR_META_FIELDS = {
  /** The briefing's name, as the list of briefings shows it. */
  title: v.optional(v.nullable(CardText), null),
  /** A title card played before the first step. */
  opening: v.optional(
    v.nullable(v.object({ title: CardText, text: v.optional(v.nullable(CardText), null) }, 'json.object')),
    null,
  ),
  /** A closing card played after the last step: a line of thanks and the centre's contact line. */
  closing: v.optional(v.nullable(v.object({ title: CardText, contact: CardText }, 'json.object')), null),
} as const;
export const TOUR_ROOT_KEYS = ['version', 'note', 'steps', ...Object.keys(TOUR_META_FIELDS)] as const;

export interface TourCard {
  title: Bilingual;
  /** The opening card's subtitle, the closing card's contact line; null: none. */
  text: Bilingual | null;
}
/** What a tour file says about itself besides its steps (all null in tour.json). */
export interface TourMeta {
  title: Bilingual | null;
  opening: TourCard | null;
  closing: TourCard | null;
}
export const NO_TOUR_META: TourMeta = { title: null, opening: null, closing: null };

/** One validated step: every id in it exists in the data it was checked against. */
export interface TourStep {
  id: string;
  title: Bilingual;
  text: Bilingual;
  camera: Camera;
  layers: LayerId[];
  panel: SharedPanel | null;
  /** NO_FILTERS when the step names none. */
  filters: EnterpriseFilters;
  selection: Selection | null;
  highlight: TourHighlight;
  /** DEFAULT_CHARGING, or the step's values over it. */
  charging: ChargingView;
  /** The firm-to-park match the step shows, or null. */
  match: MatchView | null;
  /** The target list's filter; NO_TARGET_FILTER when the step names none. */
  targets: TargetFilter;
}
