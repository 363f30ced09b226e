/** Loads every piece of deck.gl code the map may draw with (for the handout, which pictures every tour step). */
export function loadDeckCode(): Promise<unknown> {
  return Promise.all([import('./deck-overlay'), import('../layers/deck-lib-aggregation')]);
}
