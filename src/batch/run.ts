/**
 * A batch run: accounts in, one result per account out, in input order. Every row read is either
 * written or rejected (rows read = written + rejected); the outputs appear whole when the run
 * succeeds and not at all when it fails or is stopped.
 */
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { IsoDate } from '../core/date.js';
import { toFixed2 } from '../core/money.js';
import { FairplanError, isFairplanError } from '../core/errors.js';
import type { Io } from '../cli/io.js';
import { isRejection, readAccount, type Rejection } from './account.js';
import { csvLine } from './csv.js';
import {
  rejectionCells,
  rejectionHeader,
  rejectionJson,
  resultCells,
  resultHeader,
  resultJson,
  SCHEDULE_HEADER,
  scheduleCells,
  scheduleJson,
} from './format.js';
import { resolveColumns, type Carry, type ColumnLayout, type ColumnNames } from './mapping.js';
import { parsePence } from './pence.js';
import { planAccount, type InterestChoice, type PlanSettings } from './plan.js';
import { checkGuidelineTable } from './affordability.js';
import type { GuidelineTable } from '../core/affordability/guidelines.js';
import { readRecords, type InputRecord } from './read.js';
import { Sink } from './sink.js';
import type { PaymentFrequency } from '../core/frequency.js';

export interface BatchOptions {
  /** A path, or `-` for stdin. */
  readonly input: string;
  /** Results: a path, or `-` for stdout. */
  readonly output: string;
  readonly schedules?: string;
  readonly errors?: string;
  readonly json: boolean;
  readonly delimiter: string;
  readonly columns: ColumnNames;
  readonly carry: Carry;
  readonly asOf: IsoDate;
  readonly interest: InterestChoice;
  /** Spending guidelines to check each account's food spending against. */
  readonly guidelines?: GuidelineTable;
  /** Stop, writing nothing, once more rows than this are rejected. */
  readonly maxRejects?: number;
  /** Called now and then with the rows read so far. */
  readonly onProgress?: (rowsRead: number) => void;
  /** Called for each rejected row (the CLI shows them when there is no errors file). */
  readonly onRejection?: (rejection: Rejection) => void;
}

export interface BatchSummary {
  readonly read: number;
  readonly written: number;
  readonly rejected: number;
  /** Balances of the accounts written, in pence. */
  readonly balances: number;
  /** The recommended plans' regular instalments, summed per pay frequency, in pence. */
  readonly instalmentsByFrequency: Readonly<Record<PaymentFrequency, number>>;
  /** Set when the run stopped for too many rejected rows: nothing was written. */
  readonly stopped?: string;
}

const PROGRESS_EVERY = 10_000;

async function openInput(input: string, io: Io): Promise<Readable> {
  if (input === '-') return io.stdin as Readable;
  try {
    const handle = await open(input, 'r');
    return handle.createReadStream();
  } catch (error) {
    throw new FairplanError('io', `cannot read ${input}: ${(error as Error).message}`, { file: input });
  }
}

async function openSinks(options: BatchOptions, io: Io) {
  const opened: Sink[] = [];
  const openOne = async (target: string): Promise<Sink> => {
    const sink = await Sink.open(target, io.stdout);
    opened.push(sink);
    return sink;
  };
  try {
    const results = await openOne(options.output);
    const schedules = options.schedules ? await openOne(options.schedules) : undefined;
    const errors = options.errors ? await openOne(options.errors) : undefined;
    return { results, schedules, errors, all: opened };
  } catch (error) {
    await Promise.all(opened.map((s) => s.abort()));
    throw error;
  }
}

export async function runBatch(options: BatchOptions, io: Io): Promise<BatchSummary> {
  const name = options.input === '-' ? 'stdin' : options.input;
  if (options.guidelines) checkGuidelineTable({ table: options.guidelines, asOf: options.asOf });
  const settings: PlanSettings = {
    asOf: options.asOf,
    interest: options.interest,
    schedules: Boolean(options.schedules),
    ...(options.guidelines ? { guidelines: options.guidelines } : {}),
  };
  const input = await openInput(options.input, io);
  const sinks = await openSinks(options, io);
  const { results, schedules, errors } = sinks;
  const line = options.json ? (record: object) => `${JSON.stringify(record)}\n` : undefined;
  const instalmentsByFrequency: Record<PaymentFrequency, number> = { weekly: 0, fortnightly: 0, 'four-weekly': 0, monthly: 0 };
  let layout: ColumnLayout | undefined;
  let read = 0;
  let written = 0;
  let rejected = 0;
  let balances = 0;

  const reject = async (rejection: Rejection): Promise<void> => {
    rejected++;
    options.onRejection?.(rejection);
    if (errors && errors.push(line ? line(rejectionJson(rejection)) : csvLine(rejectionCells(rejection)))) await errors.flush();
  };

  const start = (record: InputRecord): ColumnLayout => {
    if (record.kind === 'unreadable') {
      throw new FairplanError('invalid-argument', `the header row cannot be read: ${record.reason}`, { file: name, line: record.line });
    }
    const found = resolveColumns(record.cells, options.columns, options.carry, name);
    if (!line) {
      results.push(csvLine(resultHeader(found)));
      schedules?.push(csvLine(SCHEDULE_HEADER));
      errors?.push(csvLine(rejectionHeader(found.headers)));
    }
    return found;
  };

  try {
    for await (const record of readRecords(input, options.delimiter, name)) {
      if (!layout) {
        layout = start(record);
        continue;
      }
      read++;
      if (options.onProgress && read % PROGRESS_EVERY === 0) options.onProgress(read);
      const account =
        record.kind === 'unreadable'
          ? { line: record.line, reason: record.reason, cells: record.cells }
          : readAccount(record.cells, layout, record.line);
      if (isRejection(account)) {
        await reject(account);
      } else {
        let result;
        try {
          result = planAccount(account, settings);
        } catch (error) {
          if (!isFairplanError(error)) throw error;
          await reject({
            line: account.line,
            accountId: account.id,
            ...(error.context.field ? { field: error.context.field } : {}),
            reason: error.message,
            cells: record.cells,
          });
          continue;
        }
        written++;
        balances += account.balance;
        const instalment = parsePence(toFixed2(result.recommended.instalmentAmount));
        instalmentsByFrequency[result.recommended.frequency] += instalment;
        if (results.push(line ? line(resultJson(result, layout)) : csvLine(resultCells(result)))) await results.flush();
        if (schedules && result.instalments) {
          for (const i of result.instalments) schedules.push(line ? line(scheduleJson(result, i)) : csvLine(scheduleCells(result, i)));
          await schedules.flush();
        }
      }
      if (options.maxRejects !== undefined && rejected > options.maxRejects) {
        await Promise.all(sinks.all.map((s) => s.abort()));
        return {
          read,
          written,
          rejected,
          balances,
          instalmentsByFrequency,
          stopped: `more than ${options.maxRejects} row${options.maxRejects === 1 ? '' : 's'} rejected`,
        };
      }
    }
    if (!layout) throw new FairplanError('invalid-argument', 'the file is empty: there is no header row', { file: name });
    // Results last: a job that waits for the results file finds the others already in place.
    if (errors) await errors.commit();
    if (schedules) await schedules.commit();
    await results.commit();
  } catch (error) {
    await Promise.all(sinks.all.map((s) => s.abort()));
    throw error;
  }
  return { read, written, rejected, balances, instalmentsByFrequency };
}
