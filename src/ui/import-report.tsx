import type { Lang } from '../data/types';
import { download, reportCsv } from '../export/export-data';
import { issueReason, t } from '../i18n/t';
import type { ImportedDataset } from '../import/pipeline';
import { KEPT_REPORT_ROWS, reportLeftOut, reportTotalsOf } from '../import/saved-imports';
import { useAppStore } from '../state/store';
import { ReportMatches } from './import-matches';
import { StorageNotice } from './storage-notice';

// A report of 100,000 bad rows would freeze a tablet: the rest is in the downloaded file. As many
// as a saved import keeps, so a report opened again after a reload shows the same table.
const SHOWN_ROWS = KEPT_REPORT_ROWS;

/** What an import did: counts, notes on the whole file, and every refused or questioned row. */
export function ReportBody({ ds, lang }: { ds: ImportedDataset; lang: Lang }) {
  const imported = ds.enterprises.length + ds.chargers.length;
  // The whole report's counts, also for a saved one that kept only its first lines.
  const totals = reportTotalsOf(ds);
  const errors = totals.errors;
  const warnings = totals.rows - errors;
  const leftOut = reportLeftOut(ds);
  return (
    <div className="import-report" data-testid="import-report">
      <p className="report-summary" data-testid="report-summary">
        {t(lang, 'import.summary', {
          rows: ds.rowCount,
          imported,
          rejected: ds.rejectedRows,
          errors,
          warnings,
        })}
      </p>
      {ds.notes.map((n) => (
        <p key={n.code} className="notice warn">
          {issueReason(lang, n)}
        </p>
      ))}
      <ReportMatches ds={ds} lang={lang} />
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
  if (!id || !ds) return null;
  return (
    <div className="modal-backdrop">
      <section
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="report-title"
        data-testid="report-dialog"
      >
        <header className="modal-head">
          <h2 id="report-title">{t(lang, 'import.reportTitle', { file: ds.fileName })}</h2>
        </header>
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
