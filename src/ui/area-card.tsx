import { lazy, Suspense } from 'react';
import type { BundledData } from '../data/load-bundled';
import type { Area, Lang } from '../data/types';
import { type AreaSegmentRow, areaSegmentRows, presentOrGap } from '../export/card-text';
import { colon, formatNumber, pick, planSectionLabel, t } from '../i18n/t';
import { AREA_COLOURS } from '../layers/palette';
import { selectAnalysis, selectEnterpriseByKey } from '../state/selectors';
import { useAppStore } from '../state/store';
import { areaName, BackToPanel, EnterpriseLink, joinNames, SegmentChip } from './card-parts';
import { RecordDates } from './record-dates';

// The distances need turf, which the first view does not: loaded with the first card.
const AreaReachSection = lazy(() => import('./area-reach').then((m) => ({ default: m.AreaReachSection })));
function SourceLink({ url, lang }: { url: string; lang: Lang }) {
  // Only plain web links become anchors; anything else is shown as text.
  if (!/^https?:\/\//.test(url)) return <span>{url}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className="source-link">
      {t(lang, 'card.sourceLink')}
    </a>
  );
}

/** Names shown per area before "and N more": the line stays one line on a tablet. */
const NAMES_SHOWN = 2;

/** "本区 0 家；杜集区 1 家：色耐特": how many firms of a segment are here, and where the others are. */
function SegmentWhere({ row, data, lang }: { row: AreaSegmentRow; data: BundledData; lang: Lang }) {
  return (
    <p className="small segment-where" data-testid="segment-where">
      {t(lang, 'area.hereCount', { n: row.here })}
      {row.elsewhere.map(({ area: a, firms }) => (
        <span key={a ?? 'unknown'}>
          {lang === 'zh' ? '；' : '; '}
          {t(lang, a ? 'area.elsewhereCount' : 'area.unknownCount', {
            n: firms.length,
            area: a ? areaName(data, lang, a) : '',
          })}
          {colon(lang)}
          {firms.slice(0, NAMES_SHOWN).map((firm, i) => (
            <span key={firm.key}>
              {i > 0 ? (lang === 'zh' ? '、' : ', ') : ''}
              <EnterpriseLink firm={firm} lang={lang} />
            </span>
          ))}
          {firms.length > NAMES_SHOWN ? t(lang, 'area.andMore', { n: firms.length - NAMES_SHOWN }) : ''}
        </span>
      ))}
    </p>
  );
}

/** The segments the plan assigns to the area, each with what the data has here: firms, or a gap. */
function AreaSegments({ area, data, lang }: { area: Area; data: BundledData; lang: Lang }) {
  const rows = areaSegmentRows(data, area.id);
  if (rows.length === 0) return <p className="muted">{t(lang, 'card.noSegments')}</p>;
  return (
    <ul className="segments">
      {rows.map((row) => {
        const s = row.segment;
        return (
          <li key={s.id} data-segment={s.id} data-here={row.here}>
            <span className={`stage-badge stage-${s.stage}`}>{t(lang, `stage.${s.stage}`)}</span>
            <SegmentChip
              id={s.id}
              lang={lang}
              extra={
                <span className={row.here > 0 ? 'chip-count' : 'gap-badge'}>
                  {presentOrGap(lang, row.here)}
                </span>
              }
            />
            <SegmentWhere row={row} data={data} lang={lang} />
          </li>
        );
      })}
    </ul>
  );
}

