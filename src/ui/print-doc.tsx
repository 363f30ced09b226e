import { useEffect, useRef } from 'react';
import { formatPartialDate, t } from '../i18n/t';
import { isoDate } from '../model/dates';
import { useAppStore } from '../state/store';
import { ChangeListView } from './change-list';
import { IndustryReportDoc } from './industry-report';
import './print-doc.css';

// On <html> while a document is open: the print rules then print it, and only it.
const DOC_CLASS = 'doc-open';

/** One import's change list as a page of its own. */
function ChangesDoc({ importId }: { importId: string }) {
  const lang = useAppStore((s) => s.lang);
  const bundled = useAppStore((s) => s.bundled);
  const ds = useAppStore((s) => s.imports.find((i) => i.id === importId));
  if (!ds?.changes || !bundled) return null;
  return (
    <article className="doc-page" data-testid="changes-doc">
      <header className="doc-head">
        <div>
          <h1 id="doc-title">{t(lang, 'changes.title')}</h1>
          <p>
            {t(lang, 'changes.of', {
              file: ds.fileName,
              date: formatPartialDate(lang, isoDate(new Date(ds.importedAt))),
            })}
          </p>
        </div>
      </header>
      <ChangeListView changes={ds.changes} data={bundled} lang={lang} />
    </article>
  );
}

/** A document over the app (a change list, the industry report): read, printed, closed. */
export function PrintDoc() {
  const lang = useAppStore((s) => s.lang);
  const doc = useAppStore((s) => s.doc);
  const openDoc = useAppStore((s) => s.openDoc);
  const closeRef = useRef<HTMLButtonElement>(null);
  const open = doc !== null;
  useEffect(() => {
    if (!open) return;
    document.documentElement.classList.add(DOC_CLASS);
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') openDoc(null);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      document.documentElement.classList.remove(DOC_CLASS);
      window.removeEventListener('keydown', onKey);
    };
  }, [open, openDoc]);
  if (!doc) return null;
  return (
    <div
      className="print-doc"
      role="dialog"
      aria-modal="true"
      aria-labelledby="doc-title"
      data-testid="print-doc"
    >
      <div className="doc-toolbar">
        <button type="button" className="primary-btn" data-testid="doc-print" onClick={() => window.print()}>
          {t(lang, 'doc.print')}
        </button>
        <button
          ref={closeRef}
          type="button"
          className="secondary-btn"
          data-testid="doc-close"
          aria-label={t(lang, 'doc.closeLabel')}
          onClick={() => openDoc(null)}
        >
          {t(lang, 'doc.close')}
        </button>
      </div>
      {doc.kind === 'changes' ? (
        <ChangesDoc importId={doc.importId} />
      ) : (
        <IndustryReportDoc since={doc.since} />
      )}
    </div>
  );
}
