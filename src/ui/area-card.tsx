import type { Area, ChainModel, Lang, Segment } from '../data/types';
import { formatNumber, pick, t } from '../i18n/t';
import { AREA_COLOURS } from '../layers/palette';
import { useAppStore } from '../state/store';

const STAGE_ORDER = ['upstream', 'midstream', 'downstream'] as const;

function SourceLink({ url, lang }: { url: string; lang: Lang }) {
  // Only plain web links become anchors; anything else is shown as text.
  if (!/^https?:\/\//.test(url)) return <span>{url}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className="source-link">
      {t(lang, 'card.sourceLink')}
    </a>
  );
}

function SegmentList({ area, chain, lang }: { area: Area; chain: ChainModel; lang: Lang }) {
  const segs = area.segments
    .map((id) => chain.segments.find((s) => s.id === id))
    .filter((s): s is Segment => s !== undefined);
  if (segs.length === 0) return <p className="muted">{t(lang, 'card.noSegments')}</p>;
  return (
    <ul className="segments">
      {STAGE_ORDER.flatMap((stage) =>
        segs
          .filter((s) => s.stage === stage)
          .map((s) => {
            const ch = chain.chains.find((c) => c.id === s.chain);
            return (
              <li key={s.id} data-segment={s.id}>
                <span className={`stage-badge stage-${stage}`}>{t(lang, `stage.${stage}`)}</span>
                <span className="seg-name">{pick(lang, s.name)}</span>
                {ch ? <span className="seg-chain">{pick(lang, ch.name)}</span> : null}
              </li>
            );
          }),
      )}
    </ul>
  );
}

/** The selected area's card: what the plan asks of it, and where the plan says so. */
export function AreaCard() {
  const lang = useAppStore((s) => s.lang);
  const selection = useAppStore((s) => s.selection);
  const data = useAppStore((s) => s.data);
  const select = useAppStore((s) => s.select);
  if (!selection || !data) return null;
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
      <div className="card-body">
        <p className="role" style={{ borderColor: AREA_COLOURS[area.id] }}>
          {pick(lang, area.role)}
        </p>
        <section>
          <h3>{t(lang, 'card.specialisation')}</h3>
          <blockquote lang={lang === 'zh' ? 'zh-CN' : 'en'}>{pick(lang, area.specialisation)}</blockquote>
        </section>
        <section>
          <h3>{t(lang, 'card.segments')}</h3>
          <SegmentList area={area} chain={data.chain} lang={lang} />
        </section>
        <section>
          <h3>{t(lang, 'card.planSection')}</h3>
          <p className="plan-source">
            {pick(lang, data.areas.source)} <span className="plan-section">{area.planSection}</span>
          </p>
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
