import type { Charger } from '../data/chargers';
import type { BundledData } from '../data/load-bundled';
import type { Enterprise } from '../data/types';
import { atSliceEnd, runWhole, type Slices } from '../domain/slices';
import { replacedKeys } from './duplicates';
import { type ImportedDataset, isPlacedCharger, isPlacedEnterprise } from './pipeline';

/**
 * The data the app shows: the bundled files with the imports joined to them, or in place of them
 * where an import of that kind says "replace". Only placed records join: a row with no point and
 * no area is kept apart in its import (`unplaced`) and counted nowhere; an import saved before
 * they were kept apart is filtered the same way.
 */
export function withImports(bundled: BundledData, imports: readonly ImportedDataset[]): BundledData {
  return runWhole(withImportsInSlices(bundled, imports));
}

/** The same, yielding between slices (domain/slices.ts): a loop, as a spread of 500,000 firms is slow. */
export function* withImportsInSlices(
  bundled: BundledData,
  imports: readonly ImportedDataset[],
): Slices<BundledData> {
  if (imports.length === 0) return bundled;
  const replaces = (kind: ImportedDataset['kind']) =>
    imports.some((i) => i.kind === kind && i.mode === 'replace');
  // In order: an import that updates records already there stands in their place (issue 14).
  let enterprises: Enterprise[] = replaces('enterprises') ? [] : [...bundled.enterprises];
  for (const i of imports) {
    const gone = replacedKeys(i);
    if (gone.size) enterprises = enterprises.filter((e) => !gone.has(e.key));
    yield* placedInto(enterprises, i.enterprises, i.unplaced ? null : isPlacedEnterprise);
  }
  const chargers: Charger[] = replaces('chargers') ? [] : [...bundled.chargers];
  for (const i of imports) yield* placedInto(chargers, i.chargers, i.unplaced ? null : isPlacedCharger);
  return { ...bundled, enterprises, chargers };
}

/** Appends the records of `from` that pass `keep` (all of them with null) to `to`. */
function* placedInto<T>(to: T[], from: readonly T[], keep: ((x: T) => boolean) | null): Slices<void> {
  for (let k = 0; k < from.length; k += 1) {
    if (atSliceEnd(k)) yield;
    const x = from[k] as T;
    if (!keep || keep(x)) to.push(x);
  }
}

/**
 * A short id for a new import, unique among the existing ones: it prefixes every record id. While
 * the saved imports are not known (storage slow or silent), one made from the time, so that it
 * cannot take, and overwrite in storage, the id of a saved import that has not arrived yet.
 */
export function nextImportId(
  imports: readonly ImportedDataset[],
  savedUnknown = false,
  now = Date.now(),
): string {
  const ids = new Set(imports.map((i) => i.id));
  if (savedUnknown) {
    let t = now;
    while (ids.has(`u${t.toString(36)}`)) t += 1;
    return `u${t.toString(36)}`;
  }
  let n = 1;
  while (ids.has(`u${n}`)) n += 1;
  return `u${n}`;
}
