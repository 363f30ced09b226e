// The data the map shows, from the bundled files, the imports and the entered values. The last one
// made is given again for the same inputs, so that what prepare-shown.ts made ahead is what the
// store update that follows finds.

import type { BundledData } from '../data/load-bundled';
import { withEntered } from '../domain/entered';
import { withImports } from '../import/merge';
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

/** The saved imports, and after them those made while storage was silent (they are newer). */
export const withSavedImports = (saved: readonly ImportedDataset[], made: readonly ImportedDataset[]) => [
  ...saved,
  ...made.filter((i) => !saved.some((x) => x.id === i.id)),
];