/** Firms here whose segment the plan places elsewhere: the view says so rather than hide it. */
function AreaDiscrepancies({ area, data, lang }: { area: Area; data: BundledData; lang: Lang }) {
  const select = useAppStore((s) => s.select);
  const byKey = selectEnterpriseByKey(data);
  const list = selectAnalysis(data).discrepancies.filter((d) => d.area === area.id);
  if (list.length === 0) return null;
  return (
    <section>
      <h3>{t(lang, 'area.discrepancies')}</h3>
      <ul className="plain-list">
        {list.map((d) => {
          const firm = byKey.get(d.enterpriseKey);
          const seg = data.chain.segments.find((x) => x.id === d.segment);
          if (!firm || !seg) return null;
          return (
            <li key={`${d.enterpriseKey}-${d.segment}`}>
              <button
                type="button"
                className="link-btn"
                onClick={() => select({ kind: 'enterprise', id: firm.id })}
              >
                {pick(lang, firm.name)}
              </button>
              {' · '}
              {pick(lang, seg.name)} → {t(lang, 'chain.assignedTo')}{' '}
              {joinNames(
                lang,
                d.assignedAreas.map((a) => areaName(data, lang, a)),
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The selected area's card: what the plan asks of it, and where the plan says so. */
export function AreaCard() {
  const lang = useAppStore((s) => s.lang);
  const selection = useAppStore((s) => s.selection);
  const data = useAppStore((s) => s.data);
  const select = useAppStore((s) => s.select);
  if (selection?.kind !== 'area' || !data) return null;
  const area = data.areas.areas.find((a) => a.id === selection.id);
  if (!area) return null;
  const district = data.districts.features.find((f) => f.properties.adcode === area.adcode);
  const km2 = (district?.properties as { area_km2?: number } | undefined)?.area_km2;
  const titleId = `card-title-${area.id}`;
  return (
    <aside className="card" aria-labelledby={titleId} data-area={area.id}>
      <header className="card-head">
        <span className="swatch big" style={{ background: AREA_COLOURS[area.id] }} aria-hidden="true" />
        <div className="card-titles">
          <h2 id={titleId}>{pick(lang, area.name)}</h2>
          <p className="card-kind">
            {t(lang, area.kind === 'park' ? 'kind.park' : 'kind.district')}
            {typeof km2 === 'number'
              ? ` · ${t(lang, 'card.districtArea', { km2: formatNumber(lang, km2) })}`
              : ''}
          </p>
        </div>
        <button
          type="button"
          className="icon-btn"
          aria-label={t(lang, 'card.close')}
          onClick={() => select(null)}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      </header>
      <BackToPanel lang={lang} />
      <div className="card-body">
        <p className="role" style={{ borderColor: AREA_COLOURS[area.id] }}>
          {pick(lang, area.role)}
        </p>
        <section>
          <h3>{t(lang, 'card.specialisation')}</h3>
          <blockquote lang={lang === 'zh' ? 'zh-CN' : 'en'}>{pick(lang, area.specialisation)}</blockquote>
        </section>
        <section>
          <h3>{t(lang, 'area.segmentsHere')}</h3>
          <AreaSegments area={area} data={data} lang={lang} />
        </section>
        <AreaDiscrepancies area={area} data={data} lang={lang} />
        <Suspense fallback={null}>
          <AreaReachSection area={area.id} lang={lang} />
        </Suspense>
        <section>
          <h3>{t(lang, 'card.planSection')}</h3>
          <p className="plan-source">
            {pick(lang, data.areas.source)}{' '}
            <span className="plan-section">{planSectionLabel(lang, area.planSection)}</span>
          </p>
          <RecordDates
            sourceDate={data.areas.sourceDate ?? ''}
            checked={data.areas.checked ?? ''}
            lang={lang}
            policy
          />
        </section>
        {area.kind === 'park' ? (
          <section className="approx-note" data-testid="approximate-note">
            <p className="approx-badge">{t(lang, 'card.approximate')}</p>
            {area.footprints.map((fp) => (
              <dl key={fp.id}>
                {area.footprints.length > 1 ? <dt className="fp-name">{pick(lang, fp.name)}</dt> : null}
                <dt>{t(lang, 'card.locationBasis')}</dt>
                <dd>{pick(lang, fp.locationBasis)}</dd>
                <dt>{t(lang, 'card.areaBasis')}</dt>
                <dd>
                  {pick(lang, fp.areaBasis)} ·{' '}
                  {t(lang, 'card.areaKm2', { km2: formatNumber(lang, fp.areaKm2, 2) })}{' '}
                  <SourceLink url={fp.source} lang={lang} />
                </dd>
              </dl>
            ))}
          </section>
        ) : null}
      </div>
    </aside>
  );
}
