import { createStore, del, entries, set } from 'idb-keyval';
import type { Bilingual } from '../data/types';
import { isSavedImport } from '../model/saved-import';
import type { ImportedDataset, ImportNote, ReportRow } from './pipeline';

// One database of the app's own; each import is one entry, so removing one never rewrites the others.
const store = () => createStore('huaibei-nev-map', 'imports');

export type Stored = { ok: true } | { ok: false; message: string };

/** Why the browser's storage refused, as the browser says it. */
export const storageMessage = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** Runs one storage operation: ok, or why the browser refused. */
export async function storing(op: () => Promise<unknown>): Promise<Stored> {
  try {
    await op();
    return { ok: true };
  } catch (e) {
    return { ok: false, message: storageMessage(e) };
  }
}

export function saveImport(ds: ImportedDataset): Promise<Stored> {
  return storing(() => set(ds.id, ds, store()));
}

export function deleteImport(id: string): Promise<Stored> {
  return storing(() => del(id, store()));
}

/** Every saved import, oldest first; an unreadable store gives none and says why. */
export async function loadImports(): Promise<{ imports: ImportedDataset[]; error: string | null }> {
  try {
    const all = await entries<string, ImportedDataset>(store());
    const imports = all
      .map(([, v]) => v)
      .filter((v) => isSavedImport(v))
      .sort((a, b) => a.importedAt.localeCompare(b.importedAt));
    return { imports: imports.map(upgradeSaved), error: null };
  } catch (e) {
    return { imports: [], error: storageMessage(e) };
  }
}

type Legacy = { reason?: Bilingual; zh?: string; en?: string };

/**
 * An import saved before report rows and notes carried codes (they held a sentence in both
 * languages): the old text is kept, both languages together, under a code that shows it as is.
 */
export function upgradeSaved(ds: ImportedDataset): ImportedDataset {
  const both = (b: Bilingual) => (b.zh === b.en ? b.en : `${b.zh} / ${b.en}`);
  const row = (r: ReportRow & Legacy): ReportRow => {
    if (r.code || !r.reason) return r;
    const { reason, ...rest } = r;
    return { ...rest, code: 'import.row.saved', params: { text: both(reason) } };
  };
  const note = (n: ImportNote & Legacy): ImportNote =>
    n.code || n.zh === undefined || n.en === undefined
      ? n
      : { code: 'import.row.saved', params: { text: both({ zh: n.zh, en: n.en }) } };
  return { ...ds, report: (ds.report ?? []).map(row), notes: (ds.notes ?? []).map(note) };
}
