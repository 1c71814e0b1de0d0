/** Writing CSV lines, with cells copied from the input kept from running as spreadsheet formulas. */
import { csvSafeText } from '../render/shared/csv-safe.js';

// A plain number (an amount such as -12.50, or +3) is not a formula, and amounts are never altered.
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * A cell copied from the input (an id, a carried column, a rejected row's cells), which may be text
 * or an amount: text that a spreadsheet would run as a formula gets csvSafeText's apostrophe.
 */
export const safeCell = (cell: string): string => (PLAIN_NUMBER.test(cell) ? cell : csvSafeText(cell));

/**
 * Whether a spreadsheet would run `cell` as a formula. An id a sender or a firm's system matches on
 * (an account_id, a message_id) is never given the apostrophe, which would change it: one that would
 * run is refused instead.
 */
export const wouldRunAsFormula = (cell: string): boolean => safeCell(cell) !== cell;

const NEEDS_QUOTES = /[",\r\n]/;

/** A cell as CSV, quoted only when it needs to be. */
export const csvCell = (cell: string): string => (NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** Cells as CSV, comma-separated, without the line's end. */
function csvCells(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += csvCell(cells[i] ?? '');
  }
  return line;
}

/** One CSV line (comma-separated, ended by LF), quoting only the cells that need it. */
export const csvLine = (cells: readonly string[]): string => `${csvCells(cells)}\n`;
