import { createStore, del, entries, setMany } from 'idb-keyval';
import { type EnteredValue, enteredKey, isEnteredValue } from '../model/entered';
import { problemOf, type StorageProblem, type Stored, storing } from './storage';

// The values entered in the app, in IndexedDB like the imports: one entry per goal or district
// (its key from enteredKey), so saving or removing one never rewrites the others. A database of its
// own: idb-keyval opens one object store per database, and the imports' database already has one.
const store = () => createStore('huaibei-nev-map-entered', 'values');

export function saveEnteredValues(values: readonly EnteredValue[]): Promise<Stored> {
  return storing('save', () =>
    setMany(
      values.map((v) => [enteredKey(v), v]),
      store(),
    ),
  );
}

export function deleteEnteredValue(key: string): Promise<Stored> {
  return storing('remove', () => del(key, store()));
}

/**
 * Every saved value, oldest first; an entry that does not read as one (damaged, or of another
 * version) is left out and counted. An unreadable store gives none and says why.
 */
export async function loadEnteredValues(): Promise<{
  values: EnteredValue[];
  unreadable: number;
  problem: StorageProblem | null;
}> {
  try {
    const all = (await entries<string, unknown>(store())).map(([, v]) => v);
    const values = all.filter(isEnteredValue).sort((a, b) => a.enteredAt.localeCompare(b.enteredAt));
    return { values, unreadable: all.length - values.length, problem: null };
  } catch (e) {
    return { values: [], unreadable: 0, problem: problemOf(e, 'read') };
  }
}
