/**
 * What a statement file says that fairplan did not take as written, without refusing the file:
 * today, a figure an SFS summary states that its own figures do not add up to. The check goes on
 * with the computed figure; `check --strict` refuses the file instead.
 */
import type { Money } from '../core/money.js';
import type { Statement } from '../core/statement.js';

/** Stable: scripts read it from `check --json`. */
export const SFS_FIGURE_DIFFERS = 'sfs-figure-differs';

export interface StatementWarning {
  readonly code: typeof SFS_FIGURE_DIFFERS;
  /** The field, as an SFS path: `overview.total-available-for-non-priority-debts`. */
  readonly path: string;
  readonly stated: Money;
  readonly computed: Money;
  readonly message: string;
}

export interface StatementDocument {
  readonly statement: Statement;
  readonly warnings: readonly StatementWarning[];
}
