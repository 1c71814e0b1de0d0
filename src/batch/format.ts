/**
 * The three outputs of a batch, as CSV cells or JSON records: one result per account, one schedule
 * row per instalment of the recommended plan, and the rejected rows as they were. Money is written
 * with two decimals (formatPence, toFixed2); text cells a spreadsheet could run as formulas are neutralised.
 */
import { flagNeedsReview } from '../core/affordability/budget.js';
import { PER_YEAR } from '../core/frequency.js';
import type { OptionFigures } from '../core/plan/index.js';
import { DEFAULT_FIXED_TERMS_MONTHS } from '../core/plan/request.js';
import { optionKey } from '../render/plan/select.js';
import { FORMAT_VERSION } from '../render/shared/format-version.js';
import type { Account, Rejection } from './account.js';
import type { ByteLines } from './byte-lines.js';
import { csvCell, safeCell } from '../io/csv.js';
import type { ColumnLayout } from './mapping.js';
import { formatPence } from '../core/pence.js';
import type { AccountResult, LeftOutResult } from './plan.js';
import { LIMITATION } from '../core/time-limits.js';

const RESULT_COLUMNS = [
  'monthly_income',
  'expenditure',
  'surplus',
  'available',
  'flags',
  'review',
  'plan',
  'instalment',
  'frequency',
  'instalments',
  'first_date',
  'last_date',
  'total',
  'outcome',
  'alternatives',
  // Added after the columns there were, so that a reader of those finds them where they were.
  'balance',
  'review_reasons',
  'plan_months',
] as const;

/**
 * Every option a batch can offer, in the order it offers them: each gets its own columns, blank for
 * an account it is not offered to (token only when little is available, affordable only when something is).
 */
const OPTION_KEYS = ['affordable', ...DEFAULT_FIXED_TERMS_MONTHS.map((months) => `fixed-term-${months}`), 'token'];
const OPTION_COLUMNS = OPTION_KEYS.flatMap((key) => {
  const name = key.replace(/-/g, '_');
  return [`${name}_instalment`, `${name}_instalments`, `${name}_is_affordable`];
});

/** An option's place among OPTION_KEYS, worked out without making its key (this runs for every option of every row). */
function slotOf(option: OptionFigures): number | undefined {
  if (option.kind === 'fixed-term') {
    const term = DEFAULT_FIXED_TERMS_MONTHS.indexOf(option.termMonths);
    return term < 0 ? undefined : 1 + term;
  }
  if (option.kind === 'affordable') return 0;
  return option.kind === 'token' ? OPTION_KEYS.length - 1 : undefined;
}

/** An option's key (optionKey): for the options a batch offers, the one in OPTION_KEYS rather than one made for every row. */
function keyOf(option: OptionFigures): string {
  const slot = slotOf(option);
  return slot === undefined ? optionKey(option) : (OPTION_KEYS[slot] as string);
}

/**
 * Why a person should look at the account: each flag that asks for it, then the recommendation's
 * own reason when it asks (`token-plan`: little or nothing is available; `long-plan`: what is
 * affordable takes longer than fairplan treats as reasonable, or never repays).
 */
function reviewReasons(result: AccountResult): string[] {
  const reasons: string[] = result.affordability.flags.filter((code) => flagNeedsReview(code, false));
  if (result.proposal.recommended.flagForReview) reasons.push(result.recommended.kind === 'token' ? 'token-plan' : 'long-plan');
  return reasons;
}

/**
 * The months the recommended plan takes to repay the balance (its instalments as months, rounded
 * up: 52 weekly instalments are 12); undefined when it does not repay it (a token plan until its
 * review, a plan that never repays).
 */
function planMonths(option: OptionFigures): number | undefined {
  if (option.outcome.kind !== 'repaid') return undefined;
  const perYear = PER_YEAR[option.frequency];
  return Math.ceil((option.instalmentCount * 12) / perYear);
}

/**
 * Added after the option columns: the household fields the row did not record, whose defaults its
 * flags and due dates rest on (`adults;tenure;jurisdiction`), blank when it recorded them all.
 */
const LATER_COLUMNS = ['defaults_used'] as const;

/** The columns batch writes of its own, besides those carried. */
export const RESULT_COLUMN_NAMES: readonly string[] = ['account_id', ...RESULT_COLUMNS, ...OPTION_COLUMNS, ...LATER_COLUMNS];

