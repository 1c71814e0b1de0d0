/**
 * `batch --dry-run N`: a mapping checked on the first N rows. For each row, what each field reads
 * (the figure fairplan works with, a month for income and outgoings) and from which columns as
 * the export writes them, or why the row would be rejected; then the columns holding amounts that
 * nothing reads. Nothing is planned or written.
 */
import { isRejection, readAccount, type Account } from './account.js';
import { ALL_FIELDS, HOUSEHOLD_FIELDS, type Field, type HouseholdField } from './fields.js';
import type { ColumnLayout } from './mapping.js';
import { formatPence } from '../core/pence.js';
import type { InputRecord } from '../io/read-records.js';
import { unmappedAmountColumns, usedColumns } from './unmapped.js';

function valueOf(account: Account, field: Field): string | undefined {
  switch (field) {
    case 'account_id':
      return account.id;
    case 'balance':
      return formatPence(account.balance);
    case 'apr':
      return account.apr;
    case 'monthly_income':
      return formatPence(account.income);
    case 'pay_frequency':
      return account.pay.frequency;
    case 'next_pay_date':
      return account.pay.nextPayDate;
    case 'breathing_space_end':
      return account.breathingSpaceEnd;
    case 'last_payment_date':
      return account.lastPaymentOn;
    case 'customer_name':
      return undefined;
    case 'adults':
    case 'children':
    case 'tenure':
    case 'jurisdiction':
      return String(account.household[field]);
    default:
      return formatPence(account.expenses[field]);
  }
}

/** The lines `--dry-run` prints for `records` (the first rows of the file) under `layout`. */
export function dryRunLines(layout: ColumnLayout, records: readonly InputRecord[]): string[] {
  const lines: string[] = [];
  const width = Math.max(...ALL_FIELDS.map((f) => f.length));
  for (const record of records) {
    if (record.kind === 'unreadable') {
      lines.push(`line ${record.line}: would be rejected: ${record.reason}`);
      continue;
    }
    const account = readAccount(record.cells, layout, record.line);
    if (isRejection(account)) {
      lines.push(`line ${record.line}${account.accountId ? `, account ${account.accountId}` : ''}: would be rejected: ${account.reason}`);
      continue;
    }
    lines.push(`line ${record.line}, account ${account.id}:`);
    for (const field of ALL_FIELDS) {
      const sources = layout.sources[field];
      if (sources.length === 0) continue;
      if (account.household.defaulted.includes(field as HouseholdField)) {
        const unknown = account.unknownValues?.find((u) => u.column === sources[0]?.header);
        const why = unknown ? `${JSON.stringify(unknown.value)} is not understood (name it in the mapping's "values")` : 'is blank';
        lines.push(`  ${field.padEnd(width)}  ${(valueOf(account, field) ?? '').padStart(12)}  by default: "${sources[0]?.header}" ${why}`);
        continue;
      }
      const read = sources
        .map((s) => `"${s.header}" ${JSON.stringify((record.cells[s.index] ?? '').trim())}${s.frequency === 'monthly' ? '' : ` ${s.frequency}`}`)
        .join(' + ');
      lines.push(`  ${field.padEnd(width)}  ${(valueOf(account, field) ?? '').padStart(12)}  from ${read}`);
    }
    const unread = HOUSEHOLD_FIELDS.filter((field) => layout.sources[field].length === 0);
    if (unread.length > 0) lines.push(`  by default (no column): ${unread.map((field) => `${field} ${valueOf(account, field)}`).join(', ')}`);
  }
  const rows = records.flatMap((r) => (r.kind === 'row' ? [r.cells] : []));
  const unmapped = unmappedAmountColumns(layout.headers, usedColumns(layout), rows);
  lines.push(
    unmapped.length > 0
      ? `columns that hold amounts but are neither read nor carried: ${unmapped.map((c) => `"${c}"`).join(', ')}`
      : 'every column that holds amounts is read or carried',
  );
  return lines;
}
