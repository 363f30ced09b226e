import type { zhGoals } from './zh-goals';

// English for the goals dashboard, typed against the Chinese keys.
export const enGoals: Record<keyof typeof zhGoals, string> = {
  'goals.title': 'Goals dashboard',
  'goals.intro':
    'The plan’s quantified goals for 2025 and 2027, quoted from the plan. Current values come only from sourced figures, filled in by the investment promotion centre in data/goals.json; a goal without one shows “not provided”, never zero.',
  'goals.summary': '{n} goal, {k} with a current value|{n} goals, {k} with a current value',
  'goals.target': '{year} target',
  'goals.everyYear': 'every year',
  'goals.current': 'Current',
  'goals.notProvided': 'not provided',
  'goals.currentInvalid': 'the current value given is malformed and not used (see the data problems)',
  'goals.asOf': 'as of {date}',
  'goals.source': 'Source',
  'goals.illustrative': 'illustrative',
  'goals.original': 'Original',
  'goals.planSection': 'Plan section',
  'goals.noQuote':
    'The plan’s wording is missing or does not match the plan, so it is not shown (see the data problems).',
  'goals.note': 'Note',
  'goals.status.met': 'met',
  'goals.status.on-track-unknown': 'too early to tell',
  'goals.status.not-met': 'not met',
  'goals.status.no-data': 'no data',
  'goals.share': '{pct}% of the target',
  'goals.issues': '{n} problem in the goals data|{n} problems in the goals data',
  'goals.goalIssues':
    'This goal has {n} data problem, listed above|This goal has {n} data problems, listed above',
  'goals.severity.error': 'Error',
  'goals.severity.warning': 'Warning',
  'goals.none': 'No goals to show.',
};
