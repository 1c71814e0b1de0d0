/**
 * `batch --init-map`: a mapping file guessed from an export's header, for a person to check before
 * a run. Each field gets the columns whose names say what it is (every outgoing a name points to:
 * energy and water both go to utilities), an income or outgoing column the frequency its name gives
 * ("Weekly wage"), and a `//` note saying what was guessed from what (mapping-file.ts passes notes
 * over). Columns no field takes are carried when they do not hold amounts, and named in a note
 * when they do: an outgoing left out must be a decision.
 */
import type { Frequency } from '../core/frequency.js';
import { ALL_FIELDS, HOUSEHOLD_FIELDS, OPTIONAL_FIELDS, type Field, type HouseholdField } from './fields.js';
import { DEFAULT_ADULTS, DEFAULT_CHILDREN, DEFAULT_TENURE, HOUSEHOLD_READERS } from './household-fields.js';
import { JURISDICTIONS, TENURES } from '../core/statement.js';
import { unmappedAmountColumns } from './unmapped.js';
import { named, words } from './header-words.js';
import { UNDECIDED, type ColumnSource } from './mapping.js';

const FREQUENCY_WORDS: readonly [string, Frequency][] = [
  ['four weekly', 'four-weekly'],
  ['4 weekly', 'four-weekly'],
  ['weekly', 'weekly'],
  ['week', 'weekly'],
  ['fortnightly', 'fortnightly'],
  ['fortnight', 'fortnightly'],
  ['quarterly', 'quarterly'],
  ['annual', 'annual'],
  ['yearly', 'annual'],
  ['monthly', 'monthly'],
];

const frequencyOf = (header: string): Frequency | undefined => FREQUENCY_WORDS.find(([word]) => words(header).includes(` ${word} `))?.[1];

const ONE_COLUMN: ReadonlySet<Field> = new Set<Field>(['account_id', 'customer_name', 'apr', 'pay_frequency', 'next_pay_date', 'breathing_space_end', 'last_payment_date', ...HOUSEHOLD_FIELDS]);
const HOUSEHOLD: ReadonlySet<Field> = new Set<Field>(HOUSEHOLD_FIELDS);
const HOUSEHOLD_DEFAULT_WORDS: Readonly<Record<HouseholdField, string>> = {
  adults: `${DEFAULT_ADULTS} adult`,
  children: `${DEFAULT_CHILDREN} children`,
  tenure: `tenure ${DEFAULT_TENURE}`,
  jurisdiction: 'the run\'s --jurisdiction (england-wales unless given)',
};
const PACED: ReadonlySet<Field> = new Set<Field>(['monthly_income', 'housing', 'council_tax', 'utilities', 'food', 'transport', 'other_expenses']);

/**
 * The format of the dates in column `index`, when they are not YYYY-MM-DD: day first, as in the UK,
 * unless a date's middle part is past 12.
 */
function guessDateFormat(index: number | undefined, rows: readonly (readonly string[])[]): string | undefined {
  if (index === undefined) return undefined;
  const dates = rows.map((row) => /^(\d{1,2})([/.-])(\d{1,2})\2\d{4}$/.exec((row[index] ?? '').trim())).filter((m) => m !== null);
  const first = dates[0];
  if (!first) return undefined;
  const monthFirst = dates.some((m) => Number(m[3]) > 12);
  const separator = first[2] ?? '/';
  return monthFirst ? ['MM', 'DD', 'YYYY'].join(separator) : ['DD', 'MM', 'YYYY'].join(separator);
}

/** Distinct values listed in a household column's `values`, at most. */
const MOST_VALUES = 30;

/**
 * A household column's `values` skeleton: each distinct value of the first rows and what fairplan
 * reads it as, `"?"` for one it does not understand (for a person to fill in); for a number of
 * adults or children, only those. Undefined when there is nothing to list.
 */
function valuesSeen(field: HouseholdField, index: number, rows: readonly (readonly string[])[]): Record<string, string | number> | undefined {
  const values: Record<string, string | number> = {};
  for (const row of rows) {
    const text = (row[index] ?? '').trim();
    if (!text || text in values) continue;
    if (Object.keys(values).length === MOST_VALUES) break;
    let meant: string | number = '?';
    try {
      meant = HOUSEHOLD_READERS[field](text);
    } catch {
      // Not understood: left for a person to name.
    }
    if (meant === '?' || field === 'tenure' || field === 'jurisdiction') values[text] = meant;
  }
  return Object.keys(values).length > 0 ? values : undefined;
}

