import type { Lang } from '../data/types';
import { t } from '../i18n/t';
import type { ImportedDataset } from '../import/pipeline';

const SHOWN = 300;

/** The report's list of rows that matched records already there, and what was done with them (issue 14). */
export function ReportMatches({ ds, lang }: { ds: ImportedDataset; lang: Lang }) {
  const d = ds.duplicates;
  if (!d || d.matches.length === 0) return null;
  return (
    <section className="report-matches" data-testid="report-matches" data-count={d.matches.length}>
      <h3>{t(lang, 'ledger.report.title', { n: d.matches.length })}</h3>
      <p className="small">{t(lang, `ledger.report.action.${d.action}`)}</p>
      <div className="report-scroll">
        <table className="report-table">
          <thead>
            <tr>
              <th>{t(lang, 'ledger.report.line')}</th>
              <th>{t(lang, 'ledger.report.row')}</th>
              <th>{t(lang, 'ledger.report.existing')}</th>
              <th>{t(lang, 'ledger.report.by')}</th>
            </tr>
          </thead>
          <tbody>
            {d.matches.slice(0, SHOWN).map((m) => (
              <tr key={m.key} data-line={m.line}>
                <td>{m.line}</td>
                <td>{m.name}</td>
                <td>
                  {m.existingName} <span className="muted">({m.existingId})</span>
                </td>
                <td>{t(lang, `ledger.report.by.${m.by}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {d.matches.length > SHOWN ? (
        <p className="muted small">{t(lang, 'import.moreInFile', { n: d.matches.length - SHOWN })}</p>
      ) : null}
    </section>
  );
}
