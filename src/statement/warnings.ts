/**
 * What a statement file says that fairplan did not take as written, without refusing the file: a
 * figure an SFS summary states that its own figures do not add up to (the check goes on with the
 * computed figure), a line's SFS field guessed from its label, an essential SFS field left at 0.00
 * while a line's label suggests it. `check --strict` refuses the file instead.
 */
import type { Money } from '../core/money.js';
import type { Statement } from '../core/statement.js';

/** Stable: scripts read it from `check --json`. */
export const SFS_FIGURE_DIFFERS = 'sfs-figure-differs';
/** Stable: a line records no SFS field, so the one its label suggests is used. */
export const SFS_FIELD_GUESSED = 'sfs-field-guessed';
/** Stable: an essential SFS field (council-tax-rates) is 0.00 while a line's label suggests it. */
export const SFS_FIELD_EMPTY = 'sfs-field-empty';

export interface StatementWarning {
  readonly code: typeof SFS_FIGURE_DIFFERS | typeof SFS_FIELD_GUESSED | typeof SFS_FIELD_EMPTY;
  /** The field, as an SFS path (`overview.total-available-for-non-priority-debts`) or a statement path (`expenditure[1]`). */
  readonly path: string;
  /** For a figure that differs: the figure stated and the one computed. */
  readonly stated?: Money;
  readonly computed?: Money;
  readonly message: string;
}

export interface StatementDocument {
  readonly statement: Statement;
  readonly warnings: readonly StatementWarning[];
}
