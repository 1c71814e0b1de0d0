/** THE interest rule, in whole pence: what every schedule, for one balance or several creditors, charges. */
import { toDayNumber, type IsoDate } from '../date.js';
import { PER_YEAR, type PaymentFrequency } from '../frequency.js';
import { nominalDate } from './dates.js';
import type { Money } from '../money.js';
import type { InterestTreatment } from './types.js';

/**
 * Interest per period as an exact fraction: a nominal annual rate of 19.9% paid monthly is
 * 199 / 12000. Exact, so interest is floor(balance × numerator ÷ denominator) in whole pence,
 * with no rounding of the rate itself.
 */
export interface PeriodRate {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export const NO_INTEREST: PeriodRate = { numerator: 0n, denominator: 1n };

/** The exact per-period rate for an interest treatment at a payment frequency. */
export function periodRate(interest: InterestTreatment, frequency: PaymentFrequency): PeriodRate {
  if (interest.kind === 'frozen' || interest.annualRatePercent.isZero()) return NO_INTEREST;
  const places = interest.annualRatePercent.decimalPlaces();
  const scale = 10n ** BigInt(places);
  return {
    numerator: BigInt(interest.annualRatePercent.times(scale.toString()).toFixed(0)),
    denominator: scale * 100n * BigInt(PER_YEAR[frequency]),
  };
}

/** THE interest rule: one period's interest on a balance in pence, rounded down to the penny. */
export function interestPence(balance: bigint, rate: PeriodRate): bigint {
  return rate.numerator === 0n ? 0n : (balance * rate.numerator) / rate.denominator;
}

/** Where interest starts again after a Breathing Space: the stream's first period and the day interest accrues from. */
export interface Accrual {
  readonly anchor: IsoDate;
  readonly frequency: PaymentFrequency;
  /** Monthly: the payday the dates count from, when not the anchor's day (see PlanRequest.payDay). */
  readonly payDay?: number;
  /** The first day interest accrues (the day after the moratorium), if it is not frozen before it. */
  readonly interestFrom?: IsoDate;
}

/**
 * The rate for the first period of a stream. Interest is frozen during a Breathing Space, so a first
 * period that began inside the moratorium is charged only for its days from `interestFrom` on:
 * `rate` × those days ÷ the days of the period (from the nominal date one period before the anchor),
 * kept exact. Every later period falls wholly after the moratorium.
 */
export function firstPeriodRate(rate: PeriodRate, { anchor, frequency, payDay, interestFrom }: Accrual): PeriodRate {
  if (interestFrom === undefined || rate.numerator === 0n) return rate;
  const periodStart = toDayNumber(nominalDate(anchor, frequency, -1, payDay));
  const frozenUntil = toDayNumber(interestFrom) - 1;
  if (frozenUntil <= periodStart) return rate;
  const end = toDayNumber(anchor);
  const accruing = Math.max(0, end - frozenUntil);
  return { numerator: rate.numerator * BigInt(accruing), denominator: rate.denominator * BigInt(end - periodStart) };
}

/**
 * The interest the creditors owed something are charged, when they share one: their treatment when it is the same for all, frozen when none charges any (0% a year
 * charges none); undefined when some charge and others do not, or at different rates.
 */
export function commonInterest(creditors: readonly { readonly balance: Money; readonly interest: InterestTreatment }[]): InterestTreatment | undefined {
  return sharedInterest(creditors.filter((creditor) => creditor.balance.gt(0)).map((creditor) => creditor.interest));
}

/** `commonInterest` of the treatments of the creditors owed something. */
export function sharedInterest(owed: readonly InterestTreatment[]): InterestTreatment | undefined {
  const [first] = owed;
  const same = (a: InterestTreatment, b: InterestTreatment): boolean =>
    a.kind === 'frozen' ? b.kind === 'frozen' : b.kind === 'continuing' && a.annualRatePercent.eq(b.annualRatePercent);
  if (first && owed.every((interest) => same(interest, first))) return first;
  if (owed.every((interest) => interest.kind === 'frozen' || interest.annualRatePercent.isZero())) return { kind: 'frozen' };
  return undefined;
}
