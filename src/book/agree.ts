/**
 * Agreements: the plans customers agreed, from a `batch --schedules` file or one option of a plan
 * JSON (`plan --json`, an advise export's plan.json). Each keeps its date, its source file's SHA-256
 * and where it came from, and its instalments. A new agreement for an account supersedes the one
 * before from its date (a renegotiation); the old one stays in the book, marked so.
 */
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { compareDates, parseIsoDate, type IsoDate } from '../core/date.js';
import { FairplanError, isFairplanError } from '../core/errors.js';
import { parseMoney, safePence } from '../core/money.js';
import { BadCell, date, optionalDate, positivePence, whole } from '../follow-up/cells.js';
import { readTable, type Reject, type RejectAny } from '../follow-up/table.js';
import { forgetIfEmpty, recordImport, type ImportSource } from './imports.js';
import { BATCH_ROWS, insertAll, insertRows, type BatchOptions, type BookWriter } from './transaction.js';

interface AgreedInstalment {
  readonly n: number;
  readonly due: IsoDate;
  readonly amount: number;
  readonly movedFrom?: IsoDate;
}

/** A plan to be recorded as agreed for an account. */
export interface PlanToAgree {
  readonly accountId: string;
  /** The line of the schedules file its plan begins on; none for a plan JSON. */
  readonly line?: number;
  readonly plan: string;
  readonly instalments: readonly AgreedInstalment[];
  /** Where it came from, recorded with it as JSON. */
  readonly provenance: Readonly<Record<string, unknown>>;
}

export interface AgreeOutcome {
  /** Agreements recorded. */
  readonly recorded: number;
  /** Of them, those that took the place of an account's earlier agreement. */
  readonly superseding: number;
  /** Plans the book holds already, as agreed on that day from the same file. */
  readonly unchanged: number;
}

/** The accounts of an `--accounts` file, each with the line that first lists it. */
interface AccountList {
  readonly file: string;
  readonly lines: ReadonlyMap<string, number>;
}

/** The accounts named in an `--accounts` file (a CSV or NDJSON with an account_id column). */
export async function readAccountList(file: string, reject: Reject): Promise<AccountList> {
  const lines = new Map<string, number>();
  await readTable(file, ['account_id'], () => undefined, (row) => {
    const id = row.get('account_id');
    if (id === '') return reject({ file, line: row.line, code: 'missing-account-id', reason: 'account_id is empty' });
    if (!lines.has(id)) lines.set(id, row.line);
    return undefined;
  }, reject);
  return { file, lines };
}

interface ScheduleGroup {
  readonly accountId: string;
  readonly line: number;
  readonly plan: string;
  readonly instalments: AgreedInstalment[];
  bad?: string;
}

const STAGED_ACCOUNTS = 'fairplan_staged_accounts';

/** The columns a schedules file must have. */
export const SCHEDULE_COLUMNS = ['account_id', 'plan', 'n', 'due', 'amount'] as const;

/**
 * Records the plans of a `batch --schedules` file as agreed on `agreedOn` (only `only`'s accounts,
 * when given), in one import, reading and recording a batch of rows at a time so that a file of
 * millions of instalments is never held in memory. An account with a row that cannot be read is left
 * out whole and rejected, as a part of a plan is no plan; so each account's rows must be together in
 * the file, as batch --schedules writes them (accounts in any order): an account whose rows resume
 * after another's stops the run, naming both lines, and nothing is recorded.
 */
