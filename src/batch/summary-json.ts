/**
 * `batch --summary FILE`: the run's counts, totals and provenance as JSON, for a nightly job to
 * keep beside its results. Money is in pence-exact strings with two decimals, as in the records;
 * the counts by flag and by plan are in name order, so the same run gives the same bytes.
 */
import { toFixed2 } from '../core/money.js';
import { FORMAT_VERSION } from '../render/shared/format-version.js';
import { withSnakeAliases } from '../render/shared/snake-aliases.js';
import { formatPence } from '../core/pence.js';
import type { BatchSummary } from './run.js';
import { monthlyInstalments } from './summary.js';

const byName = (counts: Readonly<Record<string, number>>): Record<string, number> =>
  Object.fromEntries(Object.keys(counts).sort().map((key) => [key, counts[key] ?? 0]));

export function summaryJson(summary: BatchSummary) {
  const doc = {
    formatVersion: FORMAT_VERSION,
    rows: { read: summary.read, written: summary.written, rejected: summary.rejected },
    // The rejected rows by their rejected_code, in name order.
    rejectedByCode: byName(summary.rejectedByCode),
    flags: byName(summary.byFlag),
    recommended: byName(summary.byPlan),
    // Written with an offer of 0.00 and no plan: never silently left out.
    leftOut: { possiblyStatuteBarred: summary.possiblyStatuteBarred },
    totals: {
      balances: formatPence(summary.balances),
      instalments: Object.fromEntries(Object.entries(summary.instalmentsByFrequency).map(([frequency, pence]) => [frequency, formatPence(pence)])),
      instalmentsMonthly: toFixed2(monthlyInstalments(summary)),
    },
    // Accounts written whose flags and dates rest on a household field the row did not record, by field.
    defaultsUsed: byName(summary.byDefault),
    // Columns that hold amounts but that the run neither read nor carried, in file order.
    unmappedColumns: summary.unmappedColumns,
    // Household values not understood, by column: those accounts took the default (defaultsUsed counts them).
    unknownValues: Object.fromEntries(
      summary.unknownValues.map(({ column, rows, values }) => [column, { rows, values: Object.fromEntries(values.map((v) => [v.value, v.rows])) }]),
    ),
  };
  return { ...withSnakeAliases(doc, ['unmappedColumns']), ...(summary.provenance ? { provenance: summary.provenance } : {}) };
}

export const renderSummaryJson = (summary: BatchSummary): string => `${JSON.stringify(summaryJson(summary), null, 2)}\n`;
