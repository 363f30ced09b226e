import type { BundledData } from '../data/load-bundled';
import type { AreaId, Enterprise, Lang, Segment } from '../data/types';
import {
  type Discrepancy,
  firmsElsewhere,
  type SegmentStatus,
  segmentsOfArea,
} from '../domain/chain-analysis';
import { colon, pick, t } from '../i18n/t';
import { STAGES } from '../model';
import { selectAnalysis, selectEnterpriseByKey } from '../state/selectors';

// What the area, segment and firm cards say, as plain facts and strings (no React): the cards
// draw them with their chips and buttons, the printed handout as text, so both say the same.

/** An area's name in the user's language (its id if the data lacks it). */
export function areaName(data: BundledData, lang: Lang, id: string): string {
  const a = data.areas.areas.find((x) => x.id === id);
  return a ? pick(lang, a.name) : id;
}

/** A segment's name in the user's language (its id if the data lacks it). */
export function segmentName(data: BundledData, lang: Lang, id: string): string {
  const s = data.chain.segments.find((x) => x.id === id);
  return s ? pick(lang, s.name) : id;
}

/** A firm's name as the cards show it: the English one in English when it has one, else the Chinese. */
export function firmName(lang: Lang, e: { name: { zh: string; en: string } }): string {
  return lang === 'en' && e.name.en ? e.name.en : e.name.zh || e.name.en;
}

/** Joins names as each language lists them: 甲、乙 / A, B. */
export function joinNames(lang: Lang, names: readonly string[]): string {
  return names.join(lang === 'zh' ? '、' : ', ');
}

/** "Firm X is in area A, but the plan places this segment in B": one sentence, the same everywhere. */
export function describeDiscrepancy(data: BundledData, lang: Lang, d: Discrepancy): string {
  const firm = selectEnterpriseByKey(data).get(d.enterpriseKey);
  return t(lang, 'segment.discrepancy', {
    firm: firm ? pick(lang, firm.name) : d.enterpriseKey,
    area: areaName(data, lang, d.area),
    assigned: joinNames(
      lang,
      d.assignedAreas.map((a) => areaName(data, lang, a)),
    ),
  });
}

/** One segment the plan assigns to an area, with what the data has: firms here, or a gap, and where the others are. */
export interface AreaSegmentRow {
  segment: Segment;
  /** Firms of the segment in this area. */
  here: number;
  /** The segment's other firms, by area (null: area unknown), in the areas' order. */
  elsewhere: { area: AreaId | null; firms: Enterprise[] }[];
}

/** The segments the plan assigns to the area, stage by stage (upstream first), as the area card lists them. */
export function areaSegmentRows(data: BundledData, area: AreaId): AreaSegmentRow[] {
  const analysis = selectAnalysis(data);
  const byKey = selectEnterpriseByKey(data);
  const segs = segmentsOfArea(data.chain, area);
  return STAGES.flatMap((stage) =>
    segs
      .filter((s) => s.stage === stage)
      .map((segment) => {
        const result = analysis.bySegment.get(segment.id);
        const elsewhere = result
          ? firmsElsewhere(result, (k) => byKey.get(k)?.area, area).map((g) => ({
              area: g.area,
              firms: g.keys.flatMap((k) => byKey.get(k) ?? []),
            }))
          : [];
        return { segment, here: result?.countByArea[area] ?? 0, elsewhere };
      }),
  );
}

/** "已有 2 家" or "缺口": the badge of an area's segment. */
export function presentOrGap(lang: Lang, here: number): string {
  return here > 0 ? t(lang, 'area.present', { n: here }) : t(lang, 'area.gap');
}

/** "本区 0 家；杜集区 1 家：色耐特": where a segment's firms are, seen from one area, all names given. */
export function segmentWhereText(lang: Lang, data: BundledData, row: AreaSegmentRow): string {
  const sep = lang === 'zh' ? '；' : '; ';
  return [
    t(lang, 'area.hereCount', { n: row.here }),
    ...row.elsewhere.map(
      (g) =>
        t(lang, g.area ? 'area.elsewhereCount' : 'area.unknownCount', {
          n: g.firms.length,
          area: g.area ? areaName(data, lang, g.area) : '',
        }) +
        colon(lang) +
        joinNames(
          lang,
          g.firms.map((f) => pick(lang, f.name)),
        ),
    ),
  ].join(sep);
}

/** A segment's standing in the data: its status and how many local firms it has. */
export interface SegmentFacts {
  segment: Segment;
  status: SegmentStatus;
  count: number;
  firms: Enterprise[];
  discrepancies: Discrepancy[];
}

export function segmentFacts(data: BundledData, id: string): SegmentFacts | null {
  const analysis = selectAnalysis(data);
  const r = analysis.bySegment.get(id);
  if (!r) return null;
  const byKey = selectEnterpriseByKey(data);
  return {
    segment: r.segment,
    status: r.status,
    count: r.count,
    firms: r.enterpriseKeys.flatMap((k) => byKey.get(k) ?? []),
    discrepancies: analysis.discrepancies.filter((d) => d.segment === id),
  };
}

/** "色耐特 · 杜集区": a firm in a segment's list, with its area or that the area is unknown. */
export function firmAreaText(lang: Lang, data: BundledData, e: Enterprise): string {
  return e.area ? areaName(data, lang, e.area) : t(lang, 'ent.areaUnknown');
}
