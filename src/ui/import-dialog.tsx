import { useEffect, useRef, useState } from 'react';
import { formatNumber, t } from '../i18n/t';
import type { ImportFailure } from '../import/failure';
import type { ImportedDataset, ImportOptions, Sniffed, SniffOverrides } from '../import/pipeline';
import type { ImportStage } from '../import/protocol';
import { commitImport, failureOf, readFileStart } from '../import/workflow';
import { prepareImports } from '../state/prepare-shown';
import { useAppStore } from '../state/store';
import { MappingStep } from './import-mapping';
import { ReportBody } from './import-report';

type Phase =
  | { kind: 'reading' }
  | { kind: 'mapping'; sniffed: Sniffed; options: ImportOptions }
  | { kind: 'importing'; stage: ImportStage; share: number }
  | { kind: 'failed'; failure: ImportFailure }
  | { kind: 'nothing'; dataset: ImportedDataset };

/**
 * The import, step by step: read the file's start, let the user check what was detected and map
 * the columns, import with progress and cancel, then the report. The work is in import/workflow.ts;
 * this is the view of its phases.
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
  const failed = (e: unknown) => {
    const failure = failureOf(e);
    if (failure) setPhase({ kind: 'failed', failure });
    return failure;
  };

  const readStart = (f: File, overrides: SniffOverrides, prev: ImportOptions | null) => {
    setPhase({ kind: 'reading' });
    const job = readFileStart(f, overrides, prev, useAppStore.getState);
    cancelRef.current = job.cancel;
    job.result.then(({ sniffed, options }) => setPhase({ kind: 'mapping', sniffed, options }), failed);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new file starts a new dialog, nothing else does
  useEffect(() => {
    if (file) readStart(file, {}, null);
    return () => cancelRef.current();
  }, [file]);

  if (!file) return null;

  const runImport = (options: ImportOptions) => {
    setPhase({ kind: 'importing', stage: 'load', share: 0 });
    const job = commitImport(
      file,
      options,
      useAppStore.getState,
      (stage, share) => setPhase({ kind: 'importing', stage, share }),
      (imports) => prepareImports(useAppStore.getState(), imports),
    );
    cancelRef.current = job.cancel;
    job.result.then(
      (outcome) => {
        cancelRef.current = () => {};
        if (outcome.kind === 'nothing') setPhase({ kind: 'nothing', dataset: outcome.dataset });
      },
      (e: unknown) => {
        if (!failed(e)) startImport(null);
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
            file={file}
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
              {t(lang, phase.failure.code, phase.failure.params)}
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
              {t(lang, phase.dataset.rowCount === 0 ? 'import.noDataRows' : 'import.nothingUsable')}
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
