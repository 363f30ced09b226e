import type { Area, AreaId, Bilingual, ChainModel, Enterprise, Lang } from '../data/types';
import type {
  AreaMatch,
  MatchFactor,
  MatchIssue,
  MatchPart,
  MatchResult,
  Partner,
  PartnersPart,
} from '../domain/match';
import { joinList } from './join-list';
import { t } from './t';

// The match's facts (domain/match.ts) in words: every sentence from the match.* templates.

/** Each factor's name (the match panel's and the handout's). */
export const FACTOR_KEY = {
  plan: 'match.factor.plan',
  cluster: 'match.factor.cluster',
  suppliers: 'match.factor.suppliers',
  customers: 'match.factor.customers',
  gap: 'match.factor.gap',
  charging: 'match.factor.charging',
} as const satisfies Record<MatchFactor, string>;

/** Where the names come from: the bundled (or imported) records. */
export interface MatchNames {
  segment: (id: string) => Bilingual | undefined;
  chain: (id: string) => Bilingual | undefined;
  area: (id: AreaId) => Pick<Area, 'name' | 'kind'> | undefined;
  firm: (key: string) => Bilingual | undefined;
}

type NameSource = {
  chain: ChainModel;
  areas: { areas: readonly Area[] };
  enterprises: readonly Enterprise[];
};

// One lookup per loaded data set: the panel asks on every render.
const namesCache = new WeakMap<NameSource, MatchNames>();

export function matchNamesOf(data: NameSource): MatchNames {
  const hit = namesCache.get(data);
  if (hit) return hit;
  const segs = new Map(data.chain.segments.map((s) => [s.id, s.name]));
  const chains = new Map(data.chain.chains.map((c) => [c.id, c.name]));
  const areas = new Map(data.areas.areas.map((a) => [a.id, a]));
  const firms = new Map(data.enterprises.map((e) => [e.key, e.name]));
  const names: MatchNames = {
    segment: (id) => segs.get(id),
    chain: (id) => chains.get(id),
    area: (id) => areas.get(id),
    firm: (key) => firms.get(key),
  };
  namesCache.set(data, names);
  return names;
}

