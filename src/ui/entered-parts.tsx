import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import {
  type Checked,
  type EnteredField,
  type EnteredImportReport,
  type FieldProblem,
  MAX_TEXT,
} from '../data/entered';
import type { Lang } from '../data/types';
import { storageText } from '../i18n/storage-text';
import { colon, t } from '../i18n/t';
import {
  downloadTemplate,
  exportGoalsFile,
  exportNevFile,
  importEnteredCsv,
} from '../import/entered-workflow';
import { isoDate } from '../model/dates';
import type { EnteredKind } from '../model/entered';
import { useAppStore } from '../state/store';
import './entered.css';

// The parts the goals panel and the charging panel share for values entered on this device: a
// form field that shows its problem, the "entered locally" mark, and the CSV import and export.

/** "本机录入": the short mark of a value entered on this device, where there is no room for its date. */
export function EnteredTag({ lang }: { lang: Lang }) {
  return (
    <span className="entered-tag" data-testid="entered-tag">
      {t(lang, 'entered.tag')}
    </span>
  );
}

/** "本机录入（2026-12-01）", "entered locally on 2026-12-01": what marks a value entered on this device, wherever it shows. */
export function EnteredMark({ enteredAt, lang }: { enteredAt: string; lang: Lang }) {
  return (
    <span className="entered-mark" data-testid="entered-mark">
      <EnteredTag lang={lang} />
      <span className="small muted entered-on">
        {lang === 'zh' ? '' : ' '}
        {t(lang, 'entered.on', { date: isoDate(new Date(enteredAt)) })}
      </span>
    </span>
  );
}

export interface FieldProps {
  /** The form's prefix: ids are `${form}-${field}`. */
  form: string;
  field: EnteredField;
  label: string;
  hint?: string;
  problem: FieldProblem | undefined;
  lang: Lang;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date';
  inputMode?: 'decimal' | 'numeric' | 'text';
  max?: string;
  maxLength?: number;
  /** Shown as a menu instead of a text box. */
  options?: { value: string; label: string }[];
}

/** The source of a figure: required, as the hint says, and at most MAX_TEXT characters. */
export function SourceField(p: Omit<FieldProps, 'label' | 'hint' | 'maxLength'>) {
  return (
    <Field
      {...p}
      label={t(p.lang, 'entered.source')}
      hint={t(p.lang, 'entered.sourceHint')}
      maxLength={MAX_TEXT}
    />
  );
}

