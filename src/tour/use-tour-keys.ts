import { type PointerEvent as ReactPointerEvent, useEffect, useRef, useState } from 'react';
import { activeTour, useAppStore } from '../state/store';
import { nextIndex, prevIndex } from './navigation';

// A swipe is a deliberate sideways stroke: at least this long, and mostly horizontal.
const SWIPE_MIN_PX = 50;
const SWIPE_RATIO = 1.5;

/** Presenter keys, on the whole page while the tour is on (a clicker sends PageDown/PageUp). */
export function useTourKeys(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
      const el = e.target instanceof Element ? e.target : null;
      // Typing, sliders and open dialogs keep their keys.
      if (el?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]')) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      // Space on a focused button is that button's own click.
      if (e.key === ' ' && el?.closest('button, a, summary')) return;
      const s = useAppStore.getState();
      const n = activeTour(s).length;
      if (s.tourStep === null) return;
      let to: number | null;
      switch (e.key) {
        case 'ArrowRight':
        case 'PageDown':
        case ' ':
          to = nextIndex(s.tourStep, n);
          break;
        case 'ArrowLeft':
        case 'PageUp':
          to = prevIndex(s.tourStep, n);
          break;
        case 'Home':
          to = 0;
          break;
        case 'End':
          to = n - 1;
          break;
        case 'Escape':
          e.preventDefault();
          s.endTour();
          return;
        default:
          return;
      }
      e.preventDefault();
      // At either end the key does nothing, unless the tour waits to be resumed.
      if (to !== null && (to !== s.tourStep || s.tourPaused)) s.goToStep(to);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}

/**
 * A sideways stroke on the panel turns the page: to the left brings `next`, to the right `prev`.
 * Touch and pen only: a mouse dragging across the panel is selecting text.
 */
export function useSwipe(next: () => void, prev: () => void) {
  const swipe = useRef<{ id: number; x: number; y: number } | null>(null);
  return {
    onPointerDown: (e: ReactPointerEvent) => {
      swipe.current =
        e.isPrimary && e.pointerType !== 'mouse' ? { id: e.pointerId, x: e.clientX, y: e.clientY } : null;
    },
    onPointerUp: (e: ReactPointerEvent) => {
      const s = swipe.current;
      swipe.current = null;
      if (!s || s.id !== e.pointerId) return;
      const dx = e.clientX - s.x;
      const dy = e.clientY - s.y;
      if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < SWIPE_RATIO * Math.abs(dy)) return;
      if (dx < 0) next();
      else prev();
    },
    onPointerCancel: () => {
      swipe.current = null;
    },
  };
}

/** Whether the page is full screen and a toggle, or null where element full screen does not exist. */
export function useFullscreen(): [boolean, () => void] | null {
  const [on, setOn] = useState(() => document.fullscreenElement != null);
  useEffect(() => {
    const sync = () => setOn(document.fullscreenElement != null);
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, []);
  // iPhone Safari and some kiosk browsers have no element full screen: offer nothing rather than a dead button.
  if (typeof document.documentElement.requestFullscreen !== 'function' || !document.fullscreenEnabled) {
    return null;
  }
  const toggle = () => {
    try {
      const p = document.fullscreenElement
        ? document.exitFullscreen()
        : document.documentElement.requestFullscreen();
      // Refused (no user gesture, a policy): the tour goes on in the window.
      p.catch(() => {});
    } catch {
      // Old engines throw instead of rejecting; same answer.
    }
  };
  return [on, toggle];
}
