import { useEffect } from 'react';
import { handoutPrinted } from '../export/handout';
import type { HandoutPage } from '../export/handout-page';
import { colon, t } from '../i18n/t';
import type { LegendEntry } from '../layers/types';
import { useAppStore } from '../state/store';
import { HandoutTargets } from './handout-targets';
import './share.css';

/** The printable handout: hidden on screen but for a progress note; only the print shows its pages. */
export function Handout() {
  const lang = useAppStore((s) => s.lang);
  const { status, done, total, pages, targets } = useAppStore((s) => s.handout);
  const setHandout = useAppStore((s) => s.setHandout);

  useEffect(() => {
    const after = () => handoutPrinted(useAppStore);
    window.addEventListener('afterprint', after);
    return () => window.removeEventListener('afterprint', after);
  }, []);

  useEffect(() => {
    if (status !== 'failed') return;
    const timer = setTimeout(() => setHandout({ status: 'idle' }), 8000);
    return () => clearTimeout(timer);
  }, [status, setHandout]);

  return (
    <div className="handout" data-testid="handout" data-status={status} data-pages={pages.length}>
      {status === 'preparing' ? (
        <p className="handout-progress" role="status" data-testid="handout-progress">
          {t(lang, 'share.handoutPreparing', { i: Math.min(done + 1, Math.max(total, 1)), n: total })}
        </p>
      ) : null}
      {status === 'failed' ? (
        <p className="handout-progress failed" role="alert">
          {t(lang, 'share.handoutFailed')}
        </p>
      ) : null}
      {status === 'ready' ? (
        <div className="handout-pages">
          {pages.map((p) => (
            <HandoutPageView key={p.key} page={p} />
          ))}
          {targets ? <HandoutTargets list={targets} lang={lang} /> : null}
        </div>
      ) : null}
    </div>
  );
}

function HandoutPageView({ page }: { page: HandoutPage }) {
  const lang = useAppStore((s) => s.lang);
  return (
    <section className="handout-page" data-testid="handout-page" data-step={page.key}>
      <header className="handout-head">
        <div className="handout-titles">
          <p className="handout-app">{t(lang, 'app.title')}</p>
          {page.stepLabel ? <p className="handout-step">{page.stepLabel}</p> : null}
          <h2 className="handout-heading">{page.heading}</h2>
          <p className="handout-layers">{page.layers}</p>
        </div>
        <figure className="handout-qr">
          <img src={page.qr} alt={t(lang, 'share.qrAlt')} />
          <figcaption>{t(lang, 'share.scan')}</figcaption>
        </figure>
      </header>
      {page.text ? <p className="handout-text">{page.text}</p> : null}
      <div className="handout-map-frame">
        <img
          className="handout-map"
          src={page.image}
          alt={t(lang, 'share.mapAlt', { title: page.heading })}
        />
      </div>
      <div className="handout-legend-title">{t(lang, 'legend.title')}</div>
      <ul className="handout-legend">
        {page.legend.map((e, i) => (
          <LegendItem
            key={`${e.group}-${e.mark}-${e.label}`}
            entry={e}
            newGroup={i > 0 && page.legend[i - 1]?.group !== e.group}
          />
        ))}
      </ul>
      <footer className="handout-foot">
        <p>
          {t(lang, 'share.sources')}
          {colon(lang)}
          {page.sources.join(' · ')}
        </p>
        <p className="handout-date">{page.date}</p>
        <p className="handout-link">{page.link}</p>
      </footer>
    </section>
  );
}

/** One legend entry; a new group (firms, sites, areas, the rest) starts a new row. */
function LegendItem({ entry: e, newGroup }: { entry: LegendEntry; newGroup: boolean }) {
  if (e.mark === 'none') return <li className="handout-legend-group">{e.label}</li>;
  return (
    <li className={`handout-legend-item group-${e.group} ${newGroup ? 'new-group' : ''}`}>
      <span
        className={`handout-mark mark-${e.mark}`}
        style={
          e.mark === 'ring'
            ? { borderColor: e.colour }
            : e.mark === 'hollow'
              ? {}
              : { background: e.colour, ...(e.border ? { borderColor: e.border } : {}) }
        }
        aria-hidden="true"
      />
      <span className="handout-legend-text">
        <span className="handout-legend-label">{e.label}</span>
        {e.detail ? <span className="handout-legend-detail">{e.detail}</span> : null}
      </span>
    </li>
  );
}
