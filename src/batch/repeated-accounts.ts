/**
 * Each account id a batch run has met, with the line it was first on: a row repeating an id is
 * rejected, naming that line, rather than the same account being planned twice (an export run
 * twice into one file, or a customer's rows listed again). The ids are kept as follow-up keeps them
 * (a text arena and a hash table of typed arrays, outside the garbage-collected heap), so a million
 * rows cost a few megabytes, not a Set of a million strings.
 */
import { AccountNumbers } from '../follow-up/account-numbers.js';
import { NumberColumn } from '../follow-up/number-column.js';
import type { InputRecord } from './read.js';

export class RepeatedAccounts {
  private readonly numbers = new AccountNumbers();
  private readonly firstLines = new NumberColumn(Float64Array);
  private count = 0;

  /** `accountId`: the column of the account's id; without one there is nothing to compare. */
  constructor(private readonly accountId: number | undefined) {}

  /** The record as it goes to be planned: a row whose id was met before becomes an unreadable one, with why. */
  check(record: InputRecord): InputRecord {
    if (record.kind === 'unreadable' || this.accountId === undefined) return record;
    // Trimmed as the row's account is read (account.ts): " A1" and "A1" are one account.
    const id = (record.cells[this.accountId] ?? '').trim();
    if (!id) return record;
    const number = this.numbers.number(id);
    if (number === this.count) {
      this.firstLines.set(number, record.line);
      this.count++;
      return record;
    }
    const reason = `account ${id} is on line ${this.firstLines.get(number)} already: an account is planned from one row only`;
    return { kind: 'unreadable', line: record.line, reason, cells: record.cells, field: 'account_id', accountId: id, code: 'repeated-account' };
  }
}
