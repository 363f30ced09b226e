import { loadEnteredValues } from '../import/entered-values';
import { loadImports } from '../import/saved-imports';
import { READ_DEADLINE_MS } from '../import/storage';
import type { AppStore } from './store';

export interface SavedReaders {
  imports: typeof loadImports;
  entered: typeof loadEnteredValues;
}

const READERS: SavedReaders = { imports: loadImports, entered: loadEnteredValues };

/**
 * Reads what this browser kept (imports, entered values) without holding up the map: each joins
 * the data when it arrives. Storage still silent after `deadline` ms is said to be so (IndexedDB
 * can hang for good: a WebKit bug, a blocked profile); whatever it sends later still joins.
 * Resolves once both have answered, which may be never.
 */
export function startSavedData(
  app: AppStore,
  read: SavedReaders = READERS,
  deadline = READ_DEADLINE_MS,
): Promise<void> {
  app.getState().savedImportsReading();
  let enteredIn = false;
  const timer = setTimeout(() => {
    app.getState().savedImportsUnanswered();
    if (!enteredIn) app.getState().setEnteredError({ op: 'read', reason: 'timeout', detail: '' });
  }, deadline);
  const imports = read.imports().then((r) => app.getState().savedImportsLoaded(r.imports, r.problem));
  const entered = read.entered().then((r) => {
    enteredIn = true;
    app.getState().enteredLoaded(r.values, r.unreadable);
    if (r.problem) app.getState().setEnteredError(r.problem);
  });
  return Promise.all([imports, entered]).then(() => clearTimeout(timer));
}
