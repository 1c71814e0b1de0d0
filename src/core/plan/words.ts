/** The words plans use for amounts, frequencies and terms, so every option reads the same way. */
import { PER_YEAR, type PaymentFrequency } from '../frequency.js';
import { formatMoney, fromPence, type Money, negate } from '../money.js';

/** "a week", "every four weeks": how often a payment is made, as the end of a sentence. */
export const PER: Readonly<Record<PaymentFrequency, string>> = {
  weekly: 'a week',
  fortnightly: 'a fortnight',
  'four-weekly': 'every four weeks',
  monthly: 'a month',
};

const ADJECTIVE: Readonly<Record<PaymentFrequency, string>> = {
  weekly: 'weekly',
  fortnightly: 'fortnightly',
  'four-weekly': 'four-weekly',
  monthly: 'monthly',
};

export interface Words {
  /** £1,234.56 (Money, or whole pence) */
  money(amount: Money | bigint): string;
  /** £50.00 a week */
  rate(amount: Money | bigint, frequency: PaymentFrequency): string;
  /** 20 monthly payments */
  payments(count: number, frequency: PaymentFrequency): string;
  /** What a monthly surplus means: "£50.00 a month", "nothing", "a shortfall of £20.00 a month". */
  available(monthly: Money): string;
}

export function wordsFor(symbol: string): Words {
  const money = (amount: Money | bigint) => formatMoney(typeof amount === 'bigint' ? fromPence(amount) : amount, symbol);
  return {
    money,
    rate: (amount, frequency) => `${money(amount)} ${PER[frequency]}`,
    payments: (count, frequency) => `${count} ${ADJECTIVE[frequency]} payment${count === 1 ? '' : 's'}`,
    available: (monthly) =>
      monthly.isZero() ? 'nothing' : monthly.isNeg() ? `a shortfall of ${money(negate(monthly))} a month` : `${money(monthly)} a month`,
  };
}

/** "18 months", "4 years", "4 years 2 months": months and years in plain words. */
export function months(count: number): string {
  const years = Math.floor(count / 12);
  const rest = count % 12;
  const y = years === 0 ? '' : `${years} year${years === 1 ? '' : 's'}`;
  const m = rest === 0 ? '' : `${rest} month${rest === 1 ? '' : 's'}`;
  if (years === 0) return m || '0 months';
  if (years < 2 && rest !== 0) return `${count} months`;
  return [y, m].filter(Boolean).join(' ');
}

/** How long `count` instalments at `frequency` take, in whole months, rounded up. */
export function termInMonths(count: number, frequency: PaymentFrequency): number {
  return Math.ceil((count * 12) / PER_YEAR[frequency]);
}