export async function recordSchedules(
  db: BookWriter,
  source: ImportSource,
  agreedOn: IsoDate,
  only: AccountList | undefined,
  reject: RejectAny,
  { batchRows = BATCH_ROWS }: BatchOptions = {},
): Promise<AgreeOutcome> {
  const { file } = source;
  const importId = await recordImport(db, source);
  // The accounts met so far and their first lines, in the database rather than in memory.
  await sql.raw(`create temporary table ${STAGED_ACCOUNTS} (account_id text primary key, line integer not null)`).execute(db);
  const met = db.withTables<{ [STAGED_ACCOUNTS]: { account_id: string; line: number } }>();
  const counts = { recorded: 0, superseding: 0, unchanged: 0 };
  const found = new Set<string>();
  let groups: ScheduleGroup[] = [];
  let rows = 0;
  let group: ScheduleGroup | undefined;
  const flush = async () => {
    const lines = new Map<string, number>();
    for (const { accountId, line } of groups) {
      const first = lines.get(accountId);
      if (first !== undefined) throw notTogether(file, accountId, first, line);
      lines.set(accountId, line);
    }
    const accounts = groups.map(({ accountId, line }) => ({ account_id: accountId, line }));
    const added = new Set<string>();
    await insertAll(accounts, 2, async (some) => {
      const rows = await met.insertInto(STAGED_ACCOUNTS).values(some).onConflict((conflict) => conflict.column('account_id').doNothing()).returning('account_id').execute();
      for (const row of rows) added.add(row.account_id);
    });
    const again = accounts.find((account) => !added.has(account.account_id));
    if (again) {
      const { line } = await met.selectFrom(STAGED_ACCOUNTS).select('line').where('account_id', '=', again.account_id).executeTakeFirstOrThrow();
      throw notTogether(file, again.account_id, line, again.line);
    }
    const plans: PlanToAgree[] = [];
    for (const { accountId, line, plan, instalments, bad } of groups) {
      if (bad) await reject({ file, line, accountId, code: 'plan-unreadable', reason: `account ${accountId} is not recorded: a row of its plan (${bad}) cannot be read` });
      else plans.push({ accountId, line, plan, instalments: instalments.sort((a, b) => a.n - b.n), provenance: { from: 'batch --schedules' } });
    }
    await recordBatch(db, source, importId, agreedOn, plans, reject, counts);
    groups = [];
    rows = 0;
  };
  await readTable(file, SCHEDULE_COLUMNS, () => undefined, async (row) => {
    const id = row.get('account_id');
    if (id === '') return reject({ file, line: row.line, code: 'missing-account-id', reason: 'account_id is empty' });
    if (only && !only.lines.has(id)) return undefined;
    if (group?.accountId !== id) {
      // A plan is whole once the next account's rows begin.
      if (rows >= batchRows) await flush();
      groups.push((group = { accountId: id, line: row.line, plan: row.get('plan'), instalments: [] }));
      if (only) found.add(id);
    }
    rows++;
    try {
      if (row.get('plan') !== group.plan) throw new BadCell(`a second plan (${row.get('plan')}) for account ${id}, whose plan on line ${group.line} is ${group.plan}: keep the rows of the plan agreed`);
      const n = whole(row, 'n');
      if (group.instalments.some((instalment) => instalment.n === n)) throw new BadCell(`instalment ${n} appears twice`);
      const movedFrom = optionalDate(row, 'moved_from');
      group.instalments.push({ n, due: date(row, 'due'), amount: positivePence(row, 'amount'), ...(movedFrom ? { movedFrom } : {}) });
    } catch (error) {
      if (!(error instanceof BadCell)) throw error;
      group.bad ??= `line ${row.line}`;
      return reject({ file, line: row.line, accountId: id, code: 'bad-value', reason: error.message });
    }
    return undefined;
  }, reject);
  await flush();
  await sql.raw(`drop table ${STAGED_ACCOUNTS}`).execute(db);
  for (const [id, line] of only?.lines ?? []) {
    if (only && !found.has(id)) await reject({ file: only.file, line, accountId: id, code: 'no-arrangement', reason: `account ${id} is listed in --accounts but has no plan in the schedules file` });
  }
  await forgetIfEmpty(db, importId, counts.recorded);
  return counts;
}

const notTogether = (file: string, accountId: string, first: number, again: number) =>
  new FairplanError(
    'invalid-argument',
    `the rows of account ${accountId} are not together: its plan begins on line ${first} and goes on here, after other accounts' rows; keep each account's rows together, as batch --schedules writes them`,
    { file, line: again },
  );

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One option of a plan JSON, for `accountId`: the option named `key`, or, in an advise export, the
 * one agreed when no key is given.
 */
