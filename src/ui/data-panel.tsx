import { useState } from 'react';
import {
  chargersCsv,
  chargersGeoJson,
  download,
  enterprisesCsv,
  enterprisesGeoJson,
} from '../export/export-data';
import { formatNumber, t } from '../i18n/t';
import { reportTotalsOf } from '../import/saved-imports';
import { removeImport } from '../import/workflow';
import { isoDate, todayIso } from '../model/dates';
import { selectChargersAsOf, selectFilteredEnterprises } from '../state/selectors';
import { useAppStore } from '../state/store';
import { Sheet } from './card-parts';
import { StorageNotice } from './storage-notice';

export const IMPORT_ACCEPT = '.csv,.txt,.tsv,.geojson,.json,text/csv,application/geo+json,application/json';

/** The user's own data: import a file, see and remove earlier imports, export what the view shows. */
export function DataPanel() {
  const lang = useAppStore((s) => s.lang);
  const panel = useAppStore((s) => s.panel);
  const data = useAppStore((s) => s.data);
  const imports = useAppStore((s) => s.imports);
  const filters = useAppStore((s) => s.filters);
  const asOfYear = useAppStore((s) => s.charging.asOfYear);
  const storageError = useAppStore((s) => s.storageError);
  const savedImports = useAppStore((s) => s.savedImports);
  const setPanel = useAppStore((s) => s.setPanel);
  const startImport = useAppStore((s) => s.startImport);
  const showReport = useAppStore((s) => s.showReport);
  // Which import's removal is waiting for a second tap (a moment's UI, nothing to share or restore).
  const [confirming, setConfirming] = useState<string | null>(null);
  if (panel !== 'data' || !data) return null;
  const firms = selectFilteredEnterprises(data, filters);
  const sites = selectChargersAsOf(data, asOfYear);
  const stamp = todayIso();

  return (
    <Sheet
      className="side-panel data-panel"
      testId="data-panel"
      title={t(lang, 'data.title')}
      onClose={() => setPanel('none')}
      lang={lang}
    >
      <section>
        <h3>{t(lang, 'data.import')}</h3>
        <label className="primary-btn file-btn">
          {t(lang, 'data.pickFile')}
          <input
            type="file"
            accept={IMPORT_ACCEPT}
            data-testid="import-input"
            onChange={(e) => {
              const f = e.target.files?.[0];
              // Cleared so that picking the same file again starts a new import.
              e.target.value = '';
              if (f) startImport(f);
            }}
          />
        </label>
        <p className="small muted">{t(lang, 'data.importHelp')}</p>
        {storageError ? (
          <StorageNotice lang={lang} problem={storageError} about="imports" testId="storage-error" />
        ) : null}
      </section>
      <section>
        <h3>{t(lang, 'data.imported')}</h3>
        {savedImports === 'reading' ? (
          <p className="muted" data-testid="saved-reading">
            {t(lang, 'storage.reading')}
          </p>
        ) : imports.length === 0 && savedImports === 'read' ? (
          // Storage silent: whether anything was saved is not known, and the notice above says so.
          <p className="muted">{t(lang, 'data.noImports')}</p>
        ) : null}
        <ul className="plain-list import-list" data-testid="import-list">
          {imports.map((i) => (
            <li key={i.id} data-import={i.id}>
              <p className="import-name">{i.fileName}</p>
              <p className="small muted">
                {t(lang, `import.kind.${i.kind}`)} ·{' '}
                {t(lang, 'data.records', { n: i.enterprises.length + i.chargers.length })} ·{' '}
                {t(lang, `import.mode.${i.mode}`)} · {isoDate(new Date(i.importedAt))}
              </p>
              <div className="button-row">
                <button
                  type="button"
                  className="secondary-btn"
                  data-testid="import-report-open"
                  onClick={() => showReport(i.id)}
                >
                  {t(lang, 'data.report', { n: reportTotalsOf(i).rows })}
                </button>
                {confirming === i.id ? null : (
                  <button
                    type="button"
                    className="secondary-btn danger"
                    data-testid="import-remove"
                    onClick={() => setConfirming(i.id)}
                  >
                    {t(lang, 'data.remove')}
                  </button>
                )}
              </div>
              {confirming === i.id ? (
                // Removing cannot be undone (the file may be gone): one more tap, said in words.
                <div className="confirm-row" role="alert" data-testid="import-remove-ask">
                  <p>
                    {t(lang, 'data.removeAsk', {
                      n: i.enterprises.length + i.chargers.length,
                      file: i.fileName,
                    })}
                  </p>
                  <div className="button-row">
                    <button
                      type="button"
                      className="secondary-btn danger"
                      data-testid="import-remove-confirm"
                      onClick={() => {
                        setConfirming(null);
                        void removeImport(i.id, useAppStore.getState);
                      }}
                    >
                      {t(lang, 'data.removeConfirm')}
                    </button>
                    <button type="button" className="secondary-btn" onClick={() => setConfirming(null)}>
                      {t(lang, 'data.removeCancel')}
                    </button>
                  </div>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h3>{t(lang, 'data.export')}</h3>
        <p className="small muted">{t(lang, 'data.exportHelp')}</p>
        <p>{t(lang, 'data.exportFirms', { n: formatNumber(lang, firms.length, 0) })}</p>
        <div className="button-row">
          <button
            type="button"
            className="secondary-btn"
            data-testid="export-firms-csv"
            onClick={() => download(`huaibei-enterprises-${stamp}.csv`, enterprisesCsv(firms), 'text/csv')}
          >
            CSV
          </button>
          <button
            type="button"
            className="secondary-btn"
            data-testid="export-firms-geojson"
            onClick={() =>
              download(
                `huaibei-enterprises-${stamp}.geojson`,
                enterprisesGeoJson(firms),
                'application/geo+json',
              )
            }
          >
            GeoJSON
          </button>
        </div>
        <p>
          {t(lang, 'data.exportSites', {
            n: formatNumber(lang, sites.length, 0),
            year: asOfYear ?? t(lang, 'data.now'),
          })}
        </p>
        <div className="button-row">
          <button
            type="button"
            className="secondary-btn"
            data-testid="export-sites-csv"
            onClick={() => download(`huaibei-chargers-${stamp}.csv`, chargersCsv(sites), 'text/csv')}
          >
            CSV
          </button>
          <button
            type="button"
            className="secondary-btn"
            data-testid="export-sites-geojson"
            onClick={() =>
              download(`huaibei-chargers-${stamp}.geojson`, chargersGeoJson(sites), 'application/geo+json')
            }
          >
            GeoJSON
          </button>
        </div>
      </section>
    </Sheet>
  );
}
