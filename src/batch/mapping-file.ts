/**
 * Reading a mapping file (`--map`): which column of an export holds which field (see mapping.ts).
 *
 * JSON has no comments, so a key starting `//` is a note and is passed over, at the top and among
 * the columns (`batch --init-map` writes one beside each guess). The file is small and its shape
 * simple, so it is checked here by hand: each mistake becomes one sentence of fairplan's, located
 * by its JSON path and saying what was expected (code `invalid-mapping`), every one reported at once.
 */
import { FairplanError, type Problem } from '../core/errors.js';
import { readInputFile } from '../statement/load.js';
import { parseDelimiter } from '../io/delimiter.js';
import { FREQUENCIES, type Frequency } from '../core/frequency.js';
import { closest } from '../core/suggest.js';
import { HOUSEHOLD_FIELDS, isField, isHouseholdField, type Field } from './fields.js';
import { valueTable } from './household-fields.js';
import { fieldHint, type ColumnSource, type FieldColumns, type Mapping } from './mapping.js';

const KEYS = ['columns', 'carry', 'delimiter'];
const SOURCE_KEYS = ['column', 'frequency', 'values'];

const isNote = (key: string): boolean => key.startsWith('//');

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON value in words, for "got …". */
function described(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value.trim() === '' ? 'a blank text' : `the text ${JSON.stringify(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  return 'an object';
}

/** `"delim" is not a key of a mapping file; did you mean "delimiter"? (expected …)` */
function unknownKey(key: string, known: readonly string[], of: string): string {
  const hint = closest(key, known) ?? known.find((k) => key.length > 2 && k.startsWith(key));
  return `"${key}" is not a key of ${of}${hint ? `; did you mean "${hint}"?` : ''} (expected ${known.join(', ')}, or a note starting //)`;
}

const isHeader = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** One column of `field` at `path`: a header, or {"column", "frequency"}; undefined when wrong, with the problems pushed. */
function readSource(value: unknown, field: Field, path: string, problems: Problem[]): string | ColumnSource | undefined {
  if (isHeader(value)) return value;
  if (!isObject(value)) {
    problems.push({
      path,
      message: `expected the column that holds ${field}: its header ("Amount Owed"), {"column": "Weekly wage", "frequency": "weekly"} or a list of them, got ${described(value)}`,
    });
    return undefined;
  }
  let ok = true;
  for (const key of Object.keys(value)) {
    if (SOURCE_KEYS.includes(key) || isNote(key)) continue;
    problems.push({ path: `${path}.${key}`, message: unknownKey(key, SOURCE_KEYS, 'a column') });
    ok = false;
  }
  if (!isHeader(value.column)) {
    problems.push({ path: `${path}.column`, message: `expected the header of the column that holds ${field}, got ${described(value.column)}` });
    ok = false;
  }
  const frequency = value.frequency;
  if (frequency !== undefined && !(typeof frequency === 'string' && (FREQUENCIES as readonly string[]).includes(frequency))) {
    const hint = typeof frequency === 'string' ? closest(frequency, FREQUENCIES) : undefined;
    const what = typeof frequency === 'string' ? `"${frequency}" is not a frequency` : `expected a frequency, got ${described(frequency)}`;
    problems.push({ path: `${path}.frequency`, message: `${what}${hint ? `; did you mean "${hint}"?` : ''} (expected one of ${FREQUENCIES.join(', ')})` });
    ok = false;
  }
  const values = value.values === undefined ? undefined : readValues(value.values, field, `${path}.values`, problems);
  if (value.values !== undefined && values === undefined) ok = false;
  if (!ok || !isHeader(value.column)) return undefined;
  return {
    column: value.column,
    ...(frequency === undefined ? {} : { frequency: frequency as Frequency }),
    ...(values === undefined ? {} : { values }),
  };
}

/** A household column's `values` map: each of the export's values and the value fairplan knows it as. */
function readValues(value: unknown, field: Field, path: string, problems: Problem[]): Record<string, string | number> | undefined {
  if (!isHouseholdField(field)) {
    problems.push({ path, message: `values are for the household fields (${HOUSEHOLD_FIELDS.join(', ')}), not ${field}` });
    return undefined;
  }
  if (!isObject(value) || !Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number')) {
    problems.push({ path, message: `expected an object of the export's values and what each means ({"Council tenant": "tenant-social"}), got ${described(value)}` });
    return undefined;
  }
  const values = value as Record<string, string | number>;
  const found = valueTable(field, values, path).problems;
  problems.push(...found);
  return found.length === 0 ? values : undefined;
}

/** A field's columns at `columns.FIELD`: one, or a list of at least one. */
function readField(value: unknown, field: Field, problems: Problem[]): FieldColumns | undefined {
  const path = `columns.${field}`;
  if (!Array.isArray(value)) return readSource(value, field, path, problems);
  if (value.length === 0) {
    problems.push({ path, message: `expected at least one column for ${field}, got an empty list` });
    return undefined;
  }
  const sources = value.map((item, i) => readSource(item, field, `${path}[${i}]`, problems));
  return sources.every((s) => s !== undefined) ? sources : undefined;
}

function readColumns(value: unknown, problems: Problem[]): Partial<Record<Field, FieldColumns>> {
  if (value === undefined) return {};
  if (!isObject(value)) {
    problems.push({ path: 'columns', message: `expected an object naming each field's column ({"balance": "Amount Owed"}), got ${described(value)}` });
    return {};
  }
  const columns: Partial<Record<Field, FieldColumns>> = {};
  for (const [name, written] of Object.entries(value)) {
    if (isNote(name)) continue;
    if (!isField(name)) {
      problems.push({ path: `columns.${name}`, message: `"${name}" is not a field${fieldHint(name)}` });
      continue;
    }
    const read = readField(written, name, problems);
    if (read !== undefined) columns[name] = read;
  }
  return columns;
}

function readCarry(value: unknown, problems: Problem[]): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    problems.push({ path: 'carry', message: `expected a list of the columns to carry (["Region"]), got ${described(value)}` });
    return undefined;
  }
  value.forEach((item, i) => {
    if (!isHeader(item)) problems.push({ path: `carry[${i}]`, message: `expected the header of a column to carry, got ${described(item)}` });
  });
  return value.filter(isHeader);
}

