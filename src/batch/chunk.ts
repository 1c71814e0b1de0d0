/**
 * The work a batch does on each row, a chunk of rows at a time: read the account, work out its
 * affordability and plans, and render its output lines. Pure apart from the clock-free core, so it
 * runs the same in the main thread or in a worker (worker.ts), and chunks come back in input order.
 */
import { customerKey } from '../core/customer-key.js';
import { isFairplanError } from '../core/errors.js';
import type { PaymentFrequency } from '../core/frequency.js';
import { isRejection, readAccount, type Account, type Rejection } from './account.js';
import { csvLine } from '../io/csv.js';
import type { BufferPool } from './buffer-pool.js';
import { ByteLines } from './byte-lines.js';
import { leftOutJson, rejectionCells, rejectionJson, resultJson, scheduleJson, writeLeftOut, writeResult, writeSchedule } from './format.js';
import type { ColumnLayout } from './mapping.js';
import { budgetDisagreement, planHouseholdLeavingOut } from './household.js';
import { isLeftOut, planOrLeaveOut, type BatchResult, type PlanSettings } from './plan.js';
import type { InputRecord } from '../io/read-records.js';
import { countUnknown, type UnknownCounts } from './unknown-values.js';

export interface ChunkSettings {
  readonly layout: ColumnLayout;
  readonly json: boolean;
  readonly plan: PlanSettings;
  /** Render rejected rows for an errors file. */
  readonly errors: boolean;
  /**
   * Under --group-by: the column holding the customer, whose adjacent rows are planned as one
   * household's accounts (a chunk never splits a customer's rows).
   */
  readonly groupBy?: { readonly name: string; readonly index: number };
  /**
   * What every JSON result record ends with: `,"provenance":{…}}` and its line end, encoded once
   * (see recordEnding), so each record costs a copy of these bytes, not a serialisation.
   */
  readonly recordEnding?: Uint8Array;
}

/** The end of a JSON result record carrying `provenance` (canonical JSON, see canonicalProvenance). */
export const recordEnding = (provenance: string): Uint8Array => new TextEncoder().encode(`,"provenance":${provenance}}\n`);

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
  /** Accounts written, by each flag raised (an account with two flags counts under both). */
  readonly byFlag: Readonly<Record<string, number>>;
  /** Accounts written, by the kind of plan recommended. */
  readonly byPlan: Readonly<Record<string, number>>;
  /** Accounts written, by each household field taken by default (see household-fields.ts). */
  readonly byDefault: Readonly<Record<string, number>>;
  /** Accounts written that were left out of the offers as possibly statute-barred (see LeftOutResult). */
  readonly possiblyStatuteBarred: number;
  /** Accounts written with a household value not understood, by column and value (see unknown-values.ts). */
  readonly unknownValues: UnknownCounts;
}

/** Adds one to `key`'s count. */
export const tally = (counts: Record<string, number>, key: string, by = 1): void => {
  counts[key] = (counts[key] ?? 0) + by;
};

export const noInstalments = (): Record<PaymentFrequency, number> => ({ weekly: 0, fortnightly: 0, 'four-weekly': 0, monthly: 0 });

const ndjson = (record: object): string => `${JSON.stringify(record)}\n`;
const NEWLINE = 10;

/** The rejection of a record that could not be read, or of a row refused before it was. */
const unreadable = ({ line, accountId, field, reason, code, cells }: InputRecord & { kind: 'unreadable' }): Rejection => ({
  line,
  ...(accountId ? { accountId } : {}),
  ...(field ? { field } : {}),
  reason,
  code: code ?? 'unreadable-row',
  cells,
});

