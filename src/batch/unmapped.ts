/**
 * Columns of an export that hold amounts but that the run neither reads nor carries: an outgoing
 * left out of the mapping makes a customer look able to pay more than they can, so a run names
 * them (and `--strict` refuses to go on). Judged on the first rows: a column holds amounts when
 * most of its non-empty cells read as money. A column whose name says it is an identifier (`…id`,
 * `…ref`, `…number`, `…code`) is not taken for amounts, however its cells read.
 */
import type { ColumnLayout } from './mapping.js';
import { parsePence } from '../core/pence.js';

/** Rows looked at before the run goes on. */
export const SAMPLE_ROWS = 100;

const IDENTIFIER = /(^|[\s_-])(id|ref|reference|no|number|code)$|id$/i;

const isAmount = (text: string): boolean => {
  try {
    parsePence(text);
    return true;
  } catch {
    return false;
  }
};

/** The columns a run reads for a field or carries. */
export const usedColumns = (layout: ColumnLayout): ReadonlySet<number> =>
  new Set<number>([...Object.values(layout.sources).flatMap((list) => list.map((s) => s.index)), ...layout.carried.map((c) => c.index)]);

/** The headers, in file order, of the columns that hold amounts and are not among `used`. */
export function unmappedAmountColumns(headers: readonly string[], used: ReadonlySet<number>, rows: readonly (readonly string[])[]): string[] {
  const unmapped: string[] = [];
  headers.forEach((header, i) => {
    if (used.has(i) || !header.trim() || IDENTIFIER.test(header.trim())) return;
    let filled = 0;
    let amounts = 0;
    for (const row of rows) {
      const text = (row[i] ?? '').trim();
      if (!text) continue;
      filled++;
      if (isAmount(text)) amounts++;
    }
    if (filled > 0 && amounts * 2 > filled) unmapped.push(header.trim());
  });
  return unmapped;
}
