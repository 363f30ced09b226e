import { distance } from '@turf/turf';
import { AREA_IDS } from '../data/areas';
import type { Charger } from '../data/chargers';
import type { MatchWeights } from '../data/match-weights';
import type { Area, AreaId, Bilingual, ChainModel, Enterprise, Segment } from '../data/types';
import type { SupplyRelation } from '../model';
import type { ChainAnalysis } from './chain-analysis';
import type { LngLat, Placement } from './enterprise-positions';

export type MatchFactor = 'plan' | 'cluster' | 'suppliers' | 'customers' | 'gap' | 'charging';

interface FactorBase<F extends MatchFactor> {
  factor: F;
  points: number;
  /** The most the factor can give (its cap, or its full weight). */
  max: number;
}

/** The plan's assignment of the selected segments, here and elsewhere. */
export interface PlanPart extends FactorBase<'plan'> {
  reason: 'noSegment' | 'scored';
  /** Selected segments the plan assigns to this area. */
  assigned: string[];
  /** The other selected segments, each with the areas the plan assigns it to (maybe none). */
  notAssigned: { segment: string; areas: AreaId[] }[];
}

/** Firms counted in one role (peers for `cluster`), nearest first: the same as the area's partner list. */
export interface PartnersPart extends FactorBase<'cluster' | 'suppliers' | 'customers'> {
  /**
   * noAnchor: the area has no anchor on the map; noSegment: nothing selected; noRelation (suppliers
   * and customers only): the supply table names no supplier (customer) segment; none: no firm found; found.
   */
  reason: 'noAnchor' | 'noSegment' | 'noRelation' | 'none' | 'found';
  count: number;
  /** Of them, firms known only to a neighbouring area (counted at the neighbour share, no distance). */
  neighbours: number;
  /** Enterprise keys of the firms counted. */
  ids: string[];
  /** Of them, firms recorded in the area. */
  inArea: number;
  capped: boolean;
  /** Firms of this role with no map position, not counted (the same for every area). */
  unplacedCount: number;
  /** The segments a firm of this role makes (the selected ones for peers). */
  segments: string[];
}

/** Gaps the firm would fill: selected segments assigned here with no firm here yet. */
export interface GapPart extends FactorBase<'gap'> {
  reason: 'noSegment' | 'scored';
  filled: string[];
  /** Assigned here and made here already: no gap. */
  present: string[];
  /** Not assigned here: no gap to speak of. */
  notAssigned: string[];
}

/** Operating charging and swap sites within the distance. */
export interface ChargingPart extends FactorBase<'charging'> {
  reason: 'noAnchor' | 'counted';
  /** Illustrative sites within the distance left out of the score (the default: they are not real). */
  excluded: number;
  count: number;
  /** Charger keys of the sites counted. */
  ids: string[];
  capped: boolean;
  /** all: every counted site is illustrative; basis: none counted, and every site is; some; none. */
  illustrative: 'all' | 'basis' | 'some' | 'none';
  illustrativeCount: number;
}

/** One factor of an area's score, as facts: the wording is the UI's (i18n/match-explain.ts). */
export type MatchPart = PlanPart | PartnersPart | GapPart | ChargingPart;

/** Something about the input the ranking had to work around. */
export type MatchIssue =
  | { code: 'unknownSegments'; ids: string[] }
  | { code: 'noSegment' }
  | { code: 'badRadius'; given: number; used: number };

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
  /**
   * inArea: recorded in the area; near: its site is known and within the distance; neighbour:
   * known only to a neighbouring area.
   */
  where: 'inArea' | 'near' | 'neighbour';
  /** From the area's anchor to the firm's site, km: only when the site is known, never for a stand-in. */
  distanceKm: number | null;
  /** True when the firm's map position is a stand-in near an anchor, not its site. */
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
  /** 1-based position in the ranking; equal scores share a rank. */
  rank: number;
  /** Another area has the same score: the order between them is the plan's, not the score's. */
  tied: boolean;
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
  /** Which segment supplies which (supply.json). */
  supply: readonly SupplyRelation[];
  /** The areas to rank, each with the areas it touches (areas.json `neighbours`). */
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
  /** The share of a firm's points that a firm known only to a neighbouring area gets. */
  neighbourShare: number;
  /** Every area given, best first. */
  areas: AreaMatch[];
  /** Partners with no map position (no point and no area). */
  unplaced: UnplacedPartner[];
  issues: MatchIssue[];
}

/**
 * Suppliers and customers of the selected segments, from the supply table: a supplier segment's
 * output is a direct input of a selected one, a customer segment takes a selected one's output.
 * Selected segments are left out (their firms are peers). Chain-model order.
 */
