// The `tour` section of `npm run bench`: how long a guided-tour step takes to arrive. In one page of
// the built app (1024x768, a fresh profile) the default tour is played; each step i is reached from
// step i-1 (the first from the last) three ways, each from the same settled start (step i-1 shown
// again with animation off):
//   keyToIdle: a keydown (ArrowRight, or Home for the first step) through the app's tour keys ->
//     goToStep -> the 1.6 s flight with the camera offset clear of the panels -> the map's `idle`
//     after the flight's `moveend`, with every layer of the step in the map;
//   keyToIdleReducedMotion: the same, with prefers-reduced-motion: reduce (the app flies with
//     duration 0): the same state change and redraw without the flight;
//   jumpToIdle (baseline): no state change, a plain map.jumpTo to the camera the flight ended at
//     -> `idle`: what moving a map there costs by itself.
// One discarded pass first (deck.gl's chunks, GeoJSON workers and shaders warm), then `rounds`
// measured passes. Medians over all steps x rounds.

import { launchFreshChromium } from '../chromium.mjs';

// The app's flight (map-view.tsx moveTo): the floor of keyToIdle.
const FLIGHT_MS = 1600;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const round1 = (x) => Math.round(x * 10) / 10;

/** Runs in the page before the app: `arrive` resolves when the map has moved, settled and draws `ids`. */
function installProbe() {
  window.__tourProbe = {
    arrive(ids, t0, timeoutMs) {
      const map = window.__huaibei?.map;
      if (!map) return Promise.reject(new Error('no map'));
      return new Promise((resolve, reject) => {
        let moveEndAt = null;
        let frames = 0;
        let lastFrame = null;
        let maxGap = 0;
        let late = 0;
        const drawn = () => {
          const order = map.getLayersOrder();
          return ids.every((id) => order.some((l) => l === id || l.startsWith(`${id}-`)));
        };
        const onRender = () => {
          const t = performance.now();
          if (moveEndAt === null) {
            if (lastFrame !== null) maxGap = Math.max(maxGap, t - lastFrame);
            frames++;
          }
          lastFrame = t;
        };
        const onMoveEnd = () => {
          moveEndAt ??= performance.now();
        };
        const done = (err, value) => {
          clearTimeout(timer);
          map.off('render', onRender);
          map.off('moveend', onMoveEnd);
          map.off('idle', onIdle);
          if (err) reject(err);
          else resolve(value);
        };
        const onIdle = () => {
          if (moveEndAt === null || map.isMoving()) return;
          if (!drawn()) {
            // A layer still on its way (a lazily loaded chunk): ask for another frame and idle.
            late = 1;
            requestAnimationFrame(() => map.triggerRepaint());
            return;
          }
          const now = performance.now();
          done(null, {
            ms: now - t0,
            moveEndMs: moveEndAt - t0,
            settleMs: now - moveEndAt,
            framesWhileMoving: frames,
            maxFrameGapMs: maxGap,
            late,
            camera: {
              ...map.getCenter(),
              zoom: map.getZoom(),
              bearing: map.getBearing(),
              pitch: map.getPitch(),
            },
          });
        };
        const timer = setTimeout(
          () => done(new Error(`no idle with ${ids.join(',')} in ${timeoutMs} ms`)),
          timeoutMs,
        );
        map.on('render', onRender);
        map.on('moveend', onMoveEnd);
        map.on('idle', onIdle);
      });
    },
  };
}

/** One measured or discarded pass through every step; returns a row per step. */
async function pass(page, steps, timeoutMs) {
  const rows = [];
  const settleAt = async (i) => {
    // Step i with animation off: a start that is the same for all three ways.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.evaluate(
      ({ i, ids, timeoutMs }) => {
        const t0 = performance.now();
        const p = window.__tourProbe.arrive(ids, t0, timeoutMs);
        window.__huaibei.store.getState().goToStep(i);
        return p;
      },
      { i, ids: steps[i].layers, timeoutMs },
    );
  };
  const press = (key, ids) =>
    page.evaluate(
      ({ key, ids, timeoutMs }) => {
        const t0 = performance.now();
        const p = window.__tourProbe.arrive(ids, t0, timeoutMs);
        window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        return p;
      },
      { key, ids, timeoutMs },
    );
  for (let i = 0; i < steps.length; i++) {
    const prev = i === 0 ? steps.length - 1 : i - 1;
    const key = i === 0 ? 'Home' : 'ArrowRight';
    const ids = steps[i].layers;
    await settleAt(prev);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    const ours = await press(key, ids);
    const at = await page.evaluate(() => window.__huaibei.store.getState().tourStep);
    if (at !== i)
      throw new Error(`tour: ${key} from step ${prev + 1} went to ${at === null ? 'none' : at + 1}`);
    await settleAt(prev);
    const jump = await page.evaluate(
      ({ cam, ids, timeoutMs }) => {
        const t0 = performance.now();
        const p = window.__tourProbe.arrive(ids, t0, timeoutMs);
        window.__huaibei.map.jumpTo({
          center: [cam.lng, cam.lat],
          zoom: cam.zoom,
          bearing: cam.bearing,
          pitch: cam.pitch,
        });
        return p;
      },
      { cam: ours.camera, ids: steps[prev].layers, timeoutMs },
    );
    await settleAt(prev);
    const reduced = await press(key, ids);
    rows.push({ id: steps[i].id, ours, reduced, jump });
  }
  return rows;
}

