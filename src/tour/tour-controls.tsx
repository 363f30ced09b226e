import type { CSSProperties } from 'react';
import type { Lang } from '../data/types';
import { t } from '../i18n/t';

// Dots per row in the narrow landscape column (6 × 44 px fit in it); rows are then balanced.
const DOTS_PER_ROW = 6;

/** Previous, one dot per step and next (finish on the last step): stateless, every button labelled. */
export function TourControls(props: {
  lang: Lang;
  index: number;
  titles: readonly string[];
  onPrev: () => void;
  onNext: () => void;
  onGoTo: (i: number) => void;
  onFinish: () => void;
}) {
  const { lang, index, titles } = props;
  const total = titles.length;
  const last = index === total - 1;
  const rows = Math.ceil(total / DOTS_PER_ROW);
  const dotCols = { '--dot-cols': Math.ceil(total / rows) } as CSSProperties;
  return (
    <nav className="tour-nav" aria-label={t(lang, 'tour.steps')}>
      <button
        type="button"
        className="tour-step-btn prev"
        data-testid="tour-prev"
        disabled={index === 0}
        onClick={props.onPrev}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M15 5l-7 7 7 7" />
        </svg>
        <span>{t(lang, 'tour.prev')}</span>
      </button>
      <ol className="tour-dots" style={dotCols}>
        {titles.map((title, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps are identified by their place in the tour
          <li key={i}>
            <button
              type="button"
              className="tour-dot-btn"
              aria-label={t(lang, 'tour.goTo', { n: i + 1, title })}
              aria-current={i === index ? 'step' : undefined}
              data-testid="tour-dot"
              onClick={() => props.onGoTo(i)}
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
        onClick={last ? props.onFinish : props.onNext}
      >
        <span>{t(lang, last ? 'tour.finish' : 'tour.next')}</span>
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d={last ? 'M5 12l5 5 9-10' : 'M9 5l7 7-7 7'} />
        </svg>
      </button>
    </nav>
  );
}
