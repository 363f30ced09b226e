import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Bilingual, Lang } from '../data/types';
import { download } from '../export/export-data';
import { qrDataUrl, qrFits } from '../export/qr';
import { layersLine, viewTitle } from '../export/view-text';
import { type MessageKey, pick, t } from '../i18n/t';
import type { SharedPanel, TourCard, TourStep } from '../model';
import { type AppState, type BriefingNotice, useAppStore } from '../state/store';
import {
  type Briefing,
  bothLangs,
  briefingFileName,
  briefingToFile,
  defaultClosing,
  defaultOpening,
  moveStep,
  removeStep,
  renameStep,
} from '../tour/briefing';
import { briefingLink } from '../tour/briefing-link';
import { SkippedNote } from '../tour/tour-view';
import { Sheet } from './card-parts';
import { StorageNotice } from './storage-notice';
import './briefing-panel.css';

const PANEL_NAMES: Record<SharedPanel, MessageKey> = {
  chain: 'nav.chain',
  targets: 'nav.targets',
  charging: 'nav.charging',
  goals: 'nav.goals',
  match: 'nav.match',
};

/** What the view about to be saved is about, in both languages (the panel it replaced counts). */
function defaultTexts(s: AppState): { title: Bilingual; text: Bilingual } {
  const base = s.briefingBase;
  const view = {
    ...s,
    panel: s.panel === 'briefing' ? (base?.panel ?? 'none') : s.panel,
    selection: s.selection ?? base?.selection ?? null,
    tourStep: s.playSteps ? null : s.tourStep,
  };
  const of = (lang: Lang) => ({ title: viewTitle({ ...view, lang }), text: layersLine({ ...view, lang }) });
  const zh = of('zh');
  const en = of('en');
  return { title: { zh: zh.title, en: en.title }, text: { zh: zh.text, en: en.text } };
}

function Notice({ lang, notice }: { lang: Lang; notice: BriefingNotice }) {
  switch (notice.kind) {
    case 'added':
      return (
        <p className="notice" role="status" data-testid="briefing-notice">
          {t(lang, 'briefing.added', { n: notice.n, title: pick(lang, notice.title) })}
          {notice.panel ? t(lang, 'briefing.withPanel', { panel: t(lang, PANEL_NAMES[notice.panel]) }) : ''}
        </p>
      );
    case 'imported':
      return (
        <div className="brief-notice" role="status" data-testid="briefing-notice">
          <p className="notice">
            {t(lang, 'briefing.imported', { title: pick(lang, notice.title), n: notice.n })}
          </p>
          <SkippedNote lang={lang} issues={notice.issues} open />
        </div>
      );
    case 'importFailed':
      return (
        <div className="brief-notice" role="alert" data-testid="briefing-notice">
          <p className="notice error">{t(lang, 'briefing.importFailed', { file: notice.file })}</p>
          <SkippedNote lang={lang} issues={notice.issues} open />
        </div>
      );
    case 'linkBroken':
      return (
        <div className="brief-notice" role="alert" data-testid="briefing-notice">
          <p className="notice error">{t(lang, 'briefing.linkBroken')}</p>
          <SkippedNote lang={lang} issues={notice.issues} open />
        </div>
      );
    case 'noCamera':
      return (
        <p className="notice warn" role="status" data-testid="briefing-notice">
          {t(lang, 'briefing.noCamera')}
        </p>
      );
    case 'full':
      return (
        <p className="notice warn" role="status" data-testid="briefing-notice">
          {t(lang, 'briefing.full', { max: 99 })}
        </p>
      );
  }
}

