import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { zhIssues } from '../i18n/zh-issues';

export type Lang = 'zh' | 'en';

export type IssueCode = keyof typeof zhIssues;
export type Bilingual = { zh: string; en: string };

/** One problem found in input data: which file, which row or feature, which field, and why. */
export interface DataIssue {
  file: string;
  /** 0-based item index in a JSON array or GeoJSON feature list. */
  row?: number;
  /** 1-based line in a CSV file (the header is line 1). */
  line?: number;
  field?: string;
  /** Why: a key of the issue templates in src/i18n/zh-issues.ts, filled with `params`. */
  code?: IssueCode;
  params?: Record<string, string | number>;
  /** TRANSITIONAL: the old inline sentence; every producer moves to `code` and this field goes. */
  reason?: Bilingual;
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
  /** Areas the plan's §三.4 assigns this segment to (empty: the plan names no area). */
  areas: AreaId[];
  planSection: string;
  /** The plan's own wording, verbatim, and its translation. */
  plan: Bilingual;
}

export interface ChainModel {
  chains: Chain[];
  segments: Segment[];
  statusRules: StatusRules;
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
  planSection: string;
  footprints: ParkFootprint[];
}

export interface AreasFile {
  source: Bilingual;
  areas: Area[];
}

export type PointFC<P> = FeatureCollection<Point, P>;

export type Precision = 'exact' | 'park' | 'district' | 'unknown';
export type Confidence = 'high' | 'medium' | 'low';

export interface Enterprise {
  id: string;
  /** Unique even when the file repeats an id (the duplicate is reported, and kept). */
  key: string;
  /** 1-based line in the CSV, for messages. */
  line: number;
  name: Bilingual;
  area: AreaId | null;
  /** Known chain segment ids only; unknown ones are reported. */
  segments: string[];
  /** The source's own wording of what the firm does. */
  segmentSource: string;
  products: string;
  address: string;
  /** The researched point, if any: for imprecise rows it is an anchor, not a site. */
  lngLat: [number, number] | null;
  precision: Precision;
  locationBasis: string;
  confidence: Confidence;
  confidenceNote: string;
  source: string;
}

export interface StatusRules {
  strongMin: number;
  weakMin: number;
  note: Bilingual;
}
