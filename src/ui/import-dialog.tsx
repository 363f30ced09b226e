import { useEffect, useRef, useState } from 'react';
import type { Bilingual, Confidence } from '../data/types';
import { formatNumber, pick, t } from '../i18n/t';
import { FIELDS, type ImportKind, requiredFields, suggestMapping, type TargetField } from '../import/columns';
import { ENCODING_LABELS, type Encoding } from '../import/encoding';
import { ImportCancelled, ImportError, importFile, sniffFile } from '../import/import-client';
import { nextImportId } from '../import/merge';
import {
  CRS_LIST,
  type Crs,
  DELIMITERS,
  type ImportedDataset,
  type ImportOptions,
  importContextOf,
  previewPoints,
  type Sniffed,
  type SniffOverrides,
} from '../import/pipeline';
import type { ImportStage } from '../import/protocol';
import { saveImport } from '../import/saved-imports';
import { CONFIDENCES } from '../model';
import { useAppStore } from '../state/store';
import { ReportBody } from './import-report';

type Phase =
  | { kind: 'reading' }
  | { kind: 'mapping'; sniffed: Sniffed; options: ImportOptions }
  | { kind: 'importing'; stage: ImportStage; share: number }
  | { kind: 'failed'; reason: Bilingual }
  | { kind: 'nothing'; dataset: ImportedDataset };

const DELIMITER_LABEL: Record<string, Bilingual> = {
  ',': { zh: '逗号 ,', en: 'comma ,' },
  ';': { zh: '分号 ;', en: 'semicolon ;' },
  '\t': { zh: '制表符', en: 'tab' },
  '|': { zh: '竖线 |', en: 'bar |' },
};

const today = () => new Date().toISOString().slice(0, 10);

function optionsFrom(s: Sniffed, prev: ImportOptions | null, id: string): ImportOptions {
  return {
    fileName: s.fileName,
    datasetId: id,
    format: s.format,
    encoding: s.encoding,
    delimiter: s.delimiter,
    kind: prev?.kind ?? s.kind,
    mapping: prev && prev.kind !== s.kind ? suggestMapping(s.header, prev.kind) : s.mapping,
    lonLatColumn: s.lonLatColumn,
    crs: prev?.crs ?? s.crs,
    swapLonLat: s.swapLonLat,
    mode: prev?.mode ?? 'join',
    confidence: prev?.confidence ?? 'medium',
  };
}

/**
 * The import, step by step: read the file's start (worker), let the user check what was detected
 * and map the columns, import with progress and cancel (worker), then store it and show the report.
 */
