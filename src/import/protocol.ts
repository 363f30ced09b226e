import type { IssueParams } from '../data/csv';
import type { IssueCode } from '../data/types';
import type { JoinContext } from './join';
import type { WireDataset } from './packed-wire';
import type { ImportContext, ImportOptions, Sniffed, SniffOverrides } from './pipeline';

/** Messages between the page and the import worker. */
export type ToWorker =
  | { type: 'sniff'; file: File; overrides: SniffOverrides }
  | {
      type: 'import';
      file: File;
      options: ImportOptions;
      ctx: ImportContext;
      importedAt: string;
      /** The data shown, to match duplicates against and to list the changes (absent: neither). */
      join?: JoinContext;
    };

export type ImportStage = 'load' | 'read' | 'check';

export type FromWorker =
  | { type: 'sniffed'; sniffed: Sniffed }
  | { type: 'progress'; stage: ImportStage; share: number }
  /** The import, its records as columns in transferred buffers (packed-records.ts, packed-wire.ts). */
  | { type: 'done'; dataset: WireDataset }
  | { type: 'failed'; code: IssueCode; params: IssueParams };
