import { useState } from 'react';
import { t } from '../i18n/t';
import { useAppStore } from '../state/store';

/** The current view as a link. Imported data lives only in this browser: the dialog says so. */
export function ShareDialog() {
  const lang = useAppStore((s) => s.lang);
  const open = useAppStore((s) => s.shareOpen);
  const setOpen = useAppStore((s) => s.setShareOpen);
  const imports = useAppStore((s) => s.imports);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  if (!open) return null;
  const url = window.location.href;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      // No clipboard (plain http, or refused): the link is selectable in the field instead.
      setCopied('no');
    }
  };
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
        <footer className="modal-foot">
          <button
            type="button"
            className="secondary-btn"
            data-testid="share-close"
            onClick={() => {
              setCopied(null);
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
