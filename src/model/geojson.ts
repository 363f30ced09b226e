import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import * as v from 'valibot';

// The feature properties of the bundled GeoJSON files (public/geo/*.geojson). Loose objects: the
// files carry more properties (provenance, areas), which pass through unchecked.

const Str = v.string('json.text');
const Num = v.pipe(v.number('json.number'), v.finite('json.number'));

export type AreaPolygon = Polygon | MultiPolygon;
export type PointFC<P> = FeatureCollection<Point, P>;

export const POLYGON_TYPES = ['Polygon', 'MultiPolygon'] as const;
export const POINT_TYPES = ['Point'] as const;

export const CityPropsSchema = v.looseObject({});

export const DistrictPropsSchema = v.looseObject({
  adcode: Str,
  name_zh: Str,
  name_en: Str,
  label_lng: Num,
  label_lat: Num,
});
export type DistrictProps = v.InferOutput<typeof DistrictPropsSchema>;
export type DistrictFeature = Feature<AreaPolygon, DistrictProps>;

export const NeighbourPropsSchema = v.looseObject({
  adcode: v.optional(Str),
  name_zh: Str,
  name_en: Str,
  level: v.picklist(['prefecture', 'county'], 'json.oneOf'),
  label_lng: Num,
  label_lat: Num,
});
export type NeighbourProps = v.InferOutput<typeof NeighbourPropsSchema>;

export const TownshipPropsSchema = v.looseObject({
  code: Str,
  name_zh: Str,
  kind: v.optional(Str),
  district_name_zh: v.optional(Str),
});
export type TownshipProps = v.InferOutput<typeof TownshipPropsSchema>;

export const TransportPropsSchema = v.looseObject({
  kind: v.picklist(['motorway_junction', 'motorway_service_area'], 'json.oneOf'),
  name_zh: v.nullable(Str, null),
  ref: v.optional(v.nullable(Str), null),
});
export type TransportProps = v.InferOutput<typeof TransportPropsSchema>;
