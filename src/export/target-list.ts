import type { BundledData } from '../data/load-bundled';
import type { Lang } from '../data/types';
import type { Target } from '../domain/chain-analysis';
import { joinList } from '../i18n/join-list';
import { type MessageKey, pick, t } from '../i18n/t';

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
    section: tg.segment.planSection,
    quote: pick(lang, tg.segment.plan),
  }));
}
