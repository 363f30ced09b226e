import { useEffect } from 'react';
import { create } from 'zustand';
import type { HandoutPage } from '../export/handout-capture';
import type { LegendEntry } from '../export/legend-entries';
import { colon, t } from '../i18n/t';
import { useAppStore } from '../state/store';
import './share.css';

export type HandoutMode = 'current' | 'tour';

interface HandoutState {
  status: 'idle' | 'preparing' | 'ready' | 'failed';
  /** Pages pictured so far, and how many there will be. */
  done: number;
  total: number;
  pages: HandoutPage[];
}

/** The handout being prepared or printed (its own small store: nothing of it goes in a link). */
export const useHandoutStore = create<HandoutState>()(() => ({
  status: 'idle',
  done: 0,
  total: 0,
  pages: [],
}));

// On <html> while the handout is what prints: the print rules then show it instead of the app.
const PRINTING = 'handout-printing';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Prepares the handout (the current view, or one page per tour step) and opens the browser's
 * print. The view on screen is put back before printing; a Ctrl+P afterwards prints the app as
 * before, since the handout pages are dropped once the print is over.
 */
export async function printHandout(mode: HandoutMode): Promise<void> {
  const set = useHandoutStore.setState;
  if (useHandoutStore.getState().status === 'preparing') return;
  document.documentElement.classList.remove(PRINTING);
  const map = window.__huaibei?.map;
  const store = useAppStore;
  if (!map || !store.getState().data) {
    set({ status: 'failed', pages: [] });
    return;
  }
  const total = mode === 'tour' ? (store.getState().data?.tour.length ?? 0) : 1;
  set({ status: 'preparing', done: 0, total, pages: [] });
  try {
    await document.fonts?.ready;
    // Loaded when first asked for: nothing of it is needed to show the map.
    const { captureCurrentPage, captureTourPages } = await import('../export/handout-capture');
    const href = window.location.href;
    const date = new Date();
    const pages =
      mode === 'tour'
        ? await captureTourPages(map, store, href, date, (done, n) => set({ done, total: n }))
        : [captureCurrentPage(map, store.getState(), href, date)];
    set({ status: 'ready', pages, done: pages.length, total: pages.length });
    // Let React put the pages in the document and the browser decode their pictures.
    await frame();
    await frame();
    const imgs = [...document.querySelectorAll<HTMLImageElement>('.handout img')];
    await Promise.all(imgs.map((img) => img.decode().catch(() => undefined)));
    document.documentElement.classList.add(PRINTING);
    window.print();
  } catch {
    document.documentElement.classList.remove(PRINTING);
    set({ status: 'failed', pages: [] });
  }
}

/** The printable handout: hidden on screen but for a progress note; only the print shows its pages. */
export function Handout() {
  const lang = useAppStore((s) => s.lang);
  const { status, done, total, pages } = useHandoutStore();

  useEffect(() => {
    const after = () => {
      if (!document.documentElement.classList.contains(PRINTING)) return;
      document.documentElement.classList.remove(PRINTING);
      useHandoutStore.setState({ status: 'idle', pages: [], done: 0, total: 0 });
    };
    window.addEventListener('afterprint', after);
    return () => window.removeEventListener('afterprint', after);
  }, []);

  useEffect(() => {
    if (status !== 'failed') return;
    const timer = setTimeout(() => useHandoutStore.setState({ status: 'idle' }), 8000);
    return () => clearTimeout(timer);
  }, [status]);

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
