import type { IssueParams } from '../data/csv';
import type { IssueCode } from '../data/types';
import type { ImportContext, ImportedDataset, ImportOptions, Sniffed, SniffOverrides } from './pipeline';

/** Messages between the page and the import worker. */
export type ToWorker =
  | { type: 'sniff'; file: File; overrides: SniffOverrides }
  | { type: 'import'; file: File; options: ImportOptions; ctx: ImportContext; importedAt: string };

export type ImportStage = 'load' | 'read' | 'check';

export type FromWorker =
  | { type: 'sniffed'; sniffed: Sniffed }
  | { type: 'progress'; stage: ImportStage; share: number }
  /** Records of the import in slices, before `done`: each arrives as a short task of its own. */
  | { type: 'part'; enterprises: ImportedDataset['enterprises']; chargers: ImportedDataset['chargers'] }
  | { type: 'done'; dataset: ImportedDataset }
  | { type: 'failed'; code: IssueCode; params: IssueParams };
