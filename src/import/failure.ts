import type { IssueParams } from '../data/csv';
import type { IssueCode } from '../data/types';

/**
 * An import that cannot go on (thrown in the worker, posted to the page and thrown again there):
 * why, as an issue template code and its parameters; the dialog renders it with t().
 */
export class ImportFailure extends Error {
  constructor(
    readonly code: IssueCode,
    readonly params: IssueParams = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'ImportFailure';
  }
}