export function relatedSegments(
  chain: ChainModel,
  selected: readonly string[],
  supply: readonly SupplyRelation[],
): { suppliers: Segment[]; customers: Segment[] } {
  const rest = chain.segments.filter((s) => !selected.includes(s.id));
  const supplies = (from: string, to: string) => supply.some((r) => r.from === from && r.to === to);
  return {
    suppliers: rest.filter((s) => selected.some((x) => supplies(s.id, x))),
    customers: rest.filter((s) => selected.some((x) => supplies(x, s.id))),
  };
}

// ---- Ranking ------------------------------------------------------------------------------------

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A firm that counts in some role, before any area is looked at. */
interface Candidate {
  e: Enterprise;
  role: PartnerRole;
  segment: string;
  relatedTo: string;
  position: LngLat | null;
  approximate: boolean;
}

type Site = Charger & { lngLat: LngLat };

/** What every area's factors share: the resolved choice and the firms and sites that may count. */
interface Context {
  w: MatchWeights;
  selected: string[];
  radiusKm: number;
  seg: (id: string) => Segment;
  supSegs: Segment[];
  cusSegs: Segment[];
  supply: readonly SupplyRelation[];
  neighbours: Partial<Record<AreaId, readonly AreaId[]>>;
  candidates: Candidate[];
  unplaced: UnplacedPartner[];
  sites: Site[];
  areaIds: Set<AreaId>;
}

/** Known ids, deduplicated, in selection order, and the unknown ones. */
function resolveSegments(chain: ChainModel, ids: readonly string[]) {
  const known = new Set(chain.segments.map((s) => s.id));
  const selected: string[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const list = known.has(id) ? selected : unknown;
    if (!list.includes(id)) list.push(id);
  }
  return { selected, unknown };
}

/** The selected segment a supplier (customer) segment relates to: the first it supplies (takes from). */
function relatedSelected(ctx: Pick<Context, 'selected' | 'supply'>, partnerSeg: string, role: PartnerRole) {
  if (role === 'peer') return partnerSeg;
  const hit = ctx.selected.find((id) =>
    ctx.supply.some((r) =>
      role === 'supplier' ? r.from === partnerSeg && r.to === id : r.from === id && r.to === partnerSeg,
    ),
  );
  return hit ?? partnerSeg;
}

/** Each firm gets one role: peer first, then supplier, then customer (no double counting). */
function findCandidates(
  ctx: Pick<Context, 'selected' | 'supply' | 'supSegs' | 'cusSegs'>,
  enterprises: readonly Enterprise[],
  placements: readonly Placement[],
): Candidate[] {
  const supIds = new Set(ctx.supSegs.map((s) => s.id));
  const cusIds = new Set(ctx.cusSegs.map((s) => s.id));
  const out: Candidate[] = [];
  enterprises.forEach((e, i) => {
    const peerSeg = e.segments.find((s) => ctx.selected.includes(s));
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
    out.push({
      e,
      role,
      segment,
      relatedTo: relatedSelected(ctx, segment, role),
      position: pl?.position ?? null,
      approximate: pl?.approximate ?? true,
    });
  });
  return out;
}

/**
 * Partners for an area: firms recorded in it; firms whose site is known and lies within the
 * distance of its anchor (with that distance); and firms known only to a neighbouring area, with no
 * distance, since their map position is a stand-in. A district's label point can be far from its
 * own firms (Suixi's is ~30 km from its county seat), so the recorded area always counts.
 * Recorded here first, then by distance, then neighbours; data order otherwise.
 */
function partnersOf(ctx: Context, role: PartnerRole, area: AreaId, anchor: LngLat | null): Partner[] {
  if (!anchor) return [];
  const near = ctx.neighbours[area] ?? [];
  const out: Partner[] = [];
  for (const c of ctx.candidates) {
    if (c.role !== role || !c.position) continue;
    const d = c.approximate ? null : round2(distance(anchor, c.position, { units: 'kilometers' }));
    const where: Partner['where'] | null =
      c.e.area === area
        ? 'inArea'
        : d !== null && d <= ctx.radiusKm
          ? 'near'
          : d === null && c.e.area && near.includes(c.e.area)
            ? 'neighbour'
            : null;
    if (!where) continue;
    out.push({
      enterpriseKey: c.e.key,
      role,
      segment: c.segment,
      relatedTo: c.relatedTo,
      area: c.e.area,
      where,
      distanceKm: d,
      approximate: c.approximate,
    });
  }
  const order = { inArea: 0, near: 1, neighbour: 2 };
  return out.sort((a, b) => order[a.where] - order[b.where] || (a.distanceKm ?? 0) - (b.distanceKm ?? 0));
}

