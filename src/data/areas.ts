import type * as v from 'valibot';
import {
  AREA_IDS,
  type Area,
  AreaEntrySchema,
  type AreaId,
  type AreasFile,
  AreasRootSchema,
  HUAIBEI_NEAR,
  inBox,
  isAreaId,
  type ParkFootprint,
  ParkFootprintSchema,
} from '../model';
import { type At, issueAt, parseAt } from './issues';
import { readFileDates } from './ledger';
import type { DataIssue, Validated } from './types';

export { AREA_IDS, isAreaId } from '../model';

/** A footprint centre outside the city (with its margin) is a typo, not a park. */
export function centreNearHuaibei(fp: ParkFootprint, at: At): DataIssue | null {
  const [lng, lat] = fp.center;
  return inBox(HUAIBEI_NEAR, lng, lat) ? null : issueAt(at, 'center', 'geo.outsideHuaibei', { lng, lat });
}

/** A district is drawn from its boundary, found by adcode. */
function districtHasAdcode(a: v.InferOutput<typeof AreaEntrySchema>, at: At): DataIssue | null {
  return a.kind === 'district' && !a.adcode ? issueAt(at, 'adcode', 'json.missing') : null;
}

/** The plan names all six areas; a missing one is said, not silently absent from the map. */
export function missingAreas(areas: readonly Area[], file: string): DataIssue[] {
  const have = new Set(areas.map((a) => a.id));
  return AREA_IDS.filter((id) => !have.has(id)).map((id) =>
    issueAt({ file }, 'areas', 'area.missing', { id }),
  );
}

function readArea(raw: unknown, at: At, seen: Set<string>, issues: DataIssue[]): Area | null {
  const a = parseAt(AreaEntrySchema, raw, at, issues);
  if (!a) return null;
  if (seen.has(a.id)) {
    issues.push(issueAt(at, 'id', 'dup.id', { id: a.id }));
    return null;
  }
  const noAdcode = districtHasAdcode(a, at);
  if (noAdcode) {
    issues.push(noAdcode);
    return null;
  }
  const footprints: ParkFootprint[] = [];
  if (a.kind === 'park') {
    for (const f of a.footprints) {
      const fp = parseAt(ParkFootprintSchema, f, at, issues);
      const outside = fp && centreNearHuaibei(fp, at);
      if (outside) issues.push(outside);
      else if (fp) footprints.push(fp);
    }
    if (footprints.length === 0) {
      issues.push(issueAt(at, 'footprints', 'area.noFootprint'));
      return null;
    }
  }
  seen.add(a.id);
  // An unknown neighbour costs that neighbour, not the area.
  for (const n of a.neighbours)
    if (!isAreaId(n) || n === a.id)
      issues.push(issueAt(at, 'neighbours', 'ref.unknownArea', { id: String(n) }));
  const neighbours = a.neighbours.filter((n): n is AreaId => isAreaId(n) && n !== a.id);
  const { adcode, ...rest } = a;
  return { ...rest, ...(a.kind === 'district' ? { adcode } : {}), footprints, neighbours };
}

/** areas.json → the six plan areas (their chain segments live in chain.json, with the segments). */
export function validateAreas(json: unknown, file: string): Validated<AreasFile> {
  const out: AreasFile = { source: { zh: '', en: '' }, areas: [] };
  const issues: DataIssue[] = [];
  const root = parseAt(AreasRootSchema.entries.root, json, { file }, issues);
  if (!root) return { value: out, issues };
  // Each part on its own: a file without its source line still has its areas.
  out.source =
    parseAt(AreasRootSchema.entries.source, root.source, { file, field: 'source' }, issues) ?? out.source;
  Object.assign(out, readFileDates(root, file, issues));
  const list = parseAt(AreasRootSchema.entries.areas, root.areas, { file, field: 'areas' }, issues) ?? [];
  const seen = new Set<string>();
  for (const [row, raw] of list.entries()) {
    const area = readArea(raw, { file, row }, seen, issues);
    if (area) out.areas.push(area);
  }
  issues.push(...missingAreas(out.areas, file));
  return { value: out, issues };
}