function readDelimiter(value: unknown, problems: Problem[]): string | undefined {
  if (value === undefined) return undefined;
  try {
    if (typeof value !== 'string') throw new FairplanError('invalid-mapping', `expected the delimiter as text (";" or "\\t"), got ${described(value)}`);
    return parseDelimiter(value);
  } catch (error) {
    if (!(error instanceof FairplanError)) throw error;
    problems.push({ path: 'delimiter', message: error.message });
    return undefined;
  }
}

/** Reads and checks a mapping file; every problem is reported at once, each with its JSON path. */
export async function loadMapping(file: string): Promise<Mapping> {
  // Bounded like a statement: a mapping file is a few lines.
  const text = await readInputFile(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FairplanError('invalid-mapping', `the mapping file is not valid JSON (${(error as Error).message})`, { file });
  }
  if (!isObject(json)) {
    throw new FairplanError('invalid-mapping', `a mapping file is a JSON object such as {"columns": {"balance": "Amount Owed"}}, but this one is ${described(json)}`, { file });
  }
  const problems: Problem[] = [];
  for (const key of Object.keys(json)) {
    if (!KEYS.includes(key) && !isNote(key)) problems.push({ path: key, message: unknownKey(key, KEYS, 'a mapping file') });
  }
  const columns = readColumns(json.columns, problems);
  const carry = readCarry(json.carry, problems);
  const delimiter = readDelimiter(json.delimiter, problems);
  if (problems.length > 0) throw new FairplanError('invalid-mapping', 'the mapping file is not valid', { file, problems });
  return { columns, ...(carry ? { carry } : {}), ...(delimiter ? { delimiter } : {}) };
}
