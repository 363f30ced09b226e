import type { Map as MlMap } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import { t } from '../i18n/t';
import { useAppStore } from '../state/store';

/**
 * Single-tap alternatives to pinch and rotate gestures (WCAG 2.5.1), 44 px each, in the
 * user's language: zoom in/out, a compass that shows the bearing and resets north, and home.
 */
export function MapControls({ map }: { map: MlMap }) {
  const lang = useAppStore((s) => s.lang);
  const requestCamera = useAppStore((s) => s.requestCamera);
  const [bearing, setBearing] = useState(map.getBearing());
  const [pitch, setPitch] = useState(map.getPitch());

  useEffect(() => {
    const onRotate = () => {
      setBearing(map.getBearing());
      setPitch(map.getPitch());
    };
    map.on('rotate', onRotate);
    map.on('pitch', onRotate);
    return () => {
      map.off('rotate', onRotate);
      map.off('pitch', onRotate);
    };
  }, [map]);

  return (
    <div className="map-controls">
      <button
        type="button"
        className="ctrl"
        aria-label={t(lang, 'map.zoomIn')}
        title={t(lang, 'map.zoomIn')}
        onClick={() => map.zoomIn()}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 5v14M5 12h14" />
        </svg>
      </button>
      <button
        type="button"
        className="ctrl"
        aria-label={t(lang, 'map.zoomOut')}
        title={t(lang, 'map.zoomOut')}
        onClick={() => map.zoomOut()}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M5 12h14" />
        </svg>
      </button>
      <button
        type="button"
        className="ctrl compass"
        aria-label={t(lang, 'map.resetBearing')}
        title={t(lang, 'map.resetBearing')}
        data-bearing={bearing.toFixed(1)}
        onClick={() => map.resetNorthPitch()}
      >
        <svg
          viewBox="0 0 24 24"
          aria-hidden="true"
          style={{ transform: `rotateX(${pitch}deg) rotate(${-bearing}deg)` }}
        >
          <path className="needle-n" d="M12 3l4 9h-8z" />
          <path className="needle-s" d="M12 21l-4-9h8z" />
        </svg>
      </button>
      <button
        type="button"
        className="ctrl"
        aria-label={t(lang, 'map.resetView')}
        title={t(lang, 'map.resetView')}
        onClick={() => requestCamera(null)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M4 11l8-7 8 7M6 10v9h12v-9" />
        </svg>
      </button>
    </div>
  );
}
