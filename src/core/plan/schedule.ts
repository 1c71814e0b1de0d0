/**
 * Lays out a stream of payments against a balance: how many instalments, how much each, and what is
 * interest, principal and balance after each.
 *
 * Rules:
 * - Instalments are whole pence. Each pays its planned amount or, at the end, exactly what is left
 *   (so the last absorbs the remainder and is never the larger).
 * - Interest, when it continues, is charged at the end of each period on the balance then owed
 *   (as spreadsheet PMT assumes), rounded DOWN to the penny so the customer is never charged a
 *   fraction of a penny more than the stated rate. After a Breathing Space the first period is
 *   charged only for its days after the moratorium (`firstPeriodRate`).
 * - Frozen interest needs no loop: the summary is arithmetic, which is what lets a batch run
 *   summarise a million accounts. Laying out a schedule walks every instalment instead, and a
 *   property test holds the two to the same answer.
 */
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { IsoDate } from '../date.js';
import type { PaymentFrequency } from '../frequency.js';
import { fromPence, type Money, penceOf } from '../money.js';
import { layFrozen, type PenceRun } from './frozen.js';
import { sharedFrozen, totalOf, walkShared, type StreamSharing } from './creditors.js';
import { firstPeriodRate, interestPence, periodRate, type PeriodRate } from './interest.js';
import { dueDate } from './dates.js';
import { Tally } from './tally.js';
import type { OptionFigures, PenceInstalment } from './figures.js';
import type { Instalment, OptionBrief } from './types.js';

export { interestPence, NO_INTEREST, periodRate, type PeriodRate } from './interest.js';

/** Payments planned against a balance. The last run repeats until the balance is repaid or `limit` is reached. */
export interface Stream {
  readonly anchor: IsoDate;
  readonly frequency: PaymentFrequency;
  /** Monthly: the payday the dates count from, when not the anchor's day (see PlanRequest.payDay). */
  readonly payDay?: number;
  readonly principal: bigint;
  readonly rate: PeriodRate;
  /** The first day interest accrues, after a Breathing Space (see `firstPeriodRate`). */
  readonly interestFrom?: IsoDate;
  readonly runs: readonly PenceRun[];
  /** The most instalments to lay out. */
  readonly limit: number;
  /**
   * Several creditors share each payment (creditors.ts): each is charged their own interest, and
   * `rate` is not used. `principal` is what they are owed together.
   */
  readonly sharing?: StreamSharing;
}

/** A stream laid out, in whole pence. */
export interface Laid {
  readonly count: number;
  readonly totalPaid: bigint;
  readonly totalInterest: bigint;
  readonly largest: bigint;
  readonly finalAmount: bigint;
  readonly balanceAfter: bigint;
  /** The amounts actually paid, run by run. */
  readonly pattern: readonly PenceRun[];
  /** The interest the next period would add to what is still owed. */
  readonly nextInterest: bigint;
}

/** One instalment in pence: amount = interest + principal. */
type Visitor = (k: number, amount: bigint, interest: bigint, principal: bigint, balanceAfter: bigint) => void;

/**
 * Walks every instalment (for schedules, and for continuing interest), in integer pence: a batch of
 * accounts with interest runs thousands of periods each, and Decimal objects per period would
 * dominate the cost.
 */
function walk(stream: Stream, visit?: Visitor): Laid {
  const { runs } = stream;
  const tally = new Tally();
  let balance = stream.principal;
  // Runs are consumed in order; `runEnd` is where the current one stops.
  let runIndex = 0;
  let runEnd = runs[0]?.count ?? 0;
  const firstRate = firstPeriodRate(stream.rate, stream);
  while (tally.count < stream.limit && balance > 0n) {
    while (tally.count >= runEnd && runIndex < runs.length - 1) runEnd += runs[++runIndex]?.count ?? 0;
    const plan = (runs[runIndex] as PenceRun).amount;
    const interest = interestPence(balance, tally.count === 0 ? firstRate : stream.rate);
    const owed = balance + interest;
    const amount = plan < owed ? plan : owed;
    balance = owed - amount;
    visit?.(tally.count, amount, interest, amount - interest, balance);
    tally.add(amount, interest);
  }
  return tally.laid(balance, () => interestPence(balance, stream.rate));
}

// Builders only make streams of positive payments; anything else is a fault in fairplan.
function checked(stream: Stream): Stream {
  if (stream.runs.length === 0 || stream.runs.some((run) => run.amount <= 0n || run.count < 0)) {
    throw new Error('a payment stream needs positive payments');
  }
  return stream;
}