/** 1. Plan assignment, in proportion to the selected segments assigned here. */
function planFactor(ctx: Context, assigned: string[]): PlanPart {
  const { w, selected } = ctx;
  return {
    factor: 'plan',
    points: selected.length ? round2((w.planAssigned * assigned.length) / selected.length) : 0,
    max: w.planAssigned,
    reason: selected.length ? 'scored' : 'noSegment',
    assigned,
    notAssigned: selected
      .filter((id) => !assigned.includes(id))
      .map((id) => ({ segment: id, areas: ctx.seg(id).areas.filter((a) => ctx.areaIds.has(a)) })),
  };
}

/** 2–4. Firms of one role, a fixed number of points each up to a cap. */
function partnersFactor(
  ctx: Context,
  role: PartnerRole,
  ps: Partner[],
  area: AreaId,
  anchor: LngLat | null,
): PartnersPart {
  const { w, selected } = ctx;
  const [factor, perFirm, cap, segs] =
    role === 'peer'
      ? (['cluster', w.clusterPerFirm, w.clusterCap, null] as const)
      : role === 'supplier'
        ? (['suppliers', w.supplierPerFirm, w.supplierCap, ctx.supSegs] as const)
        : (['customers', w.customerPerFirm, w.customerCap, ctx.cusSegs] as const);
  // Firms next door count at a share of the points, and of the cap: fourteen aluminium firms in the
  // neighbouring county must not give an area as much as fourteen of its own.
  const neighbours = ps.filter((p) => p.where === 'neighbour').length;
  const nearPoints = perFirm * (ps.length - neighbours);
  const nextDoor = Math.min(w.neighbourShare * cap, w.neighbourShare * perFirm * neighbours);
  const raw = nearPoints + nextDoor;
  const reason: PartnersPart['reason'] = !anchor
    ? 'noAnchor'
    : !selected.length
      ? 'noSegment'
      : segs?.length === 0
        ? 'noRelation'
        : ps.length === 0
          ? 'none'
          : 'found';
  return {
    factor,
    points: round2(Math.min(cap, raw)),
    max: cap,
    reason,
    count: ps.length,
    neighbours,
    ids: ps.map((p) => p.enterpriseKey),
    inArea: ps.filter((p) => p.area === area).length,
    capped: raw > cap,
    unplacedCount: ctx.unplaced.filter((u) => u.role === role).length,
    segments: segs ? segs.map((s) => s.id) : [...selected],
  };
}

/** 5. Gaps the firm would fill, in proportion to the selected segments that are gaps here. */
function gapFactor(ctx: Context, assigned: string[], gaps: readonly string[]): GapPart {
  const { w, selected } = ctx;
  const filled = selected.filter((id) => gaps.includes(id));
  return {
    factor: 'gap',
    points: selected.length ? round2((w.fillsGap * filled.length) / selected.length) : 0,
    max: w.fillsGap,
    reason: selected.length ? 'scored' : 'noSegment',
    filled,
    present: assigned.filter((id) => !filled.includes(id)),
    notAssigned: selected.filter((id) => !assigned.includes(id)),
  };
}

/** 6. Charging access: operating sites within the distance of the anchor. */
function chargingFactor(ctx: Context, anchor: LngLat | null): ChargingPart {
  const { w, sites, radiusKm } = ctx;
  const within = anchor
    ? sites.filter((c) => distance(anchor, c.lngLat, { units: 'kilometers' }) <= radiusKm)
    : [];
  // Made-up sites are no evidence: by default they are named, and left out of the score.
  const counted = w.countIllustrative ? within : within.filter((c) => !c.illustrative);
  const excluded = within.length - counted.length;
  // With none counted, say whether the data looked at was illustrative at all.
  const pool = counted.length > 0 ? counted : w.countIllustrative ? sites : [];
  const allIllustrative = pool.length > 0 && pool.every((c) => c.illustrative);
  const illustrativeCount = counted.filter((c) => c.illustrative).length;
  const raw = w.chargingPerSite * counted.length;
  return {
    factor: 'charging',
    points: round2(Math.min(w.chargingCap, raw)),
    max: w.chargingCap,
    reason: anchor ? 'counted' : 'noAnchor',
    excluded,
    count: counted.length,
    ids: counted.map((c) => c.key),
    capped: raw > w.chargingCap,
    illustrative: allIllustrative
      ? counted.length > 0
        ? 'all'
        : 'basis'
      : illustrativeCount > 0
        ? 'some'
        : 'none',
    illustrativeCount,
  };
}