const valuesNote = (field: HouseholdField, values: Readonly<Record<string, string | number>>): string =>
  `; "values" lists the values of the first rows and what each is read as${Object.values(values).includes('?') ? `: replace each "?" with ${field === 'tenure' ? `one of ${TENURES.join(', ')}` : field === 'jurisdiction' ? `one of ${JURISDICTIONS.join(', ')}` : 'a whole number'}, or remove it to take the default` : ''}; a value not understood takes the default (defaults_used)`;

export interface InitialMapping {
  readonly text: string;
  /** Fields no column was found for, that a run needs: each is "?" in the mapping. */
  readonly missing: readonly Field[];
}

/**
 * The mapping file for `headers` (`rows`: the first rows, to tell which columns hold amounts), as
 * JSON text with notes. `file` names the export in the top note.
 */
export function initialMapping(headers: readonly string[], rows: readonly (readonly string[])[], delimiter: string, file: string): InitialMapping {
  const taken = new Map<number, Field>();
  const chosen = {} as Record<Field, number[]>;
  for (const field of ALL_FIELDS) chosen[field] = [];
  headers.forEach((header, i) => {
    if (!header.trim()) return;
    // The field whose word for this header is longest: "council tax" beats "tax", "other outgoings" "other".
    let best: { field: Field; word: string } | undefined;
    for (const field of ALL_FIELDS) {
      const word = named(header, field);
      if (word && (!best || word.length > best.word.length)) best = { field, word };
    }
    if (!best) return;
    if (ONE_COLUMN.has(best.field) && (chosen[best.field].length > 0)) return;
    chosen[best.field].push(i);
    taken.set(i, best.field);
  });
  const columns: Record<string, unknown> = {};
  const missing: Field[] = [];
  for (const field of ALL_FIELDS) {
    const found = chosen[field];
    if (found.length === 0) {
      if (!OPTIONAL_FIELDS.has(field)) missing.push(field);
      columns[`//${field}`] = HOUSEHOLD.has(field)
        ? `no column found (optional): each row is taken as ${HOUSEHOLD_DEFAULT_WORDS[field as HouseholdField]}, and its results say so (defaults_used); add "${field}": "Your column" if the export has one`
        : OPTIONAL_FIELDS.has(field)
        ? `no column found (optional): add "${field}": "Your column" if the export has one`
        : `NO COLUMN FOUND: replace "${UNDECIDED}" with the column that holds ${field.replace(/_/g, ' ')}`;
      if (!OPTIONAL_FIELDS.has(field)) columns[field] = UNDECIDED;
      continue;
    }
    const sources: (string | ColumnSource)[] = found.map((i) => {
      const header = (headers[i] ?? '').trim();
      const frequency = PACED.has(field) ? frequencyOf(header) : undefined;
      return frequency && frequency !== 'monthly' ? { column: header, frequency } : header;
    });
    const described = found.map((i) => {
      const header = (headers[i] ?? '').trim();
      const frequency = PACED.has(field) ? frequencyOf(header) : undefined;
      return `"${header}" (${named(header, field)}${frequency && frequency !== 'monthly' ? `, paid ${frequency}` : ''})`;
    });
    const values = HOUSEHOLD.has(field) ? valuesSeen(field as HouseholdField, found[0] ?? 0, rows) : undefined;
    columns[`//${field}`] = `guessed from ${described.join(' and ')}${sources.length > 1 ? ': added up' : ''}; check it${values ? valuesNote(field as HouseholdField, values) : ''}`;
    columns[field] = values ? { column: sources[0], values } : sources.length === 1 ? sources[0] : sources;
  }
  // What no field took: amounts are named for a decision; anything else is carried into the results.
  const amounts = unmappedAmountColumns(headers, new Set(taken.keys()), rows);
  const dateFormat = guessDateFormat(chosen.next_pay_date[0], rows);
  const carry = headers.map((h) => h.trim()).filter((h, i) => h && !taken.has(i) && !amounts.includes(h));
  const mapping: Record<string, unknown> = {
    '//': `fairplan batch mapping guessed from the header of ${file}: check every guess, then run fairplan batch ${file} --map THIS-FILE --dry-run 5. Keys starting // are notes.`,
    ...(delimiter === ',' ? {} : { delimiter }),
    ...(dateFormat ? { '//date-format': `dates are written ${dateFormat}: run with --date-format ${dateFormat}` } : {}),
    columns,
    ...(amounts.length > 0
      ? { '//unmapped': `these columns hold amounts but no field was guessed for them: add each to a field (e.g. "other_expenses": ["Other", "${amounts[0]}"]) or carry it: ${amounts.map((a) => `"${a}"`).join(', ')}` }
      : {}),
    '//carry': 'columns that are not fields, copied into the results',
    carry,
  };
  return { text: `${JSON.stringify(mapping, null, 2)}\n`, missing };
}
