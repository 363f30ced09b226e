import type { FeatureCollection, Geometry, MultiPolygon, Point, Polygon } from 'geojson';
import type { SupplyTable } from '../model';
import {
  CityPropsSchema,
  DistrictPropsSchema,
  LAYER_IDS,
  NeighbourPropsSchema,
  POINT_TYPES,
  POLYGON_TYPES,
  TownshipListSchema,
  TownshipPropsSchema,
  type TownshipUnit,
  TownshipUnitSchema,
  TransportPropsSchema,
  todayIso,
} from '../model';
import { type ContextPlaceProps, ContextPlacePropsSchema } from '../model/geo-context';
import { type TourStep, tourContextOf, validateTour } from '../tour/steps';
import { validateAreas } from './areas';
import { validateChainModel } from './chain';
import { type Charger, type NevCount, parseChargers, parseNevByDistrict } from './chargers';
import { parseEnterprises } from './enterprises';
import { type FeatureRules, parseJson, validateFeatureCollection } from './geojson';
import { type Goal, validateGoals } from './goals';
import { issueAt, parseAt } from './issues';
import { DEFAULT_LEDGER, type LedgerRules, validateLedger } from './ledger';
import { DEFAULT_MATCH_WEIGHTS, type MatchWeights, validateMatchWeights } from './match-weights';
import { validateSupply } from './supply';
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
  /** Stations, neighbouring cities, airports and the centre (issue 13): what the cards measure to. */
  places: FeatureCollection<Point, ContextPlaceProps>;
  chain: ChainModel;
  /** Which segment supplies which: the match's suppliers and customers. */
  supply: SupplyTable;
  areas: AreasFile;
  enterprises: Enterprise[];
  /** All township-level units (no geometry): the list 乡乡全覆盖 is checked against. */
  townshipUnits: TownshipUnit[];
  chargers: Charger[];
  nev: NevCount[];
  /** The guided tour's valid steps; skipped steps are in tourIssues, shown in the tour. */
  tour: TourStep[];
  tourIssues: DataIssue[];
  /** The plan's goals; problems per field are shown in the goals panel. */
  goals: Goal[];
  goalIssues: DataIssue[];
  /** goals.json as read (parsed JSON, every key kept; null when unreadable): what an export of the goals fills in. */
  goalsFile: unknown;
  matchWeights: MatchWeights;
  /** When a source counts as possibly out of date (data/ledger.json). */
  ledger: LedgerRules;
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
  places: 'geo/places-context.geojson',
  chain: 'data/chain.json',
  supply: 'data/supply.json',
  areas: 'data/areas.json',
  enterprises: 'data/enterprises.csv',
  townshipUnits: 'geo/townships_list.json',
  chargers: 'data/chargers.csv',
  nev: 'data/nev-by-district.csv',
  tour: 'data/tour.json',
  goals: 'data/goals.json',
  matchWeights: 'data/match-weights.json',
  ledger: 'data/ledger.json',
} as const;

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
    issues.push(issueAt({ file }, '', 'file.unreadable', { msg }));
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
 * `layers`: the layer ids a tour step may name (by default every layer there is).
 */
