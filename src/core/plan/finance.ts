/**
 * Annuity arithmetic at full Decimal precision, with the spreadsheet PMT and NPER sign convention
 * (money received is positive, money paid out negative; payments at the end of each period):
 *   PMT(0.199/12, 24, -1000) = 50.8469…  (borrowed 1000, pay 50.85 a month)
 *   NPER(0.01, -100, 1000)   = 10.5886…
 */
import { D, type Dec, money, type Money } from '../money.js';
import { PER_YEAR, type PaymentFrequency } from '../frequency.js';
import type { InterestTreatment } from './types.js';

/** The payment per period that repays `presentValue` over `periods` periods at `rate` per period. */
export function pmt(rate: Dec, periods: number, presentValue: Dec): Dec {
  if (rate.isZero()) return presentValue.neg().div(periods);
  // pv·r / (1 − (1+r)^−n), negated as spreadsheets do
  const discount = new D(1).minus(rate.plus(1).pow(-periods));
  return presentValue.times(rate).div(discount).neg();
}

/**
 * How many periods `payment` takes to repay `presentValue` at `rate` per period, or undefined when
 * it never does (the payment does not exceed the interest: spreadsheets answer #NUM!).
 */
export function nper(rate: Dec, payment: Dec, presentValue: Dec): Dec | undefined {
  if (payment.isZero()) return undefined;
  if (rate.isZero()) return presentValue.neg().div(payment);
  // (1+r)^n = pmt / (pmt + pv·r)
  const ratio = payment.div(payment.plus(presentValue.times(rate)));
  if (!ratio.isFinite() || ratio.lte(0)) return undefined;
  return ratio.ln().div(rate.plus(1).ln());
}

/** Interest per payment period: the nominal annual rate ÷ periods a year, as a fraction. */
export function ratePerPeriod(interest: InterestTreatment, frequency: PaymentFrequency): Dec {
  return interest.kind === 'frozen' ? new D(0) : interest.annualRatePercent.div(100).div(PER_YEAR[frequency]);
}

/**
 * Rounds up to the penny. Only for an instalment that must clear a sum within a term (a fixed
 * term, a settlement): rounding it down would push a remainder past the end of the term. Such an
 * instalment is offered as affordable only when the rounded-up figure is within the affordable
 * amount, which is itself rounded down, so THE rule (never ask for more than is affordable) holds.
 */
export function penceUp(amount: Money | Dec): Money {
  return money(amount.toDecimalPlaces(2, D.ROUND_UP));
}

/** Instalments at `frequency` that fit in `months` months (12 months: 52 weekly, 13 four-weekly). */
export function instalmentsIn(months: number, frequency: PaymentFrequency): number {
  return Math.max(1, Math.floor((months * PER_YEAR[frequency]) / 12));
}
