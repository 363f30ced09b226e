import { createStore, del, entries, set } from 'idb-keyval';
import { problemOf, READ_DEADLINE_MS, WRITE_DEADLINE_MS, withDeadline } from '../import/storage';
import type { AppStore } from '../state/store';
import { type Briefing, briefingOfJson, briefingToFile } from './briefing';
import { tourContextOf } from './steps';

// The officer's briefings in this browser: a database of their own, one entry per briefing, each
// kept as its tour file (the export's format) and read back through the tour's validator.

const store = () => createStore('huaibei-nev-briefings', 'briefings');

interface Kept {
  id: string;
  /** When it was first kept: the list keeps that order. */
  keptAt: string;
  file: unknown;
}

const isKept = (x: unknown): x is Kept =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as Kept).id === 'string' &&
  typeof (x as Kept).keptAt === 'string' &&
  'file' in x;

/**
 * Reads the kept briefings once the data and the saved imports are here (their ids are checked
 * against them: a step may show an imported firm), then keeps
 * every change the store makes: a new or changed briefing is written, a removed one deleted.
 * Returns a function that stops it.
 */
export function startBriefingSync(app: AppStore): () => void {
  const written = new Map<string, Briefing>();
  const keptAt = new Map<string, string>();
  let unsubscribe = () => {};
  let stopped = false;

  const persist = async (next: readonly Briefing[]) => {
    const ids = new Set(next.map((b) => b.id));
    let op: 'save' | 'remove' = 'save';
    try {
      for (const b of next) {
        if (written.get(b.id) === b) continue;
        written.set(b.id, b);
        const at = keptAt.get(b.id) ?? new Date().toISOString();
        keptAt.set(b.id, at);
        // A storage that never answers must not hold every later change in the queue for good.
        await withDeadline(
          set(b.id, { id: b.id, keptAt: at, file: briefingToFile(b) } satisfies Kept, store()),
          WRITE_DEADLINE_MS,
        );
      }
      for (const id of [...written.keys()]) {
        if (ids.has(id)) continue;
        written.delete(id);
        keptAt.delete(id);
        op = 'remove';
        await withDeadline(del(id, store()), WRITE_DEADLINE_MS);
      }
      if (app.getState().briefingError) app.getState().setBriefingError(null);
    } catch (e) {
      app.getState().setBriefingError(problemOf(e, op));
    }
  };

  // One write after the other: a quick rename and move must land in the order they were made.
  let queue = Promise.resolve();
  const schedule = (next: readonly Briefing[]) => {
    queue = queue.then(() => persist(next));
  };

  const start = async () => {
    let kept: Kept[] = [];
    // Storage silent for a while is said to be; the briefings still join if it answers later.
    let silent = false;
    const timer = setTimeout(() => {
      silent = true;
      app.getState().setBriefingError({ op: 'read', reason: 'timeout', detail: '' });
    }, READ_DEADLINE_MS);
    try {
      kept = (await entries<string, unknown>(store()))
        .map(([, v]) => v)
        .filter(isKept)
        .sort((a, b) => a.keptAt.localeCompare(b.keptAt));
      if (silent) app.getState().setBriefingError(null);
    } catch (e) {
      app.getState().setBriefingError(problemOf(e, 'read'));
    } finally {
      clearTimeout(timer);
    }
    if (stopped) return;
    const s = app.getState();
    if (!s.data) return;
    const ctx = tourContextOf(s.data, s.layerDefs);
    const loaded: Briefing[] = [];
    for (const k of kept) {
      const r = briefingOfJson(k.file, k.id, k.id, ctx, { zh: k.id, en: k.id });
      // One that no longer reads (every step names something the data has lost) stays kept, unshown.
      if (!r.briefing) continue;
      loaded.push(r.briefing);
      written.set(k.id, r.briefing);
      keptAt.set(k.id, k.keptAt);
    }
    app.getState().briefingsLoaded(loaded);
    schedule(app.getState().briefings);
    unsubscribe = app.subscribe((now, prev) => {
      if (now.briefings !== prev.briefings) schedule(now.briefings);
    });
  };

  const ready = (s: ReturnType<AppStore['getState']>) => s.data !== null && s.savedImports !== 'reading';
  if (ready(app.getState())) void start();
  else {
    const wait = app.subscribe((s) => {
      if (!ready(s)) return;
      wait();
      void start();
    });
    unsubscribe = wait;
  }
  return () => {
    stopped = true;
    unsubscribe();
  };
}
