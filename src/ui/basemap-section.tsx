import { type ChangeEvent, useState } from 'react';
import { formatNumber, t } from '../i18n/t';
import { useAppStore } from '../state/store';
import './basemap-section.css';

const mb = (lang: 'zh' | 'en', bytes: number) =>
  t(lang, 'basemap.mb', { v: formatNumber(lang, bytes / 1e6, bytes < 1e7 ? 1 : 0) });

/**
 * The centre's own basemap, under the layer list: load a PMTiles extract (checked, then kept in
 * this browser), see which one is kept, remove it. A refused file is said, and changes nothing.
 */
export function BasemapSection() {
  const lang = useAppStore((s) => s.lang);
  const own = useAppStore((s) => s.ownBasemap);
  const refusal = useAppStore((s) => s.basemapRefusal);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<{ name: string; size: number } | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setBusy(true);
    setRemoveError(null);
    const { keepBasemapFile } = await import('../basemap/own-basemap');
    const r = await keepBasemapFile(file);
    setBusy(false);
    const app = useAppStore.getState();
    if (r.ok) {
      setRefused(null);
      app.setOwnBasemap(r.basemap, true);
    } else {
      setRefused({ name: file.name, size: file.size });
      app.setBasemapRefusal(r.reason);
    }
  };

  const onRemove = async () => {
    try {
      const { removeBasemapFile, shippedBasemap } = await import('../basemap/own-basemap');
      await removeBasemapFile();
      setRemoveError(null);
      // The site's own file, if it ships one, takes the place of the removed one.
      useAppStore.getState().setOwnBasemap(shippedBasemap(), false);
    } catch (err) {
      setRemoveError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section className="basemap-section" aria-labelledby="basemap-title">
      <h3 id="basemap-title">{t(lang, 'basemap.title')}</h3>
      {own ? (
        <p className="basemap-kept" data-testid="basemap-kept">
          {own.shipped
            ? t(lang, 'basemap.shipped')
            : t(lang, 'basemap.kept', { name: own.name, size: mb(lang, own.size) })}
        </p>
      ) : (
        <p className="basemap-about">{t(lang, 'basemap.about')}</p>
      )}
      <div className="basemap-actions">
        <label className={`basemap-pick ${busy ? 'busy' : ''}`}>
          <input
            type="file"
            accept=".pmtiles,application/vnd.pmtiles,application/octet-stream"
            onChange={(e) => void onFile(e)}
            disabled={busy}
            data-testid="basemap-file"
          />
          {busy ? t(lang, 'basemap.loading') : t(lang, 'basemap.pick')}
        </label>
        {own && !own.shipped ? (
          <button type="button" className="basemap-remove" onClick={() => void onRemove()}>
            {t(lang, 'basemap.remove')}
          </button>
        ) : null}
      </div>
      {refusal && refused ? (
        <p className="basemap-error" role="alert" data-testid="basemap-error">
          {t(lang, `basemap.error.${refusal}`, { name: refused.name, size: mb(lang, refused.size) })}
        </p>
      ) : null}
      {removeError ? (
        <p className="basemap-error" role="alert">
          {t(lang, 'basemap.removeFailed', { detail: removeError })}
        </p>
      ) : null}
    </section>
  );
}