export async function loadBundled(
  fetchText: FetchText,
  options: {
    layers?: readonly string[];
    /**
     * A wait for a new task between the parts of the reading (the page's): read cold at start,
     * the files took the page some 100 ms in one task. Without it, all at once.
     */
    wait?: () => Promise<void>;
  } = {},
): Promise<BundledData> {
  const pause = options.wait ?? (() => Promise.resolve());
  const issues: DataIssue[] = [];
  const tourIssues: DataIssue[] = [];
  const goalIssues: DataIssue[] = [];
  const f = BUNDLED_FILES;
  const [
    city,
    districts,
    neighbours,
    townships,
    transport,
    chainJson,
    areasJson,
    enterprisesCsv,
    unitsJson,
    chargersCsv,
    nevCsv,
    tourJson,
    goalsJson,
    weightsJson,
    supplyJson,
    placesJson,
    ledgerJson,
  ] = await Promise.all([
    readJson(fetchText, f.city, issues),
    readJson(fetchText, f.districts, issues),
    readJson(fetchText, f.neighbours, issues),
    readJson(fetchText, f.townships, issues),
    readJson(fetchText, f.transport, issues),
    readJson(fetchText, f.chain, issues),
    readJson(fetchText, f.areas, issues),
    readText(fetchText, f.enterprises, issues),
    readJson(fetchText, f.townshipUnits, issues),
    readText(fetchText, f.chargers, issues),
    readText(fetchText, f.nev, issues),
    readJson(fetchText, f.tour, tourIssues),
    readJson(fetchText, f.goals, goalIssues),
    readJson(fetchText, f.matchWeights, issues),
    readJson(fetchText, f.supply, issues),
    readJson(fetchText, f.places, issues),
    readJson(fetchText, f.ledger, issues),
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
  // A bundled feature collection, checked against its geometry types and property schema.
  const collection = <G extends Geometry, P>(json: unknown, file: string, rules: FeatureRules<P>) =>
    take(json, file, (j, fl) => validateFeatureCollection<G, P>(j, fl, rules));
  const chain = take(chainJson, f.chain, validateChainModel);
  const segmentIds = new Set(chain.segments.map((s) => s.id));
  const supply =
    supplyJson === null
      ? { relations: [], sources: {} }
      : take(supplyJson, f.supply, (j, file) => validateSupply(j, file, segmentIds));
  const areas =
    areasJson === null ? { source: { zh: '', en: '' }, areas: [] } : take(areasJson, f.areas, validateAreas);
  await pause();
  let enterprises: Enterprise[] = [];
  if (enterprisesCsv !== null) {
    const r = parseEnterprises(enterprisesCsv, f.enterprises, { segmentIds });
    issues.push(...r.issues);
    enterprises = r.value;
  }
  await pause();
  const districtFc = collection<AreaPolygon, DistrictProps>(districts, f.districts, {
    geometry: POLYGON_TYPES,
    props: DistrictPropsSchema,
  });
  const townshipUnits = unitsJson === null ? [] : readTownshipUnits(unitsJson, f.townshipUnits, issues);
  // The plan's areas name the same adcodes: a broken boundary file should not make every charger's district "unknown".
  const districtCodes = new Set([
    ...districtFc.features.map((d) => d.properties.adcode),
    ...areas.areas.flatMap((a) => (a.adcode ? [a.adcode] : [])),
  ]);
  const townshipCodes = new Set(townshipUnits.map((u) => u.code));
  await pause();
  let chargers: Charger[] = [];
  if (chargersCsv !== null) {
    const r = parseChargers(chargersCsv, f.chargers, { districtCodes, townshipCodes, today: todayIso() });
    issues.push(...r.issues);
    chargers = r.value;
  }
  let nev: NevCount[] = [];
  if (nevCsv !== null) {
    const r = parseNevByDistrict(nevCsv, f.nev, districtCodes);
    issues.push(...r.issues);
    nev = r.value;
  }
  let matchWeights = DEFAULT_MATCH_WEIGHTS;
  if (weightsJson !== null) {
    const r = validateMatchWeights(weightsJson, f.matchWeights);
    issues.push(...r.issues);
    matchWeights = r.value;
  }
  let ledger = DEFAULT_LEDGER;
  if (ledgerJson !== null) {
    const r = validateLedger(ledgerJson, f.ledger);
    issues.push(...r.issues);
    ledger = r.value;
  }
  let goals: Goal[] = [];
  if (goalsJson !== null) {
    const r = validateGoals(goalsJson, f.goals);
    goalIssues.push(...r.issues);
    goals = r.value;
  }
  await pause();
  let tour: TourStep[] = [];
  if (tourJson !== null) {
    const layers = (options.layers ?? LAYER_IDS).map((id) => ({ id }));
    const r = validateTour(tourJson, f.tour, tourContextOf({ areas, chain, enterprises, chargers }, layers));
    tourIssues.push(...r.issues);
    tour = r.value;
  }
  await pause();
  const cityFc = collection<Polygon | MultiPolygon, Record<string, unknown>>(city, f.city, {
    geometry: POLYGON_TYPES,
    props: CityPropsSchema,
  });
  const neighbourFc = collection<AreaPolygon, NeighbourProps>(neighbours, f.neighbours, {
    geometry: POLYGON_TYPES,
    props: NeighbourPropsSchema,
  });
  await pause();
  const townshipFc = collection<Point, TownshipProps>(townships, f.townships, {
    geometry: POINT_TYPES,
    props: TownshipPropsSchema,
  });
  const transportFc = collection<Point, TransportProps>(transport, f.transport, {
    geometry: POINT_TYPES,
    props: TransportPropsSchema,
  });
  const placesFc = collection<Point, ContextPlaceProps>(placesJson, f.places, {
    geometry: POINT_TYPES,
    props: ContextPlacePropsSchema,
  });
  return {
    supply,
    tour,
    tourIssues,
    goals,
    goalIssues,
    goalsFile: goalsJson,
    matchWeights,
    ledger,
    townshipUnits,
    chargers,
    nev,
    city: cityFc,
    districts: districtFc,
    neighbours: neighbourFc,
    townships: townshipFc,
    transport: transportFc,
    places: placesFc,
    chain,
    areas,
    enterprises,
    issues,
  };
}

/** townships_list.json → units; an entry without a 9-digit code or a name is reported and left out. */
function readTownshipUnits(json: unknown, file: string, issues: DataIssue[]): TownshipUnit[] {
  const root = parseAt(TownshipListSchema.entries.root, json, { file }, issues);
  const list =
    root &&
    parseAt(TownshipListSchema.entries.townships, root.townships, { file, field: 'townships' }, issues);
  const out: TownshipUnit[] = [];
  for (const [row, raw] of (list ?? []).entries()) {
    const u = parseAt(TownshipUnitSchema, raw, { file, row }, issues);
    if (!u) continue;
    const { district_name_zh, ...rest } = u;
    out.push(district_name_zh ? { ...rest, district_name_zh } : rest);
  }
  return out;
}
