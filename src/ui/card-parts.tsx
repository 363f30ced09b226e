import type { ReactNode } from 'react';
import type { AreaId, Enterprise, Lang } from '../data/types';
import type { SegmentStatus } from '../domain/chain-analysis';
import { pick, t } from '../i18n/t';
import { AREA_COLOURS, chainColour, STATUS_STYLE } from '../layers/palette';
import { isSidePanel, useAppStore } from '../state/store';

export { areaName, describeDiscrepancy, joinNames } from '../export/card-text';

export function StatusBadge({ status, lang }: { status: SegmentStatus; lang: Lang }) {
  const s = STATUS_STYLE[status];
  return (
    <span
      className={`status-badge status-${status}`}
      style={{ background: s.fill, color: s.text, borderColor: s.border }}
      data-status={status}
    >
      {t(lang, `status.${status}`)}
    </span>
  );
}

/** An area as a tappable chip in its specialisation colour. */
export function AreaChip({ id, lang }: { id: AreaId; lang: Lang }) {
  const select = useAppStore((s) => s.select);
  const area = useAppStore((s) => s.data?.areas.areas.find((a) => a.id === id));
  return (
    <button
      type="button"
      className="chip area-chip"
      data-area-chip={id}
      onClick={() => select({ kind: 'area', id })}
    >
      <span className="chip-dot" style={{ background: AREA_COLOURS[id] }} aria-hidden="true" />
      {area ? pick(lang, area.name) : id}
    </button>
  );
}

/** A chain segment as a tappable chip: tapping it shows the segment and filters the map to it. */
export function SegmentChip({ id, lang, extra }: { id: string; lang: Lang; extra?: ReactNode }) {
  const focusSegment = useAppStore((s) => s.focusSegment);
  const seg = useAppStore((s) => s.data?.chain.segments.find((x) => x.id === id));
  return (
    <button
      type="button"
      className="chip segment-chip"
      data-segment-chip={id}
      onClick={() => focusSegment(id)}
    >
      <span className="chip-dot" style={{ background: chainColour(seg?.chain) }} aria-hidden="true" />
      {seg ? pick(lang, seg.name) : id}
      {extra}
    </button>
  );
}

/** The shared frame of every card and side panel: a title row with a 44 px close button. */
export function Sheet(props: {
  className: string;
  title: ReactNode;
  subtitle?: ReactNode;
  colour?: string;
  onClose: () => void;
  lang: Lang;
  children: ReactNode;
  testId?: string;
  dataAttrs?: Record<string, string>;
}) {
  return (
    <aside className={props.className} data-testid={props.testId} {...props.dataAttrs}>
      <header className="card-head">
        {props.colour ? (
          <span className="swatch big" style={{ background: props.colour }} aria-hidden="true" />
        ) : null}
        <div className="card-titles">
          <h2>{props.title}</h2>
          {props.subtitle ? <p className="card-kind">{props.subtitle}</p> : null}
        </div>
        <button
          type="button"
          className="icon-btn"
          aria-label={t(props.lang, 'card.close')}
          onClick={props.onClose}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      </header>
      {props.className.split(' ').includes('card') ? <BackToPanel lang={props.lang} /> : null}
      <div className="card-body">{props.children}</div>
    </aside>
  );
}

/**
 * A card opened over a side panel takes the panel's place: this takes the user back to it (the
 * card's close button does the same).
 */
export function BackToPanel({ lang }: { lang: Lang }) {
  const panel = useAppStore((s) => s.panel);
  const select = useAppStore((s) => s.select);
  if (!isSidePanel(panel)) return null;
  return (
    <button
      type="button"
      className="text-btn back-to-panel"
      data-testid="back-to-panel"
      onClick={() => select(null)}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d="M15 6l-6 6 6 6" />
      </svg>
      {t(lang, 'card.backTo', { panel: t(lang, `nav.${panel}`) })}
    </button>
  );
}

/** A firm's name as a button that opens its card (in lists of a segment's firms, a match's partners). */
export function EnterpriseLink({ firm, lang }: { firm: Enterprise; lang: Lang }) {
  const select = useAppStore((s) => s.select);
  return (
    <button type="button" className="link-btn" onClick={() => select({ kind: 'enterprise', id: firm.id })}>
      {pick(lang, firm.name)}
    </button>
  );
}
