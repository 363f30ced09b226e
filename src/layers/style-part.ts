import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { BundledData } from '../data/load-bundled';
import type { AreaId, Lang } from '../data/types';
import type { AreaShapes } from '../domain/area-shapes';
import type { MatchFeatures } from './match-layer';

/** What every layer builder may read: plain data and state, no map, no store. */
export interface LayerInput {
  data: BundledData;
  shapes: AreaShapes;
  lang: Lang;
  /** Areas to emphasise: the selected area, or the areas the plan assigns a selected segment to. */
  highlighted: readonly AreaId[];
  tiandituToken: string;
  /** The firm-to-park match to draw (its top area and partners), or null/absent: none. */
  match?: MatchFeatures | null;
}

/** A layer's contribution to the maplibre style. Labels are drawn above every shape layer. */
export interface StylePart {
  sources: Record<string, SourceSpecification>;
  shapes: LayerSpecification[];
  labels: LayerSpecification[];
}

export const EMPTY_PART: StylePart = { sources: {}, shapes: [], labels: [] };

/** text-field for the user's language, falling back to Chinese where a feature has no English name. */
export function nameField(lang: Lang): unknown {
  return lang === 'zh' ? ['get', 'name_zh'] : ['coalesce', ['get', 'name_en'], ['get', 'name_zh']];
}
