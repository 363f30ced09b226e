// The data the map shows, from the bundled files, the imports and the entered values; and its
// derived data worked out ahead, a part per task, before a large import joins the store. Joined in
// one store update, 100,000 imported firms cost the page some 300 ms of derived data (positions,
// dots, chain analysis, look-ups by key) in a single task, during which it could not draw or answer.

import type { BundledData } from '../data/load-bundled';
import { withEntered } from '../domain/entered';
import { withImports } from '../import/merge';
import type { ImportedDataset } from '../import/pipeline';
import { dotAttributes, MAPLIBRE_MAX_DOTS } from '../layers/enterprises-layer';
import type { EnteredValue } from '../model/entered';
import {
  selectAnalysis,
  selectAreaShapes,
  selectChargersAsOf,
  selectEnterpriseById,
  selectEnterpriseByKey,
  selectEnterpriseDots,
  selectFilterCategories,
  selectFilteredEnterprises,
  selectPlacements,
} from './selectors';
import type { EnterpriseFilters } from './url-hash';

interface Made {
  bundled: BundledData;
  imports: readonly ImportedDataset[];
  entered: readonly EnteredValue[];
  data: BundledData;
}

// The last data made: the store asks again for what was made ahead (the same imports, in a new
// array), and gets the same object, so every derived result made ahead is found by identity.
let last: Made | null = null;

const sameList = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The data shown: the same object for the same bundled data, imports (in order) and entered values. */
export function shownData(
  bundled: BundledData,
  imports: readonly ImportedDataset[],
  entered: readonly EnteredValue[],
): BundledData {
  const m = last;
  if (m && m.bundled === bundled && m.entered === entered && sameList(m.imports, imports)) return m.data;
  const data = withEntered(withImports(bundled, imports), entered);
  last = { bundled, imports: [...imports], entered, data };
  return data;
}

/** What the view shows the data with, for the parts of the derived data that depend on it. */
export interface ShownView {
  filters: EnterpriseFilters;
  asOfYear: number | null;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Works out the data shown and what the first view of it needs, a part per task, so that the
 * store update that follows finds them made. Each part is memoised on the data's identity (selectors.ts).
 */
export async function prepareShown(
  bundled: BundledData,
  imports: readonly ImportedDataset[],
  entered: readonly EnteredValue[],
  view: ShownView,
  wait: () => Promise<void> = nextTask,
): Promise<BundledData> {
  const data = shownData(bundled, imports, entered);
  const parts: (() => unknown)[] = [
    () => selectAnalysis(data),
    () => selectAreaShapes(data),
    () => selectPlacements(data),
    () => selectEnterpriseDots(data),
    () => {
      // deck.gl's attributes, for a set it draws (maplibre draws a small one from features).
      const dots = selectEnterpriseDots(data);
      if (dots.length > MAPLIBRE_MAX_DOTS) dotAttributes(dots, selectFilterCategories(data, view.filters));
    },
    () => selectFilteredEnterprises(data, view.filters),
    () => selectEnterpriseByKey(data),
    () => selectEnterpriseById(data),
    () => selectChargersAsOf(data, view.asOfYear),
  ];
  for (const part of parts) {
    await wait();
    part();
  }
  return data;
}
