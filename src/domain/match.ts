import { distance } from '@turf/turf';
import { AREA_IDS } from '../data/areas';
import type { Charger } from '../data/chargers';
import type { MatchWeights } from '../data/match-weights';
import type { Area, AreaId, Bilingual, ChainModel, Enterprise, Segment, Stage } from '../data/types';
import type { ChainAnalysis } from './chain-analysis';
import type { LngLat, Placement } from './enterprise-positions';

export type MatchFactor = 'plan' | 'cluster' | 'suppliers' | 'customers' | 'gap' | 'charging';

/** One factor of an area's score, with a sentence a visitor can read. */
export interface MatchPart {
  factor: MatchFactor;
  points: number;
  explanation: Bilingual;
}

export type PartnerRole = 'peer' | 'supplier' | 'customer';

/**
 * A local firm that counts for an area: a peer of the same segment, a supplier or a customer, in the
 * area (by its recorded area) or within the distance of the area's anchor.
 */
export interface Partner {
  enterpriseKey: string;
  role: PartnerRole;
  /** The partner's segment that makes it count (its first matching one). */
  segment: string;
  /** The selected segment it relates to (for a peer, the same as `segment`). */
  relatedTo: string;
  /** Area recorded for the firm, if any. */
  area: AreaId | null;
  /** From the area's anchor to the firm's map position, km. */
  distanceKm: number;
  /** True when the position is a stand-in near an anchor, not the firm's site. */
  approximate: boolean;
}

/** A would-be partner with no map position: counted at no distance, listed so nobody is lost. */
export interface UnplacedPartner {
  enterpriseKey: string;
  role: PartnerRole;
  segment: string;
  relatedTo: string;
}

export interface AreaMatch {
  area: AreaId;
  name: Bilingual;
  /** 1-based position in the ranking. */
  rank: number;
  score: number;
  parts: MatchPart[];
  /** Selected segments the plan assigns to this area. */
  planAssigned: string[];
  /** Selected segments that are this area's gaps (assigned, no firm yet). */
  gapsFilled: string[];
  peers: Partner[];
  suppliers: Partner[];
  customers: Partner[];
  /** Operating charging or swap sites within the distance (hydrogen stations not counted). */
  chargingSites: number;
  /** True when every site counted (or, with none, every site considered) is illustrative. */
  chargingIllustrative: boolean;
  /** Where distances are measured from; null when the area has no anchor (no distance factor counts). */
  anchor: LngLat | null;
}

export interface MatchInput {
  /** Segment ids picked for the visiting firm (duplicates and unknown ids are tolerated). */
  segments: readonly string[];
  radiusKm: number;
  weights: MatchWeights;
  chain: ChainModel;
  enterprises: readonly Enterprise[];
  /** Parallel to `enterprises` (placeEnterprises). */
  placements: readonly Placement[];
  areas: readonly Area[];
  anchors: Partial<Record<AreaId, LngLat>>;
  analysis: Pick<ChainAnalysis, 'areaGaps'>;
  /** All sites: only operating, non-hydrogen sites with a point are counted. */
  chargers: readonly Charger[];
}

export interface MatchResult {
  /** Known selected segment ids, deduplicated, in selection order. */
  segments: string[];
  /** Selected ids not in the chain model: reported in `issues`, otherwise ignored. */
  unknownSegments: string[];
  /** The distance used (the weights' default when the input's was not a positive number). */
  radiusKm: number;
  /** Every area given, best first. */
  areas: AreaMatch[];
  /** Partners with no map position (no point and no area). */
  unplaced: UnplacedPartner[];
  issues: Bilingual[];
}

const STAGE_ORDER: Record<Stage, number> = { upstream: 0, midstream: 1, downstream: 2 };

/**
 * Suppliers and customers of the selected segments. chain.json holds no supply links, so they are
 * derived: within one chain, an earlier stage supplies a later one (upstream < midstream <
 * downstream). Selected segments are left out (their firms are peers). Chain-model order.
 */
export function relatedSegments(
  chain: ChainModel,
  selected: readonly string[],
): { suppliers: Segment[]; customers: Segment[] } {
  const sel = chain.segments.filter((s) => selected.includes(s.id));
  const rest = chain.segments.filter((s) => !selected.includes(s.id));
  const before = (a: Segment, b: Segment) =>
    a.chain === b.chain && STAGE_ORDER[a.stage] < STAGE_ORDER[b.stage];
  return {
    suppliers: rest.filter((s) => sel.some((x) => before(s, x))),
    customers: rest.filter((s) => sel.some((x) => before(x, s))),
  };
}

