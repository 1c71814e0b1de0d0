/**
 * One account row, read and checked. A row that cannot be used becomes a Rejection naming its line,
 * account, field and reason; it is never dropped or half-read.
 */
import { InvalidArgumentError } from 'commander';
import { parseIsoDate } from '../core/date.js';
import { isFairplanError } from '../core/errors.js';
import { parseFrequency, PAYMENT_FREQUENCIES, type PaymentFrequency } from '../core/frequency.js';
import type { Dec } from '../core/money.js';
import type { PaySchedule } from '../core/statement.js';
import { percentOption } from '../cli/options.js';
import { EXPENSE_FIELDS, type ExpenseField, type Field } from './fields.js';
import type { ColumnLayout } from './mapping.js';
import { parsePence } from './pence.js';

/** A usable account. Amounts are monthly, in whole pence. */
export interface Account {
  /** Line of the file the row starts on (1 is the header). */
  readonly line: number;
  readonly id: string;
  readonly balance: number;
  /** The account's annual rate in percent, when one above nil is recorded. */
  readonly apr?: Dec;
  readonly income: number;
  readonly expenses: Readonly<Record<ExpenseField, number>>;
  readonly pay: PaySchedule;
  /** The carried columns' cells, in the layout's order. */
  readonly carried: readonly string[];
}

export interface Rejection {
  readonly line: number;
  readonly accountId?: string;
  /** The field at fault; absent when the row as a whole is (wrong number of fields, broken quoting). */
  readonly field?: string;
  readonly reason: string;
  /** The row as it was in the file. */
  readonly cells: readonly string[];
}

export const isRejection = (row: Account | Rejection): row is Rejection => 'reason' in row;

class RowProblem extends Error {
  constructor(
    readonly field: Field,
    message: string,
  ) {
    super(message);
  }
}

/** Runs a parser on a field, turning its complaint into a RowProblem for that field. */
function checked<T>(field: Field, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (isFairplanError(error) || error instanceof InvalidArgumentError) throw new RowProblem(field, error.message);
    throw error;
  }
}

export function readAccount(cells: readonly string[], layout: ColumnLayout, line: number): Account | Rejection {
  const cell = (field: Field): string => {
    const i = layout.index[field];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const id = cell('account_id');
  const rejection = (reason: string, field?: string): Rejection => ({
    line,
    ...(id ? { accountId: id } : {}),
    ...(field ? { field } : {}),
    reason,
    cells,
  });
  if (cells.length !== layout.headers.length) {
    return rejection(`the row has ${cells.length} field${cells.length === 1 ? '' : 's'}; the header has ${layout.headers.length}`);
  }

  const required = (field: Field): string => {
    const text = cell(field);
    if (!text) throw new RowProblem(field, 'is missing');
    return text;
  };
  const amount = (field: Field): number => {
    const pence = checked(field, () => parsePence(required(field)));
    if (pence < 0) throw new RowProblem(field, `is negative (${cell(field)})`);
    return pence;
  };
  try {
    if (!id) throw new RowProblem('account_id', 'is missing');
    const balance = amount('balance');
    if (balance === 0) throw new RowProblem('balance', 'is nil: there is nothing to repay');
    const aprText = cell('apr');
    const apr = aprText ? checked('apr', () => percentOption(aprText)) : undefined;
    const income = amount('monthly_income');
    const expenses = {} as Record<ExpenseField, number>;
    for (const field of EXPENSE_FIELDS) expenses[field] = amount(field);
    const frequency = checked(
      'pay_frequency',
      () => parseFrequency(required('pay_frequency'), PAYMENT_FREQUENCIES) as PaymentFrequency,
    );
    const nextPayDate = checked('next_pay_date', () => parseIsoDate(required('next_pay_date')));
    return {
      line,
      id,
      balance,
      ...(apr && apr.gt(0) ? { apr } : {}),
      income,
      expenses,
      pay: { frequency, nextPayDate },
      carried: layout.carried.map((c) => cells[c.index] ?? ''),
    };
  } catch (error) {
    if (error instanceof RowProblem) return rejection(`${error.field} ${error.message}`, error.field);
    throw error;
  }
}
