import type { DeckLib } from './deck-lib';
import { drawnLayers } from './registry';
import { FIRST_LABEL_LAYER } from './style';
import type { LayerEntry, LayerInput } from './types';

/** The drawn entries whose deck.gl half is needed now, bottom to top. */
export function deckEntries(input: LayerInput): LayerEntry[] {
  return drawnLayers(input.visible)
    .filter((l) => l.deck?.needed(input))
    .sort((a, b) => a.drawOrder - b.drawOrder);
}

/** Which deck.gl code the map needs now: none (maplibre draws everything), core, or also aggregation. */
export function deckNeeds(input: LayerInput): { core: boolean; aggregation: boolean } {
  const entries = deckEntries(input);
  return { core: entries.length > 0, aggregation: entries.some((l) => l.deck?.lib === 'aggregation') };
}

/** Every deck.gl layer for the input, under the labels; a layer whose code is not loaded yet waits. */
export function deckLayers(input: LayerInput, lib: DeckLib): unknown[] {
  return deckEntries(input)
    .filter((l) => l.deck?.lib !== 'aggregation' || lib.aggregation)
    .flatMap((l) => l.deck?.build(input, lib, FIRST_LABEL_LAYER) ?? []);
}
