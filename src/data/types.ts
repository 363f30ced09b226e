import type { zhIssues } from '../i18n/zh-issues';
import type { AreaId, Bilingual, Confidence, FirmStatus, Precision } from '../model';

// The record types now come from the schemas in src/model/; they are re-exported here so the many
// `from '../data/types'` imports keep working.
export type {
  Area,
  AreaId,
  AreaPolygon,
  AreasFile,
  Bilingual,
  Chain,
  ChainModel,
  Confidence,
  DistrictFeature,
  DistrictProps,
  FirmStatus,
  Lang,
  NeighbourProps,
  ParkFootprint,
  PointFC,
  Precision,
  Segment,
  Stage,
  StatusRules,
  TownshipProps,
  TransportProps,
} from '../model';

export type IssueCode = keyof typeof zhIssues;

/** One problem found in input data: which file, which row or feature, which field, and why. */
export interface DataIssue {
  file: string;
  /** 0-based item index in a JSON array or GeoJSON feature list. */
  row?: number;
  /** 1-based line in a CSV file (the header is line 1). */
  line?: number;
  field?: string;
  /** Why: a key of the issue templates in src/i18n/zh-issues.ts, filled with `params`. */
  code: IssueCode;
  params?: Record<string, string | number>;
  severity: 'error' | 'warning';
}

export interface Validated<T> {
  value: T;
  issues: DataIssue[];
}

/** A firm as read from a CSV table (data/enterprises.ts) or an import: a record, not a file shape. */
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
  /** The research wording of what it makes (shown with the sources). */
  products: string;
  /** What it makes, one short line per language ('' when not written). */
  productLine: Bilingual;
  status: FirmStatus;
  /** The date of the main source, as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD ('' if none). */
  sourceDate: string;
  /** When the record was last checked against its source, same form ('' unknown). */
  checked: string;
  /** An imported record: the id its file gave it, without the dataset prefix ('' when the file gave none). */
  ownId?: string;
  /** Facts about the name (a translation, a project's operator not named…), kept out of the name. */
  nameNote: string;
  address: string;
  /** The researched point, if any: for imprecise rows it is an anchor, not a site. */
  lngLat: [number, number] | null;
  precision: Precision;
  locationBasis: string;
  confidence: Confidence;
  confidenceNote: string;
  source: string;
}
