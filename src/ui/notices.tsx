import { useState } from 'react';
import { joinList } from '../i18n/join-list';
import { issueReason, t } from '../i18n/t';
import { selectAllIssues } from '../state/selectors';
import { useAppStore } from '../state/store';

/** Tells the user which parts of the link they opened were invalid and replaced by defaults. */
export function LinkNotice() {
  const lang = useAppStore((s) => s.lang);
  const rejected = useAppStore((s) => s.linkRejected);
  const dismiss = useAppStore((s) => s.dismissLinkNotice);
  if (rejected.length === 0) return null;
  return (
    <div className="notice" role="status" data-testid="link-notice">
      <span>
        {t(lang, 'link.ignored')}{' '}
        {joinList(
          lang,
          rejected.map((k) => t(lang, `link.part.${k}`)),
        )}
      </span>
      <button type="button" className="text-btn" onClick={dismiss}>
        {t(lang, 'notice.dismiss')}
      </button>
    </div>
  );
}

/** An online basemap switched on that cannot load its tiles: say so, and offer to switch it off. */
export function BasemapNotice() {
  const lang = useAppStore((s) => s.lang);
  const failed = useAppStore((s) => s.basemapFailures);
  const toggleLayer = useAppStore((s) => s.toggleLayer);
  const id = failed[0];
  if (!id) return null;
  return (
    <div className="notice warn" role="status" data-testid="basemap-notice" data-layer={id}>
      <span>
        {t(lang, 'basemap.failed', { name: t(lang, id === 'osm' ? 'layer.osm' : 'layer.tianditu') })}
      </span>
      <button type="button" className="text-btn" onClick={() => toggleLayer(id)}>
        {t(lang, 'basemap.switchOff')}
      </button>
    </div>
  );
}

/** Every problem found in the bundled files, with file, item, field and reason: nothing dropped silently. */
export function DataIssues() {
  const lang = useAppStore((s) => s.lang);
  const data = useAppStore((s) => s.data);
  const [open, setOpen] = useState(false);
  const issues = selectAllIssues(data);
  if (issues.length === 0) return null;
  return (
    <div className="notice warn" role="alert" data-testid="data-issues">
      <div className="notice-row">
        <strong>{t(lang, 'issues.count', { n: issues.length })}</strong>
        <button type="button" className="text-btn" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t(lang, open ? 'issues.hide' : 'issues.show')}
        </button>
      </div>
      {open ? (
        <ul className="issue-list">
          {issues.map((i, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity beyond their position
            <li key={n}>
              <code>{i.file}</code>
              {i.row !== undefined ? ` · ${t(lang, 'issues.item', { n: i.row + 1 })}` : ''}
              {i.line !== undefined ? ` · ${t(lang, 'issues.line', { n: i.line })}` : ''}
              {i.field ? ` · ${t(lang, 'issues.field')} ${i.field}` : ''}: {issueReason(lang, i)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
