import { MapLibreOverlay } from '@deck.gl/maplibre';
import { useControl } from '@vis.gl/react-maplibre';
import { useEffect, useMemo, useState } from 'react';
import { deckLayers, deckNeeds } from '../layers/deck';
import type { DeckAggregation } from '../layers/deck-lib';
import * as core from '../layers/deck-lib-core';
import type { LayerInput } from '../layers/types';

/** Objects under a screen point on some deck.gl layers, nearest first. */
export interface DeckPicker {
  pick: (x: number, y: number, layerIds: readonly string[]) => Record<string, unknown>[];
}

// A fingertip covers about 10 px around the tap point.
const PICK_RADIUS_PX = 10;

/**
 * The deck.gl overlay, interleaved with maplibre so deck layers sit below the labels. This file
 * and deck.gl come as their own chunk, after the first draw; the hexagon density's aggregation
 * code only once a layer needs it.
 */
export default function DeckOverlay({
  input,
  onPicker,
}: {
  input: LayerInput;
  onPicker: (p: DeckPicker | null) => void;
}) {
  const [aggregation, setAggregation] = useState<DeckAggregation | null>(null);
  const wantsAggregation = deckNeeds(input).aggregation;
  useEffect(() => {
    if (!wantsAggregation || aggregation) return;
    let live = true;
    void import('../layers/deck-lib-aggregation').then((mod) => {
      if (live) setAggregation(mod);
    });
    return () => {
      live = false;
    };
  }, [wantsAggregation, aggregation]);

  const overlay = useControl(() => new MapLibreOverlay({ interleaved: true, layers: [] }));
  useEffect(() => {
    onPicker({
      pick: (x, y, layerIds) =>
        overlay
          .pickMultipleObjects({ x, y, radius: PICK_RADIUS_PX, layerIds: [...layerIds], depth: 20 })
          .map((i) => i.object as Record<string, unknown>),
    });
    return () => onPicker(null);
  }, [overlay, onPicker]);

  const layers = useMemo(() => deckLayers(input, { core, aggregation }), [input, aggregation]);
  overlay.setProps({ layers: layers as never });
  return null;
}