/** A labelled field with its hint and its problem, both read out with it (aria-describedby). */
export function Field(p: FieldProps) {
  const id = `${p.form}-${p.field}`;
  const described = [p.hint ? `${id}-hint` : '', p.problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = {
    id,
    name: p.field,
    value: p.value,
    'aria-invalid': p.problem ? true : undefined,
    'aria-describedby': described || undefined,
    'data-testid': id,
  };
  return (
    <div className={`entry-field entry-field-${p.field}${p.problem ? ' invalid' : ''}`}>
      <label htmlFor={id}>{p.label}</label>
      {p.options ? (
        <select {...common} onChange={(e) => p.onChange(e.target.value)}>
          {p.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={p.type ?? 'text'}
          inputMode={p.inputMode}
          max={p.max}
          maxLength={p.maxLength}
          autoComplete="off"
          onChange={(e) => p.onChange(e.target.value)}
        />
      )}
      {p.hint ? (
        <p id={`${id}-hint`} className="small muted entry-hint">
          {p.hint}
        </p>
      ) : null}
      {p.problem ? (
        <p id={`${id}-error`} className="entry-error" data-testid={`${id}-error`}>
          {t(p.lang, p.problem.code, p.problem.params)}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The state of an entry form: the text of each field, the problems of the last try, and a submit
 * that keeps nothing on a problem and puts the focus on the first field that has one.
 */
export function useEntryForm<F extends Partial<Record<EnteredField, string>>>(
  id: string,
  initial: F,
  submit: (form: F) => Promise<Checked<unknown>>,
  onSaved: () => void,
  onEdit?: () => void,
) {
  const [form, setForm] = useState(initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const busy = useRef(false);
  /** What a Field of this form needs for one field: its value, its setter and its problem. */
  const bind = (field: keyof F & EnteredField) => ({
    form: id,
    field,
    value: form[field] ?? '',
    onChange: (value: string) => {
      onEdit?.();
      setForm((old) => ({ ...old, [field]: value }));
    },
    problem: problems.find((p) => p.field === field),
  });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy.current) return;
    busy.current = true;
    const r = await submit(form);
    busy.current = false;
    if (r.ok) {
      setProblems([]);
      onSaved();
      return;
    }
    setProblems(r.problems);
    const first = r.problems[0];
    if (first) document.getElementById(`${id}-${first.field}`)?.focus();
  };
  return { bind, problems, onSubmit, setForm };
}

/** The form's frame: the fields, a summary of what stops it from saving, and Save / Cancel. */
export function EntryForm(props: {
  id: string;
  title: string;
  /** The title is the section's heading (h3), not a line of the form. */
  heading?: boolean;
  lang: Lang;
  problems: FieldProblem[];
  onSubmit: (e: FormEvent) => void;
  onCancel?: () => void;
  children: ReactNode;
}) {
  const { lang } = props;
  const titleId = `${props.id}-title`;
  const Title = props.heading ? 'h3' : 'p';
  return (
    <form
      className="entry-form"
      data-testid={props.id}
      aria-labelledby={titleId}
      noValidate
      onSubmit={props.onSubmit}
    >
      <Title id={titleId} className="entry-form-title">
        {props.title}
      </Title>
      <div className="entry-fields">{props.children}</div>
      {props.problems.length > 0 ? (
        <p className="entry-error entry-summary" role="alert" data-testid={`${props.id}-not-saved`}>
          {t(lang, 'entered.notSaved', { n: props.problems.length })}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="primary-btn" data-testid={`${props.id}-save`}>
          {t(lang, 'entered.save')}
        </button>
        {props.onCancel ? (
          <button type="button" className="secondary-btn" onClick={props.onCancel}>
            {t(lang, 'entered.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The button that removes one entered value (its name in the accessible label). */
export function RemoveButton({
  name,
  lang,
  onRemove,
  testId,
}: {
  name: string;
  lang: Lang;
  onRemove: () => void;
  testId: string;
}) {
  return (
    <button
      type="button"
      className="secondary-btn danger"
      data-testid={testId}
      aria-label={t(lang, 'entered.removeOf', { name })}
      onClick={onRemove}
    >
      {t(lang, 'entered.remove')}
    </button>
  );
}

/** Every problem of a CSV import, by line and column; a line with an error was not imported. */
function ImportReport({ report, lang }: { report: EnteredImportReport; lang: Lang }) {
  const setReport = useAppStore((s) => s.setEnteredReport);
  const parts = [t(lang, 'entered.report.saved', { n: report.values.length })];
  if (report.rejected > 0) parts.push(t(lang, 'entered.report.rejected', { n: report.rejected }));
  if (report.blank > 0) parts.push(t(lang, 'entered.report.blank', { n: report.blank }));
  return (
    <section className="entered-report" data-testid="entered-report" aria-live="polite">
      <p className="entered-report-title">{t(lang, 'entered.report.title', { file: report.fileName })}</p>
      <p data-testid="entered-report-summary">{parts.join(lang === 'zh' ? '；' : '; ')}</p>
      {report.problems.length === 0 ? <p className="small muted">{t(lang, 'entered.report.ok')}</p> : null}
      <ul className="entered-problems">
        {report.problems.map((p, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity beyond their position
            key={i}
            className={`entered-problem-${p.severity}`}
            data-line={p.line ?? ''}
            data-column={p.column}
          >
            {p.line === null ? t(lang, 'entered.report.file') : t(lang, 'entered.report.line', { n: p.line })}
            {p.column ? ` · ${t(lang, 'entered.report.column', { column: p.column })}` : ''}
            {colon(lang)}
            {t(lang, p.code, p.params)}
          </li>
        ))}
      </ul>
      <button type="button" className="text-btn" onClick={() => setReport(null)}>
        {t(lang, 'entered.report.close')}
      </button>
    </section>
  );
}

/**
 * The values entered on this device as files: import from a CSV (with a template to fill in), the
 * import's report, and the export of the data file for the next release. `open` when first shown.
 */
export function EnteredFiles({ kind, lang, count }: { kind: EnteredKind; lang: Lang; count: number }) {
  const report = useAppStore((s) => (s.enteredReport?.kind === kind ? s.enteredReport : null));
  const [exportFailed, setExportFailed] = useState(false);
  const get = useAppStore.getState;
  return (
    <details
      className="entered-files"
      data-testid={`entered-files-${kind}`}
      open={report !== null || undefined}
    >
      <summary>
        {t(lang, 'entered.local')}
        <span className="small muted">
          {' '}
          · {count > 0 ? t(lang, 'entered.count', { n: count }) : t(lang, 'entered.none')}
        </span>
      </summary>
      <p className="small muted">{t(lang, 'entered.localIntro')}</p>
      <div className="button-row">
        <label className="secondary-btn file-btn">
          {t(lang, 'entered.import')}
          <input
            type="file"
            accept=".csv,.txt,text/csv"
            data-testid={`entered-import-${kind}`}
            onChange={(e) => {
              const f = e.target.files?.[0];
              // Cleared so that picking the same file again (after fixing it) imports it again.
              e.target.value = '';
              if (f) void importEnteredCsv(f, kind, get);
            }}
          />
        </label>
        <button type="button" className="secondary-btn" onClick={() => downloadTemplate(kind, lang, get)}>
          {t(lang, 'entered.template')}
        </button>
      </div>
      <p className="small muted">{t(lang, kind === 'goal' ? 'entered.importHelp' : 'nev.importHelp')}</p>
      {report ? <ImportReport report={report} lang={lang} /> : null}
      <div className="button-row">
        <button
          type="button"
          className="secondary-btn"
          data-testid={`entered-export-${kind}`}
          onClick={() => setExportFailed(!(kind === 'goal' ? exportGoalsFile(get) : exportNevFile(get)))}
        >
          {t(lang, kind === 'goal' ? 'entered.export' : 'nev.export')}
        </button>
      </div>
      {exportFailed ? <p className="entry-error">{t(lang, 'entered.exportUnavailable')}</p> : null}
      <p className="small muted">{t(lang, kind === 'goal' ? 'entered.exportHelp' : 'nev.exportHelp')}</p>
    </details>
  );
}

/** Why the entered values could not be kept or read back, if they could not. */
export function EnteredStorageNotice({ lang }: { lang: Lang }) {
  const error = useAppStore((s) => s.enteredError);
  const unreadable = useAppStore((s) => s.enteredUnreadable);
  if (!error && unreadable === 0) return null;
  return (
    <div className="notice error" role="alert" data-testid="entered-storage-error">
      {error ? <p>{storageText(lang, error, 'entered')}</p> : null}
      {error?.detail ? (
        <p className="small muted storage-detail">{t(lang, 'storage.detail', { detail: error.detail })}</p>
      ) : null}
      {unreadable > 0 ? <p>{t(lang, 'entered.unreadable', { n: unreadable })}</p> : null}
    </div>
  );
}
