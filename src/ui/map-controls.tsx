import type { Map as MlMap } from 'maplibre-gl';
import { type CSSProperties, type ReactNode, useEffect, useState } from 'react';
import { t } from '../i18n/t';
import { useAppStore } from '../state/store';
import { frameCity } from './map-camera';

/**
 * Single-tap alternatives to pinch and rotate gestures (WCAG 2.5.1), 44 px each, in the
 * user's language: zoom in/out, a compass that shows the bearing and resets north, and home.
 */
export function MapControls({ map }: { map: MlMap }) {
  const lang = useAppStore((s) => s.lang);
  const [bearing, setBearing] = useState(map.getBearing());
  const [pitch, setPitch] = useState(map.getPitch());
  const measuring = useAppStore((s) => s.measure !== null);

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
      <CtrlButton label={t(lang, 'map.zoomIn')} onClick={() => map.zoomIn()}>
        <path d="M12 5v14M5 12h14" />
      </CtrlButton>
      <CtrlButton label={t(lang, 'map.zoomOut')} onClick={() => map.zoomOut()}>
        <path d="M5 12h14" />
      </CtrlButton>
      <CtrlButton
        label={t(lang, 'map.resetBearing')}
        className="compass"
        onClick={() => map.resetNorthPitch()}
        iconStyle={{ transform: `rotateX(${pitch}deg) rotate(${-bearing}deg)` }}
      >
        <path className="needle-n" d="M12 3l4 9h-8z" />
        <path className="needle-s" d="M12 21l-4-9h8z" />
      </CtrlButton>
      <CtrlButton label={t(lang, 'map.resetView')} onClick={() => frameCity(map)}>
        <path d="M4 11l8-7 8 7M6 10v9h12v-9" />
      </CtrlButton>
      <CtrlButton
        label={t(lang, measuring ? 'measure.stop' : 'measure.start')}
        className={`measure-toggle ${measuring ? 'on' : ''}`}
        pressed={measuring}
        onClick={() => {
          const s = useAppStore.getState();
          if (measuring) s.clearMeasure();
          else s.startMeasure();
        }}
      >
        <path d="M3 17l14-14 4 4-14 14z M7 13l2 2 M10 10l2 2 M13 7l2 2" />
      </CtrlButton>
    </div>
  );
}

/** A 44 px map button: its label is both the accessible name and the tooltip. */
function CtrlButton(props: {
  label: string;
  onClick: () => void;
  className?: string;
  iconStyle?: CSSProperties;
  /** A button that turns something on: its state, said as well as shown. */
  pressed?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`ctrl ${props.className ?? ''}`}
      aria-label={props.label}
      title={props.label}
      aria-pressed={props.pressed}
      onClick={props.onClick}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" style={props.iconStyle}>
        {props.children}
      </svg>
    </button>
  );
}
