/**
 * Annuity arithmetic in whole pence, exactly: the level payment that repays a balance over a number
 * of periods at an exact rate per period (spreadsheet PMT, payments at the end of each period),
 * rounded up to the penny.
 */
import { PER_YEAR, type PaymentFrequency } from '../frequency.js';
import { frozenInstalment } from './frozen.js';
import type { PeriodRate } from './interest.js';

/**
 * PMT rounded UP to the penny: balance·r / (1 − (1 + r)^−count) with r = numerator ÷ denominator,
 * worked in BigInt so nothing is rounded on the way. Up, as an instalment that must clear a sum within
 * a term would otherwise push a remainder past its end.
 */
export function pmtPenceUp(balance: bigint, rate: PeriodRate, count: number): bigint {
  const { numerator: a, denominator: b } = rate;
  if (a === 0n) return frozenInstalment(balance, count);
  const grown = (a + b) ** BigInt(count);
  const top = balance * a * grown;
  const bottom = b * (grown - b ** BigInt(count));
  return (top + bottom - 1n) / bottom;
}

/** Instalments at `frequency` that fit in `months` months (12 months: 52 weekly, 13 four-weekly). */
export function instalmentsIn(months: number, frequency: PaymentFrequency): number {
  return Math.max(1, Math.floor((months * PER_YEAR[frequency]) / 12));
}
