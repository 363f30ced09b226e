import {
  type CSSProperties,
  type PointerEvent as ReactPointerEvent,
  type RefObject,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import type { DataIssue, Lang } from '../data/types';
import { nextIndex, prevIndex } from '../domain/tour';
import { colon, issueReason, pick, t } from '../i18n/t';
import { useAppStore } from '../state/store';
import { TopButton } from './top-button';
import './tour-view.css';

// A swipe is a deliberate sideways stroke: at least this long, and mostly horizontal.
const SWIPE_MIN_PX = 50;
const SWIPE_RATIO = 1.5;
// Dots per row in the narrow landscape column (6 × 44 px fit in it); rows are then balanced.
const DOTS_PER_ROW = 6;

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
function SkippedNote(props: { lang: Lang; issues: readonly DataIssue[]; open?: boolean }) {
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

function useFullscreen(): [boolean, () => void] | null {
  const [on, setOn] = useState(() => document.fullscreenElement != null);
  useEffect(() => {
    const sync = () => setOn(document.fullscreenElement != null);
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, []);
  // iPhone Safari and some kiosk browsers have no element full screen: offer nothing rather than a dead button.
  if (typeof document.documentElement.requestFullscreen !== 'function' || !document.fullscreenEnabled) {
    return null;
  }
  const toggle = () => {
    try {
      const p = document.fullscreenElement
        ? document.exitFullscreen()
        : document.documentElement.requestFullscreen();
      // Refused (no user gesture, a policy): the tour goes on in the window.
      p.catch(() => {});
    } catch {
      // Old engines throw instead of rejecting; same answer.
    }
  };
  return [on, toggle];
}

/** Presenter keys, on the whole page while the tour is on (a clicker sends PageDown/PageUp). */
function useTourKeys(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
      const el = e.target instanceof Element ? e.target : null;
      // Typing, sliders and open dialogs keep their keys.
      if (el?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]')) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      // Space on a focused button is that button's own click.
      if (e.key === ' ' && el?.closest('button, a, summary')) return;
      const s = useAppStore.getState();
      const n = s.data?.tour.length ?? 0;
      if (s.tourStep === null) return;
      let to: number | null;
      switch (e.key) {
        case 'ArrowRight':
        case 'PageDown':
        case ' ':
          to = nextIndex(s.tourStep, n);
          break;
        case 'ArrowLeft':
        case 'PageUp':
          to = prevIndex(s.tourStep, n);
          break;
        case 'Home':
          to = 0;
          break;
        case 'End':
          to = n - 1;
          break;
        case 'Escape':
          e.preventDefault();
          s.endTour();
          return;
        default:
          return;
      }
      e.preventDefault();
      // At either end the key does nothing, unless the tour waits to be resumed.
      if (to !== null && (to !== s.tourStep || s.tourPaused)) s.goToStep(to);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
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
  const steps = useAppStore((s) => s.data?.tour);
  const issues = useAppStore((s) => s.data?.tourIssues);
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
  paused: boolean;
  issues: readonly DataIssue[];
  goTo: (i: number) => void;
  exit: () => void;
}) {
  const { lang, index, total, goTo } = props;
  const panel = useRef<HTMLElement>(null);
  const swipe = useRef<{ id: number; x: number; y: number } | null>(null);
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

  // Touch and pen only: a mouse dragging across the panel is selecting text.
  const onPointerDown = (e: ReactPointerEvent) => {
    swipe.current =
      e.isPrimary && e.pointerType !== 'mouse' ? { id: e.pointerId, x: e.clientX, y: e.clientY } : null;
  };
  const onPointerUp = (e: ReactPointerEvent) => {
    const s = swipe.current;
    swipe.current = null;
    if (!s || s.id !== e.pointerId) return;
    const dx = e.clientX - s.x;
    const dy = e.clientY - s.y;
    if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < SWIPE_RATIO * Math.abs(dy)) return;
    // Like turning a page: a stroke to the left brings the next step.
    if (dx < 0 && !last) next();
    else if (dx > 0 && index > 0) prev();
  };
  const rows = Math.ceil(total / DOTS_PER_ROW);
  const dotCols = { '--dot-cols': Math.ceil(total / rows) } as CSSProperties;

  return (
    <section
      ref={panel}
      className={`tour-panel ${props.paused ? 'paused' : ''}`}
      tabIndex={-1}
      aria-label={t(lang, 'tour.region')}
      data-testid="tour-panel"
      data-step={props.stepId}
      onPointerDown={onPointerDown}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        swipe.current = null;
      }}
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
      <nav className="tour-nav" aria-label={t(lang, 'tour.steps')}>
        <button
          type="button"
          className="tour-step-btn prev"
          data-testid="tour-prev"
          disabled={index === 0}
          onClick={prev}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M15 5l-7 7 7 7" />
          </svg>
          <span>{t(lang, 'tour.prev')}</span>
        </button>
        <ol className="tour-dots" style={dotCols}>
          {props.titles.map((title, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are identified by their place in the tour
            <li key={i}>
              <button
                type="button"
                className="tour-dot-btn"
                aria-label={t(lang, 'tour.goTo', { n: i + 1, title })}
                aria-current={i === index ? 'step' : undefined}
                data-testid="tour-dot"
                onClick={() => goTo(i)}
              >
                <span className="tour-dot" aria-hidden="true" />
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="tour-step-btn next"
          data-testid="tour-next"
          onClick={last ? props.exit : next}
        >
          <span>{t(lang, last ? 'tour.finish' : 'tour.next')}</span>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d={last ? 'M5 12l5 5 9-10' : 'M9 5l7 7-7 7'} />
          </svg>
        </button>
      </nav>
      <p className="tour-hint" aria-hidden="true">
        {t(lang, 'tour.swipeHint')}
      </p>
    </section>
  );
}
