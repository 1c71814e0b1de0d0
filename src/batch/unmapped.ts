/**
 * Columns of an export that hold amounts but that the run neither reads nor carries: an outgoing
 * left out of the mapping makes a customer look able to pay more than they can, so a run names
 * them (and `--strict` refuses to go on). Judged on every row as the file streams by, so a column
 * blank in the first rows is judged too: a column holds amounts when most of its non-empty cells
 * read as money in whole pence.
 *
 * Counts, ages and identifiers are not money, however their cells read (docs/batch-mapping.md):
 * - a column whose header starts or ends with a word that names one (`Age`, `Dependants`,
 *   `Number of cars`, `Customer ID`, `Year opened`, `Credit score`);
 * - a column whose cells are whole numbers alone, written without a decimal point, `£` or comma,
 *   none above 120 (an age, a count of people or months), unless its header names an income or
 *   outgoing (`Water`: a bill in whole pounds is still money).
 */
import { penceIfMoney } from '../core/pence.js';
import type { ColumnLayout } from './mapping.js';
import { namesAnAmount, words } from './header-words.js';

/** Rows looked at first: `--init-map` guesses from them, and a run refuses one whose every such row is rejected for one column. */
export const SAMPLE_ROWS = 100;

// A header starting with one of these names a count, an age, a time span or an identifier...
const COUNT_FIRST = ['number of', 'no of', 'count of', 'age', 'ages', 'year', 'years', 'months', 'weeks', 'days', 'id', 'dob'];
// ...and so does one ending with one of these. Singular "month", "year" are left out: "Rent per month" is money.
const COUNT_LAST = [
  'id', 'ref', 'reference', 'no', 'number', 'code', 'count', 'age', 'aged', 'ages', 'score',
  'dependants', 'dependents', 'children', 'adults', 'kids', 'occupants', 'people', 'size', 'months', 'weeks', 'days',
];
// `CustomerID`, `AccountId`: an identifier in one word.
const CAMEL_ID = /[a-z](ID|Id)$/;

/** Whether a header says its column holds counts, ages or identifiers rather than money. */
function namesACount(header: string): boolean {
  const said = words(header);
  return CAMEL_ID.test(header.trim()) || COUNT_FIRST.some((w) => said.startsWith(` ${w} `)) || COUNT_LAST.some((w) => said.endsWith(` ${w} `));
}

/** The largest whole number, in pence, that may be a count or an age rather than pounds. */
const MOST_COUNT_PENCE = 120 * 100;

const isBareDigits = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
};

interface Tally {
  readonly header: string;
  readonly index: number;
  /** Read as whole numbers alone, are they money? Only when the header names an amount. */
  readonly wholeNumbersAreMoney: boolean;
  filled: number;
  amounts: number;
  /** Whether every money cell so far was bare digits, 120 or less: a count or an age. */
  countLike: boolean;
}

/** Counts, for each column that neither a field reads nor the run carries, its non-empty cells and those that are money. */
export class AmountTally {
  private readonly columns: Tally[];

  constructor(headers: readonly string[], used: ReadonlySet<number>) {
    this.columns = headers.flatMap((header, index) =>
      used.has(index) || !header.trim() || namesACount(header)
        ? []
        : [{ header: header.trim(), index, wholeNumbersAreMoney: namesAnAmount(header), filled: 0, amounts: 0, countLike: true }],
    );
  }

  /** Counts one row's cells. */
  add(cells: readonly string[]): void {
    for (const column of this.columns) {
      const cell = cells[column.index];
      if (cell === undefined || cell === '') continue;
      const text = cell.trim();
      if (text === '') continue;
      column.filled++;
      const pence = penceIfMoney(text);
      if (pence === undefined) continue;
      column.amounts++;
      if (column.countLike && (pence > MOST_COUNT_PENCE || !isBareDigits(text))) column.countLike = false;
    }
  }

  /** The headers, in file order, of the columns most of whose non-empty cells so far are money. */
  amountColumns(): string[] {
    return this.columns
      .filter((c) => c.filled > 0 && c.amounts * 2 > c.filled && (c.wholeNumbersAreMoney || !c.countLike))
      .map((c) => c.header);
  }
}

/** The columns a run reads for a field or carries. */
export const usedColumns = (layout: ColumnLayout): ReadonlySet<number> =>
  new Set<number>([...Object.values(layout.sources).flatMap((list) => list.map((s) => s.index)), ...layout.carried.map((c) => c.index)]);

/** The headers, in file order, of the columns of `rows` that hold amounts and are not among `used`. */
export function unmappedAmountColumns(headers: readonly string[], used: ReadonlySet<number>, rows: readonly (readonly string[])[]): string[] {
  const tally = new AmountTally(headers, used);
  for (const row of rows) tally.add(row);
  return tally.amountColumns();
}
