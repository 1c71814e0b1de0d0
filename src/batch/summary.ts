/** The run's summary for a person, on stderr. */
import { toMonthly, type PaymentFrequency } from '../core/frequency.js';
import { formatMoney, fromPence, sumPennies, type Pennies } from '../core/money.js';
import { ADVICE_SIGNPOST } from '../core/signpost.js';
import { wrap } from '../render/shared/wrap.js';
import { HOUSEHOLD_FIELDS } from './fields.js';
import type { BatchSummary } from './run.js';
import { unknownValueLine } from './unknown-values.js';

const count = (n: number): string => n.toLocaleString('en-GB');

/** The recommended plans' instalments a month: each frequency's as one monthly figure, rounded once, as a statement line is. */
export const monthlyInstalments = (summary: BatchSummary): Pennies =>
  sumPennies(
    (Object.entries(summary.instalmentsByFrequency) as [PaymentFrequency, number][]).map(([frequency, pence]) =>
      toMonthly(fromPence(pence), frequency),
    ),
  );

/** How many accounts' flags and dates rest on a household field's default, when any do (see household-fields.ts). */
function defaultsLine(summary: BatchSummary): string[] {
  const fields = HOUSEHOLD_FIELDS.filter((field) => (summary.byDefault[field] ?? 0) > 0);
  if (summary.stopped || fields.length === 0) return [];
  return [`taken by default, not from the row (defaults_used): ${fields.map((field) => `${field} for ${count(summary.byDefault[field] ?? 0)}`).join(', ')}`];
}

/** `Rejected 12 rows: 9 invalid-amount, 3 invalid-date`: the codes most met first, then by name. */
function rejectedLine(byCode: Readonly<Record<string, number>>): string[] {
  const codes = Object.entries(byCode).sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1));
  const total = codes.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return [];
  return [`Rejected ${count(total)} ${total === 1 ? 'row' : 'rows'}: ${codes.map(([code, n]) => `${count(n)} ${code}`).join(', ')}`];
}

export function summaryLines(summary: BatchSummary, seconds: number): string[] {
  const monthly = monthlyInstalments(summary);
  const rate = seconds > 0 ? `, ${count(Math.round(summary.read / seconds))} rows/s` : '';
  return [
    `${count(summary.read)} rows read: ${count(summary.written)} written, ${count(summary.rejected)} rejected (${seconds.toFixed(1)} s${rate})`,
    ...(summary.stopped
      ? [`stopped: ${summary.stopped}; no output file was written`]
      : [`balances ${formatMoney(fromPence(summary.balances))}; recommended payments ${formatMoney(monthly)} a month`]),
    ...rejectedLine(summary.rejectedByCode),
    ...defaultsLine(summary),
    ...(summary.stopped ? [] : summary.unknownValues.map(unknownValueLine)),
    ...(summary.possiblyStatuteBarred > 0
      ? [`${count(summary.possiblyStatuteBarred)} ${summary.possiblyStatuteBarred === 1 ? 'account' : 'accounts'} left out of the offers as possibly statute-barred (outcome possibly-statute-barred): check before asking for payment`]
      : []),
    ...wrap(ADVICE_SIGNPOST, 78),
  ];
}
