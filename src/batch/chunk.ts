/**
 * The work a batch does on each row, a chunk of rows at a time: read the account, work out its
 * affordability and plans, and render its output lines. Pure apart from the clock-free core, so it
 * runs the same in the main thread or in a worker (worker.ts), and chunks come back in input order.
 */
import { isFairplanError } from '../core/errors.js';
import type { PaymentFrequency } from '../core/frequency.js';
import { isRejection, readAccount, type Rejection } from './account.js';
import { csvLine } from './csv.js';
import type { BufferPool } from './buffer-pool.js';
import { ByteLines } from './byte-lines.js';
import { rejectionCells, rejectionJson, resultJson, scheduleJson, writeResult, writeSchedule } from './format.js';
import type { ColumnLayout } from './mapping.js';
import { planAccount, type PlanSettings } from './plan.js';
import type { InputRecord } from './read.js';

export interface ChunkSettings {
  readonly layout: ColumnLayout;
  readonly json: boolean;
  readonly plan: PlanSettings;
  /** Render rejected rows for an errors file. */
  readonly errors: boolean;
}

export interface ChunkResult {
  /** Output in input order, as UTF-8 bytes (the rejected rows as text until a worker thread encodes them). */
  readonly results: Uint8Array;
  readonly schedules: Uint8Array;
  readonly errors: string | Uint8Array;
  /** Each rejected row, with its place in the chunk. */
  readonly rejections: readonly { readonly index: number; readonly rejection: Rejection }[];
  readonly written: number;
  /** Balances of the accounts written, in pence. */
  readonly balances: number;
  /** The recommended plans' regular instalments, in pence, by pay frequency. */
  readonly instalmentsByFrequency: Readonly<Record<PaymentFrequency, number>>;
}

export const noInstalments = (): Record<PaymentFrequency, number> => ({ weekly: 0, fortnightly: 0, 'four-weekly': 0, monthly: 0 });

const ndjson = (record: object): string => `${JSON.stringify(record)}\n`;
const NEWLINE = 10;

/** One JSON record and its line end, into `out`. */
function writeJson(out: ByteLines, record: object): void {
  out.text(JSON.stringify(record));
  out.char(NEWLINE);
}

/** `pool` gives the buffers the results and schedules are written into (see buffer-pool.ts). */
export function processChunk(records: readonly InputRecord[], settings: ChunkSettings, pool?: BufferPool): ChunkResult {
  const { layout, json } = settings;
  // Results and schedules go straight into bytes (see ByteLines); rejected rows, being few, are
  // gathered as text and joined once.
  const results = new ByteLines(pool);
  const schedules = new ByteLines(pool);
  const errors: string[] = [];
  const rejections: { index: number; rejection: Rejection }[] = [];
  const instalmentsByFrequency = noInstalments();
  let written = 0;
  let balances = 0;

  const reject = (index: number, rejection: Rejection): void => {
    rejections.push({ index, rejection });
    if (settings.errors) errors.push(json ? ndjson(rejectionJson(rejection)) : csvLine(rejectionCells(rejection)));
  };

  records.forEach((record, index) => {
    if (record.kind === 'unreadable') {
      reject(index, { line: record.line, reason: record.reason, cells: record.cells });
      return;
    }
    const account = readAccount(record.cells, layout, record.line);
    if (isRejection(account)) {
      reject(index, account);
      return;
    }
    let result;
    try {
      result = planAccount(account, settings.plan);
    } catch (error) {
      if (!isFairplanError(error)) throw error;
      reject(index, {
        line: account.line,
        accountId: account.id,
        ...(error.context.field ? { field: error.context.field } : {}),
        reason: error.message,
        cells: record.cells,
      });
      return;
    }
    written++;
    balances += account.balance;
    instalmentsByFrequency[result.recommended.frequency] += result.recommended.instalmentAmount;
    if (json) writeJson(results, resultJson(result, layout));
    else writeResult(results, result);
    if (!json) writeSchedule(schedules, result);
    else for (const record of scheduleJson(result)) writeJson(schedules, record);
  });
  return {
    results: results.take(),
    schedules: schedules.take(),
    errors: errors.join(''),
    rejections,
    written,
    balances,
    instalmentsByFrequency,
  };
}