/** One JSON record and its line end, into `out`; with `ending`, the record ends with those bytes instead. */
function writeJson(out: ByteLines, record: object, ending?: Uint8Array): void {
  const text = JSON.stringify(record);
  if (ending) {
    // The record's closing brace is in `ending`, after the provenance.
    out.text(text.slice(0, -1));
    out.append(ending);
    return;
  }
  out.text(text);
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
  const byFlag: Record<string, number> = {};
  const byPlan: Record<string, number> = {};
  const byDefault: Record<string, number> = {};
  const unknownValues: UnknownCounts = {};
  let written = 0;
  let balances = 0;
  let possiblyStatuteBarred = 0;

  const reject = (index: number, rejection: Rejection): void => {
    rejections.push({ index, rejection });
    if (settings.errors) errors.push(json ? ndjson(rejectionJson(rejection)) : csvLine(rejectionCells(rejection)));
  };

  const write = (result: BatchResult): void => {
    written++;
    balances += result.account.balance;
    for (const flag of result.affordability.flags) tally(byFlag, flag);
    for (const field of result.account.household.defaulted) tally(byDefault, field);
    for (const unknown of result.account.unknownValues ?? []) countUnknown(unknownValues, unknown);
    if (isLeftOut(result)) {
      // Offered nothing and given no schedule, but written and counted: never silently left out.
      possiblyStatuteBarred++;
      if (json) writeJson(results, leftOutJson(result, layout), settings.recordEnding);
      else writeLeftOut(results, result);
      return;
    }
    instalmentsByFrequency[result.recommended.frequency] += Number(result.recommended.instalmentAmount);
    tally(byPlan, result.recommended.kind);
    if (json) writeJson(results, resultJson(result, layout), settings.recordEnding);
    else writeResult(results, result);
    if (!json) writeSchedule(schedules, result);
    else for (const record of scheduleJson(result)) writeJson(schedules, record);
  };
  /** A FairplanError from planning becomes the row's rejection; any other error is a fault. */
  const planRejection = (error: unknown, account: Account, cells: readonly string[]): Rejection => {
    if (!isFairplanError(error)) throw error;
    return {
      line: account.line,
      accountId: account.id,
      ...(error.context.field ? { field: error.context.field } : {}),
      reason: error.message,
      // The plan engine or the guideline table refused what the row asks for.
      code: 'plan-refused',
      cells,
    };
  };

  if (settings.groupBy) {
    processHouseholds(records, settings, settings.groupBy, { reject, write, planRejection });
  } else {
    records.forEach((record, index) => {
      if (record.kind === 'unreadable') {
        reject(index, unreadable(record));
        return;
      }
      const account = readAccount(record.cells, layout, record.line);
      if (isRejection(account)) {
        reject(index, account);
        return;
      }
      let result;
      try {
        result = planOrLeaveOut(account, settings.plan);
      } catch (error) {
        reject(index, planRejection(error, account, record.cells));
        return;
      }
      write(result);
    });
  }
  // Under --group-by a household's rows are rejected when it is planned, after rows read since.
  rejections.sort((a, b) => a.index - b.index);
  return {
    results: results.take(),
    schedules: schedules.take(),
    errors: errors.join(''),
    rejections,
    written,
    balances,
    instalmentsByFrequency,
    byFlag,
    byPlan,
    byDefault,
    possiblyStatuteBarred,
    unknownValues,
  };
}

interface Outlets {
  readonly reject: (index: number, rejection: Rejection) => void;
  readonly write: (result: BatchResult) => void;
  readonly planRejection: (error: unknown, account: Account, cells: readonly string[]) => Rejection;
}

/**
 * The rows of a chunk, adjacent rows of one customer planned together (household.ts). A row whose
 * budget disagrees with the household's first account is rejected, naming both lines.
 */
function processHouseholds(records: readonly InputRecord[], settings: ChunkSettings, groupBy: { name: string; index: number }, out: Outlets): void {
  let customer: string | undefined;
  let members: { index: number; account: Account; cells: readonly string[] }[] = [];
  const plan = (): void => {
    if (members.length === 0) return;
    let results: BatchResult[];
    try {
      results = planHouseholdLeavingOut(
        members.map((m) => m.account),
        settings.plan,
      );
    } catch (error) {
      for (const m of members) out.reject(m.index, out.planRejection(error, m.account, m.cells));
      members = [];
      return;
    }
    results.forEach(out.write);
    members = [];
  };
  records.forEach((record, index) => {
    if (record.kind === 'unreadable') {
      out.reject(index, unreadable(record));
      return;
    }
    const written = (record.cells[groupBy.index] ?? '').trim();
    const key = customerKey(written);
    if (key !== customer) {
      plan();
      customer = key;
    }
    const account = readAccount(record.cells, settings.layout, record.line);
    if (isRejection(account)) {
      out.reject(index, account);
      return;
    }
    const first = members[0];
    const disagreement = first && budgetDisagreement(first.account, account, written);
    if (disagreement) {
      out.reject(index, { line: account.line, accountId: account.id, ...disagreement, code: 'budget-disagrees', cells: record.cells });
      return;
    }
    members.push({ index, account, cells: record.cells });
  });
  plan();
}