/**
 * A column of the results batch writes (options' columns aside): what a reader of them names
 * (`fairplan report`), so that a column batch renames no longer type-checks for its readers.
 */
export type ResultColumnName = 'account_id' | (typeof RESULT_COLUMNS)[number] | (typeof LATER_COLUMNS)[number];

export const resultHeader = (layout: ColumnLayout): string[] => [
  'account_id',
  // Column names come from the input, like its cells.
  ...layout.carried.map((c) => safeCell(c.header)),
  ...RESULT_COLUMNS,
  ...OPTION_COLUMNS,
  ...LATER_COLUMNS,
];

const COMMA = 44;
const SPACE = 32;
const NEWLINE = 10;

/** The next cell of a line: a comma, then the text or the amount. */
function textCell(out: ByteLines, text: string): void {
  out.char(COMMA);
  out.text(text);
}
function penceCell(out: ByteLines, pence: number | bigint): void {
  out.char(COMMA);
  out.pence(whole(pence));
}

/**
 * The engine's pence (BigInt) as the safe integers the cells are written from: every figure of an
 * account is within a few years' payments of its balance, itself a safe integer of pence.
 */
const whole = (pence: number | bigint): number => (typeof pence === 'number' ? pence : Number(pence));

/**
 * Where each option's instalment and count were written in the line being written (a start and end
 * of each, by the option's place among the proposal's options), and each slot's option: the option
 * columns copy those bytes rather than format the figures again. Reused from line to line (lines are
 * written one at a time), as each new array would be garbage for every row.
 */
let WRITTEN = new Int32Array(64);
const SLOT_OPTIONS = new Int32Array(OPTION_KEYS.length);

/** Option `i`'s instalment amount, remembered where it is written. */
function amountCell(out: ByteLines, i: number, o: OptionFigures): void {
  WRITTEN[i * 4] = out.mark();
  out.pence(whole(o.instalmentAmount));
  WRITTEN[i * 4 + 1] = out.mark();
}

/** Option `i`'s count of instalments, remembered where it is written. */
function countCell(out: ByteLines, i: number, o: OptionFigures): void {
  WRITTEN[i * 4 + 2] = out.mark();
  out.whole(o.instalmentCount);
  WRITTEN[i * 4 + 3] = out.mark();
}

/**
 * One account's CSV line, into `out`. Only the cells copied from the input (the id and carried
 * columns) can need quoting or neutralising; the figures, dates and words fairplan writes never
 * contain a delimiter or a quote, so they are written as they are (a test reads lines back as the
 * header's columns). The alternatives read "fixed-term-12 205.24 monthly x12 not-affordable; token 1.00 monthly x3",
 * and each option has its own columns too, for a spreadsheet.
 */
export function writeResult(out: ByteLines, result: AccountResult): void {
  const { account, affordability: a, recommended: r } = result;
  // Ids that a spreadsheet would run are refused when read (account.ts): an id is never changed.
  out.text(csvCell(account.id));
  for (const cell of account.carried) textCell(out, csvCell(safeCell(cell)));
  for (const pence of [a.income, a.expenditure, a.surplus, a.available]) penceCell(out, pence);
  textCell(out, a.flags.join(';'));
  textCell(out, result.review ? 'yes' : 'no');
  textCell(out, keyOf(r));
  const { options, recommended } = result.proposal;
  if (WRITTEN.length < options.length * 4) WRITTEN = new Int32Array(options.length * 4);
  out.char(COMMA);
  amountCell(out, recommended.index, r);
  textCell(out, r.frequency);
  out.char(COMMA);
  countCell(out, recommended.index, r);
  textCell(out, r.firstDate);
  textCell(out, r.lastDate);
  penceCell(out, r.totalPaid);
  textCell(out, r.outcome.kind);
  out.char(COMMA);
  let first = true;
  for (let i = 0; i < options.length; i++) {
    const o = options[i] as OptionFigures;
    if (o === result.recommended) continue;
    if (!first) out.text('; ');
    first = false;
    out.text(keyOf(o));
    out.char(SPACE);
    amountCell(out, i, o);
    out.char(SPACE);
    out.text(o.frequency);
    out.text(' x');
    countCell(out, i, o);
    if (!o.affordable) out.text(' not-affordable');
  }
  penceCell(out, account.balance);
  textCell(out, result.review ? reviewReasons(result).join(';') : '');
  out.char(COMMA);
  const months = planMonths(r);
  if (months !== undefined) out.whole(months);
  // Each slot's option (the last in the proposal's order to take it), by its place among the options.
  const slots = SLOT_OPTIONS.fill(-1);
  for (let i = 0; i < options.length; i++) {
    const slot = slotOf(options[i] as OptionFigures);
    if (slot !== undefined) slots[slot] = i;
  }
  for (let slot = 0; slot < slots.length; slot++) {
    const i = slots[slot] as number;
    if (i < 0) {
      out.text(',,,');
      continue;
    }
    // Its instalment and count as already written, in the recommendation's columns or the alternatives.
    out.char(COMMA);
    out.again(WRITTEN[i * 4] as number, WRITTEN[i * 4 + 1] as number);
    out.char(COMMA);
    out.again(WRITTEN[i * 4 + 2] as number, WRITTEN[i * 4 + 3] as number);
    textCell(out, (options[i] as OptionFigures).affordable ? 'yes' : 'no');
  }
  textCell(out, defaultsUsed(account));
  out.char(NEWLINE);
}

