// An import joined to the data shown, in the worker: its rows matched against the firms already
// there (update, keep both or skip, as the user chose) and the change list it makes. Both read the
// whole data; on the page they were a second's work in one task for a 100,000-row file.

import type { Charger } from '../data/chargers';
import type { ChainModel, Enterprise } from '../data/types';
import { capChanges, changesBetween } from '../domain/changes';
import { applyDuplicates, type DuplicateAction, replacedKeys } from './duplicates';
import type { WireRecords } from './packed-wire';
import {
  type ImportedDataset,
  type ImportOptions,
  isPlacedCharger,
  isPlacedEnterprise,
  placeApart,
} from './pipeline';

/** The data shown: the bundled records and the imports, as withImports makes it. */
export interface Shown {
  enterprises: readonly Enterprise[];
  chargers: readonly Charger[];
}

/** What the worker is given to join an import: the data shown (packed), which of it is bundled, the chain. */
export interface JoinContext {
  chain: ChainModel;
  enterprises: WireRecords;
  chargers: WireRecords;
  /** Keys of the bundled records among them: an import that replaces its kind takes them out. */
  bundledKeys: { enterprises: string[]; chargers: string[] };
  duplicates: DuplicateAction;
  /** The fields the file feeds (what an update takes from the row). */
  mapped: string[];
  /** Whether to list what the import changes: the import does, the mapping step's look ahead does not. */
  changes: boolean;
}

/**
 * The data shown once `ds` joins it, from the data shown before: what withImports(bundled,
 * [...imports, ds]) makes, without the imports themselves. An import that replaces its kind takes
 * out the bundled records of that kind, one that updates records takes out those it stands for,
 * and its placed records come last.
 */
export function shownWith(
  shown: Shown,
  bundled: { enterprises: ReadonlySet<string>; chargers: ReadonlySet<string> },
  ds: ImportedDataset,
): Shown {
  let enterprises = shown.enterprises;
  let chargers = shown.chargers;
  if (ds.mode === 'replace' && ds.kind === 'enterprises')
    enterprises = enterprises.filter((e) => !bundled.enterprises.has(e.key));
  if (ds.mode === 'replace' && ds.kind === 'chargers')
    chargers = chargers.filter((c) => !bundled.chargers.has(c.key));
  const gone = replacedKeys(ds);
  if (gone.size) enterprises = enterprises.filter((e) => !gone.has(e.key));
  const placedE = ds.unplaced ? ds.enterprises : ds.enterprises.filter(isPlacedEnterprise);
  const placedC = ds.unplaced ? ds.chargers : ds.chargers.filter(isPlacedCharger);
  return { enterprises: [...enterprises, ...placedE], chargers: [...chargers, ...placedC] };
}

/** A dataset's firms, placed and not, in file order. */
export function allEnterprises(ds: ImportedDataset): Enterprise[] {
  const all = [...ds.enterprises, ...(ds.unplaced?.enterprises ?? [])];
  return all.sort((a, b) => a.line - b.line);
}

/** The fields the file feeds, as mapped (a combined "lng,lat" column feeds both). */
export function mappedFields(o: Pick<ImportOptions, 'mapping' | 'lonLatColumn'>): string[] {
  const s = new Set<string>(Object.keys(o.mapping));
  if (o.lonLatColumn !== null) for (const f of ['lon', 'lat']) s.add(f);
  return [...s];
}

/**
 * An import as read, joined to the data shown: rows that stand for firms already shown updated,
 * kept twice or skipped, as the user chose (a row not placed may match too: a list of names
 * updating firms; it takes the firm's place then), and what adding it changes, kept with it.
 */
export function joinImport(
  read: ImportedDataset,
  shown: Shown,
  bundled: { enterprises: ReadonlySet<string>; chargers: ReadonlySet<string> },
  chain: ChainModel,
  action: DuplicateAction,
  mapped: ReadonlySet<string>,
  withChanges = true,
): ImportedDataset {
  const applied =
    read.kind === 'enterprises' && read.mode === 'join'
      ? placeApart(
          applyDuplicates(
            { ...read, enterprises: allEnterprises(read), unplaced: { enterprises: [], chargers: [] } },
            shown.enterprises,
            action,
            mapped,
          ),
        )
      : read;
  if (!withChanges) return applied;
  const sameAs = new Map((applied.duplicates?.matches ?? []).map((m) => [m.key, m.existingKey]));
  const changes = capChanges(changesBetween(chain, shown, shownWith(shown, bundled, applied), sameAs));
  return { ...applied, changes };
}