export async function readPlanOption(file: string, key: string | undefined, accountId: string): Promise<PlanToAgree> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : error instanceof SyntaxError ? 'it is not JSON' : 'it cannot be read';
    throw new FairplanError('io', `cannot be read as a plan: ${why}`, { file });
  }
  const notPlan = () => new FairplanError('invalid-argument', 'is not a plan JSON: expected the output of fairplan plan --json or an advise export\'s plan.json', { file });
  if (!isObject(document) || !Array.isArray(document.options)) throw notPlan();
  const options = document.options.filter(isObject);
  const agreed = isObject(document.agreed) && typeof document.agreed.key === 'string' ? document.agreed.key : undefined;
  const wanted = key ?? agreed;
  const keys = options.map((option) => String(option.key));
  if (wanted === undefined) throw new FairplanError('invalid-argument', `name the option agreed with --option (one of ${keys.join(', ')})`, { file });
  const option = options.find((candidate) => candidate.key === wanted);
  if (!option) throw new FairplanError('invalid-argument', `has no option ${wanted} (it has ${keys.join(', ')})`, { file, field: '--option' });
  if (!Array.isArray(option.instalments) || option.instalments.length === 0) throw new FairplanError('invalid-argument', `option ${wanted} has no instalments to agree`, { file });
  const instalments = option.instalments.map((instalment: unknown, i: number): AgreedInstalment => {
    const field = `options[${options.indexOf(option)}].instalments[${i}]`;
    try {
      if (!isObject(instalment) || typeof instalment.n !== 'number' || !Number.isSafeInteger(instalment.n)) throw new BadCell();
      const amount = safePence(parseMoney(String(instalment.amount)));
      if (amount <= 0) throw new BadCell();
      const movedFrom = instalment.movedFrom === undefined ? undefined : parseIsoDate(String(instalment.movedFrom));
      return { n: instalment.n, due: parseIsoDate(String(instalment.date)), amount, ...(movedFrom ? { movedFrom } : {}) };
    } catch (error) {
      if (error instanceof BadCell || isFairplanError(error)) throw new FairplanError('invalid-argument', 'is not an instalment: expected n, a date and an amount above £0.00', { file, field });
      throw error;
    }
  });
  return {
    accountId,
    plan: wanted,
    instalments,
    provenance: {
      from: agreed === undefined ? 'plan --json' : 'advise export',
      option: { key: wanted, kind: option.kind, label: option.label },
      ...(isObject(document.agreed) && document.agreed.overrideReason !== undefined ? { overrideReason: document.agreed.overrideReason } : {}),
      ...(document.provenance === undefined ? {} : { plan: document.provenance }),
    },
  };
}

/**
 * Records `plans` as agreed on `agreedOn`, in one import. An account's current agreement is
 * superseded from that day; one agreed after that day is not replaced by it (rejected), and a plan
 * recorded already from the same file on the same day is left as it is.
 */
export async function recordAgreements(
  db: BookWriter,
  source: ImportSource,
  agreedOn: IsoDate,
  plans: readonly PlanToAgree[],
  reject: RejectAny,
): Promise<AgreeOutcome> {
  const importId = await recordImport(db, source);
  const counts = { recorded: 0, superseding: 0, unchanged: 0 };
  for (let i = 0; i < plans.length; i += BATCH_ROWS) await recordBatch(db, source, importId, agreedOn, plans.slice(i, i + BATCH_ROWS), reject, counts);
  await forgetIfEmpty(db, importId, counts.recorded);
  return counts;
}

const INSTALMENT_COLUMNS = { agreement_id: 'integer', n: 'integer', due: 'text', amount: 'bigint', moved_from: 'text' } as const;

/**
 * Records a batch of plans, one an account, as recordAgreements says, adding to `counts`: a few
 * statements for each batch rather than three for each plan, which for a night's file of a million
 * plans would be three million round trips through the query builder.
 */
