/**
 * A batch run: accounts in, one result per account out, in input order. Every row read is either
 * written or rejected (rows read = written + rejected); the outputs appear whole when the run
 * succeeds and not at all when it fails or is stopped.
 *
 * The main thread reads the CSV and writes the outputs; the rows, in chunks, are worked on by
 * worker threads when `workers` > 0 (the plan engine is where the time goes), with a bounded number
 * of chunks in flight so memory stays flat, and the results are written in the order read.
 */
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { IsoDate } from '../core/date.js';
import { FairplanError } from '../core/errors.js';
import { readFailure } from '../io/read-failure.js';
import type { PaymentFrequency } from '../core/frequency.js';
import type { Io } from '../io/streams.js';
import { isRejection, readAccount, type Rejection } from './account.js';
import { checkGuidelineTable } from './affordability.js';
import { noInstalments, tally, type ChunkResult } from './chunk.js';
import { csvLine } from '../io/csv.js';
import { rejectionHeader, resultHeader, SCHEDULE_HEADER } from './format.js';
import { resolveColumns, type Carry, type ColumnLayout, type ColumnNames } from './mapping.js';
import type { HouseholdDefaults } from './household-fields.js';
import type { InterestChoice } from './plan.js';
import { inThisThread, inWorkers, type ChunkProcessor, type WorkerSetup } from './pool.js';
import { readRecords, type InputRecord } from '../io/read-records.js';
import { overRejectLimit, passedRejectLimit, type RejectLimit } from '../io/reject-limit.js';
import { Sink } from '../io/sink.js';
import { Customers, groupColumn } from './customers.js';
import { RepeatedAccounts } from './repeated-accounts.js';
import { renderSummaryJson } from './summary-json.js';
import type { GuidelineSource } from '../core/affordability/guidelines.js';
import { canonicalProvenance, withInputHash, type Provenance } from '../core/provenance.js';
import { hashedWhileRead } from '../io/hash.js';
import { AmountTally, SAMPLE_ROWS, usedColumns } from './unmapped.js';
import { WRONG_DATE_FORMAT } from './date-format.js';
import { checkSampleDates, wrongFormatProof } from './sample-dates.js';
import { addUnknown, unknownColumns, type UnknownColumn, type UnknownCounts } from './unknown-values.js';

export interface BatchOptions {
  /** A path, or `-` for stdin. */
  readonly input: string;
  /** Results: a path, or `-` for stdout. */
  readonly output: string;
  readonly schedules?: string;
  readonly errors?: string;
  /** The run's counts, totals and provenance, as JSON (see summary-json.ts). */
  readonly summary?: string;
  readonly json: boolean;
  readonly delimiter: string;
  readonly columns: ColumnNames;
  readonly carry: Carry;
  /** How the export writes its dates (see date-format.ts); YYYY-MM-DD when not given. */
  readonly dateFormat?: string;
  /** Refuse to run when a column holding amounts is neither read nor carried (see unmapped.ts). */
  readonly refuseUnmapped?: boolean;
  /** Called once, after the last row, with the columns holding amounts that are neither read nor carried. */
  readonly onUnmapped?: (headers: readonly string[]) => void;
  /** Start each CSV output with a UTF-8 byte-order mark, by which Excel knows the encoding. */
  readonly bom?: boolean;
  readonly asOf: IsoDate;
  readonly interest: InterestChoice;
  /** The jurisdiction and calendar of a row that records no jurisdiction (`--jurisdiction`, `--calendar`). */
  readonly householdDefaults?: HouseholdDefaults;
  /** Spending guidelines (a built-in name or a file) to check each account's food spending against. */
  readonly guidelines?: string;
  /** A column naming the customer: adjacent rows with the same value are planned as one household's accounts. */
  readonly groupBy?: string;
  /** Stop, writing nothing, once more rows than this are rejected (`--max-rejects`, `--strict`). */
  readonly maxRejects?: RejectLimit;
  /** Worker threads to work on the rows; 0 works in this thread. */
  readonly workers: number;
  /** Called now and then with the rows read so far and the bytes read from the input (0 if it does not count them). */
  readonly onProgress?: (rowsRead: number, bytesRead: number) => void;
  /** Called for each rejected row, in input order (the CLI shows them when there is no errors file). */
  readonly onRejection?: (rejection: Rejection) => void;
  /**
   * The run's provenance, given the guideline table in use: carried by every JSON result record and
   * the summary. Standard input's hash is unknown until it has been read, so records carry null for
   * it and the summary the hash.
   */
  readonly provenance?: (guidelines: GuidelineSource | undefined) => Promise<Provenance>;
}

