/**
 * Which column of an export holds which field. By default each field is read from the column of the
 * same name; a mapping file (`--map`) and `--column field=Header` options rename them, and columns
 * that are not fields are carried through to the results (`--carry`, `--carry-all`) or ignored.
 *
 * Mapping file (JSON):
 *   { "delimiter": ";", "columns": { "account_id": "Account Ref", "balance": "Amount Owed" }, "carry": ["Branch"] }
 */
import { FairplanError, type Problem } from '../core/errors.js';
import { closest } from '../core/suggest.js';
import { columnsNamedTwice, findHeader } from '../io/column-names.js';
import { FIELDS, isField, OPTIONAL_FIELDS, type Field } from './fields.js';

export type ColumnNames = Readonly<Partial<Record<Field, string>>>;

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
  readonly index: Readonly<Record<Field, number | undefined>>;
  readonly carried: readonly { readonly header: string; readonly index: number }[];
}

export const fieldHint = (name: string): string => {
  const hint = closest(name, FIELDS);
  return hint ? ` (did you mean "${hint}"?)` : ` (fields: ${FIELDS.join(', ')})`;
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
  for (const field of FIELDS) {
    const name = names[field] ?? field;
    const found = findHeader(headers, name);
    index[field] = found;
    if (found === undefined && (!OPTIONAL_FIELDS.has(field) || names[field] !== undefined)) {
      const renamed = name === field ? '' : ` for ${field}`;
      problems.push({ path: field, message: `missing column "${name}"${renamed}${headerHint(headers, name)}` });
    }
  }
  const used = new Set(Object.values(index).filter((i): i is number => i !== undefined));
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
  if (problems.length > 0) {
    throw new FairplanError('invalid-argument', 'the header row lacks columns fairplan needs', { file, line: 1, problems });
  }
  return { headers, index, carried };
}