/** One area's six factors and its partners. */
function matchArea(ctx: Context, area: Area, anchor: LngLat | null, gaps: readonly string[]): Scored {
  const assigned = ctx.selected.filter((id) => ctx.seg(id).areas.includes(area.id));
  const peers = partnersOf(ctx, 'peer', area.id, anchor);
  const suppliers = partnersOf(ctx, 'supplier', area.id, anchor);
  const customers = partnersOf(ctx, 'customer', area.id, anchor);
  const gap = gapFactor(ctx, assigned, gaps);
  const charging = chargingFactor(ctx, anchor);
  const parts: MatchPart[] = [
    planFactor(ctx, assigned),
    partnersFactor(ctx, 'peer', peers, area.id, anchor),
    partnersFactor(ctx, 'supplier', suppliers, area.id, anchor),
    partnersFactor(ctx, 'customer', customers, area.id, anchor),
    gap,
    charging,
  ];
  return {
    area: area.id,
    name: area.name,
    score: round2(parts.reduce((s, p) => s + p.points, 0)),
    parts,
    planAssigned: assigned,
    gapsFilled: gap.filled,
    peers,
    suppliers,
    customers,
    chargingSites: charging.count,
    chargingIllustrative: charging.illustrative === 'all' || charging.illustrative === 'basis',
    anchor,
  };
}

type Scored = Omit<AreaMatch, 'rank' | 'tied'>;

/**
 * Best first. Equal scores: the area the plan assigns more of the selected segments to, then the
 * one it assigns more of their suppliers' and customers' segments to (a separator maker ranks the
 * battery districts first), then the fixed area order.
 */
function byRank(ctx: Pick<Context, 'supSegs' | 'cusSegs'>) {
  const partnerSegs = [...ctx.supSegs, ...ctx.cusSegs];
  const relatedCount = new Map(
    AREA_IDS.map((id) => [id, partnerSegs.filter((s) => s.areas.includes(id)).length]),
  );
  const related = (id: AreaId) => relatedCount.get(id) ?? 0;
  const order = (id: AreaId) => {
    const i = AREA_IDS.indexOf(id);
    return i < 0 ? AREA_IDS.length : i;
  };
  return (a: Scored, b: Scored) =>
    b.score - a.score ||
    b.planAssigned.length - a.planAssigned.length ||
    related(b.area) - related(a.area) ||
    order(a.area) - order(b.area);
}

/**
 * Ranks the plan's areas for a visiting firm of the selected segment(s) and gives the facts behind
 * each score. Pure. Factors and weights: see public/data/match-weights.json. Ties: more selected
 * segments assigned by the plan first, then the fixed area order (AREA_IDS).
 */
export function rankAreas(input: MatchInput): MatchResult {
  const { weights: w, chain } = input;
  const issues: MatchIssue[] = [];

  const { selected, unknown: unknownSegments } = resolveSegments(chain, input.segments);
  if (unknownSegments.length > 0) issues.push({ code: 'unknownSegments', ids: unknownSegments });
  if (selected.length === 0) issues.push({ code: 'noSegment' });

  let radiusKm = input.radiusKm;
  if (!(Number.isFinite(radiusKm) && radiusKm > 0)) {
    radiusKm = w.defaultRadiusKm;
    issues.push({ code: 'badRadius', given: input.radiusKm, used: radiusKm });
  }

  const segById = new Map(chain.segments.map((s) => [s.id, s]));
  const seg = (id: string) => segById.get(id) as Segment;
  const { suppliers: supSegs, customers: cusSegs } = relatedSegments(chain, selected, input.supply);
  const base = { selected, seg, supSegs, cusSegs, supply: input.supply };
  const candidates = findCandidates(base, input.enterprises, input.placements);
  const ctx: Context = {
    ...base,
    neighbours: Object.fromEntries(input.areas.map((a) => [a.id, a.neighbours])),
    w,
    radiusKm,
    candidates,
    unplaced: candidates
      .filter((c) => c.position === null)
      .map((c) => ({ enterpriseKey: c.e.key, role: c.role, segment: c.segment, relatedTo: c.relatedTo })),
    sites: input.chargers.filter(
      (c): c is Site => c.lngLat !== null && c.status === 'operating' && c.kind !== 'hydrogen',
    ),
    areaIds: new Set(input.areas.map((a) => a.id)),
  };

  const results = input.areas
    .map((area) =>
      matchArea(ctx, area, input.anchors[area.id] ?? null, input.analysis.areaGaps[area.id]?.gaps ?? []),
    )
    .sort(byRank(ctx));

  return {
    segments: selected,
    unknownSegments,
    radiusKm,
    neighbourShare: w.neighbourShare,
    areas: results.map((a) => {
      // Equal scores share the rank of the first of them (1, 1, 3…), and say they are tied.
      const first = results.findIndex((x) => x.score === a.score);
      const tied = results.some((x) => x !== a && x.score === a.score);
      return { ...a, rank: first + 1, tied };
    }),
    unplaced: ctx.unplaced,
    issues,
  };
}
