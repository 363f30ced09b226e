import { loadEnteredValues } from '../import/entered-values';
import { loadImports } from '../import/saved-imports';
import { READ_DEADLINE_MS } from '../import/storage';
import { prepareImports } from './prepare-shown';
import type { AppStore } from './store';

export interface SavedReaders {
  imports: typeof loadImports;
  entered: typeof loadEnteredValues;
}

const READERS: SavedReaders = { imports: loadImports, entered: loadEnteredValues };

/** Longest wait for the map's first view once the bundled data is in (a map that never settles). */
export const FIRST_DRAW_WAIT_MS = 10_000;

/**
 * Resolves once the map has drawn its first view with the bundled data (or cannot draw), or
 * `maxWait` ms after the data arrived if the map never says so (tiles that never settle).
 */
export function afterFirstDraw(app: AppStore, maxWait = FIRST_DRAW_WAIT_MS): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = (s: ReturnType<AppStore['getState']>) => {
      if (s.firstDrawn) {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      } else if (s.data !== null && timer === undefined) {
        timer = setTimeout(() => {
          unsubscribe();
          resolve();
        }, maxWait);
      }
    };
    const unsubscribe = app.subscribe(check);
    check(app.getState());
  });
}

/**
 * Reads what this browser kept without holding up the map. Entered values (a handful of goal
 * values and vehicle counts) are asked for at once, so a panel never shows "not provided" for a
 * value kept here; imports once the map has drawn its first view (`ready`), so that a large saved
 * import never slows it. Each joins the data when it arrives. Storage still silent `deadline` ms
 * after it was asked is said to be so (IndexedDB can hang for good: a WebKit bug, a blocked
 * profile); whatever it sends later still joins. Resolves once both have answered, which may be never.
 */
export async function startSavedData(
  app: AppStore,
  read: SavedReaders = READERS,
  deadline = READ_DEADLINE_MS,
  ready: Promise<void> = afterFirstDraw(app),
): Promise<void> {
  app.getState().savedImportsReading();
  let enteredIn = false;
  const enteredTimer = setTimeout(() => {
    if (!enteredIn) app.getState().setEnteredError({ op: 'read', reason: 'timeout', detail: '' });
  }, deadline);
  const entered = read.entered().then((r) => {
    enteredIn = true;
    clearTimeout(enteredTimer);
    app.getState().enteredLoaded(r.values, r.unreadable);
    if (r.problem) app.getState().setEnteredError(r.problem);
  });
  await ready;
  const timer = setTimeout(() => app.getState().savedImportsUnanswered(), deadline);
  const imports = read.imports().then(async (r) => {
    // Storage has answered: the time the data takes to join is not storage's silence.
    clearTimeout(timer);
    // A large saved import's derived data is made a part per task before it joins (prepare-shown.ts).
    if (r.imports.length > 0) await prepareImports(app.getState(), r.imports, 'saved');
    app.getState().savedImportsLoaded(r.imports, r.problem);
  });
  await Promise.all([imports, entered]);
}
