/**
 * Household values a run did not understand ("Lodger" in a tenure column), counted per column of
 * the export: each such row took the run's default for the field (its defaults_used says so), and
 * the run says how many and which values, for the mapping's `values` to name them next time.
 */
import type { UnknownValue } from './account.js';

/** A column's rows with a value not understood, and those rows by value. */
interface UnknownCount {
  rows: number;
  readonly values: Record<string, number>;
}
export type UnknownCounts = Record<string, UnknownCount>;

/** A free-text column could hold a value a row: past this many, a value's rows are counted in the column's only. */
const MOST_VALUES = 1_000;

/** Counts `rows` rows of `value` in `column`'s count. */
export function countUnknown(counts: UnknownCounts, { column, value }: UnknownValue, rows = 1): void {
  const count = (counts[column] ??= { rows: 0, values: {} });
  count.rows += rows;
  if (value in count.values || Object.keys(count.values).length < MOST_VALUES) count.values[value] = (count.values[value] ?? 0) + rows;
}

/** Adds a chunk's counts to the run's. */
export function addUnknown(counts: UnknownCounts, more: Readonly<UnknownCounts>): void {
  for (const [column, count] of Object.entries(more)) {
    const before = Object.values(count.values).reduce((total, rows) => total + rows, 0);
    for (const [value, rows] of Object.entries(count.values)) countUnknown(counts, { column, value }, rows);
    // Rows whose value the chunk did not keep are counted in the column's only.
    if (count.rows > before) (counts[column] ??= { rows: 0, values: {} }).rows += count.rows - before;
  }
}

/** A column's unknown values, most rows first (then by value), for the summaries. */
export interface UnknownColumn {
  readonly column: string;
  readonly rows: number;
  readonly values: readonly { readonly value: string; readonly rows: number }[];
}

/** Values listed per column in the summaries; the rows of the rest are in the column's count. */
const LISTED = 20;

export const unknownColumns = (counts: Readonly<UnknownCounts>): UnknownColumn[] =>
  Object.entries(counts).map(([column, count]) => ({
    column,
    rows: count.rows,
    values: Object.entries(count.values)
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, LISTED)
      .map(([value, rows]) => ({ value, rows })),
  }));

const count = (n: number): string => n.toLocaleString('en-GB');

/** One line a column, for stderr: `Housing: 37 rows with values not understood ("Lodger" ×30, …); the default was used`. */
export function unknownValueLine({ column, rows, values }: UnknownColumn): string {
  const shown = values.slice(0, 3).map((v) => `"${v.value}" ×${count(v.rows)}`);
  const more = values.length > 3 || values.reduce((total, v) => total + v.rows, 0) < rows ? ', …' : '';
  return `${column}: ${count(rows)} ${rows === 1 ? 'row' : 'rows'} with values not understood (${shown.join(', ')}${more}); the default was used (name them in the mapping's "values")`;
}
