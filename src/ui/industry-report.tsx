import type { BundledData } from '../data/load-bundled';
import type { Lang } from '../data/types';
import { yearBins } from '../domain/health';
import { areaName, joinNames, segmentName } from '../export/card-text';
import { type IndustryReport, industryReport } from '../export/industry-report';
import { qrDataUrl, qrFits } from '../export/qr';
import { attributionFor } from '../i18n/attribution';
import { formatNumber, formatPartialDate, pick, t } from '../i18n/t';
import { AREA_COLOURS, chainColour } from '../layers/palette';
import { CONFIDENCES, PRECISIONS } from '../model';
import { todayIso } from '../model/dates';
import { useAppStore } from '../state/store';
import { StatusBadge } from './card-parts';
import { ChangeListView } from './change-list';
import { datasetLabel, YearHistogram } from './health-panel';

function Tables({ r, data, lang }: { r: IndustryReport; data: BundledData; lang: Lang }) {
  const n = (x: number) => formatNumber(lang, x, 0);
  return (
    <>
      <section className="report-section" data-testid="report-chains">
        <h2>{t(lang, 'report.s.chains')}</h2>
        <table className="report-grid">
          <thead>
            <tr>
              <th>{t(lang, 'report.col.chain')}</th>
              <th>{t(lang, 'report.col.segments')}</th>
              <th>{t(lang, 'report.col.firms')}</th>
              <th>{t(lang, 'report.col.strong')}</th>
              <th>{t(lang, 'report.col.weak')}</th>
              <th>{t(lang, 'report.col.missing')}</th>
            </tr>
          </thead>
          <tbody>
            {r.chains.map((c) => {
              const chain = data.chain.chains.find((x) => x.id === c.chain);
              return (
                <tr key={c.chain} data-chain={c.chain} data-firms={c.firms}>
                  <td>
                    <span
                      className="swatch"
                      style={{ background: chainColour(c.chain) }}
                      aria-hidden="true"
                    />
                    {chain ? pick(lang, chain.name) : c.chain}
                  </td>
                  <td>{n(c.segments)}</td>
                  <td>{n(c.firms)}</td>
                  <td>{n(c.byStatus.strong)}</td>
                  <td>{n(c.byStatus.weak)}</td>
                  <td>{n(c.byStatus.missing)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section className="report-section" data-testid="report-areas">
        <h2>{t(lang, 'report.s.areas')}</h2>
        <table className="report-grid">
          <thead>
            <tr>
              <th>{t(lang, 'report.col.area')}</th>
              <th>{t(lang, 'report.col.firms')}</th>
              <th>{t(lang, 'report.col.assigned')}</th>
              <th>{t(lang, 'report.col.gaps')}</th>
            </tr>
          </thead>
          <tbody>
            {r.areas.map((a) => (
              <tr key={a.area} data-area={a.area} data-firms={a.firms}>
                <td>
                  <span className="swatch" style={{ background: AREA_COLOURS[a.area] }} aria-hidden="true" />
                  {areaName(data, lang, a.area)}
                </td>
                <td>{n(a.firms)}</td>
                <td>{n(a.assigned.length)}</td>
                <td>
                  {a.gaps.length
                    ? joinNames(
                        lang,
                        a.gaps.map((g) => segmentName(data, lang, g)),
                      )
                    : t(lang, 'report.noGaps')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="report-section" data-testid="report-targets">
        <h2>{t(lang, 'report.s.targets')}</h2>
        <table className="report-grid">
          <thead>
            <tr>
              <th>{t(lang, 'report.col.segment')}</th>
              <th>{t(lang, 'report.col.status')}</th>
              <th>{t(lang, 'report.col.firms')}</th>
              <th>{t(lang, 'report.col.where')}</th>
            </tr>
          </thead>
          <tbody>
            {r.targets.map((x) => (
              <tr key={x.segment.id} data-segment={x.segment.id} data-count={x.count}>
                <td>
                  <span
                    className="swatch"
                    style={{ background: chainColour(x.segment.chain) }}
                    aria-hidden="true"
                  />
                  {pick(lang, x.segment.name)}
                </td>
                <td>
                  <StatusBadge status={x.status} lang={lang} />
                </td>
                <td>{n(x.count)}</td>
                <td>
                  {x.assignedAreas.length
                    ? joinNames(
                        lang,
                        x.assignedAreas.map((a) => areaName(data, lang, a)),
                      )
                    : t(lang, 'report.nowhere')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function Goals({ data, lang }: { data: BundledData; lang: Lang }) {
  const n = (x: number) => formatNumber(lang, x);
  return (
    <section className="report-section" data-testid="report-goals">
      <h2>{t(lang, 'report.s.goals')}</h2>
      <p className="small">{t(lang, 'report.goalsFrom', { plan: t(lang, 'report.source.plan') })}</p>
      <table className="report-grid">
        <thead>
          <tr>
            <th>{t(lang, 'report.col.goal')}</th>
            <th>{t(lang, 'report.col.value')}</th>
            <th>{t(lang, 'report.col.source')}</th>
          </tr>
        </thead>
        <tbody>
          {data.goals.map((g) => (
            <tr key={g.id} data-goal={g.id}>
              <td>{pick(lang, g.name)}</td>
              <td>
                {g.targets
                  .map(
                    (v) =>
                      `${v.year}${lang === 'zh' ? '年' : ''}: ${n(v.value)}${v.max ? `–${n(v.max)}` : ''} ${pick(lang, g.unit)}`,
                  )
                  .join(lang === 'zh' ? '；' : '; ')}
                {g.current ? (
                  <span className="report-current">
                    {' '}
                    ({formatPartialDate(lang, g.current.asOf)}: {n(g.current.value)} {pick(lang, g.unit)}
                    {g.current.illustrative ? `, ${t(lang, 'goals.illustrative')}` : ''})
                  </span>
                ) : null}
              </td>
              <td>
                {g.planSection
                  ? `${t(lang, 'report.source.plan')} ${g.planSection}`
                  : t(lang, 'report.source.plan')}
                {g.sourceDate ? ` · ${formatPartialDate(lang, g.sourceDate)}` : ''}
                {g.current ? <span className="report-current"> · {g.current.source}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Charging({ r, lang }: { r: IndustryReport; lang: Lang }) {
  const n = (x: number) => formatNumber(lang, x, 0);
  return (
    <section className="report-section" data-testid="report-charging">
      <h2>{t(lang, 'report.s.charging')}</h2>
      <p>{t(lang, 'report.charging', { sites: n(r.charging.sites), points: n(r.charging.points) })}</p>
      <ul>
        {r.charging.progress.map((p) => (
          <li key={p.year}>
            {t(lang, 'report.chargingTarget', {
              year: p.year,
              target: n(p.target),
              share: formatNumber(lang, Number.isFinite(p.fraction) ? p.fraction * 100 : 0, 0),
            })}
          </li>
        ))}
      </ul>
      {r.charging.illustrative > 0 ? (
        <p className="notice warn" data-testid="report-illustrative">
          {t(lang, 'report.chargingIllustrative')}
        </p>
      ) : null}
    </section>
  );
}

function Health({ r, lang, months }: { r: IndustryReport; lang: Lang; months: number }) {
  const n = (x: number) => formatNumber(lang, x, 0);
  const h = r.health;
  return (
    <section className="report-section" data-testid="report-health">
      <h2>{t(lang, 'report.s.health')}</h2>
      <p>
        {t(lang, 'report.health', {
          stale: n(h.staleFirms.length),
          months,
          unplaced: n(h.unplacedFirms.length),
          duplicates: n(h.duplicates.length),
        })}
      </p>
      <YearHistogram bins={yearBins(h.byYear)} lang={lang} />
      <p className="small">
        {PRECISIONS.map((p) => `${t(lang, `ent.precision.${p}`)} ${n(h.byPrecision[p])}`).join(' · ')}
      </p>
      <p className="small">
        {t(lang, 'health.byConfidence')}
        {lang === 'zh' ? '：' : ': '}
        {CONFIDENCES.map((c) => `${t(lang, `health.confidence.${c}`)} ${n(h.byConfidence[c])}`).join(' · ')}
      </p>
    </section>
  );
}

/** The periodic report (产业发展报告) of the data shown, with changes since the date chosen. */
export function IndustryReportDoc({ since }: { since: string }) {
  const lang = useAppStore((s) => s.lang);
  const bundled = useAppStore((s) => s.bundled);
  const data = useAppStore((s) => s.data);
  const imports = useAppStore((s) => s.imports);
  const openDoc = useAppStore((s) => s.openDoc);
  if (!bundled || !data) return null;
  const today = todayIso();
  const r = industryReport(bundled, data, imports, since, today);
  const n = (x: number) => formatNumber(lang, x, 0);
  const href = window.location.href;
  return (
    <article
      className="doc-page industry-report"
      data-testid="industry-report"
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
    >
      <header className="doc-head">
        <div>
          <h1 id="doc-title">{t(lang, 'report.title')}</h1>
          <p>{t(lang, 'report.made', { date: formatPartialDate(lang, today) })}</p>
          {r.health.dateRange.from ? (
            <p>
              {t(lang, 'report.range', {
                from: formatPartialDate(lang, r.health.dateRange.from),
                to: formatPartialDate(lang, r.health.dateRange.to),
              })}
            </p>
          ) : null}
        </div>
        {qrFits(href) ? (
          <figure className="doc-qr">
            <img src={qrDataUrl(href, 256)} alt={t(lang, 'report.qr')} />
            <figcaption>{t(lang, 'report.qr')}</figcaption>
          </figure>
        ) : null}
      </header>
      <section className="report-section">
        <h2>{t(lang, 'report.s.summary')}</h2>
        <p data-testid="report-summary">
          {t(lang, 'report.summary', {
            firms: n(r.firms),
            chains: n(r.chains.length),
            segments: n(r.segments),
            strong: n(r.byStatus.strong),
            weak: n(r.byStatus.weak),
            missing: n(r.byStatus.missing),
          })}
        </p>
      </section>
      <Tables r={r} data={data} lang={lang} />
      <section className="report-section" data-testid="report-changes">
        <h2>{t(lang, 'report.s.changes', { date: formatPartialDate(lang, since) })}</h2>
        <label className="doc-since no-print">
          {t(lang, 'report.since')}
          <input
            type="date"
            value={since}
            max={today}
            data-testid="report-since"
            onChange={(e) => {
              if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value))
                openDoc({ kind: 'report', since: e.target.value });
            }}
          />
        </label>
        {r.sinceImports.length === 0 ? (
          <p>{t(lang, 'report.noChanges')}</p>
        ) : (
          <>
            <p>
              {t(lang, 'report.changesImports', {
                n: r.sinceImports.length,
                files: joinNames(lang, r.sinceImports),
              })}
            </p>
            <ChangeListView changes={r.changes} data={bundled} lang={lang} />
          </>
        )}
      </section>
      <Charging r={r} lang={lang} />
      <Goals data={data} lang={lang} />
      <Health r={r} lang={lang} months={data.ledger.staleAfterMonths} />
      <section className="report-section" data-testid="report-sources">
        <h2>{t(lang, 'report.s.sources')}</h2>
        <p className="small">{t(lang, 'report.sourcesNote')}</p>
        <ul className="small">
          <li>{t(lang, 'report.source.plan')}</li>
          {r.health.bySource.map((s) => (
            <li key={s.dataset.kind === 'bundled' ? '' : s.dataset.id}>
              {s.dataset.kind === 'bundled'
                ? t(lang, 'report.source.bundled')
                : datasetLabel(lang, s.dataset)}
            </li>
          ))}
          {attributionFor(lang).map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
