import type { BundledData } from '../data/load-bundled';
import type { Enterprise, Lang } from '../data/types';
import { type DatasetRef, dataHealth, yearBins } from '../domain/health';
import { areaName, firmName } from '../export/card-text';
import { download } from '../export/export-data';
import { healthCsv } from '../export/health-csv';
import { formatNumber, formatPartialDate, t } from '../i18n/t';
import { CONFIDENCES, PRECISIONS } from '../model';
import { addMonths, isoDate, todayIso } from '../model/dates';
import { selectEnterpriseByKey } from '../state/selectors';
import { useAppStore } from '../state/store';
import { Sheet } from './card-parts';
import './health-panel.css';

// Names listed per list in the panel; the CSV has every record.
const LISTED = 30;

/** "Bundled research" or "Imported file: x.csv". */
export function datasetLabel(lang: Lang, d: DatasetRef): string {
  return d.kind === 'bundled'
    ? t(lang, 'health.source.bundled')
    : t(lang, 'health.source.import', { file: d.fileName });
}

/**
 * Firms per year of source, each bar with its number written (it prints in grey too); charging
 * sites, often one generated batch of one date, are a line below rather than a bar that dwarfs them.
 */
export function YearHistogram({ bins, lang }: { bins: ReturnType<typeof yearBins>; lang: Lang }) {
  const max = Math.max(1, ...bins.map((b) => b.firms));
  const sites = bins.filter((b) => b.sites > 0);
  const firmBins = bins.filter((b) => b.firms > 0).length > 0 ? trimmed(bins) : [];
  return (
    <>
      <div className="year-hist" data-testid="year-histogram">
        {firmBins.map((b) => (
          <div key={b.year} className="year-bar" data-year={b.year} data-firms={b.firms}>
            <span className="year-n">{b.firms > 0 ? formatNumber(lang, b.firms, 0) : ''}</span>
            <span className="year-stack" aria-hidden="true">
              <span className="year-firms" style={{ height: `${(b.firms / max) * 100}%` }} />
            </span>
            <span className="year-label">{b.year}</span>
          </div>
        ))}
      </div>
      {sites.length > 0 ? (
        <p className="small" data-testid="year-sites">
          {t(lang, 'health.sitesByYear', {
            list: sites
              .map((b) =>
                t(lang, 'health.yearCount', { year: b.year ?? '', n: formatNumber(lang, b.sites, 0) }),
              )
              .join(lang === 'zh' ? '，' : ', '),
          })}
        </p>
      ) : null}
    </>
  );
}

/** The years from the first to the last with a firm: sites alone do not stretch the firms' axis. */
function trimmed(bins: ReturnType<typeof yearBins>) {
  const first = bins.findIndex((b) => b.firms > 0);
  let last = bins.length - 1;
  while (last > first && (bins[last]?.firms ?? 0) === 0) last -= 1;
  return bins.slice(first, last + 1);
}

function FirmButton({ e, lang, label }: { e: Enterprise; lang: Lang; label: string }) {
  const select = useAppStore((s) => s.select);
  return (
    <button
      type="button"
      className="secondary-btn"
      data-firm={e.id}
      onClick={() => select({ kind: 'enterprise', id: e.id })}
    >
      {label}
    </button>
  );
}