/** What an area's explanation needs besides the part: the area, the choice and the names. */
export interface ExplainContext {
  area: AreaMatch;
  result: Pick<MatchResult, 'segments' | 'radiusKm' | 'neighbourShare'>;
  names: MatchNames;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const km = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Lower-cases "Battery boxes" mid-sentence in English, but leaves "OLED panels" alone. */
function midSentence(lang: Lang, s: string): string {
  return lang === 'en' && /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function capitalised(lang: Lang, s: string): string {
  return lang === 'en' ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

function segmentName(lang: Lang, names: MatchNames, id: string): string {
  return midSentence(lang, names.segment(id)?.[lang] ?? id);
}

function segmentList(lang: Lang, names: MatchNames, ids: readonly string[]): string {
  return joinList(
    lang,
    ids.map((id) => segmentName(lang, names, id)),
  );
}

/** An area as it reads in a sentence ("the Linhuan Chemical Park", "Suixi County"). */
function areaInText(lang: Lang, names: MatchNames, id: AreaId, fallback?: Bilingual): string {
  const a = names.area(id);
  const name = a?.name[lang] ?? fallback?.[lang] ?? id;
  return t(lang, a?.kind === 'park' ? 'match.area.park' : 'match.area.district', { name });
}

/** Up to three firms by name with distance (and segment), then "and n more". */
function firmList(lang: Lang, names: MatchNames, ps: readonly Partner[], withSegment: boolean): string {
  const shown = ps.slice(0, 3).map((p) => {
    const details = [
      ...(withSegment ? [segmentName(lang, names, p.segment)] : []),
      partnerWhere(lang, names, p),
    ];
    return t(lang, 'match.firm', {
      name: names.firm(p.enterpriseKey)?.[lang] ?? p.enterpriseKey,
      details: details.join(t(lang, 'match.firm.detailSep')),
    });
  });
  const more = ps.length - shown.length;
  return shown.join(t(lang, 'match.firms.sep')) + (more > 0 ? t(lang, 'match.firms.more', { n: more }) : '');
}

/** Where a partner is, as far as it is known: here, a measured distance, or the neighbouring area. */
export function partnerWhere(lang: Lang, names: MatchNames, p: Partner): string {
  if (p.where === 'near' && p.distanceKm !== null)
    return t(lang, 'match.km', { km: km(round2(p.distanceKm)) });
  if (p.where === 'neighbour' && p.area)
    return t(lang, 'match.inNeighbour', { area: areaInText(lang, names, p.area) });
  return t(lang, 'match.inArea');
}

function partnersText(lang: Lang, part: PartnersPart, ctx: ExplainContext): string {
  const { area, result, names } = ctx;
  const here = areaInText(lang, names, area.area, area.name);
  const where = t(lang, 'match.where', { area: here, km: km(result.radiusKm) });
  const unplaced = part.unplacedCount > 0 ? t(lang, 'match.unplacedNote', { n: part.unplacedCount }) : '';
  const cap = part.capped ? t(lang, 'match.capped', { cap: part.max }) : '';
  const segments = segmentList(lang, names, part.segments);
  const f = part.factor;
  switch (part.reason) {
    case 'noAnchor':
      return t(lang, 'match.noAnchor', { area: names.area(area.area)?.name[lang] ?? area.name[lang] });
    case 'noSegment':
      return t(lang, 'match.noSegment');
    case 'noRelation':
      return t(lang, f === 'customers' ? 'match.customers.noRelation' : 'match.suppliers.noRelation', {
        segments: segmentList(lang, names, result.segments),
      });
    case 'none':
      return t(lang, `match.${f}.none`, { where, unplaced, segments });
  }
  const ps = f === 'cluster' ? area.peers : f === 'suppliers' ? area.suppliers : area.customers;
  const list = firmList(lang, names, ps, f !== 'cluster' || result.segments.length > 1);
  const found = t(lang, `match.${f}.found`, { where, n: part.count, list });
  const inArea =
    f === 'cluster' && part.inArea > 0 ? t(lang, 'match.cluster.inArea', { n: part.inArea, area: here }) : '';
  const share = `${Math.round(ctx.result.neighbourShare * 100)}%`;
  const next = part.neighbours > 0 ? t(lang, 'match.neighboursNote', { n: part.neighbours, share }) : '';
  return found + inArea + next + cap + unplaced;
}

/** The sentence(s) explaining one factor of an area's score, in the user's language. */
export function explainPart(lang: Lang, part: MatchPart, ctx: ExplainContext): string {
  const { area, result, names } = ctx;
  const here = areaInText(lang, names, area.area, area.name);
  const segs = (ids: readonly string[]) => segmentList(lang, names, ids);
  const sentences = (list: string[]) => list.join(t(lang, 'match.sentenceSep'));
  switch (part.factor) {
    case 'plan':
      if (part.reason === 'noSegment') return t(lang, 'match.noSegment');
      return sentences([
        ...(part.assigned.length
          ? [t(lang, 'match.plan.assigned', { segments: segs(part.assigned), area: here })]
          : []),
        ...part.notAssigned.map((n) =>
          n.areas.length
            ? t(lang, 'match.plan.elsewhere', {
                segment: segmentName(lang, names, n.segment),
                areas: joinList(
                  lang,
                  n.areas.map((a) => areaInText(lang, names, a)),
                ),
                area: here,
              })
            : t(lang, 'match.plan.nowhere', { segment: segmentName(lang, names, n.segment) }),
        ),
      ]);
    case 'gap':
      if (part.reason === 'noSegment') return t(lang, 'match.noSegment');
      return sentences([
        ...(part.filled.length
          ? [t(lang, 'match.gap.fills', { segments: segs(part.filled), area: here })]
          : []),
        ...(part.present.length
          ? [capitalised(lang, t(lang, 'match.gap.present', { segments: segs(part.present), area: here }))]
          : []),
        ...(part.notAssigned.length
          ? [t(lang, 'match.gap.notAssigned', { segments: segs(part.notAssigned), area: here })]
          : []),
      ]);
    case 'charging': {
      if (part.reason === 'noAnchor')
        return t(lang, 'match.noAnchor', { area: names.area(area.area)?.name[lang] ?? area.name[lang] });
      const note =
        part.illustrative === 'none'
          ? ''
          : t(lang, `match.charging.${part.illustrative}`, { n: part.illustrativeCount });
      const cap = part.capped ? t(lang, 'match.capped', { cap: part.max }) : '';
      const excluded = part.excluded > 0 ? t(lang, 'match.charging.excluded', { n: part.excluded }) : '';
      return t(lang, 'match.charging', { n: part.count, km: km(result.radiusKm) }) + note + excluded + cap;
    }
    default:
      return partnersText(lang, part, ctx);
  }
}

/** The sentence for something rankAreas had to work around. */
export function matchIssueText(lang: Lang, issue: MatchIssue): string {
  switch (issue.code) {
    case 'unknownSegments':
      return t(lang, 'match.issue.unknownSegments', { ids: joinList(lang, issue.ids) });
    case 'noSegment':
      return t(lang, 'match.issue.noSegment');
    case 'badRadius':
      return t(lang, 'match.issue.badRadius', { given: String(issue.given), km: km(issue.used) });
  }
}