/** The review reasons of an account left out: its flags that ask for a person (the limitation check among them). */
const leftOutReasons = (result: LeftOutResult): string[] => result.affordability.flags.filter((code) => flagNeedsReview(code, false));

/**
 * An account left out of the offers (LeftOutResult) as a CSV line, into `out`: its budget figures,
 * no plan, an instalment and total of 0.00, outcome `possibly-statute-barred`, and no option offered.
 */
export function writeLeftOut(out: ByteLines, result: LeftOutResult): void {
  const { account, affordability: a } = result;
  out.text(csvCell(account.id));
  for (const cell of account.carried) textCell(out, csvCell(safeCell(cell)));
  for (const pence of [a.income, a.expenditure, a.surplus, a.available]) penceCell(out, pence);
  textCell(out, a.flags.join(';'));
  textCell(out, a.review ? 'yes' : 'no');
  // plan, instalment, frequency, instalments, first and last dates, total, outcome, alternatives.
  textCell(out, '');
  penceCell(out, 0);
  textCell(out, account.pay.frequency);
  out.char(COMMA);
  out.whole(0);
  textCell(out, '');
  textCell(out, '');
  penceCell(out, 0);
  textCell(out, result.leftOut);
  textCell(out, '');
  penceCell(out, account.balance);
  textCell(out, a.review ? leftOutReasons(result).join(';') : '');
  // plan_months, then every option's three columns, blank: nothing is offered.
  out.char(COMMA);
  for (let slot = 0; slot < OPTION_KEYS.length; slot++) out.text(',,,');
  textCell(out, defaultsUsed(account));
  out.char(NEWLINE);
}

/** What a JSON record says of its account and its budget, whether it was planned or left out. */
function accountJson({ account, affordability: a }: AccountResult | LeftOutResult, layout: ColumnLayout) {
  return {
    formatVersion: FORMAT_VERSION,
    line: account.line,
    account_id: account.id,
    balance: formatPence(account.balance),
    ...(layout.carried.length > 0
      ? { carried: Object.fromEntries(layout.carried.map((c, i) => [c.header, account.carried[i] ?? ''])) }
      : {}),
    monthly_income: formatPence(a.income),
    expenditure: formatPence(a.expenditure),
    surplus: formatPence(a.surplus),
    available: formatPence(a.available),
    flags: a.flags,
  };
}

/** An account left out of the offers as a JSON record: offered 0.00, with why, and no plan. */
export function leftOutJson(result: LeftOutResult, layout: ColumnLayout) {
  const { account, affordability: a } = result;
  const { years } = LIMITATION[account.household.jurisdiction];
  return {
    ...accountJson(result, layout),
    review: a.review,
    review_reasons: a.review ? leftOutReasons(result) : [],
    outcome: result.leftOut,
    offer: formatPence(0),
    last_payment_date: String(account.lastPaymentOn),
    note:
      `Left out of the offers until a person has checked it: the last payment or written acknowledgement was more than ${years} years ago, ` +
      'so the debt may be statute-barred (CONC 7.15). Nothing is offered; any other account of the customer shares what is available.',
    recommended: null,
    alternatives: [],
    household: householdJson(account),
  };
}

// Most rows of an export share their household's defaults: each list is joined once.
const defaultsText = new WeakMap<readonly string[], string>();
function defaultsUsed(account: Account): string {
  const { defaulted } = account.household;
  let text = defaultsText.get(defaulted);
  if (text === undefined) defaultsText.set(defaulted, (text = defaulted.join(';')));
  return text;
}

