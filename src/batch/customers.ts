/**
 * Under `batch --group-by`: which customer each row belongs to, as the rows are read. A customer's
 * rows must be together; a row of a customer seen before another one is rejected, as is a row naming
 * no customer. Only the customers' names are remembered, never their rows.
 */
import { customerKey } from '../core/customer-key.js';
import { FairplanError } from '../core/errors.js';
import { findHeader } from '../io/column-names.js';
import type { ColumnLayout } from './mapping.js';
import type { InputRecord } from '../io/read-records.js';

export interface GroupColumn {
  readonly name: string;
  readonly index: number;
}

/** The column named by --group-by, or a refusal naming the file and the columns it has. */
export function groupColumn(layout: ColumnLayout, name: string, file: string): GroupColumn {
  if (!name.trim()) throw new FairplanError('invalid-argument', '--group-by names no column: give the column that holds the customer, e.g. --group-by customer_id', { file });
  // Matched as a field's column is: `Customer_ID` finds customer_id.
  const index = findHeader(layout.headers, name.trim());
  if (index === undefined) {
    throw new FairplanError('invalid-argument', `--group-by: there is no column "${name}" (the columns are ${layout.headers.join(', ')})`, { file });
  }
  return { name: (layout.headers[index] ?? name).trim(), index };
}

/**
 * The most accounts of one customer planned together. Sharing a budget among a household's accounts
 * costs memory and time that grow faster than their number (10,000 accounts took over 1 GB); no
 * household has this many debts, so a customer's rows past it are refused, not planned.
 */
export const MAX_HOUSEHOLD_ACCOUNTS = 1000;

export class Customers {
  private current: string | undefined;
  /** Rows of the current customer placed so far. */
  private rows = 0;
  private readonly finished = new Set<string>();

  /** `accountId`: the column of the account's id, which a refused row's rejection names. */
  constructor(
    private readonly column: GroupColumn,
    private readonly accountId?: number,
  ) {}

  /**
   * The row as it goes to be planned (a row out of place becomes an unreadable one, with why; it
   * does not end the household being read), and whether it starts the next household: a chunk may
   * end before it.
   */
  place(record: InputRecord): { readonly record: InputRecord; readonly startsHousehold: boolean } {
    if (record.kind === 'unreadable') return { record, startsHousehold: false };
    const written = (record.cells[this.column.index] ?? '').trim();
    const customer = customerKey(written);
    if (!customer) return { record: this.refused(record, 'missing-value', `${this.column.name} is missing: the row names no customer`), startsHousehold: false };
    if (customer === this.current) {
      this.rows++;
      if (this.rows <= MAX_HOUSEHOLD_ACCOUNTS) return { record, startsHousehold: false };
      const reason = `customer ${written} has more than ${MAX_HOUSEHOLD_ACCOUNTS} accounts: fairplan plans at most ${MAX_HOUSEHOLD_ACCOUNTS} of one customer's accounts together (the first ${MAX_HOUSEHOLD_ACCOUNTS} were planned without this one)`;
      // A refused row is not a household member, so a chunk may end before it: memory stays bounded.
      return { record: this.refused(record, 'too-many-accounts', reason), startsHousehold: true };
    }
    if (this.finished.has(customer)) {
      const reason = `rows of customer ${written} are not together: sort the export by ${this.column.name}`;
      return { record: this.refused(record, 'customer-rows-apart', reason), startsHousehold: false };
    }
    if (this.current !== undefined) this.finished.add(this.current);
    this.current = customer;
    this.rows = 1;
    return { record, startsHousehold: true };
  }

  private refused(record: InputRecord & { kind: 'row' }, code: string, reason: string): InputRecord {
    const id = this.accountId === undefined ? '' : (record.cells[this.accountId] ?? '').trim();
    return { kind: 'unreadable', line: record.line, reason, code, cells: record.cells, field: this.column.name, ...(id ? { accountId: id } : {}) };
  }
}
