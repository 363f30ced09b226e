import { useMap } from '@vis.gl/react-maplibre';
import { useEffect, useMemo, useState } from 'react';
import { filterTargets } from '../domain/targets';
import { type HandoutMode, printHandout } from '../export/handout';
import { phoneReach } from '../export/link-reach';
import { targetFilterText } from '../export/target-list';
import { t } from '../i18n/t';
import { selectAnalysis } from '../state/selectors';
import { useAppStore } from '../state/store';
import { loadDeckCode } from './deck-code';
import './share.css';

// The address bar is written a moment after the view changes (url-sync): look again this often.
const URL_POLL_MS = 250;

/** The address bar as it is now, followed while `active`. */
function useLocationHref(active: boolean): string {
  const [href, setHref] = useState(() => window.location.href);
  useEffect(() => {
    if (!active) return;
    const read = () => setHref(window.location.href);
    read();
    const timer = setInterval(read, URL_POLL_MS);
    window.addEventListener('hashchange', read);
    return () => {
      clearInterval(timer);
      window.removeEventListener('hashchange', read);
    };
  }, [active]);
  return href;
}

type ExportStatus = { kind: 'busy' } | { kind: 'done'; file: string } | { kind: 'failed' } | null;

/**
 * The current view as a link and a QR code, as a PNG picture and as a printed handout. Imported
 * data lives only in this browser: the dialog says so.
 */
