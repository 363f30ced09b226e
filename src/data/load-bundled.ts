import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { validateAreas } from './areas';
import { validateChainModel } from './chain';
import { parseEnterprises } from './enterprises';
import { parseJson, validateFeatureCollection } from './geojson';
import type {
  AreaPolygon,
  AreasFile,
  ChainModel,
  DataIssue,
  DistrictProps,
  Enterprise,
  NeighbourProps,
  TownshipProps,
  TransportProps,
} from './types';

export interface BundledData {
  city: FeatureCollection<Polygon | MultiPolygon>;
  districts: FeatureCollection<AreaPolygon, DistrictProps>;
  neighbours: FeatureCollection<AreaPolygon, NeighbourProps>;
  townships: FeatureCollection<Point, TownshipProps>;
  transport: FeatureCollection<Point, TransportProps>;
  chain: ChainModel;
  areas: AreasFile;
  enterprises: Enterprise[];
  issues: DataIssue[];
}

/** Fetches one bundled file as text; throws with a readable message when it cannot. */
export type FetchText = (path: string) => Promise<string>;

export const BUNDLED_FILES = {
  city: 'geo/city.geojson',
  districts: 'geo/districts.geojson',
  neighbours: 'geo/neighbours.geojson',
  townships: 'geo/townships.geojson',
  transport: 'geo/transport.geojson',
  chain: 'data/chain.json',
  areas: 'data/areas.json',
  enterprises: 'data/enterprises.csv',
} as const;

const POLY: FeatureRulesGeometry = ['Polygon', 'MultiPolygon'];
type FeatureRulesGeometry = ('Polygon' | 'MultiPolygon' | 'Point')[];

/** Browser fetch relative to the page, so the site works under any sub-path. */
export function fetchRelative(baseUrl: string): FetchText {
  return async (path) => {
    const res = await fetch(`${baseUrl}${path}`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.text();
  };
}

async function readText(fetchText: FetchText, file: string, issues: DataIssue[]): Promise<string | null> {
  try {
    return await fetchText(file);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    issues.push({
      file,
      severity: 'error',
      reason: { zh: `无法读取文件（${msg}）`, en: `file could not be loaded (${msg})` },
    });
    return null;
  }
}

async function readJson(fetchText: FetchText, file: string, issues: DataIssue[]): Promise<unknown> {
  const text = await readText(fetchText, file, issues);
  if (text === null) return null;
  const parsed = parseJson(text, file);
  issues.push(...parsed.issues);
  return parsed.value;
}

/**
 * Loads every bundled file in parallel. Never throws: a missing or corrupt file leaves its
 * collection empty and adds an issue, so the app can draw what it has and say what it lacks.
 */
export async function loadBundled(fetchText: FetchText): Promise<BundledData> {
  const issues: DataIssue[] = [];
  const f = BUNDLED_FILES;
  const [city, districts, neighbours, townships, transport, chainJson, areasJson, enterprisesCsv] =
    await Promise.all([
      readJson(fetchText, f.city, issues),
      readJson(fetchText, f.districts, issues),
      readJson(fetchText, f.neighbours, issues),
      readJson(fetchText, f.townships, issues),
      readJson(fetchText, f.transport, issues),
      readJson(fetchText, f.chain, issues),
      readJson(fetchText, f.areas, issues),
      readText(fetchText, f.enterprises, issues),
    ]);
  const take = <T>(
    json: unknown,
    file: string,
    v: (j: unknown, file: string) => { value: T; issues: DataIssue[] },
  ) => {
    // A file that failed to load already has its issue; don't add a second "not a FeatureCollection".
    if (json === null) return v({ type: 'FeatureCollection', features: [] }, file).value;
    const r = v(json, file);
    issues.push(...r.issues);
    return r.value;
  };
  const chain = take(chainJson, f.chain, validateChainModel);
  const segmentIds = new Set(chain.segments.map((s) => s.id));
  const areas =
    areasJson === null ? { source: { zh: '', en: '' }, areas: [] } : take(areasJson, f.areas, validateAreas);
  let enterprises: Enterprise[] = [];
  if (enterprisesCsv !== null) {
    const r = parseEnterprises(enterprisesCsv, f.enterprises, { segmentIds });
    issues.push(...r.issues);
    enterprises = r.value;
  }
  return {
    city: take(city, f.city, (j, file) => validateFeatureCollection(j, file, { geometry: POLY, props: {} })),
    districts: take(districts, f.districts, (j, file) =>
      validateFeatureCollection<AreaPolygon, DistrictProps>(j, file, {
        geometry: POLY,
        props: {
          adcode: 'string',
          name_zh: 'string',
          name_en: 'string',
          label_lng: 'number',
          label_lat: 'number',
        },
      }),
    ),
    neighbours: take(neighbours, f.neighbours, (j, file) =>
      validateFeatureCollection<AreaPolygon, NeighbourProps>(j, file, {
        geometry: POLY,
        props: {
          name_zh: 'string',
          name_en: 'string',
          level: 'string',
          label_lng: 'number',
          label_lat: 'number',
        },
      }),
    ),
    townships: take(townships, f.townships, (j, file) =>
      validateFeatureCollection<Point, TownshipProps>(j, file, {
        geometry: ['Point'],
        props: { code: 'string', name_zh: 'string' },
      }),
    ),
    transport: take(transport, f.transport, (j, file) =>
      validateFeatureCollection<Point, TransportProps>(j, file, {
        geometry: ['Point'],
        props: { kind: 'string', name_zh: 'string|null' },
      }),
    ),
    chain,
    areas,
    enterprises,
    issues,
  };
}
