// The data the map shows, from the bundled files, the imports and the entered values. The last one
// made is given again for the same inputs, so that what prepare-shown.ts made ahead is what the
// store update that follows finds.

import type { BundledData } from '../data/load-bundled';
import { withEntered } from '../domain/entered';
import { runInSlices, type Wait } from '../domain/slices';
import { withImports, withImportsInSlices } from '../import/merge';
import type { ImportedDataset } from '../import/pipeline';
import type { EnteredValue } from '../model/entered';

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

const lastFor = (
  bundled: BundledData,
  imports: readonly ImportedDataset[],
  entered: readonly EnteredValue[],
) => {
  const m = last;
  return m && m.bundled === bundled && m.entered === entered && sameList(m.imports, imports) ? m.data : null;
};

const keep = (
  bundled: BundledData,
  imports: readonly ImportedDataset[],
  entered: readonly EnteredValue[],
  joined: BundledData,
) => {
  const data = withEntered(joined, entered);
  last = { bundled, imports: [...imports], entered, data };
  return data;
};

/** The data shown: the same object for the same bundled data, imports (in order) and entered values. */
export function shownData(
  bundled: BundledData,
  imports: readonly ImportedDataset[],
  entered: readonly EnteredValue[],
): BundledData {
  return lastFor(bundled, imports, entered) ?? keep(bundled, imports, entered, withImports(bundled, imports));
}

/** The same, made a slice per task (prepare-shown.ts). */
export async function shownDataInSlices(
  bundled: BundledData,
  imports: readonly ImportedDataset[],
  entered: readonly EnteredValue[],
  wait: Wait,
): Promise<BundledData> {
  const made = lastFor(bundled, imports, entered);
  if (made) return made;
  const joined = await runInSlices(withImportsInSlices(bundled, imports), wait);
  // Made meanwhile by the store for the same inputs: that one, so there is one object for them.
  return lastFor(bundled, imports, entered) ?? keep(bundled, imports, entered, joined);
}

/** The saved imports, and after them those made while storage was silent (they are newer). */
export const withSavedImports = (saved: readonly ImportedDataset[], made: readonly ImportedDataset[]) => [
  ...saved,
  ...made.filter((i) => !saved.some((x) => x.id === i.id)),
];