function optionJson(option: OptionFigures) {
  return {
    plan: keyOf(option),
    kind: option.kind,
    affordable: option.affordable,
    instalment: formatPence(whole(option.instalmentAmount)),
    final_instalment: formatPence(whole(option.finalAmount)),
    frequency: option.frequency,
    instalments: option.instalmentCount,
    first_date: option.firstDate,
    last_date: option.lastDate,
    total: formatPence(whole(option.totalPaid)),
    interest: formatPence(whole(option.totalInterest)),
    outcome: option.outcome.kind,
  };
}

/** The household the figures rest on, and which of its fields were not recorded but taken by default. */
const householdJson = ({ household: h }: Account) => ({
  adults: h.adults,
  children: h.children,
  tenure: h.tenure,
  jurisdiction: h.jurisdiction,
  calendar: h.calendar,
  defaults_used: h.defaulted,
});

export function resultJson(result: AccountResult, layout: ColumnLayout) {
  const { account } = result;
  return {
    ...accountJson(result, layout),
    review: result.review,
    review_reasons: result.review ? reviewReasons(result) : [],
    recommended: { ...optionJson(result.recommended), plan_months: planMonths(result.recommended) ?? null, reason: result.proposal.recommended.reason },
    alternatives: result.proposal.options.filter((o) => o !== result.recommended).map(optionJson),
    household: householdJson(account),
  };
}

export const SCHEDULE_HEADER = ['account_id', 'plan', 'n', 'due', 'moved_from', 'amount', 'interest', 'principal', 'balance_after'] as const;
export type ScheduleColumnName = (typeof SCHEDULE_HEADER)[number];

/**
 * The recommended plan's instalments, a CSV line each, into `out` (the cells as in writeResult).
 * The account and plan cells are worked out once: a 50-year weekly plan has 2,600 lines.
 */
export function writeSchedule(out: ByteLines, result: AccountResult): void {
  const account = csvCell(result.account.id);
  const plan = keyOf(result.recommended);
  for (const instalment of result.instalments ?? []) {
    out.text(account);
    textCell(out, plan);
    out.char(COMMA);
    out.whole(instalment.n);
    textCell(out, instalment.due);
    textCell(out, instalment.movedFrom ?? '');
    penceCell(out, instalment.amount);
    penceCell(out, instalment.interest);
    penceCell(out, instalment.principal);
    penceCell(out, instalment.balanceAfter);
    out.char(NEWLINE);
  }
}

/** The recommended plan's instalments, a JSON record each. */
export function scheduleJson(result: AccountResult) {
  const plan = keyOf(result.recommended);
  return (result.instalments ?? []).map((instalment) => ({
    formatVersion: FORMAT_VERSION,
    account_id: result.account.id,
    plan,
    n: instalment.n,
    due: instalment.due,
    moved_from: instalment.movedFrom ?? null,
    amount: formatPence(whole(instalment.amount)),
    interest: formatPence(whole(instalment.interest)),
    principal: formatPence(whole(instalment.principal)),
    balance_after: formatPence(whole(instalment.balanceAfter)),
  }));
}

/** The row's own columns follow these; the prefix keeps them from clashing with an export's "reason" column. */
export const rejectionHeader = (headers: readonly string[]): string[] => ['rejected_line', 'rejected_field', 'rejected_reason', 'rejected_code', ...headers.map(safeCell)];

export const rejectionCells = (rejection: Rejection): string[] => [
  String(rejection.line),
  rejection.field ?? '',
  rejection.reason,
  rejection.code,
  ...rejection.cells.map(safeCell),
];

/**
 * A rejected row as JSON, named as the CSV's columns are (`rejected_code`), so one script reads
 * either; format 2.1's names (`line`, `field`, `reason`, `code`) are written too, until 3.0.
 */
export const rejectionJson = (rejection: Rejection) => {
  const line = rejection.line;
  const field = rejection.field || null;
  return {
    formatVersion: FORMAT_VERSION,
    rejected_line: line,
    rejected_field: field,
    rejected_reason: rejection.reason,
    rejected_code: rejection.code,
    account_id: rejection.accountId || null,
    cells: rejection.cells,
    line,
    field,
    reason: rejection.reason,
    code: rejection.code,
  };
};
