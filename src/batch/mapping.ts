/**
 * Which column of an export holds which field. By default each field is read from the column of the
 * same name; a mapping file (`--map`) and `--column field=Header` options rename them, and columns
 * that are not fields are carried through to the results (`--carry`, `--carry-all`) or ignored.
 *
 * Mapping file (JSON):
 *   { "delimiter": ";", "columns": { "account_id": "Account Ref", "balance": "Amount Owed" }, "carry": ["Branch"] }
 *
 * An amount field may be read from several columns, which are added (`"utilities": ["Energy",
 * "Water"]`), and an income or outgoing column may be paid at another frequency than monthly
 * (`{"column": "Weekly wage", "frequency": "weekly"}`): each column's monthly figure is rounded half
 * up to the penny once, then they are summed (the footing rule, src/core/frequency.ts).
 */
import { FairplanError, type Problem } from '../core/errors.js';
import { closest } from '../core/suggest.js';
import { columnKey, columnsNamedTwice, findHeader } from '../io/column-names.js';
import { RESULT_COLUMN_NAMES } from './format.js';
import type { Frequency } from '../core/frequency.js';
import { valueTable, type HouseholdDefaults } from './household-fields.js';
import { AMOUNT_FIELDS, ALL_FIELDS, isField, isHouseholdField, OPTIONAL_FIELDS, type Field } from './fields.js';

/** A column a field is read from, and how often its amounts are paid (monthly when not said). */
export interface ColumnSource {
  readonly column: string;
  readonly frequency?: Frequency;
  /** A household column's own values and what each means (`{"Council tenant": "tenant-social"}`), checked by loadMapping. */
  readonly values?: Readonly<Record<string, string | number>>;
}
export type FieldColumns = string | ColumnSource | readonly (string | ColumnSource)[];
export type ColumnNames = Readonly<Partial<Record<Field, FieldColumns>>>;

/** One column a field's value is read from: its header as the export spells it, and its place. */
export interface Source {
  readonly header: string;
  readonly index: number;
  /** How often its amounts are paid (monthly when the mapping does not say). */
  readonly frequency: Frequency;
  /** A household column's own values, keyed as compared (valueKey), and the value each means. */
  readonly values?: Readonly<Record<string, string>>;
}

const sourcesOf = (columns: FieldColumns): readonly ColumnSource[] =>
  (Array.isArray(columns) ? columns : [columns]).map((c: string | ColumnSource) => (typeof c === 'string' ? { column: c } : c));

/** The column `--init-map` writes for a needed field it found none for, for the analyst to replace. */
export const UNDECIDED = '?';

/** Columns to carry through: none, every column that is not a field, or those named. */
export type Carry = { readonly kind: 'none' } | { readonly kind: 'all' } | { readonly kind: 'named'; readonly columns: readonly string[] };

export interface Mapping {
  readonly columns: ColumnNames;
  readonly carry?: readonly string[];
  readonly delimiter?: string;
}

/** Where each field is in a record, and which columns are carried through, in file order. */
export interface ColumnLayout {
  readonly headers: readonly string[];
  /** Each field's (first) column. */
  readonly index: Readonly<Record<Field, number | undefined>>;
  /** Every column each field is read from, with its frequency (several only for an amount field). */
  readonly sources: Readonly<Record<Field, readonly Source[]>>;
  readonly carried: readonly { readonly header: string; readonly index: number }[];
  /** How the export writes its dates (see date-format.ts); YYYY-MM-DD when not given. */
  readonly dateFormat?: string;
  /** The jurisdiction and calendar of a row that records none (see household-fields.ts); England and Wales when not given. */
  readonly householdDefaults?: HouseholdDefaults;
}

export const fieldHint = (name: string): string => {
  const hint = closest(name, ALL_FIELDS);
  return hint ? ` (did you mean "${hint}"?)` : ` (fields: ${ALL_FIELDS.join(', ')})`;
};


/** Reads one `--column field=Header` option. */
export function parseColumnOption(text: string): [Field, string] {
  const at = text.indexOf('=');
  const field = text.slice(0, at).trim();
  const header = text.slice(at + 1).trim();
  if (at < 0 || !header) {
    throw new FairplanError('invalid-argument', `"${text}" is not field=Header (e.g. balance="Amount Owed")`);
  }
  if (!isField(field)) throw new FairplanError('invalid-argument', `"${field}" is not a field${fieldHint(field)}`);
  return [field, header];
}

/** Income and outgoings may be paid at any frequency; a balance, an APR or a date has none. */
const PACED_FIELDS: ReadonlySet<Field> = new Set<Field>(['monthly_income', 'housing', 'council_tax', 'utilities', 'food', 'transport', 'other_expenses']);

const loosely = (text: string): string => text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

