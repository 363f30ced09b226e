import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

export type Lang = 'zh' | 'en';
export type Bilingual = { zh: string; en: string };

/** One problem found in input data: which file, which row or feature, which field, and why. */
export interface DataIssue {
  file: string;
  /** 0-based feature index, or 1-based CSV line, when the issue belongs to one record. */
  row?: number;
  field?: string;
  /** Message key of the reason, rendered in the user's language. */
  reason: Bilingual;
  severity: 'error' | 'warning';
}

export interface Validated<T> {
  value: T;
  issues: DataIssue[];
}

export type AreaPolygon = Polygon | MultiPolygon;

export interface DistrictProps {
  adcode: string;
  name_zh: string;
  name_en: string;
  label_lng: number;
  label_lat: number;
}

export type DistrictFeature = Feature<AreaPolygon, DistrictProps>;

export interface NeighbourProps {
  adcode: string;
  name_zh: string;
  name_en: string;
  level: 'prefecture' | 'county';
  label_lng: number;
  label_lat: number;
}

export interface TownshipProps {
  code: string;
  name_zh: string;
  kind: string;
  district_name_zh: string;
}

export interface TransportProps {
  kind: 'motorway_junction' | 'motorway_service_area';
  name_zh: string | null;
  ref: string | null;
}

export type Stage = 'upstream' | 'midstream' | 'downstream';

export interface Chain {
  id: string;
  name: Bilingual;
}

export interface Segment {
  id: string;
  chain: string;
  stage: Stage;
  name: Bilingual;
}

export interface ChainModel {
  chains: Chain[];
  segments: Segment[];
}

export interface ParkFootprint {
  id: string;
  name: Bilingual;
  center: [number, number];
  areaKm2: number;
  areaBasis: Bilingual;
  locationBasis: Bilingual;
  source: string;
}

export type AreaId = 'suixi' | 'xiangshan' | 'lieshan' | 'duji' | 'hitech' | 'linhuan';

export interface Area {
  id: AreaId;
  kind: 'district' | 'park';
  adcode?: string;
  name: Bilingual;
  role: Bilingual;
  specialisation: Bilingual;
  segments: string[];
  planSection: string;
  footprints: ParkFootprint[];
}

export interface AreasFile {
  source: Bilingual;
  areas: Area[];
}

export type PointFC<P> = FeatureCollection<Point, P>;
