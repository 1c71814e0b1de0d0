/**
 * A statement file as read, before it is checked: JSON-like values in which every number keeps the
 * text it was written as. Money must never pass through a JS float, so `0.10` stays "0.10" until
 * parseMoney turns it into a Decimal.
 */
import { FairplanError } from '../core/errors.js';
import { MAX_DEPTH, reservedKeyProblem } from './limits.js';
import { jsonPath } from './problems.js';

/** A number exactly as written in the source file (`450.00`, `2`, `1e3`). */
export class NumberLiteral {
  constructor(readonly source: string) {}
}

export type RawValue = string | boolean | null | NumberLiteral | readonly RawValue[] | RawObject;
export interface RawObject {
  readonly [key: string]: RawValue;
}

/** How a value looks to the person who wrote it, for messages: `"two"`, `12`, `a list`. */
export function describeRaw(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (value instanceof NumberLiteral) return value.source;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'an object';
}

/** 1-based line and column of a character offset in `text`, for syntax errors. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}

/** An error at a character offset of the file, with its line (and the column in the message); the loader adds the file name. */
export function errorAt(problem: string, text: string, offset: number): FairplanError {
  const { line, column } = lineAndColumn(text, offset);
  return new FairplanError('invalid-statement', `${problem} (column ${column})`, { line });
}

/** The error for a file that is not well-formed JSON or YAML. */
export const syntaxError = (format: 'JSON' | 'YAML', problem: string, text: string, offset: number): FairplanError =>
  errorAt(`not valid ${format}: ${problem}`, text, offset);

/** The error for a file with nothing in it, or (`why`) nothing but comments. */
export const emptyFileError = (why?: string): FairplanError =>
  new FairplanError('invalid-statement', `the file is empty${why ? ` (${why})` : ''}`);

/** The error for lists and objects nested deeper than MAX_DEPTH, at the one that goes too deep. */
export const tooDeepError = (text: string, offset: number): FairplanError =>
  errorAt(`lists and objects are nested more than ${MAX_DEPTH} levels deep, the most a statement file may have`, text, offset);

/** The error for a reserved key (`__proto__`…) in the object at `path`. */
export function reservedKeyError(key: string, path: readonly (string | number)[], text: string, offset: number): FairplanError {
  const { line } = lineAndColumn(text, offset);
  return new FairplanError('invalid-statement', reservedKeyProblem(key), { line, ...(path.length > 0 ? { field: jsonPath(path) } : {}) });
}