async function recordBatch(
  db: BookWriter,
  source: ImportSource,
  importId: number,
  agreedOn: IsoDate,
  batch: readonly PlanToAgree[],
  reject: RejectAny,
  counts: { recorded: number; superseding: number; unchanged: number },
): Promise<void> {
  if (batch.length === 0) return;
  const currents = new Map<string, { id: number; agreed_on: string; plan: string; source_sha256: string }>();
  const rows = await db
    .selectFrom('agreements')
    .select(['id', 'account_id', 'agreed_on', 'plan', 'source_sha256'])
    .where('account_id', 'in', batch.map((plan) => plan.accountId))
    .where('superseded_on', 'is', null)
    .orderBy('id')
    .execute();
  // The latest, should an account have two current.
  for (const row of rows) currents.set(row.account_id, row);
  const agreed: { readonly plan: PlanToAgree; readonly current?: { readonly id: number } }[] = [];
  for (const plan of batch) {
    // Where the plan came from: its first line in a schedules file; a plan JSON has no line.
    const at = plan.line === undefined ? { file: source.file, line: null } : { file: source.file, line: plan.line };
    // follow-up counts every instalment due: one due before the agreement would have the customer
    // behind, and sent a missed-payment message, for a payment nobody had asked of them yet.
    const first = plan.instalments.reduce<IsoDate | undefined>((earliest, { due }) => (earliest === undefined || compareDates(due, earliest) < 0 ? due : earliest), undefined);
    if (first !== undefined && compareDates(first, agreedOn) < 0) {
      await reject({ ...at, accountId: plan.accountId, code: 'bad-value', reason: `account ${plan.accountId}'s plan has an instalment due on ${first}, before it was agreed on ${agreedOn}: make the plan again from the day it is agreed (plan --start, batch --as-of), or give the day it was agreed with --agreed-on` });
      continue;
    }
    const current = currents.get(plan.accountId);
    if (current && current.agreed_on === agreedOn && current.plan === plan.plan && current.source_sha256 === source.sha256) {
      counts.unchanged++;
      continue;
    }
    if (current && compareDates(current.agreed_on as IsoDate, agreedOn) > 0) {
      await reject({ ...at, accountId: plan.accountId, code: 'bad-value', reason: `account ${plan.accountId} has a plan agreed on ${current.agreed_on}, after ${agreedOn}: an earlier agreement cannot replace it` });
      continue;
    }
    agreed.push(current ? { plan, current } : { plan });
  }
  if (agreed.length === 0) return;
  // A batch's plans are one an account, so the account names the row made for it.
  const idOf = new Map<string, number>();
  await insertAll(agreed, 9, async (some) => {
    const inserted = await db
      .insertInto('agreements')
      .values(
        some.map(({ plan }) => ({
          account_id: plan.accountId,
          agreed_on: agreedOn,
          plan: plan.plan,
          source_file: source.file,
          source_sha256: source.sha256,
          provenance: JSON.stringify(plan.provenance),
          import_id: importId,
          superseded_on: null,
          superseded_by: null,
        })),
      )
      .returning(['id', 'account_id'])
      .execute();
    for (const row of inserted) idOf.set(row.account_id, row.id);
  });
  const instalments = agreed.flatMap(({ plan }) =>
    plan.instalments.map((instalment) => ({
      agreement_id: idOf.get(plan.accountId) as number,
      n: instalment.n,
      due: instalment.due,
      amount: instalment.amount,
      moved_from: instalment.movedFrom ?? null,
    })),
  );
  await insertRows(db, 'instalments', INSTALMENT_COLUMNS, instalments);
  for (const { plan, current } of agreed) {
    if (!current) continue;
    await db.updateTable('agreements').set({ superseded_on: agreedOn, superseded_by: idOf.get(plan.accountId) as number }).where('id', '=', current.id).execute();
    counts.superseding++;
  }
  counts.recorded += agreed.length;
}
