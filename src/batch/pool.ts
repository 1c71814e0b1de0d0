/**
 * Where chunks of rows are worked on: in this thread, or spread over worker threads when there are
 * cores to spare. Either way `process` resolves with each chunk's result, and the caller awaits them
 * in the order it sent them, so output order is input order.
 */
import { Worker } from 'node:worker_threads';
import { FairplanError } from '../core/errors.js';
import type { GuidelineTable } from '../core/affordability/guidelines.js';
import type { IsoDate } from '../core/date.js';
import { penceTerms, resolvePlanTerms, type PenceTerms } from '../core/plan/index.js';
import { calendarFor, DEFAULT_CALENDAR_REGION, type CalendarRegion } from '../core/calendar/index.js';
import { BufferPool } from './buffer-pool.js';
import { processChunk, recordEnding, type ChunkResult, type ChunkSettings } from './chunk.js';
import type { ColumnLayout } from './mapping.js';
import type { InterestChoice } from './plan.js';
import type { InputRecord } from '../io/read-records.js';

/** What a worker needs to set itself up: plain data, as it crosses a thread boundary. */
export interface WorkerSetup {
  readonly layout: ColumnLayout;
  readonly json: boolean;
  readonly errors: boolean;
  readonly asOf: IsoDate;
  readonly interest: InterestChoice;
  readonly schedules: boolean;
  /** A guideline table's name or file, loaded by each thread. */
  readonly guidelines?: string;
  /** Under --group-by: the customer column (see ChunkSettings). */
  readonly groupBy?: { readonly name: string; readonly index: number };
  /** The run's provenance as canonical JSON, for every JSON result record to carry. */
  readonly provenance?: string;
}

export interface ChunkProcessor {
  process(records: readonly InputRecord[]): Promise<ChunkResult>;
  /** A result's output buffers, once written out: the thread that wrote them writes into them again. */
  recycle(result: ChunkResult): void;
  close(): Promise<void>;
}

const buffersOf = (result: ChunkResult): ArrayBuffer[] =>
  [result.results, result.schedules, result.errors].flatMap((out) => (typeof out === 'string' || out.byteLength === 0 ? [] : [out.buffer as ArrayBuffer]));

/** `loaded`: the guideline table already read by this thread, if any (a worker reads its own). */
export async function chunkSettings(setup: WorkerSetup, loaded?: GuidelineTable): Promise<ChunkSettings> {
  // The statement readers a guideline file needs are loaded only when one is given.
  // The terms on each calendar the rows' households need, made when first needed.
  const terms = new Map<CalendarRegion, PenceTerms>();
  const termsOn = (region: CalendarRegion): PenceTerms => {
    let made = terms.get(region);
    if (!made) terms.set(region, (made = penceTerms(resolvePlanTerms({ asOf: setup.asOf, calendar: calendarFor(region) }))));
    return made;
  };
  const guidelines = loaded ?? (setup.guidelines ? await (await import('../guidelines/load.js')).loadGuidelines(setup.guidelines) : undefined);
  return {
    layout: setup.layout,
    json: setup.json,
    errors: setup.errors,
    ...(setup.groupBy ? { groupBy: setup.groupBy } : {}),
    ...(setup.json && setup.provenance !== undefined ? { recordEnding: recordEnding(setup.provenance) } : {}),
    plan: {
      terms: termsOn(setup.layout.householdDefaults?.calendar ?? DEFAULT_CALENDAR_REGION),
      termsOn,
      interest: setup.interest,
      schedules: setup.schedules,
      ...(guidelines ? { guidelines } : {}),
    },
  };
}

export async function inThisThread(setup: WorkerSetup, guidelines?: GuidelineTable): Promise<ChunkProcessor> {
  const settings = await chunkSettings(setup, guidelines);
  const pool = new BufferPool();
  return {
    process: async (records) => processChunk(records, settings, pool),
    recycle: (result) => buffersOf(result).forEach((buffer) => pool.give(buffer)),
    close: async () => undefined,
  };
}

/** What a worker is sent: a chunk to work on, or buffers to write into again. */
export type Request = { readonly id: number; readonly records: readonly InputRecord[] } | { readonly spare: readonly ArrayBuffer[] };

type Reply = { readonly id: number; readonly result: ChunkResult } | { readonly id: number; readonly error: string };

// The worker's garbage is short-lived, but a little of it outlives each young-generation collection.
// - A small young generation, but not the smallest: with V8's default, a run of 1,000,000 rows
//   peaked about 25 MB higher, for no gain in speed; with 8 MB, the worker spent some 40% of its time
//   in scavenges (about 440 for 100,000 rows, each keeping most of what it copied), and with 16 MB
//   some 30%, for the same peak at 100,000 rows.
// - An old generation of 1 GB. No chunk comes near it: 500 plans at the 50-year horizon, weekly, with
//   their schedules, need about 250 MB. V8 sizes its heap's growth to the limit. With the default
//   limit (a quarter of the machine's memory), the worker's heap grew by 3 MB a second, all of it
//   garbage, without a full collection in 1,000,000 rows. So the run's peak grew with the file. With
//   1 GB, it is collected at about 25 MB.
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 1024 };

/** A worker's failure as the user should hear it: running out of memory is not a fault in fairplan. */
export function workerFailure(error: Error): Error {
  if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') return error;
  return new FairplanError(
    'io',
    `a batch worker ran out of memory (it may use ${WORKER_LIMITS.maxOldGenerationSizeMb} MB); --workers 0 plans in this thread, where Node's own limit applies, or split the file`,
  );
}

export function inWorkers(count: number, setup: WorkerSetup): ChunkProcessor {
  const waiting = new Map<number, { resolve: (result: ChunkResult) => void; reject: (error: Error) => void }>();
  let failure: Error | undefined;
  let closing = false;
  const fail = (error: Error): void => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  const post = (worker: Worker | undefined, request: Request, transfer: ArrayBuffer[] = []): void => worker?.postMessage(request, transfer);
  /** Which worker wrote each result, to have its buffers back. */
  const madeBy = new WeakMap<ChunkResult, Worker>();
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: setup, resourceLimits: WORKER_LIMITS });
    worker.on('message', (reply: Reply) => {
      const waiter = waiting.get(reply.id);
      waiting.delete(reply.id);
      if ('error' in reply) {
        waiter?.reject(new Error(reply.error));
        return;
      }
      madeBy.set(reply.result, worker);
      waiter?.resolve(reply.result);
    });
    worker.on('error', (error) => fail(workerFailure(error)));
    worker.on('exit', (code) => {
      if (code !== 0 && !closing) fail(new Error(`a batch worker stopped (exit code ${code})`));
    });
    return worker;
  });
  let next = 0;
  return {
    process(records) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise<ChunkResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        post(workers[id % workers.length], { id, records });
      });
    },
    recycle(result) {
      const spare = buffersOf(result);
      if (!closing && spare.length > 0) post(madeBy.get(result), { spare }, spare);
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
