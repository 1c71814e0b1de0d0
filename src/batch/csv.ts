/** Writing CSV lines, with spreadsheet formulas neutralised (OWASP "CSV injection"). */

// A cell a spreadsheet would run as a formula starts with one of these.
const FORMULA_START = /^[=+\-@\t\r]/;
// A plain number (an amount such as -12.50 or +3) is not a formula and is never altered.
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** A text cell that a spreadsheet would run as a formula, prefixed with a quote so it is shown as text. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV line (comma-separated, CRLF-free: LF ends it), quoting only the cells that need it. */
export function csvLine(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? '';
    if (i > 0) line += ',';
    line += NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }
  return `${line}\n`;
}
