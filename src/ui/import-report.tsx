import type { Lang } from '../data/types';
import {
  chargersCsv,
  chargersGeoJson,
  download,
  enterprisesCsv,
  enterprisesGeoJson,
  reportCsv,
} from '../export/export-data';
import { issueReason, t } from '../i18n/t';
import { type ImportedDataset, placeApart } from '../import/pipeline';
import { KEPT_REPORT_ROWS, reportLeftOut, reportTotalsOf } from '../import/saved-imports';
import { useAppStore } from '../state/store';
import { ChangeListView } from './change-list';
import { ReportMatches } from './import-matches';
import { StorageNotice } from './storage-notice';

// A report of 100,000 bad rows would freeze a tablet: the rest is in the downloaded file. As many
// as a saved import keeps, so a report opened again after a reload shows the same table.
const SHOWN_ROWS = KEPT_REPORT_ROWS;

/** What an import did: counts, notes on the whole file, the rows not placed, and every refused or questioned row. */
export function ReportBody({ ds: saved, lang }: { ds: ImportedDataset; lang: Lang }) {
  // An import saved before rows were kept apart holds them among the placed: sorted out here.
  const ds = saved.unplaced ? saved : placeApart(saved);
  const placed = ds.enterprises.length + ds.chargers.length;
  const unplaced = (ds.unplaced?.enterprises.length ?? 0) + (ds.unplaced?.chargers.length ?? 0);
  const skipped = ds.duplicates?.action === 'skip' ? ds.duplicates.matches.length : 0;
  // The whole report's counts, also for a saved one that kept only its first lines.
  const totals = reportTotalsOf(ds);
  const errors = totals.errors;
  const warnings = totals.rows - errors;
  const leftOut = reportLeftOut(ds);
  return (
    <div className="import-report" data-testid="import-report">
      <p
        className="report-summary"
        data-testid="report-summary"
        data-placed={placed}
        data-unplaced={unplaced}
        data-rejected={ds.rejectedRows}
      >
        {t(lang, 'import.summary', {
          rows: ds.rowCount,
          placed,
          unplaced,
          rejected: ds.rejectedRows,
          errors,
          warnings,
        })}
        {skipped ? ` ${t(lang, 'import.summarySkipped', { n: skipped })}` : ''}
      </p>
      {ds.notes.map((n, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: notes have no id and never reorder
        <p key={i} className="notice warn" data-code={n.code}>
          {issueReason(lang, n)}
        </p>
      ))}
      <ReportMatches ds={ds} lang={lang} />
      <ReportUnplaced ds={ds} lang={lang} />
      <ReportChanges ds={ds} lang={lang} />
      {ds.report.length > 0 ? (
        <>
          <div className="report-scroll">
            <table className="report-table">
              <thead>
                <tr>
                  <th>{t(lang, ds.format === 'geojson' ? 'import.feature' : 'import.line')}</th>
                  <th>{t(lang, 'import.column')}</th>
                  <th>{t(lang, 'import.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {ds.report.slice(0, SHOWN_ROWS).map((r, i) => (
                  <tr
                    // biome-ignore lint/suspicious/noArrayIndexKey: report rows have no id and never reorder
                    key={i}
                    className={r.rejected ? 'rejected' : r.severity}
                    data-line={r.line ?? ''}
                  >
                    <td>{r.line ?? '—'}</td>
                    <td>{r.column}</td>
                    <td>
                      {r.rejected ? <strong>{t(lang, 'import.notImported')} </strong> : null}
                      {issueReason(lang, r)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {ds.report.length > SHOWN_ROWS ? (
            <p className="muted small">
              {t(lang, 'import.moreInFile', { n: ds.report.length - SHOWN_ROWS })}
            </p>
          ) : null}
          {leftOut > 0 ? <KeptCut ds={ds} lang={lang} /> : null}
          <button
            type="button"
            className="secondary-btn"
            data-testid="report-download"
            onClick={() =>
              download(
                `${ds.fileName.replace(/\.[^.]+$/, '')}-report.csv`,
                reportCsv(ds.report, lang),
                'text/csv',
              )
            }
          >
            {leftOut > 0
              ? t(lang, 'storage.report.downloadKept', { n: ds.report.length })
              : t(lang, 'import.downloadReport')}
          </button>
        </>
      ) : (
        <p className="muted">{t(lang, 'import.noProblems')}</p>
      )}
    </div>
  );
}

/** What the import changed on the map, kept with it; printed on its own from here. */
function ReportChanges({ ds, lang }: { ds: ImportedDataset; lang: Lang }) {
  const bundled = useAppStore((s) => s.bundled);
  const openDoc = useAppStore((s) => s.openDoc);
  if (!ds.changes || !bundled) return null;
  return (
    <section className="report-changes" data-testid="report-changes">
      <h3>{t(lang, 'changes.title')}</h3>
      <ChangeListView changes={ds.changes} data={bundled} lang={lang} />
      <button
        type="button"
        className="secondary-btn"
        data-testid="changes-print"
        onClick={() => openDoc({ kind: 'changes', importId: ds.id })}
      >
        {t(lang, 'changes.print')}
      </button>
    </section>
  );
}

/** A saved report that kept only its first lines: says so, and counts all of them by reason. */
function KeptCut({ ds, lang }: { ds: ImportedDataset; lang: Lang }) {
  const totals = reportTotalsOf(ds);
  return (
    <div className="notice warn report-cut" data-testid="report-cut" data-left-out={reportLeftOut(ds)}>
      <p>
        {t(lang, 'storage.report.cut', {
          kept: ds.report.length,
          n: reportLeftOut(ds),
          total: totals.rows,
        })}
      </p>
      <table className="report-table">
        <thead>
          <tr>
            <th>{t(lang, 'storage.report.reason')}</th>
            <th>{t(lang, 'storage.report.count')}</th>
          </tr>
        </thead>
        <tbody>
          {totals.byCode.map((c) => (
            <tr key={c.code} data-code={c.code} data-count={c.n}>
              <td>
                {c.example.line === undefined ? '' : `${c.example.line} · `}
                {issueReason(lang, c.example)}
              </td>
              <td>{c.n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The report of a saved import, reopened from the data panel or shown right after an import. */
export function ImportReportDialog() {
  const lang = useAppStore((s) => s.lang);
  const id = useAppStore((s) => s.reportFor);
  const ds = useAppStore((s) => s.imports.find((i) => i.id === s.reportFor));
  const close = useAppStore((s) => s.showReport);
  const storageError = useAppStore((s) => s.storageError);
  const saving = useAppStore((s) => (id ? s.savingImports.includes(id) : false));
  if (!id || !ds) return null;
  return (
    <div className="modal-backdrop">
      <section
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="report-title"
        data-testid="report-dialog"
        data-saving={saving}
      >
        <header className="modal-head">
          <h2 id="report-title">{t(lang, 'import.reportTitle', { file: ds.fileName })}</h2>
        </header>
        {saving ? (
          <p className="notice" role="status" data-testid="report-saving">
            {t(lang, 'storage.report.saving')}
          </p>
        ) : null}
        {storageError ? (
          <StorageNotice lang={lang} problem={storageError} about="imports" testId="report-storage-error" />
        ) : null}
        <ReportBody ds={ds} lang={lang} />
        <footer className="modal-foot">
          <button
            type="button"
            className="primary-btn"
            data-testid="report-close"
            onClick={() => close(null)}
          >
            {t(lang, 'import.done')}
          </button>
        </footer>
      </section>
    </div>
  );
}

/** The rows kept apart because nothing places them: listed with why, and downloadable to be fixed. */
function ReportUnplaced({ ds, lang }: { ds: ImportedDataset; lang: Lang }) {
  const firms = ds.unplaced?.enterprises ?? [];
  const sites = ds.unplaced?.chargers ?? [];
  const rows = [
    ...firms.map((e) => ({ line: e.line, name: e.name[lang] || e.name.zh })),
    ...sites.map((c) => ({ line: c.line, name: c.name })),
  ];
  if (rows.length === 0) return null;
  // Why each is not placed: its first error, else the not-placed line itself.
  const why = new Map<number, (typeof ds.report)[number]>();
  for (const r of ds.report) {
    if (r.line === undefined) continue;
    const had = why.get(r.line);
    if (!had || (had.severity !== 'error' && r.severity === 'error')) why.set(r.line, r);
  }
  const base = `${ds.fileName.replace(/\.[^.]+$/, '')}-not-placed`;
  return (
    <section className="report-unplaced" data-testid="report-unplaced" data-count={rows.length}>
      <h3>{t(lang, 'import.unplaced.title', { n: rows.length })}</h3>
      <p className="small">{t(lang, 'import.unplaced.help')}</p>
      <div className="report-scroll">
        <table className="report-table">
          <thead>
            <tr>
              <th>{t(lang, ds.format === 'geojson' ? 'import.feature' : 'import.line')}</th>
              <th>{t(lang, 'import.unplaced.name')}</th>
              <th>{t(lang, 'import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN_ROWS).map((r) => {
              const reason = why.get(r.line);
              return (
                <tr key={r.line} data-line={r.line}>
                  <td>{r.line}</td>
                  <td>{r.name}</td>
                  <td>{reason ? issueReason(lang, reason) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN_ROWS ? (
        <p className="muted small">{t(lang, 'import.moreInFile', { n: rows.length - SHOWN_ROWS })}</p>
      ) : null}
      <div className="report-downloads">
        <button
          type="button"
          className="secondary-btn"
          data-testid="unplaced-csv"
          onClick={() =>
            download(
              `${base}.csv`,
              ds.kind === 'chargers' ? chargersCsv(sites) : enterprisesCsv(firms),
              'text/csv',
            )
          }
        >
          {t(lang, 'import.unplaced.csv')}
        </button>
        <button
          type="button"
          className="secondary-btn"
          data-testid="unplaced-geojson"
          onClick={() =>
            download(
              `${base}.geojson`,
              ds.kind === 'chargers' ? chargersGeoJson(sites) : enterprisesGeoJson(firms),
              'application/geo+json',
            )
          }
        >
          {t(lang, 'import.unplaced.geojson')}
        </button>
      </div>
    </section>
  );
}
