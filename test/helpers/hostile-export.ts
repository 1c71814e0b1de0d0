/**
 * Accounts exports damaged the way careless exports, hand edits and hostile files are: byte flips,
 * truncated lines, stray and unclosed quotes, shuffled fields, invalid UTF-8, blank lines and mixed
 * line endings. Each file comes with what it was made from, so a test can say which accounts were
 * left intact and on which line every account starts.
 */
import fc from 'fast-check';
import { FIELDS } from '../../src/batch/fields.js';

const CORRUPTIONS = ['flip-byte', 'truncate', 'stray-quote', 'unclosed-quote', 'swap-fields', 'invalid-utf8'] as const;
type Corruption = (typeof CORRUPTIONS)[number];

interface Damage {
  /** Which account (taken modulo the count). */
  readonly at: number;
  readonly kind: Corruption;
  /** Where in the row (taken modulo its length), and a second choice where one is needed. */
  readonly position: number;
  readonly other: number;
  readonly byte: number;
}

export interface ExportSpec {
  readonly seed: number;
  readonly count: number;
  readonly lineEndings: 'lf' | 'crlf' | 'mixed';
  readonly blankLines: number;
  readonly damage: readonly Damage[];
}

/** What an intact account must come out as. */
interface Account {
  readonly id: string;
  readonly balance: number;
  readonly income: number;
  readonly expenditure: number;
}

interface WrittenAccount {
  readonly account: Account;
  /** The line the row starts on (the header is line 1), and its last line. */
  readonly line: number;
  readonly lastLine: number;
  readonly intact: boolean;
}

export interface HostileExport {
  readonly bytes: Buffer;
  readonly accounts: readonly WrittenAccount[];
}

export const exportSpec = (maxCount: number): fc.Arbitrary<ExportSpec> =>
  fc.record({
    seed: fc.integer(),
    count: fc.integer({ min: 1, max: maxCount }),
    lineEndings: fc.constantFrom('lf', 'crlf', 'mixed'),
    blankLines: fc.integer({ min: 0, max: 5 }),
    damage: fc.array(
      fc.record({
        at: fc.nat(),
        kind: fc.constantFrom(...CORRUPTIONS),
        position: fc.nat(),
        other: fc.nat(),
        byte: fc.integer({ min: 0, max: 255 }),
      }),
      { maxLength: 12 },
    ),
  });

// Names as real exports have them: commas, quotes, apostrophes, accents, an address over two lines,
// a cell a spreadsheet would run as a formula.
const NAMES = ['Mary Jones', 'Smith, John', 'Ava "Liz" Khan', "Aoife O'Brien", 'Siobhán Ó Súilleabháin', 'Flat 2\n10 High St', '', '=HYPERLINK("x")', 'Chloë Müller'];
const FREQUENCIES = ['monthly', 'weekly', 'fortnightly', 'four-weekly', 'four_weekly'];

/** mulberry32: the accounts follow from the seed alone, so a failure shrinks on the damage only. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const amount = (pence: number): string => `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
const quoted = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

function accountRow(n: number, next: () => number): { account: Account; cells: string[] } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const pence = (max: number): number => Math.floor(next() * max);
  // The number twice: no single damaged byte turns one account's id into another's.
  const id = `A${n}-${n}`;
  const balance = 100 + pence(2_000_000);
  const income = pence(500_000);
  const expenses = Array.from({ length: 6 }, () => pence(60_000));
  const cells = [
    id,
    pick(NAMES),
    amount(balance),
    pick(['', '19.90', '0']),
    amount(income),
    ...expenses.map(amount),
    pick(FREQUENCIES),
    `2026-0${1 + Math.floor(next() * 2)}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
    // breathing_space_end: none, or a moratorium in force.
    pick(['', '', '2026-03-01']),
    // last_payment_date: none recorded.
    '',
  ];
  return { account: { id, balance, income, expenditure: expenses.reduce((a, b) => a + b, 0) }, cells };
}

const QUOTE = 0x22;
const LF = 0x0a;

function damageRow(row: Buffer, cells: string[], damage: Damage): Buffer {
  const at = damage.position % row.length;
  switch (damage.kind) {
    case 'flip-byte':
      // A lone CR is left out: where it ends a line is a choice of the reader's, not damage.
      return Buffer.concat([row.subarray(0, at), Buffer.from([damage.byte === 0x0d ? LF : damage.byte]), row.subarray(at + 1)]);
    case 'truncate':
      // At least one character is left: an emptied line is a blank line, which holds no account.
      return row.subarray(0, Math.max(1, at));
    case 'stray-quote':
      return Buffer.concat([row.subarray(0, at), Buffer.from([QUOTE]), row.subarray(at)]);
    case 'unclosed-quote': {
      // A quote opened at the start of a field and never closed.
      const field = damage.position % cells.length;
      return Buffer.from(cells.map((cell, i) => (i === field ? `"${cell.replace(/"/g, '')}` : quoted(cell))).join(','));
    }
    case 'swap-fields': {
      const a = damage.position % cells.length;
      const b = damage.other % cells.length;
      const swapped = [...cells];
      [swapped[a], swapped[b]] = [cells[b] ?? '', cells[a] ?? ''];
      return Buffer.from(swapped.map(quoted).join(','));
    }
    case 'invalid-utf8':
      // 0xC3 starts a two-byte character that never comes; 0xFF is never UTF-8.
      return Buffer.concat([row.subarray(0, at), Buffer.from([damage.byte % 2 === 0 ? 0xc3 : 0xff]), row.subarray(at)]);
  }
}

const linesIn = (bytes: Buffer): number => {
  let count = 0;
  for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) count++;
  return count;
};

/** The export a spec describes: a header, then every account, some damaged, with blank lines between some. */
export function hostileExport(spec: ExportSpec): HostileExport {
  const next = random(spec.seed);
  const damaged = new Map<number, Damage>();
  for (const d of spec.damage) damaged.set(d.at % spec.count, d);
  const blanksAfter = new Set(Array.from({ length: spec.blankLines }, () => Math.floor(next() * spec.count)));
  const parts: Buffer[] = [Buffer.from(`${FIELDS.join(',')}\n`)];
  const accounts: WrittenAccount[] = [];
  let line = 2;
  for (let n = 0; n < spec.count; n++) {
    const { account, cells } = accountRow(n, next);
    const clean = Buffer.from(cells.map(quoted).join(','));
    const damage = damaged.get(n);
    const row = damage ? damageRow(clean, cells, damage) : clean;
    const crlf = spec.lineEndings === 'crlf' || (spec.lineEndings === 'mixed' && next() < 0.5);
    const ending = Buffer.from(crlf ? '\r\n' : '\n');
    parts.push(row, ending);
    const lastLine = line + linesIn(row);
    accounts.push({ account, line, lastLine, intact: damage === undefined });
    line = lastLine + 1;
    if (blanksAfter.has(n)) {
      parts.push(ending);
      line++;
    }
  }
  return { bytes: Buffer.concat(parts), accounts };
}