export function ImportDialog() {
  const lang = useAppStore((s) => s.lang);
  const file = useAppStore((s) => s.importDraft);
  const startImport = useAppStore((s) => s.startImport);
  const [phase, setPhase] = useState<Phase>({ kind: 'reading' });
  const cancelRef = useRef<() => void>(() => {});

  const close = () => {
    cancelRef.current();
    startImport(null);
  };

  const readStart = (f: File, overrides: SniffOverrides, prev: ImportOptions | null) => {
    setPhase({ kind: 'reading' });
    const job = sniffFile(f, overrides);
    cancelRef.current = job.cancel;
    job.result.then(
      (sniffed) => {
        const id = nextImportId(useAppStore.getState().imports);
        setPhase({ kind: 'mapping', sniffed, options: optionsFrom(sniffed, prev, id) });
      },
      (e: unknown) => {
        if (!(e instanceof ImportCancelled)) setPhase({ kind: 'failed', reason: reasonOf(e) });
      },
    );
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new file starts a new dialog, nothing else does
  useEffect(() => {
    if (file) readStart(file, {}, null);
    return () => cancelRef.current();
  }, [file]);

  if (!file) return null;

  const runImport = (options: ImportOptions) => {
    const data = useAppStore.getState().data;
    if (!data) return;
    setPhase({ kind: 'importing', stage: 'load', share: 0 });
    const job = importFile(file, options, importContextOf(data, today()), (stage, share) =>
      setPhase({ kind: 'importing', stage, share }),
    );
    cancelRef.current = job.cancel;
    job.result.then(
      async (dataset) => {
        cancelRef.current = () => {};
        if (dataset.enterprises.length + dataset.chargers.length === 0) {
          setPhase({ kind: 'nothing', dataset });
          return;
        }
        const st = useAppStore.getState();
        st.setImports([...st.imports, dataset]);
        const stored = await saveImport(dataset);
        st.setStorageError(stored.ok ? null : stored.message);
        startImport(null);
        st.showReport(dataset.id);
      },
      (e: unknown) => {
        if (e instanceof ImportCancelled) startImport(null);
        else setPhase({ kind: 'failed', reason: reasonOf(e) });
      },
    );
  };

  return (
    <div className="modal-backdrop">
      <section
        className="modal import-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        data-testid="import-dialog"
        data-phase={phase.kind}
      >
        <header className="modal-head">
          <h2 id="import-title">{t(lang, 'import.title', { file: file.name })}</h2>
          <p className="muted small">{formatNumber(lang, file.size / 1024, 1)} KB</p>
        </header>
        {phase.kind === 'reading' ? (
          <>
            <p>{t(lang, 'import.reading')}</p>
            <footer className="modal-foot">
              <button type="button" className="secondary-btn" onClick={close}>
                {t(lang, 'import.cancel')}
              </button>
            </footer>
          </>
        ) : null}
        {phase.kind === 'mapping' ? (
          <MappingStep
            sniffed={phase.sniffed}
            options={phase.options}
            onChange={(options) => setPhase({ ...phase, options })}
            onReread={(overrides) => readStart(file, overrides, phase.options)}
            onImport={() => runImport(phase.options)}
            onCancel={close}
          />
        ) : null}
        {phase.kind === 'importing' ? (
          <>
            <label className="progress-label" htmlFor="import-progress">
              {t(lang, `import.stage.${phase.stage}`)} {Math.round(phase.share * 100)}%
            </label>
            <progress
              id="import-progress"
              data-testid="import-progress"
              max={1}
              value={
                phase.stage === 'load'
                  ? undefined
                  : phase.stage === 'read'
                    ? phase.share * 0.8
                    : 0.8 + phase.share * 0.2
              }
            />
            <footer className="modal-foot">
              <button type="button" className="secondary-btn" data-testid="import-cancel" onClick={close}>
                {t(lang, 'import.cancel')}
              </button>
            </footer>
          </>
        ) : null}
        {phase.kind === 'failed' ? (
          <>
            <p className="notice error" role="alert" data-testid="import-error">
              {pick(lang, phase.reason)}
            </p>
            <p className="muted small">{t(lang, 'import.untouched')}</p>
            <footer className="modal-foot">
              <button type="button" className="primary-btn" data-testid="import-close" onClick={close}>
                {t(lang, 'card.close')}
              </button>
            </footer>
          </>
        ) : null}
        {phase.kind === 'nothing' ? (
          <>
            <p className="notice error" role="alert" data-testid="import-error">
              {t(lang, 'import.nothingUsable')}
            </p>
            <ReportBody ds={phase.dataset} lang={lang} />
            <footer className="modal-foot">
              <button type="button" className="primary-btn" data-testid="import-close" onClick={close}>
                {t(lang, 'card.close')}
              </button>
            </footer>
          </>
        ) : null}
      </section>
    </div>
  );
}

function reasonOf(e: unknown): Bilingual {
  if (e instanceof ImportError) return e.reason;
  const msg = e instanceof Error ? e.message : String(e);
  return { zh: `导入失败：${msg}`, en: `import failed: ${msg}` };
}

function MappingStep({
  sniffed,
  options,
  onChange,
  onReread,
  onImport,
  onCancel,
}: {
  sniffed: Sniffed;
  options: ImportOptions;
  onChange: (o: ImportOptions) => void;
  onReread: (o: SniffOverrides) => void;
  onImport: () => void;
  onCancel: () => void;
}) {
  const lang = useAppStore((s) => s.lang);
  const set = (p: Partial<ImportOptions>) => onChange({ ...options, ...p });
  const fields = FIELDS[options.kind];
  const missing = requiredFields(options.kind).filter((f) => options.mapping[f] === undefined);
  const pts = previewPoints(sniffed, options.mapping, options.lonLatColumn, options.crs, options.swapLonLat);
  const setField = (f: TargetField, v: string) => {
    const mapping = { ...options.mapping };
    if (v === '') delete mapping[f];
    else mapping[f] = Number(v);
    set({ mapping });
  };
  return (
    <form
      className="mapping"
      onSubmit={(e) => {
        e.preventDefault();
        if (missing.length === 0) onImport();
      }}
    >
      <div className="mapping-grid">
        <label>
          <span>{t(lang, 'import.kind')}</span>
          <select
            data-testid="import-kind"
            value={options.kind}
            onChange={(e) => {
              const kind = e.target.value as ImportKind;
              set({ kind, mapping: suggestMapping(sniffed.header, kind) });
            }}
          >
            <option value="enterprises">{t(lang, 'import.kind.enterprises')}</option>
            <option value="chargers">{t(lang, 'import.kind.chargers')}</option>
          </select>
        </label>
        <label>
          <span>{t(lang, 'import.encoding')}</span>
          <select
            data-testid="import-encoding"
            value={options.encoding}
            onChange={(e) => onReread({ encoding: e.target.value as Encoding, delimiter: options.delimiter })}
          >
            {(Object.keys(ENCODING_LABELS) as Encoding[]).map((enc) => (
              <option key={enc} value={enc}>
                {pick(lang, ENCODING_LABELS[enc])}
                {enc === sniffed.encoding && sniffed.bom ? ' + BOM' : ''}
              </option>
            ))}
          </select>
        </label>
        {sniffed.format === 'csv' ? (
          <label>
            <span>{t(lang, 'import.delimiter')}</span>
            <select
              data-testid="import-delimiter"
              value={options.delimiter}
              onChange={(e) => onReread({ encoding: options.encoding, delimiter: e.target.value })}
            >
              {DELIMITERS.map((d) => (
                <option key={d} value={d}>
                  {pick(lang, DELIMITER_LABEL[d] ?? { zh: d, en: d })}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          <span>{t(lang, 'import.crs')}</span>
          <select
            data-testid="import-crs"
            value={options.crs}
            onChange={(e) => set({ crs: e.target.value as Crs })}
          >
            {CRS_LIST.map((c) => (
              <option key={c} value={c}>
                {t(lang, `import.crs.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="opt">
          <input
            type="checkbox"
            data-testid="import-swap"
            checked={options.swapLonLat}
            onChange={(e) => set({ swapLonLat: e.target.checked })}
          />
          <span>{t(lang, 'import.swap')}</span>
        </label>
        <fieldset className="mode">
          <legend>{t(lang, 'import.mode')}</legend>
          {(['join', 'replace'] as const).map((m) => (
            <label key={m} className="opt">
              <input
                type="radio"
                name="import-mode"
                value={m}
                data-testid={`import-mode-${m}`}
                checked={options.mode === m}
                onChange={() => set({ mode: m })}
              />
              <span>{t(lang, `import.mode.${m}`)}</span>
            </label>
          ))}
        </fieldset>
        {options.kind === 'enterprises' && options.mapping.confidence === undefined ? (
          <label>
            <span>{t(lang, 'import.defaultConfidence')}</span>
            <select
              value={options.confidence}
              onChange={(e) => set({ confidence: e.target.value as Confidence })}
            >
              {CONFIDENCES.map((c) => (
                <option key={c} value={c}>
                  {t(lang, `conf.${c}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <div className="detect-notes" data-testid="import-detected">
        {sniffed.replaced > 0 ? (
          <p className="notice warn">{t(lang, 'import.replaced', { n: sniffed.replaced })}</p>
        ) : null}
        {sniffed.crsReason ? (
          <p className="small">{t(lang, 'import.crsFromHeader', { header: sniffed.crsReason })}</p>
        ) : (
          <p className="small muted">{t(lang, 'import.crsHint')}</p>
        )}
        {sniffed.swapLonLat ? <p className="notice warn">{t(lang, 'import.swapDetected')}</p> : null}
        {pts.total > 0 ? (
          <p className={`small ${pts.inside < pts.total ? 'notice warn' : ''}`} data-testid="import-points">
            {t(lang, 'import.pointsInside', {
              inside: pts.inside,
              total: pts.total,
              shift: pts.meanShiftM === null ? 0 : Math.round(pts.meanShiftM),
            })}
          </p>
        ) : null}
      </div>
      <h3 className="mapping-head">{t(lang, 'import.columns')}</h3>
      <div className="mapping-fields">
        {fields.map((f) => (
          <label key={f} className={missing.includes(f) ? 'missing' : ''}>
            <span>
              {t(lang, `field.${f}`)}
              {requiredFields(options.kind).includes(f) ? ' *' : ''}
            </span>
            <select
              data-field={f}
              value={options.mapping[f] === undefined ? '' : String(options.mapping[f])}
              onChange={(e) => setField(f, e.target.value)}
            >
              <option value="">{t(lang, 'import.notMapped')}</option>
              {sniffed.header.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by position; names may repeat
                <option key={i} value={i}>
                  {h || t(lang, 'import.unnamedColumn', { n: i + 1 })}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <h3 className="mapping-head">{t(lang, 'import.preview')}</h3>
      <div className="report-scroll preview-scroll">
        <table className="report-table preview-table" data-testid="import-preview">
          <thead>
            <tr>
              {sniffed.header.slice(0, 30).map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns by position
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sniffed.preview.slice(0, 5).map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: preview rows by position
              <tr key={i}>
                {r.slice(0, 30).map((c, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells by position
                  <td key={j}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {missing.length ? (
        <p className="notice error" role="alert">
          {t(lang, 'import.needName')}
        </p>
      ) : null}
      <footer className="modal-foot">
        <button type="button" className="secondary-btn" onClick={onCancel}>
          {t(lang, 'import.cancel')}
        </button>
        <button type="submit" className="primary-btn" data-testid="import-go" disabled={missing.length > 0}>
          {t(lang, 'import.go')}
        </button>
      </footer>
    </form>
  );
}