function Lists({ data, lang }: { data: BundledData; lang: Lang }) {
  const imports = useAppStore((s) => s.imports);
  const months = data.ledger.staleAfterMonths;
  const h = dataHealth(data.enterprises, data.chargers, imports, todayIso(), months);
  const byKey = selectEnterpriseByKey(data);
  const firms = (keys: readonly string[]) =>
    keys.map((k) => byKey.get(k)).filter((e): e is Enterprise => e !== undefined);
  const n = (x: number) => formatNumber(lang, x, 0);
  const more = (total: number) =>
    total > LISTED ? <p className="small muted">{t(lang, 'health.more', { n: total - LISTED })}</p> : null;
  const undated = h.byYear.find((y) => y.year === null);
  return (
    <>
      <section>
        <p data-testid="health-summary">
          {t(lang, 'health.summary', { firms: n(h.firms), sites: n(h.sites) })}
          {lang === 'zh' ? '' : ' '}
          {h.dateRange.from
            ? t(lang, 'health.range', {
                from: formatPartialDate(lang, h.dateRange.from),
                to: formatPartialDate(lang, h.dateRange.to),
              })
            : t(lang, 'health.noRange')}
        </p>
        <button
          type="button"
          className="secondary-btn"
          data-testid="health-csv"
          onClick={() =>
            download(
              `huaibei-data-health-${todayIso()}.csv`,
              healthCsv(data.enterprises, data.chargers, imports, todayIso(), months),
              'text/csv',
            )
          }
        >
          {t(lang, 'health.csv')}
        </button>
      </section>
      <section data-testid="health-sources">
        <h3>{t(lang, 'health.bySource')}</h3>
        <ul className="plain-list">
          {h.bySource.map((s) => (
            <li key={s.dataset.kind === 'bundled' ? '' : s.dataset.id}>
              <p className="import-name">{datasetLabel(lang, s.dataset)}</p>
              <p className="small muted">
                {t(lang, 'health.source.counts', { firms: n(s.firms), sites: n(s.sites) })}
                {s.illustrative > 0
                  ? ` · ${t(lang, 'health.source.illustrative', { n: n(s.illustrative) })}`
                  : ''}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section data-testid="health-years">
        <h3>{t(lang, 'health.byYear')}</h3>
        <YearHistogram bins={yearBins(h.byYear)} lang={lang} />
        {undated ? (
          <p className="small muted">
            {t(lang, 'health.undated', { firms: n(undated.firms), sites: n(undated.sites) })}
          </p>
        ) : null}
      </section>
      <section data-testid="health-precision">
        <h3>{t(lang, 'health.byPrecision')}</h3>
        <dl className="count-list">
          {PRECISIONS.map((p) => (
            <div key={p}>
              <dt>{t(lang, `ent.precision.${p}`)}</dt>
              <dd data-precision={p}>{n(h.byPrecision[p])}</dd>
            </div>
          ))}
        </dl>
        <h3>{t(lang, 'health.byConfidence')}</h3>
        <dl className="count-list">
          {CONFIDENCES.map((c) => (
            <div key={c}>
              <dt>{t(lang, `health.confidence.${c}`)}</dt>
              <dd data-confidence={c}>{n(h.byConfidence[c])}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section data-testid="health-stale">
        <h3>{t(lang, 'health.stale', { months })}</h3>
        {h.staleFirms.length === 0 ? (
          <p className="muted">{t(lang, 'health.staleNone', { months })}</p>
        ) : null}
        <ul className="plain-list health-list">
          {firms(h.staleFirms.slice(0, LISTED)).map((e) => (
            <li key={e.key}>
              <span>
                {firmName(lang, e)} · {formatPartialDate(lang, e.sourceDate)}
              </span>
              <FirmButton e={e} lang={lang} label={t(lang, 'health.open')} />
            </li>
          ))}
        </ul>
        {more(h.staleFirms.length)}
        {h.staleSites.length > 0 ? (
          <p className="small muted">{t(lang, 'health.staleSites', { n: n(h.staleSites.length), months })}</p>
        ) : null}
      </section>
      <section data-testid="health-unplaced">
        <h3>{t(lang, 'health.unplaced', { n: n(h.unplacedFirms.length) })}</h3>
        <ul className="plain-list health-list">
          {firms(h.unplacedFirms.slice(0, LISTED)).map((e) => (
            <li key={e.key} data-unplaced={e.id}>
              <span>
                {firmName(lang, e)} ·{' '}
                {e.area
                  ? t(lang, 'health.unplaced.approx', { area: areaName(data, lang, e.area) })
                  : t(lang, 'health.unplaced.none')}
              </span>
              <FirmButton e={e} lang={lang} label={t(lang, e.area ? 'health.show' : 'health.open')} />
            </li>
          ))}
        </ul>
        {more(h.unplacedFirms.length)}
        {h.unplacedSites.length > 0 ? (
          <p className="small muted">{t(lang, 'health.unplacedSites', { n: n(h.unplacedSites.length) })}</p>
        ) : null}
      </section>
      <section data-testid="health-duplicates">
        <h3>{t(lang, 'health.duplicates')}</h3>
        {h.duplicates.length === 0 ? <p className="muted">{t(lang, 'health.duplicatesNone')}</p> : null}
        <ul className="plain-list">
          {h.duplicates.slice(0, LISTED).map((g) => (
            <li key={g.keys.join(' ')}>
              {firms(g.keys)
                .map((e) => firmName(lang, e))
                .join(' / ')}{' '}
              <span className="small muted">
                (
                {g.area
                  ? t(lang, 'health.duplicateArea', { area: areaName(data, lang, g.area) })
                  : t(lang, 'health.duplicateNoArea')}
                )
              </span>
            </li>
          ))}
        </ul>
        {more(h.duplicates.length)}
      </section>
    </>
  );
}

/** 数据状况: how old, how precise and how sure the data is, what each import changed, and the report. */
export function HealthPanel() {
  const lang = useAppStore((s) => s.lang);
  const data = useAppStore((s) => s.data);
  const imports = useAppStore((s) => s.imports);
  const setPanel = useAppStore((s) => s.setPanel);
  const openDoc = useAppStore((s) => s.openDoc);
  if (!data) return null;
  return (
    <Sheet
      className="side-panel health-panel"
      testId="health-panel"
      title={t(lang, 'health.title')}
      onClose={() => setPanel('none')}
      lang={lang}
    >
      <section>
        <button
          type="button"
          className="primary-btn"
          data-testid="report-open"
          onClick={() => openDoc({ kind: 'report', since: addMonths(todayIso(), -3) })}
        >
          {t(lang, 'health.report')}
        </button>
        <p className="small muted">{t(lang, 'health.reportHelp')}</p>
      </section>
      <Lists data={data} lang={lang} />
      <section data-testid="health-changes">
        <h3>{t(lang, 'health.changes')}</h3>
        {imports.length === 0 ? <p className="muted">{t(lang, 'health.changesNone')}</p> : null}
        <ul className="plain-list health-list">
          {imports.map((i) => (
            <li key={i.id} data-import={i.id}>
              <span>
                {i.fileName} · {isoDate(new Date(i.importedAt))}
              </span>
              {i.changes ? (
                <button
                  type="button"
                  className="secondary-btn"
                  data-testid="health-changes-open"
                  onClick={() => openDoc({ kind: 'changes', importId: i.id })}
                >
                  {t(lang, 'health.changesOpen')}
                </button>
              ) : (
                <span className="small muted">{t(lang, 'health.changesOld')}</span>
              )}
            </li>
          ))}
        </ul>
      </section>
    </Sheet>
  );
}
