import type { BundledData } from '../data/load-bundled';
import type { Lang } from '../data/types';
import type { Target } from '../domain/chain-analysis';
import { joinList } from '../i18n/join-list';
import { colon, type MessageKey, pick, planSectionLabel, t } from '../i18n/t';
import type { TargetFilter } from '../model';

export type ListData = Pick<BundledData, 'chain' | 'areas'>;

/** One line of the target list as text in the user's language: what the CSV and the printed handout show. */
export interface TargetLine {
  id: string;
  segment: string;
  chain: string;
  stage: string;
  status: string;
  firms: number;
  /** The areas the plan assigns, or the sentence that it assigns none. */
  areas: string;
  section: string;
  quote: string;
}

/** The CSV's columns, in order, with the keys of their headers. */
export const TARGET_COLUMNS = [
  ['segment', 'targets.col.segment'],
  ['chain', 'targets.col.chain'],
  ['stage', 'targets.col.stage'],
  ['status', 'targets.col.status'],
  ['firms', 'targets.col.firms'],
  ['areas', 'targets.col.areas'],
  ['section', 'targets.col.section'],
  ['quote', 'targets.col.quote'],
] as const satisfies readonly (readonly [keyof TargetLine, MessageKey])[];

const nameOf = (
  list: readonly { id: string; name: { zh: string; en: string } }[],
  lang: Lang,
  id: string,
) => {
  const x = list.find((i) => i.id === id);
  return x ? pick(lang, x.name) : id;
};

export function targetLines(targets: readonly Target[], data: ListData, lang: Lang): TargetLine[] {
  return targets.map((tg) => ({
    id: tg.segment.id,
    segment: pick(lang, tg.segment.name),
    chain: nameOf(data.chain.chains, lang, tg.segment.chain),
    stage: t(lang, `stage.${tg.segment.stage}`),
    status: t(lang, `status.${tg.status}`),
    firms: tg.count,
    areas: tg.assignedAreas.length
      ? joinList(
          lang,
          tg.assignedAreas.map((a) => nameOf(data.areas.areas, lang, a)),
        )
      : t(lang, 'chain.notAssigned'),
    section: planSectionLabel(lang, tg.segment.planSection),
    quote: pick(lang, tg.segment.plan),
  }));
}

/** What a filter keeps, in words: "产业链：电池、氢能；规划落位区域：高新区", or that it keeps everything. */
export function targetFilterText(f: TargetFilter, data: ListData, lang: Lang): string {
  // Either value passes, so the names are listed with a plain separator, not "and".
  const part = (key: MessageKey, names: string[]) =>
    names.length ? [`${t(lang, key)}${colon(lang)}${names.join(lang === 'zh' ? '、' : ', ')}`] : [];
  // In the data's order, as the chips are, whatever order they were tapped in.
  const parts = [
    ...part(
      'targets.filterChain',
      data.chain.chains.filter((c) => f.chains.includes(c.id)).map((c) => pick(lang, c.name)),
    ),
    ...part(
      'targets.filterArea',
      data.areas.areas.filter((a) => f.areas.includes(a.id)).map((a) => pick(lang, a.name)),
    ),
  ];
  return parts.length ? parts.join(lang === 'zh' ? '；' : '; ') : t(lang, 'targets.filterNone');
}
