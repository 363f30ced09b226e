import { Fragment, useEffect } from 'react';
import { cancelHandout, handoutPrinted } from '../export/handout';
import type { AboutBlock, HandoutPage } from '../export/handout-page';
import { colon, t } from '../i18n/t';
import type { LegendEntry } from '../layers/types';
import { useAppStore } from '../state/store';
import { HandoutTargets } from './handout-targets';
import './share.css';
import './handout-about.css';

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

  // Escape cancels a handout being prepared, as the Cancel button does.
  useEffect(() => {
    if (status !== 'preparing') return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') cancelHandout();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [status]);

  useEffect(() => {
    if (status !== 'failed') return;
    const timer = setTimeout(() => setHandout({ status: 'idle' }), 8000);
    return () => clearTimeout(timer);
  }, [status, setHandout]);

  return (
    <div className="handout" data-testid="handout" data-status={status} data-pages={pages.length}>
      {status === 'preparing' ? (
        <div className="handout-progress handout-progress-bar" data-testid="handout-progress">
          <p role="status" data-testid="handout-progress-text">
            {total > 1
              ? t(lang, 'handout.progress', { i: Math.min(done + 1, total), n: total })
              : t(lang, 'handout.progressOne')}
          </p>
          {total > 1 ? (
            <progress max={total} value={done} aria-hidden="true" className="handout-progress-meter" />
          ) : null}
          <button
            type="button"
            className="handout-cancel"
            data-testid="handout-cancel"
            aria-label={t(lang, 'handout.cancelLabel')}
            onClick={cancelHandout}
          >
            {t(lang, 'handout.cancel')}
          </button>
        </div>
      ) : null}
      {status === 'failed' ? (
        <p className="handout-progress failed" role="alert">
          {t(lang, 'share.handoutFailed')}
        </p>
      ) : null}
      {status === 'ready' ? (
        <div className="handout-pages">
          {pages.map((p) => (
            <Fragment key={p.key}>
              <HandoutPageView page={p} />
              {p.about.length ? <HandoutAbout page={p} lang={lang} /> : null}
            </Fragment>
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

/**
 * What the view is about, on the sheet after its map: the plan's wording quoted with where it
 * says so, then the card's lists (segments with their firms or gaps, firms, the match's reasons),
 * as text that flows over as many sheets as it needs.
 */
function HandoutAbout({ page, lang }: { page: HandoutPage; lang: 'zh' | 'en' }) {
  return (
    <section className="handout-about" data-testid="handout-about" data-step={page.key}>
      <header className="handout-head">
        <div className="handout-titles">
          <p className="handout-app">{t(lang, 'app.title')}</p>
          <p className="handout-step">{t(lang, 'handout.about')}</p>
          <h2 className="handout-heading">{page.heading}</h2>
        </div>
      </header>
      {page.about.map((b: AboutBlock) => (
        <div key={b.heading} className="handout-about-block">
          <h3>{b.heading}</h3>
          {b.quote ? (
            <blockquote lang={lang === 'zh' ? 'zh-CN' : 'en'}>
              {b.quote}
              {b.cite ? <cite>{b.cite}</cite> : null}
            </blockquote>
          ) : null}
          {b.lines.length ? (
            <ul>
              {b.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
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