export function ShareDialog() {
  const lang = useAppStore((s) => s.lang);
  const open = useAppStore((s) => s.shareOpen);
  const setOpen = useAppStore((s) => s.setShareOpen);
  const imports = useAppStore((s) => s.imports);
  const entered = useAppStore((s) => s.entered.length);
  const steps = useAppStore((s) => s.data?.tour.length ?? 0);
  const preparing = useAppStore((s) => s.handout.status === 'preparing');
  const data = useAppStore((s) => s.data);
  const targetFilter = useAppStore((s) => s.targetFilter);
  const mapRef = useMap().main;
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [exported, setExported] = useState<ExportStatus>(null);
  const [mode, setMode] = useState<HandoutMode>('current');
  const url = useLocationHref(open);
  // The QR encoder and the picture code load with the dialog, not with the map.
  // null from it: the link is too long for a QR code anyone could scan (the dialog says so instead).
  const [qrOf, setQrOf] = useState<((text: string) => string | null) | null>(null);
  useEffect(() => {
    if (!open || qrOf) return;
    let live = true;
    void import('../export/qr').then((m) => {
      if (live) setQrOf(() => (text: string) => (m.qrFits(text) ? m.qrDataUrl(text) : null));
    });
    return () => {
      live = false;
    };
  }, [open, qrOf]);
  const qr = useMemo(() => (open && qrOf ? qrOf(url) : undefined), [open, qrOf, url]);
  const reach = phoneReach(url);
  if (!open) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      // No clipboard (plain http, or refused): the link is selectable in the field instead.
      setCopied('no');
    }
  };
  const exportPng = async () => {
    const map = mapRef?.getMap();
    if (!map) {
      setExported({ kind: 'failed' });
      return;
    }
    setExported({ kind: 'busy' });
    try {
      const { exportMapImage } = await import('../export/view-export');
      const file = await exportMapImage(map, useAppStore.getState(), window.location.href);
      setExported({ kind: 'done', file });
    } catch {
      setExported({ kind: 'failed' });
    }
  };
  const handoutMode: HandoutMode = steps > 0 ? mode : 'current';
  return (
    <div className="modal-backdrop">
      <section
        className="modal share-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="share-title"
        data-testid="share-dialog"
      >
        <header className="modal-head">
          <h2 id="share-title">{t(lang, 'share.title')}</h2>
        </header>
        {imports.length > 0 ? (
          <p className="notice warn" role="note" data-testid="share-imports-note">
            {t(lang, 'share.importsNote', { n: imports.length })}
          </p>
        ) : null}
        {entered > 0 ? (
          <p className="notice warn" role="note" data-testid="share-entered-note">
            {t(lang, 'share.enteredNote', { n: entered })}
          </p>
        ) : null}
        {reach !== 'ok' ? (
          <p className="notice warn" role="note" data-testid="share-qr-warning">
            {t(lang, reach === 'file' ? 'share.qrFile' : 'share.qrThisComputer')}
          </p>
        ) : null}
        <div className="share-body">
          <figure className="share-qr">
            {qr ? (
              <img src={qr} alt={t(lang, 'share.qrAlt')} width={256} height={256} data-testid="share-qr" />
            ) : qr === null ? (
              <p className="notice warn" role="note" data-testid="share-qr-too-long">
                {t(lang, 'share.qrTooLong')}
              </p>
            ) : (
              <span className="share-qr-wait" aria-hidden="true" />
            )}
            <figcaption>{t(lang, 'share.qrCaption')}</figcaption>
          </figure>
          <div className="share-side">
            <input
              className="share-url"
              readOnly
              value={url}
              aria-label={t(lang, 'share.link')}
              data-testid="share-url"
              onFocus={(e) => e.target.select()}
            />
            {copied ? (
              <p className="small" role="status">
                {t(lang, copied === 'yes' ? 'share.copied' : 'share.copyFailed')}
              </p>
            ) : null}
            <div className="share-row">
              <button
                type="button"
                className="secondary-btn"
                data-testid="share-export-png"
                disabled={exported?.kind === 'busy' || preparing}
                onClick={() => void exportPng()}
              >
                {t(lang, 'share.exportImage')}
              </button>
            </div>
            {exported && exported.kind !== 'busy' ? (
              <p
                className={`small ${exported.kind === 'failed' ? 'share-error' : ''}`}
                role="status"
                data-testid="share-export-status"
              >
                {exported.kind === 'done'
                  ? t(lang, 'share.exported', { file: exported.file })
                  : t(lang, mapRef ? 'share.exportFailed' : 'share.noMap')}
              </p>
            ) : exported?.kind === 'busy' ? (
              <p className="small" role="status">
                {t(lang, 'share.exporting')}
              </p>
            ) : null}
            <fieldset className="share-handout">
              <legend>{t(lang, 'share.handout')}</legend>
              <label className="share-choice">
                <input
                  type="radio"
                  name="handout-mode"
                  value="current"
                  checked={handoutMode === 'current'}
                  onChange={() => setMode('current')}
                  data-testid="handout-mode-current"
                />
                <span>{t(lang, 'share.handoutCurrent')}</span>
              </label>
              {steps > 0 ? (
                <label className="share-choice">
                  <input
                    type="radio"
                    name="handout-mode"
                    value="tour"
                    checked={handoutMode === 'tour'}
                    onChange={() => setMode('tour')}
                    data-testid="handout-mode-tour"
                  />
                  <span>{t(lang, 'share.handoutTour', { n: steps })}</span>
                </label>
              ) : null}
              {data ? (
                <p className="small" data-testid="share-handout-targets">
                  {t(lang, 'share.handoutTargets', {
                    filter: targetFilterText(targetFilter, data, lang),
                    n: filterTargets(selectAnalysis(data).targets, targetFilter).length,
                  })}
                </p>
              ) : null}
              <button
                type="button"
                className="secondary-btn"
                data-testid="share-handout-print"
                disabled={preparing}
                onClick={() =>
                  void printHandout(handoutMode, mapRef?.getMap() ?? null, useAppStore, loadDeckCode)
                }
              >
                {t(lang, 'share.handoutPrint')}
              </button>
            </fieldset>
          </div>
        </div>
        <footer className="modal-foot">
          <button
            type="button"
            className="secondary-btn"
            data-testid="share-close"
            onClick={() => {
              setCopied(null);
              setExported(null);
              setOpen(false);
            }}
          >
            {t(lang, 'card.close')}
          </button>
          <button type="button" className="primary-btn" data-testid="share-copy" onClick={() => void copy()}>
            {t(lang, 'share.copy')}
          </button>
        </footer>
      </section>
    </div>
  );
}
