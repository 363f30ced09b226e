// The deck.gl classes the layer builders use, as one type: layer files import deck.gl only as
// types, so nothing of deck.gl is in the start-up bundle; the overlay loads these modules lazily.
export type DeckCore = typeof import('./deck-lib-core');
export type DeckAggregation = typeof import('./deck-lib-aggregation');

export interface DeckLib {
  core: DeckCore;
  /** Only once a layer that needs it is shown. */
  aggregation: DeckAggregation | null;
}