export interface BatchSummary {
  readonly read: number;
  readonly written: number;
  readonly rejected: number;
  /** Balances of the accounts written, in pence. */
  readonly balances: number;
  /** The recommended plans' regular instalments, summed per pay frequency, in pence. */
  readonly instalmentsByFrequency: Readonly<Record<PaymentFrequency, number>>;
  /** Accounts written, by flag raised and by the kind of plan recommended. */
  readonly byFlag: Readonly<Record<string, number>>;
  readonly byPlan: Readonly<Record<string, number>>;
  /** Accounts written whose flags and dates rest on a household field's default, by field. */
  readonly byDefault: Readonly<Record<string, number>>;
  /** Accounts written that were left out of the offers as possibly statute-barred (offered 0.00, no plan). */
  readonly possiblyStatuteBarred: number;
  /** Columns that hold amounts but were neither read for a field nor carried (see unmapped.ts), judged on every row read. */
  readonly unmappedColumns: readonly string[];
  /** Rows rejected, by their rejection's code (`invalid-amount`…). */
  readonly rejectedByCode: Readonly<Record<string, number>>;
  /** Household columns with values not understood, the rows of accounts written that took the default instead (see unknown-values.ts). */
  readonly unknownValues: readonly UnknownColumn[];
  /** The run's provenance, with standard input's hash once read. */
  readonly provenance?: Provenance;
  /** Set when the run stopped for too many rejected rows: nothing was written. */
  readonly stopped?: string;
}

const PROGRESS_EVERY = 1_000;
// Rows per chunk sent to a worker, and chunks in flight per worker: enough to keep every thread
// busy, few enough that memory does not grow with the file.
const CHUNK_ROWS = 500;
const IN_FLIGHT_PER_WORKER = 3;

/** A file's read stream, and stdin, count the bytes they have read. */
const bytesRead = (input: Readable): number => ('bytesRead' in input && typeof input.bytesRead === 'number' ? input.bytesRead : 0);

async function openInput(input: string, io: Io): Promise<Readable> {
  if (input === '-') return io.stdin as Readable;
  try {
    const handle = await open(input, 'r');
    return handle.createReadStream();
  } catch (error) {
    throw readFailure(input, error);
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
    const summary = options.summary ? await openOne(options.summary) : undefined;
    return { results, schedules, errors, summary, all: opened };
  } catch (error) {
    await Promise.all(opened.map((s) => s.abort()));
    throw error;
  }
}

const BOM = '\uFEFF';
// A sample this large whose every row is rejected for one column is the export, not the rows: any
// file of two rows or more (one rejected row is a line of its own already).
const SAME_WAY_ROWS = 2;

/** Thrown inside the run to stop it for too many rejected rows. */
class Stopped extends Error {}

