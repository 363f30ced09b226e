import type { Map as MlMap } from 'maplibre-gl';
import { useEffect, useMemo } from 'react';
import type { Enterprise, Lang } from '../data/types';
import { insideShape, isArea, MAX_MEASURE_POINTS, measureAreaKm2, measureLengthKm } from '../domain/measure';
import { formatNumber, pick, t } from '../i18n/t';
import { selectAreaShapes, selectChargersAsOf } from '../state/selectors';
import { useAppStore } from '../state/store';
import { installHandleDrag, keepShapeInView } from './measure-tool';
import './measure.css';

// Names listed under a count before "…" (the panel stays small: it must not cover the shape).
const LIST_MAX = 30;

/** Distances read to 10 m below 10 km, to 100 m above; areas to two decimals. */
function km(lang: Lang, v: number) {
  return t(lang, 'measure.km', { v: formatNumber(lang, v, v < 10 ? 2 : 1) });
}

/**
 * The measuring tool's result: the length (a closed shape's perimeter and area), and what lies
 * inside the shape. Small, in the top-right corner beside the map's buttons, and listed in the map's FLOATING boxes so
 * framing keeps the shape clear of it. Escape or the Clear button ends the measurement.
 */
export function MeasurePanel({ map }: { map: MlMap }) {
  const lang = useAppStore((s) => s.lang);
  const m = useAppStore((s) => s.measure);
  const data = useAppStore((s) => s.data);
  const year = useAppStore((s) => s.charging.asOfYear);
  const { undoMeasure, closeMeasure, clearMeasure } = useAppStore.getState();
  const on = m !== null;

  // Quick taps place points: they must not zoom the map while the tool is on. Handles can be dragged.
  useEffect(() => {
    if (!on) return;
    map.doubleClickZoom.disable();
    const stopDrag = installHandleDrag(map);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') useAppStore.getState().clearMeasure();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      map.doubleClickZoom.enable();
      stopDrag();
      window.removeEventListener('keydown', onKey);
    };
  }, [map, on]);

  const inside = useMemo(
    () =>
      m && data && isArea(m)
        ? insideShape(m, data.enterprises, selectAreaShapes(data), selectChargersAsOf(data, year))
        : null,
    [m, data, year],
  );

  if (!m) return null;
  const area = isArea(m);
  const n = m.points.length;
  const hint = area
    ? t(lang, 'measure.hintClosed')
    : n === 0
      ? t(lang, 'measure.hintFirst')
      : n >= MAX_MEASURE_POINTS
        ? t(lang, 'measure.full', { n: MAX_MEASURE_POINTS })
        : t(lang, 'measure.hintMore');
  const length = measureLengthKm(m);
  return (
    <section className="measure-panel" aria-label={t(lang, 'measure.title')} data-testid="measure-panel">
      <h2>{t(lang, 'measure.title')}</h2>
      <p className="measure-hint" aria-live="polite">
        {hint}
      </p>
      {n >= 2 ? (
        <dl className="measure-figures">
          <dt>{t(lang, area ? 'measure.perimeter' : 'measure.length')}</dt>
          <dd data-testid="measure-length">{km(lang, length)}</dd>
          {area ? (
            <>
              <dt>{t(lang, 'measure.area')}</dt>
              <dd data-testid="measure-area">
                {t(lang, 'measure.km2', { v: formatNumber(lang, measureAreaKm2(m), 2) })}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {n >= 2 ? <p className="measure-note">{t(lang, 'measure.straight')}</p> : null}
      {inside ? (
        <div className="measure-inside" data-testid="measure-inside">
          {inside.firms.length + inside.possiblyFirms.length + inside.chargers.length === 0 ? (
            <p>{t(lang, 'measure.none')}</p>
          ) : null}
          <FirmList
            lang={lang}
            label={t(lang, 'measure.firmsInside', { n: inside.firms.length })}
            firms={inside.firms}
            testid="measure-firms"
          />
          <FirmList
            lang={lang}
            label={t(lang, 'measure.firmsPossibly', { n: inside.possiblyFirms.length })}
            firms={inside.possiblyFirms}
            note={t(lang, 'measure.possiblyNote')}
            testid="measure-possibly"
          />
          {inside.chargers.length > 0 ? (
            <details>
              <summary data-testid="measure-chargers">
                {t(lang, 'measure.chargersInside', { n: inside.chargers.length })}
              </summary>
              <ul>
                {inside.chargers.slice(0, LIST_MAX).map((c) => (
                  <li key={c.key}>{c.name}</li>
                ))}
                {inside.chargers.length > LIST_MAX ? <li>…</li> : null}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
      <div className="measure-actions">
        <button type="button" onClick={undoMeasure} disabled={n === 0}>
          {t(lang, 'measure.undo')}
        </button>
        {!area ? (
          <button
            type="button"
            onClick={() => {
              closeMeasure();
              keepShapeInView(map);
            }}
            disabled={n < 3}
          >
            {t(lang, 'measure.close')}
          </button>
        ) : null}
        <button
          type="button"
          className="measure-clear"
          onClick={clearMeasure}
          title={t(lang, 'measure.clearHint')}
        >
          {t(lang, 'measure.clear')}
        </button>
      </div>
    </section>
  );
}

function FirmList(p: { lang: Lang; label: string; firms: Enterprise[]; note?: string; testid: string }) {
  if (p.firms.length === 0) return null;
  return (
    <details>
      <summary data-testid={p.testid}>{p.label}</summary>
      {p.note ? <p className="measure-note">{p.note}</p> : null}
      <ul>
        {p.firms.slice(0, LIST_MAX).map((e) => (
          <li key={e.key}>{pick(p.lang, e.name)}</li>
        ))}
        {p.firms.length > LIST_MAX ? <li>…</li> : null}
      </ul>
    </details>
  );
}
