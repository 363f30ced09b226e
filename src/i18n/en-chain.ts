import type { zhChain } from './zh-chain';

// English for the industrial chain view and the target list (招商清单), typed against the Chinese keys.
export const enChain: Record<keyof typeof zhChain, string> = {
  'stage.upstream': 'Upstream',
  'stage.midstream': 'Midstream',
  'stage.downstream': 'Downstream',
  'chain.title': 'The NEV industrial chain',
  'chain.intro':
    'Each segment shows its number of local firms and its status. Tap a segment to show only its firms on the map and highlight the areas the plan assigns it to.',
  'chain.rules': 'Rule: {rule}',
  'chain.firms': '{n} firm|{n} firms',
  'chain.unclassified': 'Firms not placed in any segment: {n}',
  'chain.assignedTo': 'Plan assigns to',
  'chain.notAssigned': 'no area assigned by the plan',
  'chain.showAll': 'Show all firms',
  'status.strong': 'Strong',
  'status.weak': 'Weak',
  'status.missing': 'Missing',
  'segment.count': '{n} local firm|{n} local firms',
  'segment.plan': "The plan's wording",
  'segment.firms': 'Firms',
  'segment.noFirms': 'No local firm of this segment is in the data yet.',
  'segment.discrepancy': '{firm} is in {area}, but the plan places this segment in {assigned}.',
  'targets.title': 'Target list',
  'targets.intro':
    'Segments the plan wants but the city lacks (missing) or has few firms in (weak), with the area the plan assigns and its wording: ready to brief from.',
  'targets.where': 'Where',
  'targets.discrepancies': 'Where the data differs from the plan',
  'targets.none': 'No segment is missing or weak.',
  'status.operating': 'operating',
  'status.planned': 'planned',
  'status.closed': 'closed',
  'status.unknown': 'status unknown',
};
