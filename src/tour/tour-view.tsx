import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import type { DataIssue, Lang } from '../data/types';
import { colon, issueReason, pick, t } from '../i18n/t';
import { activeTour, useAppStore } from '../state/store';
import { TopButton } from '../ui/top-button';
import { nextIndex, prevIndex } from './navigation';
import { TourControls } from './tour-controls';
import { useFullscreen, useSwipe, useTourKeys } from './use-tour-keys';
import './tour-view.css';

const NO_ISSUES: DataIssue[] = [];

interface SkippedStep {
  /** 0-based index in the file's steps, or null for a problem with the file itself. */
  row: number | null;
  issues: DataIssue[];
}

/** The file's steps that were dropped, each with its errors (warnings did not drop anything). */
function skippedSteps(issues: readonly DataIssue[]): SkippedStep[] {
  const out: SkippedStep[] = [];
  for (const i of issues) {
    if (i.severity !== 'error') continue;
    const row = i.row ?? null;
    const group = out.find((g) => g.row === row);
    if (group) group.issues.push(i);
    else out.push({ row, issues: [i] });
  }
  return out;
}

/** Which steps were skipped and why: plain text from the validator, in the user's language. */
export function SkippedNote(props: { lang: Lang; issues: readonly DataIssue[]; open?: boolean }) {
  const { lang, issues } = props;
  const skipped = skippedSteps(issues);
  const steps = skipped.filter((s) => s.row !== null).length;
  if (skipped.length === 0) return null;
  return (
    // Collapsed to its one-line count, outside the scrolling text: always in sight, never in the way.
    <details className="tour-skipped" open={props.open} data-testid="tour-skipped">
      <summary>{t(lang, 'tour.skipped', { n: steps })}</summary>
      <ul>
        {skipped.map((s) => (
          <li key={s.row ?? -1} data-skipped-row={s.row ?? ''}>
            {s.row !== null ? <strong>{t(lang, 'tour.skippedStep', { n: s.row + 1 })}</strong> : null}
            {s.issues.map((i, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one step's reasons, in order
              <span key={n} className="tour-skipped-reason">
                {i.field ? `${i.field}${colon(lang)}` : ''}
                {issueReason(lang, i)}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The top-bar entry: starts the tour at its first step, or ends it. */
export function TourButton() {
  const lang = useAppStore((s) => s.lang);
  const touring = useAppStore((s) => s.tourStep !== null);
  const loaded = useAppStore((s) => s.data !== null);
  const empty = useAppStore((s) => s.data?.tour.length === 0);
  const goToStep = useAppStore((s) => s.goToStep);
  const endTour = useAppStore((s) => s.endTour);
  const showEmptyNote = useAppStore((s) => s.setTourEmptyNoteOpen);
  return (
    <TopButton
      icon="M3 4h18v12H3zM12 16v4M8 20h8M10 7.5l5 2.5-5 2.5z"
      label={t(lang, 'tour.start')}
      active={touring}
      aria-pressed={touring}
      disabled={!loaded}
      title={t(lang, touring ? 'tour.stop' : 'tour.startTitle')}
      data-testid="tour-button"
      onClick={() => {
        if (touring) endTour();
        else if (empty) showEmptyNote(true);
        else goToStep(0);
      }}
    />
  );
}

/** Keeps `--tour-h` on the stage at the panel's height, so what else sits at the bottom stacks above it. */
function useHeightVar(ref: RefObject<HTMLElement | null>) {
  // Measured on every render (a new step may change the height) before map-view reads the layout.
  useLayoutEffect(() => {
    const el = ref.current;
    el?.parentElement?.style.setProperty('--tour-h', `${el.offsetHeight}px`);
  });
  useLayoutEffect(() => {
    const el = ref.current;
    const host = el?.parentElement;
    if (!el || !host) return;
    const ro = new ResizeObserver(() => host.style.setProperty('--tour-h', `${el.offsetHeight}px`));
    ro.observe(el);
    return () => {
      ro.disconnect();
      host.style.removeProperty('--tour-h');
    };
  }, [ref]);
}

/** The note shown instead of the tour when its file has no usable step. */
function EmptyTourNote({ lang }: { lang: Lang }) {
  const issues = useAppStore((s) => s.data?.tourIssues ?? NO_ISSUES);
  const close = useAppStore((s) => s.setTourEmptyNoteOpen);
  return (
    <section className="tour-panel tour-empty" role="alert" data-testid="tour-empty">
      <div className="tour-body">
        <p className="tour-text">{t(lang, 'tour.empty')}</p>
      </div>
      <SkippedNote lang={lang} issues={issues} open />
      <div className="tour-top">
        <span />
        <button type="button" className="secondary-btn" onClick={() => close(false)}>
          {t(lang, 'card.close')}
        </button>
      </div>
    </section>
  );
}

/**
 * Presenter mode: a quiet panel with the step's title and text, where it is in the tour and the
 * controls to move on. Keys, a swipe on the panel, the dots or the buttons turn the steps; a touch
 * on the map pauses the tour until the presenter resumes it.
 */
export function TourView() {
  const lang = useAppStore((s) => s.lang);
  const index = useAppStore((s) => s.tourStep);
  const paused = useAppStore((s) => s.tourPaused);
  // The playing briefing's steps, else the default tour's (a briefing's problems were said when it was read).
  const steps = useAppStore((s) => (s.data ? activeTour(s) : undefined));
  const issues = useAppStore((s) => (s.playSteps ? NO_ISSUES : s.data?.tourIssues));
  const goToStep = useAppStore((s) => s.goToStep);
  const endTour = useAppStore((s) => s.endTour);
  const emptyOpen = useAppStore((s) => s.tourEmptyNoteOpen);
  const step = index === null ? undefined : steps?.[index];
  useTourKeys(step !== undefined);
  if (!step || index === null || !steps) {
    return emptyOpen && steps?.length === 0 ? <EmptyTourNote lang={lang} /> : null;
  }
  return (
    <TourPanel
      lang={lang}
      index={index}
      total={steps.length}
      title={pick(lang, step.title)}
      text={pick(lang, step.text)}
      titles={steps.map((s) => pick(lang, s.title))}
      stepId={step.id}
      card={'card' in step ? step.card : undefined}
      paused={paused}
      issues={issues ?? []}
      goTo={goToStep}
      exit={endTour}
    />
  );
}

function TourPanel(props: {
  lang: Lang;
  index: number;
  total: number;
  title: string;
  text: string;
  titles: string[];
  stepId: string;
  /** A briefing's title or closing card: its title large, its text (the contact line) beneath. */
  card?: 'opening' | 'closing' | undefined;
  paused: boolean;
  issues: readonly DataIssue[];
  goTo: (i: number) => void;
  exit: () => void;
}) {
  const { lang, index, total, goTo } = props;
  const panel = useRef<HTMLElement>(null);
  const fullscreen = useFullscreen();
  useHeightVar(panel);
  // Started from the top bar, focus would stay on that button and Space would end the tour again:
  // hand it to the panel, so the presenter's keys turn the steps.
  useEffect(() => {
    const el = panel.current;
    const active = document.activeElement;
    if (el && (!active || active === document.body || active.closest('.topbar')))
      el.focus({ preventScroll: true });
  }, []);
  const last = index === total - 1;
  const next = () => goTo(nextIndex(index, total) ?? index);
  const prev = () => goTo(prevIndex(index, total) ?? index);

  // Like turning a page: a stroke to the left brings the next step.
  const swipe = useSwipe(
    () => {
      if (!last) next();
    },
    () => {
      if (index > 0) prev();
    },
  );

  return (
    <section
      ref={panel}
      className={`tour-panel ${props.paused ? 'paused' : ''} ${props.card ? `tour-card ${props.card}` : ''}`}
      tabIndex={-1}
      aria-label={t(lang, 'tour.region')}
      data-testid="tour-panel"
      data-step={props.stepId}
      data-card={props.card}
      onPointerDown={swipe.onPointerDown}
      onPointerUp={swipe.onPointerUp}
      onPointerCancel={swipe.onPointerCancel}
    >
      <div className="tour-top">
        <p className="tour-counter">
          <span aria-hidden="true" data-testid="tour-counter">
            {t(lang, 'tour.counter', { n: index + 1, total })}
          </span>
          <span className="tour-sr">{t(lang, 'tour.counterLabel', { n: index + 1, total })}</span>
        </p>
        <div className="tour-tools">
          {fullscreen ? (
            <button
              type="button"
              className="tour-tool"
              aria-pressed={fullscreen[0]}
              data-testid="tour-fullscreen"
              onClick={fullscreen[1]}
            >
              <svg viewBox="0 0 24 24" aria-hidden="true">
                <path
                  d={
                    fullscreen[0]
                      ? 'M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5'
                      : 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5'
                  }
                />
              </svg>
              <span>{t(lang, fullscreen[0] ? 'tour.exitFullscreen' : 'tour.fullscreen')}</span>
            </button>
          ) : null}
          <button
            type="button"
            className="tour-tool"
            aria-label={t(lang, 'tour.exitLabel')}
            data-testid="tour-exit"
            onClick={props.exit}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M6 6l12 12M18 6L6 18" />
            </svg>
            <span>{t(lang, 'tour.exit')}</span>
          </button>
        </div>
      </div>
      {props.paused ? (
        <button
          type="button"
          className="tour-resume"
          data-testid="tour-resume"
          title={t(lang, 'tour.pausedHint')}
          onClick={() => goTo(index)}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M8 5l11 7-11 7z" />
          </svg>
          <span>{t(lang, 'tour.paused')}</span>
        </button>
      ) : null}
      <div className="tour-body" aria-live="polite">
        <h2 className="tour-title" data-testid="tour-title">
          {props.title}
        </h2>
        <p className="tour-text" data-testid="tour-text">
          {props.text}
        </p>
      </div>
      <SkippedNote lang={lang} issues={props.issues} />
      <TourControls
        lang={lang}
        index={index}
        titles={props.titles}
        onPrev={prev}
        onNext={next}
        onGoTo={goTo}
        onFinish={props.exit}
      />
      <p className="tour-hint" aria-hidden="true">
        {t(lang, 'tour.swipeHint')}
      </p>
    </section>
  );
}