export async function runBatch(options: BatchOptions, io: Io): Promise<BatchSummary> {
  const name = options.input === '-' ? 'stdin' : options.input;
  // Read once here to refuse a table not in force before any output; planning in this thread uses it.
  const guidelines = options.guidelines ? await (await import('../guidelines/load.js')).loadGuidelines(options.guidelines) : undefined;
  if (guidelines && guidelines.source.currency !== 'GBP') {
    throw new FairplanError(
      'invalid-argument',
      `the guideline table "${guidelines.source.name}" is in ${guidelines.source.currency}, but a batch run is in pounds (GBP): give a table in GBP`,
      { field: '--guidelines' },
    );
  }
  if (guidelines) checkGuidelineTable({ table: guidelines, asOf: options.asOf });
  // Only JSON records and the summary carry it. A file is hashed in a pass of its own before the
  // run (about 1% of its time), so that every record can carry its hash.
  const provenance = options.json || options.summary ? await options.provenance?.(guidelines?.source) : undefined;
  const input = await openInput(options.input, io);
  // Standard input can be read once only: hashed as it is read, for the summary.
  const stdinHash = options.input === '-' && options.summary ? hashedWhileRead(input) : undefined;
  const source = stdinHash?.stream ?? input;
  const sinks = await openSinks(options, io);
  const { results, schedules, errors } = sinks;
  const instalmentsByFrequency = noInstalments();
  const byFlag: Record<string, number> = {};
  const byPlan: Record<string, number> = {};
  const byDefault: Record<string, number> = {};
  const rejectedByCode: Record<string, number> = {};
  const unknownValues: UnknownCounts = {};
  let setup: WorkerSetup | undefined;
  let processor: ChunkProcessor | undefined;
  let read = 0;
  let written = 0;
  let rejected = 0;
  let balances = 0;
  let possiblyStatuteBarred = 0;
  let chunk: InputRecord[] = [];
  // The first rows are held until they have been looked at (see sampled), before any is sent.
  let sample: (InputRecord & { kind: 'row' })[] | undefined = [];
  // Every row's cells in the columns nothing reads, counted as they go by (see unmapped.ts).
  let amounts: AmountTally | undefined;
  const inFlight: { readonly firstRow: number; readonly result: Promise<ChunkResult> }[] = [];
  const limit = Math.max(1, options.workers) * IN_FLIGHT_PER_WORKER;

  const start = async (record: InputRecord): Promise<ColumnLayout> => {
    if (record.kind === 'unreadable') {
      throw new FairplanError('invalid-argument', `the header row cannot be read: ${record.reason}`, { file: name, line: record.line });
    }
    const resolved = resolveColumns(record.cells, options.columns, options.carry, name);
    const layout = {
      ...resolved,
      ...(options.dateFormat ? { dateFormat: options.dateFormat } : {}),
      ...(options.householdDefaults ? { householdDefaults: options.householdDefaults } : {}),
    };
    const groupBy = options.groupBy === undefined ? undefined : groupColumn(layout, options.groupBy, name);
    if (!options.json) {
      if (options.bom) for (const sink of [results, schedules, errors]) sink?.push(BOM);
      results.push(csvLine(resultHeader(layout)));
      schedules?.push(csvLine(SCHEDULE_HEADER));
      errors?.push(csvLine(rejectionHeader(layout.headers)));
    }
    setup = {
      layout,
      json: options.json,
      errors: Boolean(errors),
      asOf: options.asOf,
      interest: options.interest,
      schedules: Boolean(schedules),
      ...(options.guidelines ? { guidelines: options.guidelines } : {}),
      ...(groupBy ? { groupBy } : {}),
      ...(provenance ? { provenance: canonicalProvenance(provenance) } : {}),
    };
    return layout;
  };

  /** Writes the oldest chunk in flight, once it is done. */
  const writeNext = async (): Promise<void> => {
    const next = inFlight.shift();
    if (!next) return;
    const done = await next.result;
    for (const { index, rejection } of done.rejections) {
      // A date that proves the format wrong stops the run: the dates before it may have been read day for month.
      const proof = rejection.code === WRONG_DATE_FORMAT && setup ? wrongFormatProof(setup.layout, rejection.cells, rejection.line, name) : undefined;
      if (proof) throw proof;
      rejected++;
      tally(rejectedByCode, rejection.code, 1);
      options.onRejection?.(rejection);
      if (options.maxRejects && overRejectLimit(options.maxRejects, rejected)) {
        read = next.firstRow + index;
        written = read - rejected;
        throw new Stopped(passedRejectLimit(options.maxRejects));
      }
    }
    written += done.written;
    balances += done.balances;
    possiblyStatuteBarred += done.possiblyStatuteBarred;
    for (const [frequency, pence] of Object.entries(done.instalmentsByFrequency) as [PaymentFrequency, number][]) {
      instalmentsByFrequency[frequency] += pence;
    }
    for (const [flag, count] of Object.entries(done.byFlag)) tally(byFlag, flag, count);
    for (const [kind, count] of Object.entries(done.byPlan)) tally(byPlan, kind, count);
    for (const [field, count] of Object.entries(done.byDefault)) tally(byDefault, field, count);
    addUnknown(unknownValues, done.unknownValues);
    if (results.push(done.results)) await results.flush();
    if (schedules?.push(done.schedules)) await schedules.flush();
    if (errors?.push(done.errors)) await errors.flush();
    // The sinks copied what they were given.
    processor?.recycle(done);
  };

  /**
   * Once the first rows are in: refuses dates the run's format cannot be right for (sample-dates.ts),
   * and a run whose every sampled row is rejected for one column, in one line rather than a line a row.
   */
  const sampled = (layout: ColumnLayout): void => {
    if (!sample) return;
    const rows = sample;
    sample = undefined;
    checkSampleDates(layout, rows, name);
    if (rows.length < SAME_WAY_ROWS) return;
    const first = readAccount(rows[0]?.cells ?? [], layout, rows[0]?.line ?? 2);
    if (!isRejection(first) || first.field === undefined) return;
    for (const row of rows) {
      const account = readAccount(row.cells, layout, row.line);
      if (!isRejection(account) || account.field !== first.field) return;
    }
    const dates = [layout.sources.next_pay_date, layout.sources.breathing_space_end, layout.sources.last_payment_date].some((s) => s[0]?.header === first.field);
    const hint = dates && !options.dateFormat ? ' (for dates written another way, give --date-format, e.g. --date-format DD/MM/YYYY)' : '';
    throw new FairplanError(
      'invalid-argument',
      `every one of the first ${rows.length} rows is rejected for ${first.field} (line ${first.line}: ${first.reason}); nothing was written${hint}`,
      { file: name },
    );
  };

  const send = async (): Promise<void> => {
    if (chunk.length === 0 || !setup || sample) return;
    // Workers only for a file with more than one chunk: starting them costs more than a few rows do.
    processor ??= options.workers > 0 && chunk.length >= CHUNK_ROWS ? inWorkers(options.workers, setup) : await inThisThread(setup, guidelines);
    const result = processor.process(chunk);
    // Awaited in order by writeNext; this keeps a failure in a later chunk from going unhandled meanwhile.
    result.catch(() => undefined);
    inFlight.push({ firstRow: read - chunk.length + 1, result });
    chunk = [];
    while (inFlight.length >= limit) await writeNext();
  };

  const strict = options.maxRejects !== undefined && 'rows' in options.maxRejects && options.maxRejects.rows === 0;
  const chunkRows = strict ? 1 : CHUNK_ROWS;
  let customers: Customers | undefined;
  let repeated: RepeatedAccounts | undefined;
  try {
    let layout: ColumnLayout | undefined;
    for await (const records of readRecords(source, options.delimiter, name)) {
      for (const record of records) {
        if (!layout) {
          layout = await start(record);
          if (setup?.groupBy) customers = new Customers(setup.groupBy, layout.index.account_id);
          repeated = new RepeatedAccounts(layout.index.account_id);
          amounts = new AmountTally(layout.headers, usedColumns(layout));
          continue;
        }
        read++;
        if (record.kind === 'row') amounts?.add(record.cells);
        if (sample && record.kind === 'row') sample.push(record);
        if (sample && sample.length >= SAMPLE_ROWS) sampled(layout);
        const once = repeated ? repeated.check(record) : record;
        if (customers) {
          // A customer's rows go out in one chunk: the chunk is sent only as the next customer starts.
          const placed = customers.place(once);
          if (placed.startsHousehold && chunk.length >= chunkRows) await send();
          chunk.push(placed.record);
        } else chunk.push(once);
        if (options.onProgress && read % PROGRESS_EVERY === 0) options.onProgress(read, bytesRead(input));
        // Stop reading at once under --strict; otherwise rows go out a chunk at a time.
        if (!customers && chunk.length >= chunkRows) await send();
      }
    }
    if (!layout) throw new FairplanError('invalid-argument', 'the file is empty: there is no header row', { file: name });
    sampled(layout);
    await send();
    while (inFlight.length > 0) await writeNext();
    // Known only once every row is in: a column blank in the first rows may hold amounts further on.
    const unmappedColumns = amounts?.amountColumns() ?? [];
    if (unmappedColumns.length > 0 && options.refuseUnmapped) {
      throw new FairplanError(
        'invalid-argument',
        `columns that hold amounts are neither read nor carried: ${unmappedColumns.map((c) => `"${c}"`).join(', ')}; add each to a field of the mapping (e.g. "utilities": ["Energy", "Water"]) or carry it; nothing was written`,
        { file: name },
      );
    }
    if (unmappedColumns.length > 0) options.onUnmapped?.(unmappedColumns);
    // A percentage of the rows read is known only now, before any file takes its name.
    if (options.maxRejects && overRejectLimit(options.maxRejects, rejected, read)) throw new Stopped(passedRejectLimit(options.maxRejects));
    const inputHash = stdinHash?.hash.digest('hex');
    const summary: BatchSummary = {
      read,
      written,
      rejected,
      balances,
      instalmentsByFrequency,
      byFlag,
      byPlan,
      byDefault,
      possiblyStatuteBarred,
      unmappedColumns,
      rejectedByCode,
      unknownValues: unknownColumns(unknownValues),
      ...(provenance ? { provenance: inputHash ? withInputHash(provenance, 'input', inputHash) : provenance } : {}),
    };
    sinks.summary?.push(renderSummaryJson(summary));
    const inOrder = [errors, schedules, sinks.summary, results].filter((sink) => sink !== undefined);
    await Promise.all(inOrder.map((sink) => sink.finish()));
    // Results last: a job that waits for the results file finds the others already in place.
    Sink.publish(inOrder);
    return summary;
  } catch (error) {
    await Promise.all(sinks.all.map((s) => s.abort()));
    // Let chunks still in flight settle, so none fails later with no one to hear it.
    await Promise.allSettled(inFlight.map((f) => f.result));
    if (!(error instanceof Stopped)) throw error;
    const unmappedColumns = amounts?.amountColumns() ?? [];
    return { read, written, rejected, balances, instalmentsByFrequency, byFlag, byPlan, byDefault, possiblyStatuteBarred, unmappedColumns, rejectedByCode, unknownValues: unknownColumns(unknownValues), stopped: error.message };
  } finally {
    await processor?.close();
  }
}
