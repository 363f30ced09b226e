import type { BundledData } from '../data/load-bundled';
import type { Lang } from '../data/types';
import { explainPart, FACTOR_KEY, matchNamesOf } from '../i18n/match-explain';
import { colon, formatNumber, pick, planSectionLabel, t } from '../i18n/t';
import { selectAnalysis, selectChargerById, selectEnterpriseById, selectMatch } from '../state/selectors';
import type { AppState } from '../state/store';
import {
  areaName,
  areaSegmentRows,
  describeDiscrepancy,
  firmAreaText,
  joinNames,
  presentOrGap,
  segmentFacts,
  segmentWhereText,
} from './card-text';
import type { AboutBlock } from './handout-page';

export type AboutInput = Pick<AppState, 'lang' | 'data' | 'selection' | 'filters' | 'panel' | 'match'>;

/** "A（B）" in Chinese, "A (B)" in English. */
const withNote = (lang: Lang, a: string, b: string) => (lang === 'zh' ? `${a}（${b}）` : `${a} (${b})`);
const labelled = (lang: Lang, label: string, value: string) => `${label}${colon(lang)}${value}`;

function areaAbout(lang: Lang, data: BundledData, id: string): AboutBlock[] {
  const area = data.areas.areas.find((a) => a.id === id);
  if (!area) return [];
  const rows = areaSegmentRows(data, area.id);
  const discrepancies = selectAnalysis(data).discrepancies.filter((d) => d.area === area.id);
  return [
    {
      heading: t(lang, 'card.specialisation'),
      quote: pick(lang, area.specialisation),
      cite: `${pick(lang, data.areas.source)} ${planSectionLabel(lang, area.planSection)}`,
      lines: [pick(lang, area.role)],
    },
    {
      heading: t(lang, 'area.segmentsHere'),
      lines: rows.length
        ? rows.map((r) =>
            withNote(
              lang,
              `${t(lang, `stage.${r.segment.stage}`)} · ${pick(lang, r.segment.name)} · ${presentOrGap(lang, r.here)}`,
              segmentWhereText(lang, data, r),
            ),
          )
        : [t(lang, 'card.noSegments')],
    },
    ...(discrepancies.length
      ? [
          {
            heading: t(lang, 'area.discrepancies'),
            lines: discrepancies.map((d) => describeDiscrepancy(data, lang, d)),
          },
        ]
      : []),
  ];
}

function segmentAbout(lang: Lang, data: BundledData, id: string): AboutBlock[] {
  const f = segmentFacts(data, id);
  if (!f) return [];
  const seg = f.segment;
  return [
    {
      heading: t(lang, 'segment.plan'),
      quote: pick(lang, seg.plan),
      cite: planSectionLabel(lang, seg.planSection),
      lines: [
        `${t(lang, `status.${f.status}`)} · ${t(lang, 'segment.count', { n: f.count })}`,
        labelled(
          lang,
          t(lang, 'chain.assignedTo'),
          seg.areas.length
            ? joinNames(
                lang,
                seg.areas.map((a) => areaName(data, lang, a)),
              )
            : t(lang, 'chain.notAssigned'),
        ),
      ],
    },
    {
      heading: t(lang, 'segment.firms'),
      lines: f.firms.length
        ? f.firms.map((e) => `${pick(lang, e.name)} · ${firmAreaText(lang, data, e)}`)
        : [t(lang, 'segment.noFirms')],
    },
    ...(f.discrepancies.length
      ? [
          {
            heading: t(lang, 'area.discrepancies'),
            lines: f.discrepancies.map((d) => describeDiscrepancy(data, lang, d)),
          },
        ]
      : []),
  ];
}