/** A pair of fields, Chinese and English, for one text. */
function LangFields(props: {
  lang: Lang;
  zhLabel: MessageKey;
  enLabel: MessageKey;
  value: Bilingual;
  onChange: (b: Bilingual) => void;
  multiline?: boolean;
  testId: string;
}) {
  const { lang, value, onChange } = props;
  const uid = useId();
  const field = (which: 'zh' | 'en') => {
    const common = {
      id: `${uid}-${which}`,
      value: value[which],
      lang: which === 'zh' ? 'zh-CN' : 'en',
      maxLength: 600,
      'data-testid': `${props.testId}-${which}`,
    };
    return (
      <div className="brief-field">
        <label htmlFor={common.id}>{t(lang, which === 'zh' ? props.zhLabel : props.enLabel)}</label>
        {props.multiline ? (
          <textarea {...common} rows={3} onChange={(e) => onChange({ ...value, [which]: e.target.value })} />
        ) : (
          <input {...common} type="text" onChange={(e) => onChange({ ...value, [which]: e.target.value })} />
        )}
      </div>
    );
  };
  return (
    <>
      {field('zh')}
      {field('en')}
    </>
  );
}

function AddForm({ lang, disabled }: { lang: Lang; disabled: boolean }) {
  const add = useAppStore((s) => s.addViewToBriefing);
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const submit = () => {
    const d = defaultTexts(useAppStore.getState());
    // What was typed is in the user's language; the other takes the same text (bothLangs).
    const typedTitle = title.trim() ? (bothLangs(title, '') as Bilingual) : d.title;
    const typedNote = note.trim() ? (bothLangs(note, '') as Bilingual) : d.text;
    add(typedTitle, typedNote);
    setTitle('');
    setNote('');
  };
  return (
    <form
      className="brief-add"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3>{t(lang, 'briefing.addHeading')}</h3>
      <p className="small">{t(lang, 'briefing.addHint')}</p>
      <label className="brief-field">
        <span>{t(lang, 'briefing.stepTitle')}</span>
        <input
          type="text"
          value={title}
          maxLength={600}
          placeholder={pick(lang, defaultTexts(useAppStore.getState()).title)}
          data-testid="briefing-add-title"
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label className="brief-field">
        <span>{t(lang, 'briefing.stepNote')}</span>
        <textarea
          value={note}
          rows={2}
          maxLength={600}
          data-testid="briefing-add-note"
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <p className="small muted">{t(lang, 'briefing.oneLangHint')}</p>
      <button type="submit" className="primary-btn" disabled={disabled} data-testid="briefing-add">
        {t(lang, 'briefing.add')}
      </button>
    </form>
  );
}

function StepEdit(props: {
  lang: Lang;
  n: number;
  step: TourStep;
  onSave: (title: Bilingual, text: Bilingual) => void;
  onCancel: () => void;
}) {
  const { lang, step } = props;
  const [title, setTitle] = useState(step.title);
  const [text, setText] = useState(step.text);
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => first.current?.querySelector('input')?.focus(), []);
  return (
    <form
      className="brief-edit"
      data-testid="briefing-edit"
      onSubmit={(e) => {
        e.preventDefault();
        const ti = bothLangs(title.zh, title.en) ?? step.title;
        const tx = bothLangs(text.zh, text.en) ?? step.text;
        props.onSave(ti, tx);
      }}
    >
      <h4>{t(lang, 'briefing.editHeading', { n: props.n })}</h4>
      <div ref={first}>
        <LangFields
          lang={lang}
          zhLabel="briefing.titleZh"
          enLabel="briefing.titleEn"
          value={title}
          onChange={setTitle}
          testId="briefing-edit-title"
        />
      </div>
      <LangFields
        lang={lang}
        zhLabel="briefing.noteZh"
        enLabel="briefing.noteEn"
        value={text}
        onChange={setText}
        multiline
        testId="briefing-edit-note"
      />
      <p className="small muted">{t(lang, 'briefing.oneLangHint')}</p>
      <div className="brief-row">
        <button type="submit" className="primary-btn" data-testid="briefing-edit-save">
          {t(lang, 'briefing.save')}
        </button>
        <button type="button" className="secondary-btn" onClick={props.onCancel}>
          {t(lang, 'briefing.cancel')}
        </button>
      </div>
    </form>
  );
}

