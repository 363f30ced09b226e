import { createStore, del, entries, set } from 'idb-keyval';
import { isSavedImport } from '../model/saved-import';
import type { ImportedDataset } from './pipeline';

// One database of the app's own; each import is one entry, so removing one never rewrites the others.
const store = () => createStore('huaibei-nev-map', 'imports');

export type Stored = { ok: true } | { ok: false; message: string };

const message = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export async function saveImport(ds: ImportedDataset): Promise<Stored> {
  try {
    await set(ds.id, ds, store());
    return { ok: true };
  } catch (e) {
    return { ok: false, message: message(e) };
  }
}

export async function deleteImport(id: string): Promise<Stored> {
  try {
    await del(id, store());
    return { ok: true };
  } catch (e) {
    return { ok: false, message: message(e) };
  }
}

/** Every saved import, oldest first; an unreadable store gives none and says why. */
export async function loadImports(): Promise<{ imports: ImportedDataset[]; error: string | null }> {
  try {
    const all = await entries<string, ImportedDataset>(store());
    const imports = all
      .map(([, v]) => v)
      .filter((v) => isSavedImport(v))
      .sort((a, b) => a.importedAt.localeCompare(b.importedAt));
    return { imports, error: null };
  } catch (e) {
    return { imports: [], error: message(e) };
  }
}