/** The header a missing column was probably meant to be: a near spelling, or one naming part of it ("Income"). */
function headerHint(headers: readonly string[], name: string): string {
  const byLoose = new Map(headers.map((h) => [loosely(h), h.trim()]));
  const wanted = loosely(name);
  const hint =
    closest(wanted, [...byLoose.keys()]) ??
    [...byLoose.keys()].find((h) => h.length > 2 && (wanted.includes(h) || h.includes(wanted)));
  return hint === undefined ? '' : ` (did you mean "${byLoose.get(hint)}"?)`;
}

/** Each column named more than once, as headers are matched (src/io/column-names.ts). */
const namedTwice = (headers: readonly string[]): Problem[] =>
  columnsNamedTwice(headers).map(({ name, first, second }) => ({ path: '', message: `the header names column "${name}" twice (columns ${first + 1} and ${second + 1})` }));

/**
 * Finds each field's column in the header row. A column named twice stops the run; every missing
 * column is reported at once, each with the nearest header as a hint. `file` names the input in those messages.
 */
export function resolveColumns(headers: readonly string[], names: ColumnNames, carry: Carry, file: string): ColumnLayout {
  const twice = namedTwice(headers);
  if (twice.length > 0) throw new FairplanError('invalid-argument', 'the header names a column twice', { file, line: 1, problems: twice });
  const problems: Problem[] = [];
  const index = {} as Record<Field, number | undefined>;
  const sources = {} as Record<Field, Source[]>;
  for (const field of ALL_FIELDS) {
    const wanted = sourcesOf(names[field] ?? field);
    const renamed = names[field] === undefined ? '' : ` for ${field}`;
    if (wanted.length === 0) problems.push({ path: field, message: `names no column${renamed}` });
    if (wanted.length > 1 && !AMOUNT_FIELDS.has(field)) problems.push({ path: field, message: `is read from one column, not ${wanted.length}: only amounts are added up` });
    const paced = wanted.find((c) => c.frequency !== undefined && c.frequency !== 'monthly');
    if (paced && !PACED_FIELDS.has(field)) problems.push({ path: field, message: `has no frequency: "${paced.column}" is read as it is` });
    sources[field] = [];
    for (const { column, frequency, values } of wanted) {
      // `--init-map` writes "?" for a field it found no column for: the analyst's to decide.
      if (column === UNDECIDED) {
        problems.push({ path: field, message: `is still "${UNDECIDED}" in the mapping: replace it with the column that holds ${field.replace(/_/g, ' ')}` });
        continue;
      }
      const found = findHeader(headers, column);
      if (found === undefined) {
        if (!OPTIONAL_FIELDS.has(field) || names[field] !== undefined) {
          problems.push({ path: field, message: `missing column "${column}"${renamed}${headerHint(headers, column)}` });
        }
        continue;
      }
      const table = values && isHouseholdField(field) ? valueTable(field, values, field).table : undefined;
      sources[field].push({ header: (headers[found] ?? column).trim(), index: found, frequency: frequency ?? 'monthly', ...(table ? { values: table } : {}) });
    }
    index[field] = sources[field][0]?.index;
  }
  // An outgoing read for two fields would be counted twice.
  const amountOf = new Map<number, Field>();
  for (const field of ALL_FIELDS) {
    if (!AMOUNT_FIELDS.has(field)) continue;
    for (const source of sources[field]) {
      const other = amountOf.get(source.index);
      if (other !== undefined && other !== field) problems.push({ path: field, message: `column "${source.header}" is read for ${other} already: it would be counted twice` });
      else if (other === field) problems.push({ path: field, message: `column "${source.header}" is named twice: it would be counted twice` });
      amountOf.set(source.index, field);
    }
  }
  const used = new Set(Object.values(sources).flatMap((list) => list.map((source) => source.index)));
  const carried: { header: string; index: number }[] = [];
  if (carry.kind === 'all') {
    headers.forEach((header, i) => {
      if (!used.has(i)) carried.push({ header, index: i });
    });
  } else if (carry.kind === 'named') {
    for (const name of carry.columns) {
      const found = findHeader(headers, name);
      if (found === undefined) problems.push({ path: 'carry', message: `no column "${name}" to carry${headerHint(headers, name)}` });
      else carried.push({ header: headers[found] ?? name, index: found });
    }
  }
  // A carried column beside a result column of the same name would be two columns the reader cannot tell apart.
  const written = new Set(RESULT_COLUMN_NAMES.map(columnKey));
  for (const { header } of carried) {
    if (written.has(columnKey(header))) problems.push({ path: 'carry', message: `"${header.trim()}" cannot be carried: the results have a ${columnKey(header)} column of their own` });
  }
  if (problems.length > 0) {
    throw new FairplanError('invalid-argument', 'the header row lacks columns fairplan needs', { file, line: 1, problems });
  }
  return { headers, index, sources, carried };
}
