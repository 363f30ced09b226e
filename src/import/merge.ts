import type { BundledData } from '../data/load-bundled';
import { replacedKeys } from './duplicates';
import { type ImportedDataset, isPlacedCharger, isPlacedEnterprise } from './pipeline';

/**
 * The data the app shows: the bundled files with the imports joined to them, or in place of them
 * where an import of that kind says "replace". Only placed records join: a row with no point and
 * no area is kept apart in its import (`unplaced`) and counted nowhere; an import saved before
 * they were kept apart is filtered the same way.
 */
export function withImports(bundled: BundledData, imports: readonly ImportedDataset[]): BundledData {
  if (imports.length === 0) return bundled;
  const replaces = (kind: ImportedDataset['kind']) =>
    imports.some((i) => i.kind === kind && i.mode === 'replace');
  // In order: an import that updates records already there stands in their place (issue 14).
  let enterprises: BundledData['enterprises'] = replaces('enterprises') ? [] : bundled.enterprises;
  for (const i of imports) {
    const gone = replacedKeys(i);
    if (gone.size) enterprises = enterprises.filter((e) => !gone.has(e.key));
    enterprises = [
      ...enterprises,
      ...(i.unplaced ? i.enterprises : i.enterprises.filter(isPlacedEnterprise)),
    ];
  }
  const chargersOf = (i: ImportedDataset) => (i.unplaced ? i.chargers : i.chargers.filter(isPlacedCharger));
  return {
    ...bundled,
    enterprises,
    chargers: [...(replaces('chargers') ? [] : bundled.chargers), ...imports.flatMap(chargersOf)],
  };
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