/**
 * Counts and totals for a stream; arithmetic when interest is frozen (for several creditors too, when
 * each repaid creditor's share goes to the others: the payments are then those of one balance).
 */
export function layStream(stream: Stream): Laid {
  const { sharing } = checked(stream);
  // The same answer as `walk` for frozen interest, without visiting each instalment (frozen.ts).
  if (isFrozen(stream)) return layFrozen(stream.principal, stream.runs, stream.limit);
  return sharing ? walkShared(stream, sharing) : walk(stream);
}

/**
 * No interest is charged on the stream: its payments are those of one balance with interest frozen
 * (for several creditors too, when each repaid creditor's share goes to the others).
 */
export function isFrozen(stream: Stream): boolean {
  const { sharing } = stream;
  return sharing ? sharing.redistribute && sharedFrozen(stream, sharing) : stream.rate.numerator === 0n;
}

/** Every instalment of a stream in pence, with its due date under `calendar`. */
export function penceInstalmentsOfStream(stream: Stream, calendar: BusinessCalendar): PenceInstalment[] {
  const instalments: PenceInstalment[] = [];
  const visit: Visitor = (k, amount, interest, principal, balanceAfter) => {
    const { due, movedFrom } = dueDate(calendar, stream.anchor, stream.frequency, k, stream.payDay);
    instalments.push({ n: k + 1, due, ...(movedFrom === undefined ? {} : { movedFrom }), amount, interest, principal, balanceAfter });
  };
  const { sharing } = checked(stream);
  if (sharing) walkShared(stream, sharing, (k, parts) => visit(k, ...totalOf(parts)));
  else walk(stream, visit);
  return instalments;
}

/** An instalment in pence as people read it, in Money. */
export const instalmentInMoney = (instalment: PenceInstalment): Instalment => ({
  n: instalment.n,
  due: instalment.due,
  ...(instalment.movedFrom === undefined ? {} : { movedFrom: instalment.movedFrom }),
  amount: fromPence(instalment.amount),
  interest: fromPence(instalment.interest),
  principal: fromPence(instalment.principal),
  balanceAfter: fromPence(instalment.balanceAfter),
});

/** Every instalment of a stream, with its due date under `calendar`, in Money. */
export const instalmentsOfStream = (stream: Stream, calendar: BusinessCalendar): Instalment[] => penceInstalmentsOfStream(stream, calendar).map(instalmentInMoney);

/** What laying out an option's instalments takes from it, in pence. */
export type ScheduleOf = Pick<OptionFigures, 'anchorDate' | 'payDay' | 'interestFrom' | 'frequency' | 'amountToRepay' | 'interest' | 'pattern' | 'instalmentCount' | 'sharing'>;

/** The payments an option planned, to be laid out again. */
export function scheduleStream(option: ScheduleOf): Stream {
  const { sharing } = option;
  return {
    anchor: option.anchorDate,
    ...(option.payDay === undefined ? {} : { payDay: option.payDay }),
    frequency: option.frequency,
    principal: option.amountToRepay,
    rate: periodRate(option.interest, option.frequency),
    ...(option.interestFrom ? { interestFrom: option.interestFrom } : {}),
    runs: sharing?.planned ?? option.pattern,
    limit: option.instalmentCount,
    ...(sharing ? { sharing: { creditors: sharing.creditors, by: sharing.by, redistribute: sharing.redistribute } } : {}),
  };
}

/** What laying out an option people read (Money) takes from it. */
export type MoneySchedule = Pick<OptionBrief, keyof ScheduleOf>;

/** An option people read (Money), in the pence its schedule is laid out from. */
export function scheduleOfMoney(option: MoneySchedule): ScheduleOf {
  const runs = (pattern: readonly { count: number; amount: Money }[]) => pattern.map((run) => ({ count: run.count, amount: penceOf(run.amount) }));
  const { sharing } = option;
  return {
    anchorDate: option.anchorDate,
    ...(option.payDay === undefined ? {} : { payDay: option.payDay }),
    ...(option.interestFrom ? { interestFrom: option.interestFrom } : {}),
    frequency: option.frequency,
    amountToRepay: penceOf(option.amountToRepay),
    interest: option.interest,
    pattern: runs(option.pattern),
    instalmentCount: option.instalmentCount,
    ...(sharing
      ? {
          sharing: {
            creditors: sharing.creditors.map((c) => ({ creditor: c.creditor, balance: penceOf(c.balance), interest: c.interest })),
            by: sharing.by,
            redistribute: sharing.redistribute,
            planned: runs(sharing.planned),
          },
        }
      : {}),
  };
}
