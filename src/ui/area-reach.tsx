import type { AreaId, Lang } from '../data/types';
import { type AreaReach, areaReach, type Reach, roundKm } from '../domain/distances';
import { formatNumber, t } from '../i18n/t';
import type { Camera } from '../model';
import { selectAreaShapes } from '../state/selectors';
import { useAppStore } from '../state/store';
import './area-reach.css';

/** Huaibei's centre and Xuzhou's together (places-context points, 116.79/33.96 and 117.18/34.28). */
export const XUZHOU_AND_HUAIBEI: Camera = { lng: 116.98, lat: 34.12, zoom: 9.1, bearing: 0, pitch: 0 };

function kmText(lang: Lang, r: Reach): string {
  return r.km === 0
    ? t(lang, 'reach.inside')
    : t(lang, 'reach.km', { km: formatNumber(lang, roundKm(r.km), 1) });
}

function Row({ label, reach, lang, test }: { label: string; reach: Reach[]; lang: Lang; test: string }) {
  if (reach.length === 0) return null;
  return (
    <>
      <dt>{label}</dt>
      {reach.map((r) => (
        <dd key={r.name_zh} data-testid={test} data-km={r.km.toFixed(3)}>
          <span className="reach-name">{lang === 'zh' ? r.name_zh : r.name_en}</span>{' '}
          <span className="reach-km">
            {kmText(lang, r)}
            <span className="reach-straight">
              {lang === 'zh' ? '（' : ' ('}
              {t(lang, 'reach.straight')}
              {lang === 'zh' ? '）' : ')'}
            </span>
          </span>
        </dd>
      ))}
    </>
  );
}

/** The card's location section: straight-line distances from the area to what a visiting firm asks about. */
export function AreaReachSection({ area, lang }: { area: AreaId; lang: Lang }) {
  const data = useAppStore((s) => s.data);
  if (!data) return null;
  const parts = selectAreaShapes(data).polygons.features.filter((f) => f.properties.area === area);
  if (parts.length === 0) return null;
  const r: AreaReach = areaReach(area, parts, data.transport, data.places);
  const showXuzhou = () => {
    const s = useAppStore.getState();
    for (const id of ['transport', 'cities'] as const) if (!s.visibleLayers.includes(id)) s.toggleLayer(id);
    s.select(null);
    s.cameraMoved(XUZHOU_AND_HUAIBEI);
  };
  return (
    <section className="reach" data-testid="area-reach">
      <h3>{t(lang, 'reach.title')}</h3>
      <dl>
        <Row
          label={t(lang, 'reach.junction')}
          reach={r.junction ? [r.junction] : []}
          lang={lang}
          test="reach-junction"
        />
        <Row
          label={t(lang, 'reach.station')}
          reach={r.station ? [r.station] : []}
          lang={lang}
          test="reach-station"
        />
        <Row
          label={t(lang, 'reach.xuzhou')}
          reach={r.xuzhou ? [r.xuzhou] : []}
          lang={lang}
          test="reach-xuzhou"
        />
        <Row label={t(lang, 'reach.airports')} reach={r.airports} lang={lang} test="reach-airport" />
      </dl>
      <p className={r.approximate ? 'reach-caveat approx' : 'reach-caveat'}>
        {t(lang, r.approximate ? 'reach.fromFootprint' : 'reach.fromOutline')}
      </p>
      <button type="button" className="reach-xuzhou-btn" data-testid="show-xuzhou" onClick={showXuzhou}>
        {t(lang, 'reach.showXuzhou')}
      </button>
    </section>
  );
}
