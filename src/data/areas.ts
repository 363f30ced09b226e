import { RecordReader } from './records';
import type { Area, AreaId, AreasFile, DataIssue, ParkFootprint, Validated } from './types';

export const AREA_IDS: readonly AreaId[] = ['suixi', 'xiangshan', 'lieshan', 'duji', 'hitech', 'linhuan'];

export function isAreaId(v: unknown): v is AreaId {
  return typeof v === 'string' && (AREA_IDS as readonly string[]).includes(v);
}

// Huaibei's bbox with a margin: a footprint centre outside it is a typo, not a park.
const BBOX = { west: 116.3, east: 117.1, south: 33.2, north: 34.3 };

function readFootprint(r: RecordReader, raw: unknown, row: number): ParkFootprint | null {
  const o = r.obj(raw);
  if (!o) {
    r.fail(row, 'footprints', '范围条目不是对象', 'footprint entry is not an object');
    return null;
  }
  const id = r.str(o, 'id', row);
  const name = r.bilingual(o, 'name', row);
  const areaKm2 = r.num(o, 'areaKm2', row);
  const areaBasis = r.bilingual(o, 'areaBasis', row);
  const locationBasis = r.bilingual(o, 'locationBasis', row);
  const source = r.str(o, 'source', row);
  const c = o.center;
  let center: [number, number] | null = null;
  if (Array.isArray(c) && c.length === 2 && c.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    const [lng, lat] = c as [number, number];
    if (lng >= BBOX.west && lng <= BBOX.east && lat >= BBOX.south && lat <= BBOX.north) center = [lng, lat];
    else
      r.fail(
        row,
        'center',
        `中心点 [${lng}, ${lat}] 不在淮北附近`,
        `centre [${lng}, ${lat}] is not near Huaibei`,
      );
  } else {
    r.fail(row, 'center', '中心点应为 [经度, 纬度]', 'centre must be [lng, lat]');
  }
  if (areaKm2 !== null && areaKm2 <= 0) {
    r.fail(row, 'areaKm2', '面积必须大于 0', 'area must be greater than 0');
    return null;
  }
  if (!id || !name || areaKm2 === null || !areaBasis || !locationBasis || !source || !center) return null;
  return { id, name, center, areaKm2, areaBasis, locationBasis, source };
}

/** areas.json → the six plan areas (their chain segments live in chain.json, with the segments). */
export function validateAreas(json: unknown, file: string): Validated<AreasFile> {
  const issues: DataIssue[] = [];
  const r = new RecordReader(file, issues);
  const root = r.obj(json);
  const out: AreasFile = { source: { zh: '', en: '' }, areas: [] };
  if (!root) {
    r.fail(undefined, '(root)', '文件不是 JSON 对象', 'file is not a JSON object');
    return { value: out, issues };
  }
  out.source = r.bilingual(root, 'source') ?? out.source;
  const seen = new Set<string>();
  for (const [i, raw] of (r.array(root, 'areas') ?? []).entries()) {
    const o = r.obj(raw);
    if (!o) {
      r.fail(i, 'areas', '条目不是对象', 'entry is not an object');
      continue;
    }
    const id = o.id;
    if (!isAreaId(id)) {
      r.fail(i, 'id', `未知区域 id：${String(id)}`, `unknown area id: ${String(id)}`);
      continue;
    }
    if (seen.has(id)) {
      r.fail(i, 'id', `重复的区域 id：${id}`, `duplicate area id: ${id}`);
      continue;
    }
    const kind = o.kind;
    if (kind !== 'district' && kind !== 'park') {
      r.fail(i, 'kind', '类型应为 district 或 park', 'kind must be "district" or "park"');
      continue;
    }
    const name = r.bilingual(o, 'name', i);
    const role = r.bilingual(o, 'role', i);
    const specialisation = r.bilingual(o, 'specialisation', i);
    const planSection = r.str(o, 'planSection', i);
    let adcode: string | undefined;
    const footprints: ParkFootprint[] = [];
    if (kind === 'district') {
      adcode = r.str(o, 'adcode', i) ?? undefined;
      if (!adcode) continue;
    } else {
      for (const f of r.array(o, 'footprints', i) ?? []) {
        const fp = readFootprint(r, f, i);
        if (fp) footprints.push(fp);
      }
      if (footprints.length === 0) {
        r.fail(i, 'footprints', '园区没有可用的示意范围', 'park has no usable footprint');
        continue;
      }
    }
    if (!name || !role || !specialisation || !planSection) continue;
    seen.add(id);
    const area: Area = { id, kind, name, role, specialisation, planSection, footprints };
    if (adcode) area.adcode = adcode;
    out.areas.push(area);
  }
  for (const id of AREA_IDS) {
    if (!seen.has(id)) r.fail(undefined, 'areas', `缺少区域：${id}`, `missing area: ${id}`);
  }
  return { value: out, issues };
}