/** An icon button with its short name shown and its full name (which step) for assistive technology. */
function ToolButton(props: {
  label: string;
  text: string;
  icon: string;
  onClick: () => void;
  disabled?: boolean;
  testId: string;
  danger?: boolean;
}) {
  return (
    <button
      type="button"
      className={`brief-tool ${props.danger ? 'danger' : ''}`}
      aria-label={props.label}
      title={props.label}
      disabled={props.disabled}
      data-testid={props.testId}
      onClick={props.onClick}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d={props.icon} />
      </svg>
      <span aria-hidden="true">{props.text}</span>
    </button>
  );
}

function StepList({ lang, b }: { lang: Lang; b: Briefing }) {
  const update = useAppStore((s) => s.updateBriefing);
  const play = useAppStore((s) => s.playBriefing);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  // After a move, the focus follows the step it was on (the buttons are re-made in the new order).
  const [focusAfter, setFocusAfter] = useState<{ id: string; tool: string } | null>(null);
  useEffect(() => {
    if (!focusAfter) return;
    const el = list.current?.querySelector<HTMLButtonElement>(
      `[data-step-id="${CSS.escape(focusAfter.id)}"] [data-testid="${focusAfter.tool}"]`,
    );
    (el && !el.disabled
      ? el
      : list.current?.querySelector<HTMLButtonElement>(
          `[data-step-id="${CSS.escape(focusAfter.id)}"] .brief-step-show`,
        )
    )?.focus();
    setFocusAfter(null);
  });
  if (b.steps.length === 0) return <p className="small">{t(lang, 'briefing.noSteps')}</p>;
  return (
    <ol
      className="brief-steps"
      ref={list}
      aria-label={t(lang, 'briefing.stepsLabel', { title: pick(lang, b.title) })}
    >
      {b.steps.map((s, i) => {
        const n = i + 1;
        const title = pick(lang, s.title);
        const move = (delta: number, tool: string) => {
          update(b.id, (x) => moveStep(x, i, delta));
          setFocusAfter({ id: s.id, tool });
        };
        return (
          <li key={s.id} data-testid="briefing-step" data-step-id={s.id}>
            {editing === s.id ? (
              <StepEdit
                lang={lang}
                n={n}
                step={s}
                onCancel={() => setEditing(null)}
                onSave={(ti, tx) => {
                  update(b.id, (x) => renameStep(x, i, ti, tx));
                  setEditing(null);
                  setFocusAfter({ id: s.id, tool: 'briefing-step-edit' });
                }}
              />
            ) : confirming === s.id ? (
              <div className="brief-confirm" role="alert">
                <p>{t(lang, 'briefing.confirmDeleteStep', { n, title })}</p>
                <div className="brief-row">
                  <button
                    type="button"
                    className="secondary-btn danger"
                    data-testid="briefing-step-delete-yes"
                    onClick={() => {
                      update(b.id, (x) => removeStep(x, i));
                      setConfirming(null);
                    }}
                  >
                    {t(lang, 'briefing.delete')}
                  </button>
                  <button
                    type="button"
                    className="secondary-btn"
                    // biome-ignore lint/a11y/noAutofocus: the question was just asked; the safe answer takes the focus
                    autoFocus
                    onClick={() => setConfirming(null)}
                  >
                    {t(lang, 'briefing.cancel')}
                  </button>
                </div>
              </div>
            ) : (
              <div className="brief-step">
                <button
                  type="button"
                  className="brief-step-show"
                  aria-label={t(lang, 'briefing.showLabel', { n, title })}
                  data-testid="briefing-step-play"
                  onClick={() => play(b.id, i)}
                >
                  <span className="brief-step-n" aria-hidden="true">
                    {n}
                  </span>
                  <span className="brief-step-title">{title}</span>
                </button>
                <div className="brief-tools">
                  <ToolButton
                    label={t(lang, 'briefing.upLabel', { n, title })}
                    text={t(lang, 'briefing.up')}
                    icon="M12 19V5M5 12l7-7 7 7"
                    disabled={i === 0}
                    testId="briefing-step-up"
                    onClick={() => move(-1, 'briefing-step-up')}
                  />
                  <ToolButton
                    label={t(lang, 'briefing.downLabel', { n, title })}
                    text={t(lang, 'briefing.down')}
                    icon="M12 5v14M5 12l7 7 7-7"
                    disabled={i === b.steps.length - 1}
                    testId="briefing-step-down"
                    onClick={() => move(1, 'briefing-step-down')}
                  />
                  <ToolButton
                    label={t(lang, 'briefing.editLabel', { n, title })}
                    text={t(lang, 'briefing.edit')}
                    icon="M4 20h4L19 9l-4-4L4 16zM13 7l4 4"
                    testId="briefing-step-edit"
                    onClick={() => setEditing(s.id)}
                  />
                  <ToolButton
                    label={t(lang, 'briefing.deleteLabel', { n, title })}
                    text={t(lang, 'briefing.delete')}
                    icon="M5 7h14M10 7V4h4v3M7 7l1 13h8l1-13"
                    testId="briefing-step-delete"
                    danger
                    onClick={() => setConfirming(s.id)}
                  />
                </div>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function CardFields(props: {
  lang: Lang;
  kind: 'opening' | 'closing';
  card: TourCard | null;
  onChange: (c: TourCard | null) => void;
  fresh: () => TourCard;
}) {
  const { lang, card, kind } = props;
  return (
    <fieldset className="brief-card-fields" data-testid={`briefing-${kind}`}>
      <label className="brief-check">
        <input
          type="checkbox"
          checked={card !== null}
          data-testid={`briefing-${kind}-on`}
          onChange={(e) => props.onChange(e.target.checked ? props.fresh() : null)}
        />
        <span>{t(lang, kind === 'opening' ? 'briefing.opening' : 'briefing.closing')}</span>
      </label>
      {card ? (
        <>
          <LangFields
            lang={lang}
            zhLabel="briefing.titleZh"
            enLabel="briefing.titleEn"
            value={card.title}
            onChange={(title) => props.onChange({ ...card, title })}
            testId={`briefing-${kind}-title`}
          />
          <LangFields
            lang={lang}
            zhLabel={kind === 'opening' ? 'briefing.subtitleZh' : 'briefing.contactZh'}
            enLabel={kind === 'opening' ? 'briefing.subtitleEn' : 'briefing.contactEn'}
            value={card.text ?? { zh: '', en: '' }}
            onChange={(text) => props.onChange({ ...card, text })}
            testId={`briefing-${kind}-text`}
          />
        </>
      ) : null}
    </fieldset>
  );
}

/** The briefing as a link (and a QR code when one can be scanned), or why it must go as a file. */
function ShareBriefing({
  lang,
  b,
  onClose,
  onExport,
}: {
  lang: Lang;
  b: Briefing;
  onClose: () => void;
  onExport: () => void;
}) {
  const link = useMemo(() => briefingLink(window.location.href, b), [b]);
  const fits = link !== null && qrFits(link);
  const qr = useMemo(() => (link && fits ? qrDataUrl(link) : null), [link, fits]);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const empty = b.steps.length === 0;
  const verdict = empty ? 'empty' : link === null ? 'file' : fits ? 'qr' : 'noQr';
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  // Over the whole stage like the other dialogs, not inside the panel that opened it.
  const host = document.querySelector('.stage') ?? document.body;
  return createPortal(
    <div className="modal-backdrop">
      <section
        className="modal brief-share"
        role="dialog"
        aria-modal="true"
        aria-labelledby="brief-share-title"
        data-testid="briefing-share-dialog"
        data-verdict={verdict}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <header className="modal-head">
          <h2 id="brief-share-title">{t(lang, 'briefing.shareTitle')}</h2>
        </header>
        <p
          className={`notice ${verdict === 'qr' ? '' : 'warn'}`}
          role="note"
          data-testid="briefing-share-verdict"
        >
          {t(
            lang,
            verdict === 'empty'
              ? 'briefing.shareEmpty'
              : verdict === 'file'
                ? 'briefing.shareFile'
                : verdict === 'qr'
                  ? 'briefing.shareQr'
                  : 'briefing.shareNoQr',
          )}
        </p>
        {qr ? (
          <img
            className="brief-qr"
            src={qr}
            alt={t(lang, 'briefing.qrAlt')}
            width={256}
            height={256}
            data-testid="briefing-share-qr"
          />
        ) : null}
        {link && !empty ? (
          <input
            className="share-url"
            readOnly
            value={link}
            aria-label={t(lang, 'briefing.link')}
            data-testid="briefing-share-url"
            onFocus={(e) => e.target.select()}
          />
        ) : null}
        {copied ? (
          <p className="small" role="status">
            {t(lang, copied === 'yes' ? 'share.copied' : 'share.copyFailed')}
          </p>
        ) : null}
        <footer className="modal-foot">
          <button
            type="button"
            className="secondary-btn"
            ref={close}
            data-testid="briefing-share-close"
            onClick={onClose}
          >
            {t(lang, 'card.close')}
          </button>
          {!empty ? (
            <button
              type="button"
              className="secondary-btn"
              data-testid="briefing-share-file"
              onClick={onExport}
            >
              {t(lang, 'briefing.export')}
            </button>
          ) : null}
          {link && !empty ? (
            <button
              type="button"
              className="primary-btn"
              data-testid="briefing-share-copy"
              onClick={() =>
                void navigator.clipboard.writeText(link).then(
                  () => setCopied('yes'),
                  () => setCopied('no'),
                )
              }
            >
              {t(lang, 'share.copy')}
            </button>
          ) : null}
        </footer>
      </section>
    </div>,
    host,
  );
}

/**
 * The briefing panel: the officer's briefings, the current view added as a step, the steps as a
 * list (play from, move, rename, delete, each asking first where it cannot be undone), the title
 * and closing cards, and the file and the link in and out.
 */
export function BriefingPanel() {
  const lang = useAppStore((s) => s.lang);
  const setPanel = useAppStore((s) => s.setPanel);
  const briefings = useAppStore((s) => s.briefings);
  const linkBriefing = useAppStore((s) => s.linkBriefing);
  const id = useAppStore((s) => s.briefingId);
  const notice = useAppStore((s) => s.briefingNotice);
  const error = useAppStore((s) => s.briefingError);
  const loaded = useAppStore((s) => s.data !== null);
  const openBriefing = useAppStore((s) => s.openBriefing);
  const create = useAppStore((s) => s.newBriefing);
  const update = useAppStore((s) => s.updateBriefing);
  const remove = useAppStore((s) => s.deleteBriefing);
  const keep = useAppStore((s) => s.keepLinkBriefing);
  const play = useAppStore((s) => s.playBriefing);
  const importBriefing = useAppStore((s) => s.importBriefing);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const b = briefings.find((x) => x.id === id) ?? (linkBriefing?.id === id ? linkBriefing : null);
  const fromLink = b !== null && b === linkBriefing;
  const exportFile = () => {
    if (!b) return;
    const name = briefingFileName(b);
    download(name, `${JSON.stringify(briefingToFile(b), null, 2)}\n`, 'application/json');
    setExported(name);
  };
  const all = linkBriefing ? [...briefings, linkBriefing] : briefings;
  return (
    <Sheet
      className="side-panel briefing-panel"
      testId="briefing-panel"
      title={t(lang, 'briefing.heading')}
      onClose={() => setPanel('none')}
      lang={lang}
    >
      {error ? <StorageNotice lang={lang} problem={error} about="briefings" testId="briefing-error" /> : null}
      {notice ? <Notice lang={lang} notice={notice} /> : null}
      {fromLink ? (
        <div className="notice warn brief-from-link" role="note" data-testid="briefing-from-link">
          <span>{t(lang, 'briefing.fromLink')}</span>
          <button type="button" className="secondary-btn" data-testid="briefing-keep" onClick={keep}>
            {t(lang, 'briefing.keep')}
          </button>
        </div>
      ) : null}
      <div className="brief-row brief-pick">
        {all.length > 0 ? (
          <label className="brief-field brief-select">
            <span>{t(lang, 'briefing.choose')}</span>
            <select
              value={b?.id ?? ''}
              data-testid="briefing-select"
              onChange={(e) => {
                setConfirmDelete(false);
                setExported(null);
                openBriefing(e.target.value || null);
              }}
            >
              {all.map((x) => (
                <option key={x.id} value={x.id}>
                  {pick(lang, x.title) || x.id}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p className="small">{t(lang, 'briefing.none')}</p>
        )}
        <button type="button" className="secondary-btn" data-testid="briefing-new" onClick={create}>
          {t(lang, 'briefing.new')}
        </button>
        <button
          type="button"
          className="secondary-btn"
          data-testid="briefing-import"
          disabled={!loaded}
          onClick={() => fileInput.current?.click()}
        >
          {t(lang, 'briefing.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="briefing-import-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void f.text().then((text) => importBriefing(text, f.name));
          }}
        />
      </div>
      <AddForm lang={lang} disabled={!loaded} />
      {b ? (
        <>
          <section className="brief-section">
            <h3>{t(lang, 'briefing.steps')}</h3>
            <StepList lang={lang} b={b} />
          </section>
          <div className="brief-row brief-actions">
            <button
              type="button"
              className="primary-btn"
              data-testid="briefing-play"
              disabled={b.steps.length === 0}
              onClick={() => play(b.id)}
            >
              {t(lang, 'briefing.play')}
            </button>
            <button
              type="button"
              className="secondary-btn"
              data-testid="briefing-export"
              disabled={b.steps.length === 0}
              onClick={exportFile}
            >
              {t(lang, 'briefing.export')}
            </button>
            <button
              type="button"
              className="secondary-btn"
              data-testid="briefing-share"
              onClick={() => setSharing(true)}
            >
              {t(lang, 'briefing.share')}
            </button>
          </div>
          {exported ? (
            <p className="small" role="status" data-testid="briefing-exported">
              {t(lang, 'briefing.exported', { file: exported })}
            </p>
          ) : null}
          <details className="brief-section brief-more">
            <summary>{t(lang, 'briefing.cards')}</summary>
            <LangFields
              lang={lang}
              zhLabel="briefing.nameZh"
              enLabel="briefing.nameEn"
              value={b.title}
              onChange={(title) => update(b.id, (x) => ({ ...x, title }))}
              testId="briefing-name"
            />
            <CardFields
              lang={lang}
              kind="opening"
              card={b.opening}
              fresh={() => defaultOpening(b.title)}
              onChange={(opening) => update(b.id, (x) => ({ ...x, opening }))}
            />
            <CardFields
              lang={lang}
              kind="closing"
              card={b.closing}
              fresh={defaultClosing}
              onChange={(closing) => update(b.id, (x) => ({ ...x, closing }))}
            />
          </details>
          {confirmDelete ? (
            <div className="brief-confirm" role="alert" data-testid="briefing-delete-confirm">
              <p>{t(lang, 'briefing.confirmDelete', { title: pick(lang, b.title), n: b.steps.length })}</p>
              <div className="brief-row">
                <button
                  type="button"
                  className="secondary-btn danger"
                  data-testid="briefing-delete-yes"
                  onClick={() => {
                    remove(b.id);
                    setConfirmDelete(false);
                  }}
                >
                  {t(lang, 'briefing.deleteBriefing')}
                </button>
                <button
                  type="button"
                  className="secondary-btn"
                  // biome-ignore lint/a11y/noAutofocus: the question was just asked; the safe answer takes the focus
                  autoFocus
                  onClick={() => setConfirmDelete(false)}
                >
                  {t(lang, 'briefing.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <div className="brief-row">
              <button
                type="button"
                className="secondary-btn danger"
                data-testid="briefing-delete"
                onClick={() => setConfirmDelete(true)}
              >
                {t(lang, 'briefing.deleteBriefing')}
              </button>
            </div>
          )}
          {sharing ? (
            <ShareBriefing lang={lang} b={b} onClose={() => setSharing(false)} onExport={exportFile} />
          ) : null}
        </>
      ) : null}
    </Sheet>
  );
}