/** The tour section: see the comment at the top. `origin` serves the built app under /app/. */
export async function tourBench({ origin, rounds = 3, timeoutMs = 60_000, log }) {
  const viewport = { width: 1024, height: 768 };
  const { context: ctx, close } = await launchFreshChromium({ viewport });
  try {
    ctx.setDefaultTimeout(timeoutMs);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    page.on('pageerror', (e) => log('tour page error:', e.message));
    await page.addInitScript(installProbe);
    await page.goto(`${origin}/app/#v=1&tour=1`, { timeout: timeoutMs });
    await page.waitForFunction(
      () => {
        const h = window.__huaibei;
        return (
          !!h && h.store.getState().data !== null && h.map.isStyleLoaded() && !!h.map.getLayer('city-outline')
        );
      },
      null,
      { timeout: timeoutMs },
    );
    // The step's maplibre layers are checked in the map; deck.gl's draw in the same frames through
    // the interleaved overlay, whose layer groups the map does not list by layer.
    const steps = await page.evaluate(() => {
      const st = window.__huaibei.store.getState();
      const ml = new Set(st.layerDefs.filter((l) => l.engine === 'maplibre').map((l) => l.id));
      return (st.data?.tour ?? []).map((s) => ({ id: s.id, layers: s.layers.filter((l) => ml.has(l)) }));
    });
    if (steps.length < 2) throw new Error(`tour: the built app has ${steps.length} tour steps`);
    log(`tour: ${steps.length} steps, 1 discarded pass and ${rounds} measured`);
    await pass(page, steps, timeoutMs);
    const rows = [];
    for (let r = 0; r < rounds; r++) {
      const t = Date.now();
      rows.push(...(await pass(page, steps, timeoutMs)));
      log(`tour: pass ${r + 1}/${rounds} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    const med = (f) => round1(median(rows.map(f)));
    const keyToIdle = median(rows.map((x) => x.ours.ms));
    const reduced = median(rows.map((x) => x.reduced.ms));
    const jump = median(rows.map((x) => x.jump.ms));
    return {
      note:
        'tests/bench/tour.mjs. One page of the built app at 1024x768 in a fresh Chromium profile, the ' +
        'default tour (public/data/tour.json). For each step i, from step i-1 (the first from the last) ' +
        'shown and settled with animation off: keyToIdle = ms from a keydown (ArrowRight; Home for the ' +
        "first) through the app's tour keys, goToStep and the map's flight (nominal " +
        `${FLIGHT_MS} ms, the floor of this figure) to the first map 'idle' after the flight's 'moveend' ` +
        "with every maplibre layer of the step in the map (getLayersOrder; deck.gl's draw in the same " +
        'frames through the interleaved overlay); ' +
        'keyToIdleReducedMotion = the same with prefers-reduced-motion: reduce, so the flight has ' +
        'duration 0 (the state change and redraw alone); jumpToIdle (baseline) = no state change, a ' +
        'plain map.jumpTo to the camera the flight ended at, to idle. One discarded pass, then ' +
        `${rounds} measured; medians over steps x rounds. settleAfterFlightMs = idle - moveend of ` +
        'keyToIdle; flightMs = keydown to moveend; framesPerSecondWhileFlying and maxFrameGapMs from ' +
        "the map's 'render' events between the keydown and moveend. ratios: keyToIdle / jumpToIdle and " +
        'keyToIdleReducedMotion / jumpToIdle. WebGL is SwiftShader (software): absolute times are slow, ' +
        'only ratios carry across machines.',
      viewport,
      steps: steps.length,
      rounds,
      nominalFlightMs: FLIGHT_MS,
      medianMs: {
        keyToIdle: round1(keyToIdle),
        keyToIdleReducedMotion: round1(reduced),
        jumpToIdle: round1(jump),
        flightMs: med((x) => x.ours.moveEndMs),
        settleAfterFlightMs: med((x) => x.ours.settleMs),
      },
      ratio: {
        keyToIdleOverJump: Math.round((keyToIdle / jump) * 100) / 100,
        reducedMotionOverJump: Math.round((reduced / jump) * 100) / 100,
      },
      framesPerSecondWhileFlying: med((x) => (x.ours.framesWhileMoving * 1000) / x.ours.moveEndMs),
      maxFrameGapMsWhileFlying: med((x) => x.ours.maxFrameGapMs),
      layerLateTransitions: rows.filter((x) => x.ours.late || x.reduced.late).length,
      perStep: steps.map((s) => {
        const mine = rows.filter((x) => x.id === s.id);
        return {
          id: s.id,
          keyToIdle: round1(median(mine.map((x) => x.ours.ms))),
          keyToIdleReducedMotion: round1(median(mine.map((x) => x.reduced.ms))),
          jumpToIdle: round1(median(mine.map((x) => x.jump.ms))),
        };
      }),
      chromium: ctx.browser()?.version() ?? null,
    };
  } finally {
    await close();
  }
}
