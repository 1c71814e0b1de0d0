/**
 * `--max-rejects N|P%`, the same in `batch` and `follow-up`: how many rejected rows a run takes
 * before it stops and writes no file. A number of rows is passed at the row that passes it; a
 * percentage of the rows read can only be judged once every row is read, so it is checked then,
 * before any file takes its name.
 */
import { FairplanError } from '../core/errors.js';
import { parsePercentText } from '../core/percent.js';

export type RejectLimit =
  | { readonly rows: number }
  /** Exact text, `2.5` for 2.5%: compared in whole numbers, never rounded. */
  | { readonly percent: string };

/** `10` (rows) or `2.5%` (of the rows read); `--strict` is `0`. */
export function parseRejectLimit(text: string): RejectLimit {
  const value = text.trim();
  if (/^\d+$/.test(value) && Number.isSafeInteger(Number(value))) return { rows: Number(value) };
  if (value.endsWith('%')) return { percent: parsePercentText(value) };
  throw new FairplanError('invalid-argument', `"${text}" is not a number of rows or a percentage of the rows read (expected e.g. 10 or 2.5%)`);
}

/**
 * Whether `rejected` rows are more than the limit allows. `read`: every row read, once the input is
 * read to its end; without it, a percentage is not judged yet.
 */
export function overRejectLimit(limit: RejectLimit, rejected: number, read?: number): boolean {
  if ('rows' in limit) return rejected > limit.rows;
  if (read === undefined) return false;
  const [whole = '', fraction = ''] = limit.percent.split('.');
  const scale = 10n ** BigInt(fraction.length);
  // rejected / read > percent / 100, in whole numbers.
  return BigInt(rejected) * 100n * scale > BigInt(`${whole}${fraction}` || '0') * BigInt(read);
}

/** Why the run stopped, for the line that says so. */
export const passedRejectLimit = (limit: RejectLimit): string =>
  'rows' in limit ? `more than ${limit.rows} row${limit.rows === 1 ? '' : 's'} rejected` : `more than ${limit.percent}% of the rows read rejected`;
