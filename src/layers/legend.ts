import { REGISTRY } from './registry';
import type { LayerInput, LegendEntry } from './types';

/**
 * What the legend explains for a view, in the panel's order: the legend on screen, the PNG and
 * the handout all draw these entries, so they cannot disagree.
 */
export function legendEntries(input: LayerInput): LegendEntry[] {
  return REGISTRY.filter((l) => l.toggle && input.visible.has(l.id)).flatMap((l) => l.legend?.(input) ?? []);
}