// ---- Wording ------------------------------------------------------------------------------------

const round2 = (n: number) => Math.round(n * 100) / 100;
const km = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Lower-cases "Battery boxes" mid-sentence, but leaves "OLED panels" alone. */
function midSentence(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function joinZh(items: readonly string[]): string {
  return items.join('、');
}

function joinEn(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

function areaNameEn(a: Area): string {
  // "the Linhuan Chemical Park", but "Suixi County".
  return a.kind === 'park' ? `the ${a.name.en}` : a.name.en;
}

/** Up to three firms by name with distance, then "and n more". */
function firmList(
  ps: readonly Partner[],
  byKey: ReadonlyMap<string, Enterprise>,
  segName: (id: string) => Bilingual,
  withSegment: boolean,
): Bilingual {
  const shown = ps.slice(0, 3);
  const more = ps.length - shown.length;
  const zh = shown.map((p) => {
    const e = byKey.get(p.enterpriseKey);
    const bits = [
      ...(withSegment ? [segName(p.segment).zh] : []),
      `${km(round2(p.distanceKm))} 公里`,
      ...(p.approximate ? ['位置为示意'] : []),
    ];
    return `${e?.name.zh ?? p.enterpriseKey}（${bits.join('，')}）`;
  });
  const en = shown.map((p) => {
    const e = byKey.get(p.enterpriseKey);
    const bits = [
      ...(withSegment ? [midSentence(segName(p.segment).en)] : []),
      `${km(round2(p.distanceKm))} km`,
      ...(p.approximate ? ['approximate position'] : []),
    ];
    return `${e?.name.en ?? p.enterpriseKey} (${bits.join(', ')})`;
  });
  return {
    zh: joinZh(zh) + (more > 0 ? ` 等，另有 ${more} 家` : ''),
    en: en.join('; ') + (more > 0 ? `; and ${more} more` : ''),
  };
}

const capNote = (raw: number, cap: number): Bilingual =>
  raw > cap ? { zh: `（按上限计 ${cap} 分）`, en: ` (capped at ${cap} points)` } : { zh: '', en: '' };

// ---- Ranking ------------------------------------------------------------------------------------

/**
 * Ranks the plan's areas for a visiting firm of the selected segment(s) and explains each score.
 * Pure. Factors and weights: see public/data/match-weights.json. Ties: more selected segments
 * assigned by the plan first, then the fixed area order (AREA_IDS).
 */
export function rankAreas(input: MatchInput): MatchResult {
  const { weights: w, chain, enterprises, placements, areas, anchors, analysis } = input;
  const issues: Bilingual[] = [];

  const segById = new Map(chain.segments.map((s) => [s.id, s]));
  const chainById = new Map(chain.chains.map((c) => [c.id, c]));
  const selected: string[] = [];
  const unknownSegments: string[] = [];
  for (const id of input.segments) {
    if (segById.has(id)) {
      if (!selected.includes(id)) selected.push(id);
    } else if (!unknownSegments.includes(id)) unknownSegments.push(id);
  }
  if (unknownSegments.length > 0) {
    issues.push({
      zh: `产业链模型中没有这些环节，已忽略：${joinZh(unknownSegments)}`,
      en: `not segments of the chain model, ignored: ${unknownSegments.join(', ')}`,
    });
  }
  if (selected.length === 0) {
    issues.push({
      zh: '没有选择已知的产业链环节：只有充电条件参与排序',
      en: 'no known chain segment selected: only charging access ranks the areas',
    });
  }

  let radiusKm = input.radiusKm;
  if (!(Number.isFinite(radiusKm) && radiusKm > 0)) {
    radiusKm = w.defaultRadiusKm;
    issues.push({
      zh: `距离 ${String(input.radiusKm)} 无效，改用 ${km(radiusKm)} 公里`,
      en: `distance ${String(input.radiusKm)} is not valid; ${km(radiusKm)} km used`,
    });
  }
  const r = km(radiusKm);

  const seg = (id: string) => segById.get(id) as Segment;
  const segName = (id: string): Bilingual => seg(id).name;
  const segsZh = (ids: readonly string[]) => joinZh(ids.map((id) => segName(id).zh));
  const segsEn = (ids: readonly string[]) => joinEn(ids.map((id) => midSentence(segName(id).en)));
  const areaById = new Map(areas.map((a) => [a.id, a]));
  const byKey = new Map(enterprises.map((e) => [e.key, e]));

  // Each firm gets one role: peer first, then supplier, then customer (no double counting).
  const { suppliers: supSegs, customers: cusSegs } = relatedSegments(chain, selected);
  const supIds = new Set(supSegs.map((s) => s.id));
  const cusIds = new Set(cusSegs.map((s) => s.id));
  const relatedSelected = (partnerSeg: string, role: PartnerRole): string => {
    if (role === 'peer') return partnerSeg;
    const p = seg(partnerSeg);
    const hit = selected.find((id) => {
      const s = seg(id);
      if (s.chain !== p.chain) return false;
      return role === 'supplier'
        ? STAGE_ORDER[p.stage] < STAGE_ORDER[s.stage]
        : STAGE_ORDER[p.stage] > STAGE_ORDER[s.stage];
    });
    return hit ?? partnerSeg;
  };

  interface Candidate {
    e: Enterprise;
    role: PartnerRole;
    segment: string;
    relatedTo: string;
    position: LngLat | null;
    approximate: boolean;
  }
  const candidates: Candidate[] = [];
  enterprises.forEach((e, i) => {
    const peerSeg = e.segments.find((s) => selected.includes(s));
    const supSeg = e.segments.find((s) => supIds.has(s));
    const cusSeg = e.segments.find((s) => cusIds.has(s));
    const [role, segment]: [PartnerRole, string] | [null, null] = peerSeg
      ? ['peer', peerSeg]
      : supSeg
        ? ['supplier', supSeg]
        : cusSeg
          ? ['customer', cusSeg]
          : [null, null];
    if (!role) return;
    const pl = placements[i];
    candidates.push({
      e,
      role,
      segment,
      relatedTo: relatedSelected(segment, role),
      position: pl?.position ?? null,
      approximate: pl?.approximate ?? true,
    });
  });
  const unplaced: UnplacedPartner[] = candidates
    .filter((c) => c.position === null)
    .map((c) => ({ enterpriseKey: c.e.key, role: c.role, segment: c.segment, relatedTo: c.relatedTo }));

  const unplacedNote = (role: PartnerRole): Bilingual => {
    const n = unplaced.filter((u) => u.role === role).length;
    return n > 0
      ? { zh: `；另有 ${n} 家位置不明，未计入`, en: `; ${n} more with no known location, not counted` }
      : { zh: '', en: '' };
  };

  const sites = input.chargers.filter(
    (c): c is Charger & { lngLat: LngLat } =>
      c.lngLat !== null && c.status === 'operating' && c.kind !== 'hydrogen',
  );

  const results = areas.map((area): Omit<AreaMatch, 'rank'> => {
    const anchor = anchors[area.id] ?? null;
    const nameEn = areaNameEn(area);
    const parts: MatchPart[] = [];

    // 1. Plan assignment, in proportion to the selected segments assigned here.
    const assigned = selected.filter((id) => seg(id).areas.includes(area.id));
    const notAssigned = selected.filter((id) => !assigned.includes(id));
    {
      const points = selected.length ? round2((w.planAssigned * assigned.length) / selected.length) : 0;
      const zh: string[] = [];
      const en: string[] = [];
      if (assigned.length) {
        zh.push(`规划将${segsZh(assigned)}布局在${area.name.zh}`);
        en.push(`The plan assigns ${segsEn(assigned)} to ${nameEn}`);
      }
      for (const id of notAssigned) {
        const elsewhere = seg(id)
          .areas.map((a) => areaById.get(a))
          .filter((a): a is Area => a !== undefined);
        if (elsewhere.length) {
          zh.push(
            `规划将${segName(id).zh}布局在${joinZh(elsewhere.map((a) => a.name.zh))}，不在${area.name.zh}`,
          );
          en.push(
            `The plan assigns ${midSentence(segName(id).en)} to ${joinEn(elsewhere.map(areaNameEn))}, not to ${nameEn}`,
          );
        } else {
          zh.push(`规划没有为${segName(id).zh}指定布局区域`);
          en.push(`The plan names no area for ${midSentence(segName(id).en)}`);
        }
      }
      if (!selected.length) {
        zh.push('没有选择环节');
        en.push('No segment selected');
      }
      parts.push({ factor: 'plan', points, explanation: { zh: zh.join('；'), en: en.join('. ') } });
    }

    // 2–4. Partners in the area (by their recorded area) or within the distance of its anchor: a
    // district's label point can be far from its own firms (Suixi's point is ~30 km from its county
    // seat), so distance alone would miss them. Nearest first, data order on equal distance.
    const where: Bilingual = {
      zh: `${area.name.zh}及其 ${r} 公里内`,
      en: `in or within ${r} km of ${nameEn}`,
    };
    const within = (role: PartnerRole): Partner[] => {
      if (!anchor) return [];
      const out: Partner[] = [];
      for (const c of candidates) {
        if (c.role !== role || !c.position) continue;
        const d = distance(anchor, c.position, { units: 'kilometers' });
        if (d > radiusKm && c.e.area !== area.id) continue;
        out.push({
          enterpriseKey: c.e.key,
          role,
          segment: c.segment,
          relatedTo: c.relatedTo,
          area: c.e.area,
          distanceKm: round2(d),
          approximate: c.approximate,
        });
      }
      return out.sort((a, b) => a.distanceKm - b.distanceKm);
    };
    const noAnchor: Bilingual = {
      zh: `${area.name.zh}没有可用的位置，无法计算距离`,
      en: `${area.name.en} has no usable location, so distances cannot be measured`,
    };
    const noSegment: Bilingual = { zh: '没有选择环节', en: 'No segment selected' };

    const peers = within('peer');
    {
      const raw = w.clusterPerFirm * peers.length;
      const points = round2(Math.min(w.clusterCap, raw));
      const u = unplacedNote('peer');
      let explanation: Bilingual;
      if (!anchor) explanation = noAnchor;
      else if (!selected.length) explanation = noSegment;
      else if (peers.length === 0) {
        explanation = {
          zh: `${where.zh}没有同环节企业${u.zh}`,
          en: `No firm in the same segment ${where.en}${u.en}`,
        };
      } else {
        const list = firmList(peers, byKey, segName, selected.length > 1);
        const inside = peers.filter((p) => p.area === area.id).length;
        const cap = capNote(raw, w.clusterCap);
        explanation = {
          zh:
            `${where.zh}有 ${peers.length} 家同环节企业：${list.zh}` +
            (inside ? `；其中 ${inside} 家已在${area.name.zh}` : '') +
            cap.zh +
            u.zh,
          en:
            `${peers.length} ${plural(peers.length, 'firm', 'firms')} in the same segment ${where.en}: ${list.en}` +
            (inside ? `; ${inside} already in ${nameEn}` : '') +
            cap.en +
            u.en,
        };
      }
      parts.push({ factor: 'cluster', points, explanation });
    }

    const side = (
      role: 'supplier' | 'customer',
      ps: Partner[],
      segs: Segment[],
      perFirm: number,
      cap: number,
    ): MatchPart => {
      const factor: MatchFactor = role === 'supplier' ? 'suppliers' : 'customers';
      const raw = perFirm * ps.length;
      const points = round2(Math.min(cap, raw));
      const up = role === 'supplier';
      const zhWord = up ? '上游供应商' : '下游客户';
      const enOne = up ? 'upstream supplier' : 'downstream customer';
      if (!anchor) return { factor, points, explanation: noAnchor };
      if (!selected.length) return { factor, points, explanation: noSegment };
      if (segs.length === 0) {
        // Say why there can be none: the chain model has no earlier (later) stage in these chains.
        const chains = [...new Set(selected.map((id) => seg(id).chain))].map(
          (c) => chainById.get(c)?.name ?? { zh: c, en: c },
        );
        const chainsZh = joinZh(chains.map((c) => c.zh));
        const chainsEn = joinEn(chains.map((c) => midSentence(c.en)));
        return {
          factor,
          points,
          explanation: {
            zh: `在产业链模型中，${chainsZh}链上没有排在${segsZh(selected)}${up ? '之前的上游' : '之后的下游'}环节`,
            en: `In the chain model, the ${chainsEn} chain has no stage ${up ? 'before' : 'after'} ${segsEn(selected)}, so no ${enOne} counts`,
          },
        };
      }
      const segIds = segs.map((s) => s.id);
      const u = unplacedNote(role);
      if (ps.length === 0) {
        return {
          factor,
          points,
          explanation: {
            zh: `${where.zh}没有${zhWord}（${up ? '上游' : '下游'}环节：${segsZh(segIds)}）${u.zh}`,
            en: `No ${enOne} ${where.en} (${up ? 'upstream' : 'downstream'} segments: ${segsEn(segIds)})${u.en}`,
          },
        };
      }
      const list = firmList(ps, byKey, segName, true);
      const c = capNote(raw, cap);
      return {
        factor,
        points,
        explanation: {
          zh: `${where.zh}有 ${ps.length} 家${zhWord}：${list.zh}${c.zh}${u.zh}`,
          en: `${ps.length} ${plural(ps.length, enOne, `${enOne}s`)} ${where.en}: ${list.en}${c.en}${u.en}`,
        },
      };
    };
    const suppliers = within('supplier');
    const customers = within('customer');
    parts.push(side('supplier', suppliers, supSegs, w.supplierPerFirm, w.supplierCap));
    parts.push(side('customer', customers, cusSegs, w.customerPerFirm, w.customerCap));

    // 5. Gaps the firm would fill, in proportion to the selected segments that are gaps here.
    const gaps = analysis.areaGaps[area.id]?.gaps ?? [];
    const gapsFilled = selected.filter((id) => gaps.includes(id));
    const present = assigned.filter((id) => !gapsFilled.includes(id));
    {
      const points = selected.length ? round2((w.fillsGap * gapsFilled.length) / selected.length) : 0;
      const zh: string[] = [];
      const en: string[] = [];
      if (gapsFilled.length) {
        zh.push(`规划把${segsZh(gapsFilled)}布局在${area.name.zh}，但这里还没有此类企业：可填补空白`);
        en.push(
          `The plan assigns ${segsEn(gapsFilled)} to ${nameEn} but no firm there makes them yet: the firm would fill a gap`,
        );
      }
      if (present.length) {
        zh.push(`${area.name.zh}已有${segsZh(present)}企业，不是空白`);
        en.push(
          `${nameEn.charAt(0).toUpperCase()}${nameEn.slice(1)} already has a firm in ${segsEn(present)}: no gap to fill`,
        );
      }
      if (notAssigned.length) {
        zh.push(`规划没有把${segsZh(notAssigned)}布局在${area.name.zh}，谈不上填补空白`);
        en.push(`The plan does not assign ${segsEn(notAssigned)} to ${nameEn}, so there is no gap to fill`);
      }
      if (!selected.length) {
        zh.push('没有选择环节');
        en.push('No segment selected');
      }
      parts.push({ factor: 'gap', points, explanation: { zh: zh.join('；'), en: en.join('. ') } });
    }

    // 6. Charging access: operating sites within the distance of the anchor.
    const counted = anchor
      ? sites.filter((c) => distance(anchor, c.lngLat, { units: 'kilometers' }) <= radiusKm)
      : [];
    const pool = counted.length > 0 ? counted : sites;
    const chargingIllustrative = pool.length > 0 && pool.every((c) => c.illustrative);
    {
      const raw = w.chargingPerSite * counted.length;
      const points = round2(Math.min(w.chargingCap, raw));
      let explanation: Bilingual;
      if (!anchor) explanation = noAnchor;
      else {
        const c = capNote(raw, w.chargingCap);
        const ill: Bilingual = chargingIllustrative
          ? counted.length > 0
            ? { zh: '（均为示意数据，并非真实站点）', en: ' (all illustrative data, not real sites)' }
            : { zh: '（依据示意数据）', en: ' (based on illustrative data)' }
          : counted.some((x) => x.illustrative)
            ? {
                zh: `（其中 ${counted.filter((x) => x.illustrative).length} 个为示意数据）`,
                en: ` (${counted.filter((x) => x.illustrative).length} of them illustrative)`,
              }
            : { zh: '', en: '' };
        explanation = {
          zh: `${r} 公里内有 ${counted.length} 个在运营的充换电站点${ill.zh}${c.zh}`,
          en: `${counted.length} operating charging or swap ${plural(counted.length, 'site', 'sites')} within ${r} km${ill.en}${c.en}`,
        };
      }
      parts.push({ factor: 'charging', points, explanation });
    }

    const score = round2(parts.reduce((s, p) => s + p.points, 0));
    return {
      area: area.id,
      name: area.name,
      score,
      parts,
      planAssigned: assigned,
      gapsFilled,
      peers,
      suppliers,
      customers,
      chargingSites: counted.length,
      chargingIllustrative,
      anchor,
    };
  });

  const order = (id: AreaId) => {
    const i = AREA_IDS.indexOf(id);
    return i < 0 ? AREA_IDS.length : i;
  };
  results.sort(
    (a, b) =>
      b.score - a.score || b.planAssigned.length - a.planAssigned.length || order(a.area) - order(b.area),
  );

  return {
    segments: selected,
    unknownSegments,
    radiusKm,
    areas: results.map((a, i) => ({ ...a, rank: i + 1 })),
    unplaced,
    issues,
  };
}
