import * as v from 'valibot';
import { type Bilingual, BilingualSchema, IdSchema, isBilingual, isText, NonNegative, Text } from './common';

// goals.json: the plan's goals and the current value the investment promotion centre fills in.
// Each field is read on its own (data/goals.ts), so a typo in one field costs that field, not the goal.

export const GOALS_VERSION = 1;
export const YEAR_RANGE = { min: 2000, max: 2100 } as const;

/** atLeast: the plan's 不低于 / 以上 / 达到; atMost: its 低于 (with strict: true). */
export const GOAL_DIRECTIONS = ['atLeast', 'atMost'] as const;
export type GoalDirection = (typeof GOAL_DIRECTIONS)[number];
/**
 * stock: a level at a date (charging points built, firms in a pool): a figure from before the
 * deadline that already meets the goal counts as met.
 * flow: a yearly amount (revenue, exports, trainees per year): only that year's own figure
 * can meet or miss that year's value.
 */
export const GOAL_MEASURES = ['stock', 'flow'] as const;
export type GoalMeasure = (typeof GOAL_MEASURES)[number];

export interface AsOf {
  year: number;
  month?: number;
  day?: number;
}

/** YYYY, YYYY-MM or YYYY-MM-DD with a real month and day; null otherwise. */
export function parseAsOf(s: string): AsOf | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) return null;
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  // Day 0 of the next month is the last day of this one (UTC: no time-zone surprises).
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  return { year, month, day };
}

/** A record's source or checked date (issue 14): YYYY, YYYY-MM, YYYY-MM-DD, or "unknown". */
export const RecordDateSchema = v.pipe(
  v.string('json.text'),
  v.check((s) => s === 'unknown' || parseAsOf(s) !== null, 'json.date'),
);

export const YearSchema = v.pipe(
  v.number('json.year'),
  v.integer('json.year'),
  v.minValue(YEAR_RANGE.min, 'json.year'),
  v.maxValue(YEAR_RANGE.max, 'json.year'),
);

/** One of a goal's values: what the plan asks for by the end of one year. */
export const GoalValueSchema = v.object({
  year: YearSchema,
  /** The threshold progress is measured against (the lower end of a range). */
  value: NonNegative,
  /** Upper end of a range the plan gives, as in 力争2-3家: shown, not measured. */
  max: v.optional(v.unknown()),
});
export interface GoalValue {
  year: number;
  value: number;
  max?: number;
}

/** A current value's note: plain text (both languages alike) or {zh, en}. */
const NoteSchema = v.pipe(
  v.custom<string | Bilingual>((x) => isText(x) || isBilingual(x), 'goal.note'),
  v.transform((x): Bilingual => (typeof x === 'string' ? { zh: x, en: x } : { zh: x.zh, en: x.en })),
);

export const GoalCurrentSchema = v.object(
  {
    value: NonNegative,
    /** YYYY, YYYY-MM or YYYY-MM-DD. */
    asOf: v.pipe(
      v.string('json.date'),
      v.check((s) => parseAsOf(s) !== null, 'json.date'),
    ),
    // A figure without a source is never shown: the dashboard shows only what can be checked.
    /** Free text, web addresses included: shown as text with links, never as markup. */
    source: Text,
    note: v.optional(NoteSchema),
    /** A demonstration figure, not a real one: always labelled so on screen. */
    illustrative: v.optional(v.unknown()),
  },
  'goal.current',
);
export interface GoalCurrent {
  value: number;
  asOf: string;
  source: string;
  note?: Bilingual;
  illustrative: boolean;
  /** Set when the value was entered in this browser, not read from goals.json: when (ISO timestamp). */
  enteredAt?: string;
}

/** The fields of a goal, each parsed on its own. */
export const GOAL_FIELDS = {
  id: IdSchema,
  name: BilingualSchema,
  unit: BilingualSchema,
  direction: v.picklist(GOAL_DIRECTIONS, 'json.oneOf'),
  strict: v.boolean('json.bool'),
  measure: v.picklist(GOAL_MEASURES, 'json.oneOf'),
  /** The plan sets the same value every year (每年); the listed years are the ones shown. */
  everyYear: v.boolean('json.bool'),
  targets: v.array(v.unknown(), 'json.array'),
  planQuote: BilingualSchema,
  planSection: Text,
  note: BilingualSchema,
  current: v.unknown(),
} as const;

export interface Goal {
  id: string;
  /** 0-based index in the file's goals array, to match issues to goals. */
  row: number;
  name: Bilingual;
  unit: Bilingual;
  direction: GoalDirection;
  /** The plan says 低于 ("below"): reaching the value exactly does not meet it. */
  strict: boolean;
  measure: GoalMeasure;
  everyYear: boolean;
  /** The goal's values, sorted by year; only years the plan states. */
  targets: GoalValue[];
  /** Null when missing or not found word for word in the plan: a misquote is never shown as the plan's. */
  planQuote: Bilingual | null;
  planSection: string | null;
  /** The plan's date and when the goal was checked against it (issue 14; '' unknown). */
  sourceDate?: string;
  checked?: string;
  /** How the goal is read (e.g. 全面 as 100 %), for whoever fills in the current value. */
  note: Bilingual | null;
  current: GoalCurrent | null;
  /** The file gave a current value that could not be used: shown as an error, not as "not provided". */
  currentInvalid: boolean;
}

export const GoalsRootSchema = v.object({ goals: v.array(v.unknown(), 'json.array') }, 'json.object');
export const GOALS_ROOT_KEYS = [
  'version',
  'note',
  'plan',
  'sourceDate',
  'checked',
  'dateNote',
  'goals',
] as const;
