/**
 * Frequencies and exact conversion to and from monthly figures.
 *
 * A year has 52 weeks, 26 fortnights, 13 four-week periods, 4 quarters and 12 months, so:
 *   weekly × 52 ÷ 12, fortnightly × 26 ÷ 12, four-weekly × 13 ÷ 12, quarterly ÷ 3, annual ÷ 12.
 * Never weekly × 4: that loses four weeks a year. A line's monthly figure is that fraction rounded
 * half up to the penny, once (see money.ts); a monthly figure back at a pay frequency is a payment,
 * rounded down.
 */
import { FairplanError } from './errors.js';
import { closest } from './suggest.js';
import { type Money, penniesOf, type Pennies } from './money.js';

export const FREQUENCIES = ['weekly', 'fortnightly', 'four-weekly', 'monthly', 'quarterly', 'annual'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Frequencies a repayment schedule can run at. */
export const PAYMENT_FREQUENCIES = ['weekly', 'fortnightly', 'four-weekly', 'monthly'] as const;
export type PaymentFrequency = (typeof PAYMENT_FREQUENCIES)[number];

/** Occurrences per year: the numerator of every conversion. */
export const PER_YEAR: Readonly<Record<Frequency, number>> = {
  weekly: 52,
  fortnightly: 26,
  'four-weekly': 13,
  monthly: 12,
  quarterly: 4,
  annual: 1,
};

/** An amount paid at `frequency` as a monthly figure: amount × perYear ÷ 12, rounded half up to the penny. */
export function toMonthly(amount: Money, frequency: Frequency): Pennies {
  return penniesOf(amount, PER_YEAR[frequency], 12);
}

/**
 * `toMonthly` in whole pence, for a batch that reads millions of amounts: pence × perYear ÷ 12,
 * rounded half up, by integer arithmetic (the same figure, without a Decimal). Undefined when the
 * product would leave the safe integers.
 */
export function toMonthlyPence(pence: number, frequency: Frequency): number | undefined {
  const perYear = PER_YEAR[frequency];
  if (perYear === 12) return pence;
  const scaled = Math.abs(pence) * perYear + 6;
  if (!Number.isSafeInteger(scaled)) return undefined;
  const monthly = (scaled - (scaled % 12)) / 12;
  return pence < 0 ? -monthly : monthly;
}

/**
 * The most a payment at `frequency` may be from a monthly figure, both in whole pence: monthly × 12 ÷
 * perYear, rounded DOWN to the penny, so a payment never asks for a fraction of a penny more than
 * is affordable; nil when nothing is available. The one rule for the plan engine (plan, batch) and
 * advise.
 */
export function fromMonthly(monthlyPence: bigint, frequency: PaymentFrequency): bigint {
  // BigInt division rounds toward nil, which for what is left above nil is down.
  return monthlyPence <= 0n ? 0n : (monthlyPence * 12n) / BigInt(PER_YEAR[frequency]);
}

// Spellings seen in real exports and statements, each meaning one frequency only (docs/money.md lists them).
const ALIASES: Readonly<Record<string, Frequency>> = {
  week: 'weekly',
  weekly: 'weekly',
  fortnight: 'fortnightly',
  fortnightly: 'fortnightly',
  'four-weekly': 'four-weekly',
  four_weekly: 'four-weekly',
  fourweekly: 'four-weekly',
  '4-weekly': 'four-weekly',
  '4weekly': 'four-weekly',
  'every-4-weeks': 'four-weekly',
  month: 'monthly',
  monthly: 'monthly',
  'calendar-monthly': 'monthly',
  quarter: 'quarterly',
  quarterly: 'quarterly',
  annual: 'annual',
  annually: 'annual',
  yearly: 'annual',
  year: 'annual',
};

// Words read one way by some and another way by others, or close in spelling to a frequency they
// are not: refused with what is wrong, never guessed (and never "did you mean" the wrong one).
const REFUSED: Readonly<Record<string, string>> = {
  biweekly: 'is ambiguous: every two weeks, or twice a week? For every two weeks write "fortnightly"',
  bimonthly: 'is ambiguous: every two months, or twice a month? Give the amount a month, "monthly"',
  biannual: 'is ambiguous: twice a year, or every two years? Give the amount a year, "annual"',
  biannually: 'is ambiguous: twice a year, or every two years? Give the amount a year, "annual"',
  semimonthly: 'is twice a month, which fairplan has no frequency for: give the amount a month, "monthly"',
};

export function isPaymentFrequency(value: string): value is PaymentFrequency {
  return (PAYMENT_FREQUENCIES as readonly string[]).includes(value);
}

/**
 * Reads a frequency, forgiving case, spaces and common spellings (`four_weekly`, `yearly`). An
 * ambiguous word (`biweekly`) is refused with the question it leaves open; anything else with the
 * nearest frequency suggested.
 */
export function parseFrequency(text: string, allowed: readonly Frequency[] = FREQUENCIES): Frequency {
  // Most files spell it exactly (a batch reads millions); only the others need tidying first.
  const key = text.trim().toLowerCase().replace(/\s+/g, '-');
  const found = ALIASES[text] ?? ALIASES[key];
  if (found && allowed.includes(found)) return found;
  const refusal = REFUSED[key.replace(/[-_]/g, '')];
  if (refusal) throw new FairplanError('invalid-frequency', `"${text}" ${refusal}`);
  const hint = suggestFrequency(text, allowed);
  throw new FairplanError(
    'invalid-frequency',
    `"${text}" is not a frequency; ${hint ? `did you mean "${hint}"?` : `expected one of ${allowed.join(', ')}`}`,
  );
}

/** The allowed frequency closest to `text`, if it is close enough to be a typo. */
function suggestFrequency(text: string, allowed: readonly Frequency[] = FREQUENCIES): Frequency | undefined {
  return closest(text.trim().toLowerCase(), allowed);
}
