// The derived data of a large import worked out ahead, a part per task, before it joins the store.
// Joined in one store update, 100,000 imported firms cost the page some 300 ms of derived data
// (positions, dots, chain analysis, look-ups by key) in a single task, during which it could
// neither draw nor answer a touch.

import type { BundledData } from '../data/load-bundled';
import { nextTask, type Wait } from '../domain/slices';
import type { ImportedDataset } from '../import/pipeline';
import { dotAttributesAhead } from '../layers/enterprises-layer';
import type { Camera } from '../model';
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
  selectFirmCells,
  selectNearDots,
  selectPlacements,
  zoomOf,
} from './selectors';
import { shownDataInSlices, withSavedImports } from './shown-data';
import type { AppState } from './store';
import type { EnterpriseFilters } from './url-hash';

/** What the view shows the data with, for the parts of the derived data that depend on it. */
export interface ShownView {
  filters: EnterpriseFilters;
  asOfYear: number | null;
  /** The map's camera: a large import is drawn as cells from afar, as the dots near the view close in. */
  camera: Camera | null;
}

/**
 * Works out the data shown and what the first view of it needs, a part per task, so that the
 * store update that follows finds them made. Each part is memoised on the data's identity (selectors.ts).
 */
export async function prepareShown(
  bundled: BundledData,
  imports: readonly ImportedDataset[],
  entered: readonly EnteredValue[],
  view: ShownView,
  wait: Wait = nextTask,
): Promise<BundledData> {
  const data = await shownDataInSlices(bundled, imports, entered, wait);
  // The long lists are made a slice per task (domain/slices.ts), the short work a part per task.
  const parts: (() => unknown)[] = [
    () => selectAnalysis.ahead(data, wait),
    () => selectAreaShapes(data),
    () => selectPlacements.ahead(data, wait),
    () => selectEnterpriseDots.ahead(data, wait),
    () => {
      // deck.gl's attributes, for the dots it draws in this view: those near it close in, all of
      // them when tilted; none for a small set (maplibre circles) or from afar (cells).
      const near = selectNearDots(selectEnterpriseDots(data), view.camera);
      if (near) return dotAttributesAhead(near, selectFilterCategories(data, view.filters), wait);
    },
    () =>
      selectFirmCells.ahead(
        selectEnterpriseDots(data),
        selectFilterCategories(data, view.filters),
        zoomOf(view),
        wait,
      ),
    () => selectFilteredEnterprises.ahead(data, view.filters, wait),
    () => selectEnterpriseByKey.ahead(data, wait),
    () => selectEnterpriseById.ahead(data, wait),
    () => selectChargersAsOf(data, view.asOfYear),
  ];
  for (const part of parts) {
    await wait();
    await part();
  }
  return data;
}

/**
 * Works out, a part per task, the data shown with these imports (with `saved`: these saved imports
 * joined to those made meanwhile, as savedImportsLoaded joins them), so that the setImports or
 * savedImportsLoaded that follows finds it made.
 */
export async function prepareImports(
  s: AppState,
  imports: readonly ImportedDataset[],
  saved?: 'saved',
): Promise<void> {
  if (!s.bundled) return;
  const list = saved ? withSavedImports(imports, s.imports) : imports;
  await prepareShown(s.bundled, list, s.entered, {
    filters: s.filters,
    asOfYear: s.charging.asOfYear,
    camera: s.camera,
  });
}