function firmAbout(lang: Lang, data: BundledData, id: string): AboutBlock[] {
  const e = selectEnterpriseById(data).get(id);
  if (!e) return [];
  const segs = e.segments.map((s) => {
    const seg = data.chain.segments.find((x) => x.id === s);
    return seg ? pick(lang, seg.name) : s;
  });
  return [
    {
      heading: t(lang, 'ent.kind'),
      lines: [
        t(lang, `ent.status.${e.status}`),
        labelled(
          lang,
          t(lang, 'ent.products'),
          pick(lang, e.productLine) || t(lang, 'ent.productsNotStated'),
        ),
        labelled(lang, t(lang, 'ent.area'), firmAreaText(lang, data, e)),
        t(lang, `ent.where.${e.precision}`),
        labelled(
          lang,
          t(lang, 'ent.segments'),
          segs.length ? joinNames(lang, segs) : t(lang, 'ent.unclassified'),
        ),
      ],
    },
  ];
}

function chargerAbout(lang: Lang, data: BundledData, id: string): AboutBlock[] {
  const c = selectChargerById(data).get(id);
  if (!c) return [];
  return [
    {
      heading: t(lang, `kind.${c.kind}`),
      lines: [
        ...(c.illustrative ? [t(lang, 'charging.illustrative')] : []),
        labelled(lang, t(lang, 'chg.operator'), c.operator || '—'),
        labelled(lang, t(lang, 'chg.connectors'), c.connectors === null ? '—' : String(c.connectors)),
        labelled(
          lang,
          t(lang, 'chg.power'),
          c.powerKw === null ? '—' : `${formatNumber(lang, c.powerKw, 0)} kW`,
        ),
        labelled(lang, t(lang, 'chg.status'), t(lang, `status.${c.status}`)),
      ],
    },
  ];
}

/** Areas whose reasons the handout prints: the top ones of the ranking, as the panel opens them. */
const MATCH_AREAS = 3;

function matchAbout(lang: Lang, data: BundledData, match: NonNullable<AppState['match']>): AboutBlock[] {
  const result = selectMatch(data, match);
  const names = matchNamesOf(data);
  const segNames = joinNames(
    lang,
    result.segments.map((id) =>
      pick(lang, data.chain.segments.find((s) => s.id === id)?.name ?? { zh: id, en: id }),
    ),
  );
  return [
    { heading: t(lang, 'match.title'), lines: [segNames] },
    ...result.areas.slice(0, MATCH_AREAS).map((area) => ({
      heading: `${area.tied ? '=' : ''}${area.rank}. ${pick(lang, area.name)} · ${t(lang, 'match.score', {
        score: formatNumber(lang, area.score, 1),
      })}`,
      lines: [
        ...(area.gapsFilled.length
          ? [
              t(lang, 'match.fillsGap', {
                segments: joinNames(
                  lang,
                  area.gapsFilled.map((id) => pick(lang, names.segment(id) ?? { zh: id, en: id })),
                ),
              }),
            ]
          : []),
        ...area.parts.map((p) =>
          labelled(
            lang,
            withNote(
              lang,
              t(lang, FACTOR_KEY[p.factor]),
              t(lang, 'match.points', { points: formatNumber(lang, p.points, 2) }),
            ),
            explainPart(lang, p, { area, result, names }),
          ),
        ),
      ],
    })),
  ];
}

/**
 * What the view on screen is about, for its printed page: the selected area (the plan's wording,
 * its segments with their firms or gaps), segment (the plan's wording, its firms), firm or site;
 * else the segment the firms are filtered to; and, with the match panel open, the match's reasons.
 */
export function viewAbout(s: AboutInput): AboutBlock[] {
  const { lang, data, selection } = s;
  if (!data) return [];
  const out: AboutBlock[] = [];
  if (selection?.kind === 'area') out.push(...areaAbout(lang, data, selection.id));
  else if (selection?.kind === 'segment') out.push(...segmentAbout(lang, data, selection.id));
  else if (selection?.kind === 'enterprise') out.push(...firmAbout(lang, data, selection.id));
  else if (selection?.kind === 'charger') out.push(...chargerAbout(lang, data, selection.id));
  else if (s.filters.segment) out.push(...segmentAbout(lang, data, s.filters.segment));
  if (s.panel === 'match' && s.match) out.push(...matchAbout(lang, data, s.match));
  return out;
}
