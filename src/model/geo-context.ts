import * as v from 'valibot';

// geo/places-context.geojson: the points the area cards measure to and the map labels (stations,
// neighbouring cities, airports, the city centre, a junction OSM leaves unnamed). Each names its
// source (a code explained in public/geo/PROVENANCE.md §9); nothing in it is estimated.

const Str = v.string('json.text');

export const CONTEXT_PLACE_KINDS = ['centre', 'junction', 'station', 'city', 'airport'] as const;
export type ContextPlaceKind = (typeof CONTEXT_PLACE_KINDS)[number];

export const ContextPlacePropsSchema = v.looseObject({
  kind: v.picklist(CONTEXT_PLACE_KINDS, 'json.oneOf'),
  name_zh: Str,
  name_en: Str,
  source: Str,
  /** Stations: 'hsr' (high-speed line), 'yard' (marshalling yard) or 'station' (role not stated). */
  role: v.optional(Str),
  icao: v.optional(Str),
});
export type ContextPlaceProps = v.InferOutput<typeof ContextPlacePropsSchema>;
