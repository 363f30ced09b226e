import type { AsOf, Goal, GoalMeasure, GoalValue } from '../data/goals';
import { parseAsOf } from '../data/goals';

export type GoalStatus = 'met' | 'on-track-unknown' | 'not-met' | 'no-data';

/** How the current figure stands against one of a goal's values. */
export interface GoalProgress {
  year: number;
  target: GoalValue;
  status: GoalStatus;
  /** current / value for atLeast goals (0..1); null where a share means nothing (atMost, no data). */
  share: number | null;
}

export function meets(goal: Goal, current: number, value: number): boolean {
  if (goal.direction === 'atLeast') return goal.strict ? current > value : current >= value;
  return goal.strict ? current < value : current <= value;
}

/**
 * Whether a figure dated `asOf` speaks for the end of `year` (the plan's 到2025年 = by the end of
 * 2025). A bare year is a whole-year figure for a flow, but an unknown day of that year for a stock.
 */
export function coversYearEnd(asOf: AsOf, year: number, measure: GoalMeasure): boolean {
  if (asOf.year !== year) return asOf.year > year;
  if (asOf.month === undefined) return measure === 'flow';
  return asOf.month === 12 && (asOf.day === undefined || asOf.day === 31);
}

/** Each of the goal's values against the current figure, respecting direction and strictness. Pure. */
export function goalProgress(goal: Goal): GoalProgress[] {
  return goal.targets.map((target) => {
    const none: GoalProgress = { year: target.year, target, status: 'no-data', share: null };
    const c = goal.current;
    if (!c) return none;
    const asOf = parseAsOf(c.asOf);
    if (!asOf) return none;
    // A flow figure for a later year says nothing about this year's amount.
    if (goal.measure === 'flow' && asOf.year > target.year) return none;
    const share =
      goal.direction === 'atLeast' && target.value > 0
        ? Math.min(1, Math.max(0, c.value / target.value))
        : null;
    const ok = meets(goal, c.value, target.value);
    let status: GoalStatus;
    // An earlier year's flow, even one above the value, does not settle this year's.
    if (goal.measure === 'flow' && asOf.year < target.year) status = 'on-track-unknown';
    else if (ok) status = 'met';
    else status = coversYearEnd(asOf, target.year, goal.measure) ? 'not-met' : 'on-track-unknown';
    return { year: target.year, target, status, share };
  });
}

/** A goal's values by year ({2025: 1900, 2027: 3600}); empty when the goal is absent or was skipped. */
export function valuesByYear(goals: readonly Goal[], id: string): Record<number, number> {
  const g = goals.find((x) => x.id === id);
  return Object.fromEntries((g?.targets ?? []).map((t) => [t.year, t.value]));
}

/** The goals.json ids the charging view measures against (§二, §三.14). */
export const CHARGING_GOAL_IDS = { points: 'chargers', ratio: 'vehicles-per-charger' } as const;
