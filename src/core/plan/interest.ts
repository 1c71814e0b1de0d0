/** THE interest rule, in whole pence: what every schedule, for one balance or several creditors, charges. */
import { PER_YEAR, type PaymentFrequency } from '../frequency.js';
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
