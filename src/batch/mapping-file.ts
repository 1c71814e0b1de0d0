/**
 * Reading a mapping file (`--map`): which column of an export holds which field (see mapping.ts).
 * Its own module, so the schema library is loaded only by a run that is given one.
 *
 * JSON has no comments, so a key starting `//` is a note and is passed over, at the top and among
 * the columns (`batch --init-map` writes one beside each guess).
 */
import { z } from 'zod';
import { FairplanError, type Problem } from '../core/errors.js';
import { readInputFile } from '../statement/load.js';
import { parseDelimiter } from '../io/delimiter.js';
import { FREQUENCIES } from '../core/frequency.js';
import { HOUSEHOLD_FIELDS, isField, isHouseholdField, type Field } from './fields.js';
import { valueTable } from './household-fields.js';
import { fieldHint, type FieldColumns, type Mapping } from './mapping.js';

const column = z.union([
  z.string().min(1),
  z.object({ column: z.string().min(1), frequency: z.enum(FREQUENCIES).optional(), values: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).strict(),
]);

const mappingSchema = z
  .object({
    delimiter: z.string().optional(),
    columns: z.record(z.string(), z.union([column, z.array(column).min(1)])).default({}),
    carry: z.array(z.string().min(1)).optional(),
  })
  .strict();

const isNote = (key: string): boolean => key.startsWith('//');

/** The object without its `//` notes. */
const withoutNotes = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter(([key]) => !isNote(key)))
    : value;

/** A `values` map is for a household field, and each of its values must be one fairplan knows for it. */
function valuesProblems(columns: Record<string, unknown>): Problem[] {
  return Object.entries(columns).flatMap(([field, named]) =>
    (Array.isArray(named) ? named : [named]).flatMap((source: unknown): Problem[] => {
      const values = typeof source === 'object' && source !== null && 'values' in source ? (source.values as Record<string, string | number>) : undefined;
      if (!values || !isField(field)) return [];
      if (!isHouseholdField(field)) return [{ path: `columns.${field}.values`, message: `values are for the household fields (${HOUSEHOLD_FIELDS.join(', ')}), not ${field}` }];
      return valueTable(field, values, `columns.${field}.values`).problems;
    }),
  );
}

/** Reads and checks a mapping file; every problem is reported with its JSON path. */
export async function loadMapping(file: string): Promise<Mapping> {
  // Bounded like a statement: a mapping file is a few lines.
  const text = await readInputFile(file);
  let json: unknown;
  try {
    json = withoutNotes(JSON.parse(text));
  } catch (error) {
    throw new FairplanError('invalid-argument', `not valid JSON: ${(error as Error).message}`, { file });
  }
  if (typeof json === 'object' && json !== null && 'columns' in json) json = { ...json, columns: withoutNotes(json.columns) };
  const parsed = mappingSchema.safeParse(json);
  const problems: Problem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  // The delimiter by the same rule as --delimiter's (no quote, no line break).
  let delimiter: string | undefined;
  const written = (json as { delimiter?: unknown } | null)?.delimiter;
  if (typeof written === 'string') {
    try {
      delimiter = parseDelimiter(written);
    } catch (error) {
      if (!(error instanceof FairplanError)) throw error;
      problems.push({ path: 'delimiter', message: error.message });
    }
  }
  // Field names are checked even when something else is wrong, so every mistake is reported at once.
  const named = (json as { columns?: unknown } | null)?.columns;
  for (const field of Object.keys(typeof named === 'object' && named !== null ? named : {})) {
    if (!isField(field)) problems.push({ path: `columns.${field}`, message: `"${field}" is not a field${fieldHint(field)}` });
  }
  if (parsed.data) problems.push(...valuesProblems(parsed.data.columns));
  if (problems.length > 0 || !parsed.data) {
    throw new FairplanError('invalid-argument', 'the mapping file is not valid', { file, problems });
  }
  const { carry } = parsed.data;
  const columns = parsed.data.columns as Partial<Record<Field, FieldColumns>>;
  return { columns, ...(carry ? { carry } : {}), ...(delimiter ? { delimiter } : {}) };
}
