/**
 * The figures of `fairplan report`, from a batch's results and, optionally, its schedules, each read
 * once from start to end. Batch writes both in the input's order, so they are read side by side: a
 * schedule row's account is the result row being read, or one after it. Memory holds one row of each
 * and the tallies (src/report/tally.ts), whatever the size of the files.
 */
import { FairplanError } from '../core/errors.js';
import type { ReportFigures, Split } from '../render/report/figures.js';
import { readResults, readSchedules, type ResultColumns, type ResultRow } from './read.js';
import { Tally } from './tally.js';

/** More values than this in a `--by` column make charts no one can read (and tallies without end). */
export const MOST_GROUPS = 50;
const BLANK = '(blank)';

export interface ReportOptions {
  readonly results: string;
  readonly schedules?: string;
  /** Columns of the results to split every figure by (`--by Region`). */
  readonly by: readonly string[];
}

export async function makeReport(options: ReportOptions): Promise<ReportFigures> {
  let found: ResultColumns = { balance: false, months: false, reviewReasons: false, defaultsUsed: false };
  const results = readResults(options.results, options.by, (columns) => (found = columns));
  const all = new Tally();
  const splits = options.by.map(() => new Map<string, Tally>());

  const tallies = (row: ResultRow): Tally[] => [
    all,
    ...splits.map((groups, i) => {
      const value = row.by[i] || BLANK;
      let tally = groups.get(value);
      if (!tally) {
        if (groups.size === MOST_GROUPS) {
          throw new FairplanError('invalid-argument', `--by ${options.by[i]}: the column has more than ${MOST_GROUPS} values, too many to chart`, {
            file: options.results,
            line: row.line,
          });
        }
        tally = new Tally();
        groups.set(value, tally);
      }
      return tally;
    }),
  ];

  // The result rows of the chunk read last, and the one being read.
  let chunk: ResultRow[] = [];
  let at = 0;
  let current: { readonly id: string; readonly tallies: Tally[] } | undefined;
  const next = async (): Promise<boolean> => {
    while (at === chunk.length) {
      const read = await results.next();
      if (read.done) return false;
      chunk = read.value;
      at = 0;
    }
    const row = chunk[at++] as ResultRow;
    current = { id: row.id, tallies: tallies(row) };
    for (const tally of current.tallies) tally.add(row);
    return true;
  };

  if (options.schedules !== undefined) {
    for await (const instalments of readSchedules(options.schedules)) {
      for (const instalment of instalments) {
        while (current?.id !== instalment.id) {
          if (!(await next())) {
            throw new FairplanError(
              'invalid-row',
              `account "${instalment.id}" is not in ${options.results} after the accounts before it: the schedules must be from the same batch run as the results`,
              { file: options.schedules, line: instalment.line },
            );
          }
        }
        for (const tally of current.tallies) tally.addCash(instalment.month, instalment.amount);
      }
    }
  }
  while (await next());

  const columns = { balance: found.balance, reviewReasons: found.reviewReasons, defaultsUsed: found.defaultsUsed, schedules: options.schedules !== undefined };
  return {
    results: options.results,
    schedules: options.schedules ?? null,
    notes: [
      found.balance
        ? 'Total owed: the results’ balance column.'
        : 'Total owed: not shown, as the results have no balance column (run batch with --carry balance, or with a fairplan that writes it).',
      found.months
        ? 'Months to clear: the results’ plan_months column, for the plans that repay the balance.'
        : 'Months to clear: each plan’s instalments as months (weekly × 12 ÷ 52, rounded up), for the plans that repay the balance.',
      ...(found.reviewReasons ? [] : ['Review reasons: the results have no review_reasons column; their flags say why an account is to be reviewed.']),
      ...(found.defaultsUsed ? [] : ['Defaults: the results have no defaults_used column, so the report cannot say which accounts’ figures rest on a household field taken by default.']),
      ...(options.schedules === undefined ? ['Cash month by month: needs the schedules (--schedules).'] : []),
    ],
    all: all.figures(columns),
    splits: options.by.map(
      (column, i): Split => ({
        column,
        groups: [...(splits[i] ?? new Map<string, Tally>())]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([value, tally]) => ({ value, ...tally.figures(columns) })),
      }),
    ),
  };
}
