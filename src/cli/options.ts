/**
 * Option parsers for commander. Each turns a bad value into commander's InvalidArgumentError, which
 * commander reports as one clean usage line (exit code 2).
 */
import { InvalidArgumentError } from 'commander';
import { calendarFor, DEFAULT_CALENDAR_REGION, parseCalendarRegion, type BusinessCalendar, type CalendarRegion } from '../core/calendar/index.js';
import { parseIsoDate, type IsoDate } from '../core/date.js';
import { FairplanError } from '../core/errors.js';
import { parseFrequency, PAYMENT_FREQUENCIES, type PaymentFrequency } from '../core/frequency.js';
import { D, type Dec, type Money, parseMoney } from '../core/money.js';
import { parsePercentText } from '../core/percent.js';
import type { Currency } from '../core/statement.js';
import type { Io } from './io.js';

function usage<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof FairplanError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}

export const moneyOption = (value: string): Money => usage(() => parseMoney(value));

export function nonNegativeMoneyOption(value: string): Money {
  const amount = moneyOption(value);
  if (amount.isNeg()) throw new InvalidArgumentError(`"${value}" is negative; expected an amount of zero or more`);
  return amount;
}

export function positiveMoneyOption(value: string): Money {
  const amount = moneyOption(value);
  if (!amount.gt(0)) throw new InvalidArgumentError(`"${value}" must be more than zero`);
  return amount;
}

export const dateOption = (value: string): IsoDate => usage(() => parseIsoDate(value));

export const paymentFrequencyOption = (value: string): PaymentFrequency =>
  usage(() => parseFrequency(value, PAYMENT_FREQUENCIES) as PaymentFrequency);

export const calendarOption = (value: string): CalendarRegion => usage(() => parseCalendarRegion(value));

/** UK bank holidays unless told otherwise; fairplan knows no US holidays, so a USD statement moves no dates. */
export const calendarForCurrency = (region: CalendarRegion | undefined, currency: Currency): BusinessCalendar =>
  calendarFor(region ?? (currency === 'USD' ? 'none' : DEFAULT_CALENDAR_REGION));

/** A percentage from 0 to 100 as exact text (`19.9%` gives `19.9`): see parsePercentText. */
export const percentText = (value: string): string => usage(() => parsePercentText(value));

/** A percentage from 0 to 100, written `19.9` or `19.9%`, kept as a Decimal. */
export const percentOption = (value: string): Dec => new D(percentText(value));

export function positiveIntegerOption(value: string): number {
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1) {
    throw new InvalidArgumentError(`"${value}" is not a whole number of 1 or more`);
  }
  return Number(value);
}

export function nonNegativeIntegerOption(value: string): number {
  if (!/^\s*\d+\s*$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a whole number of 0 or more`);
  return Number(value);
}

/** Today's date in the machine's local calendar: the only place fairplan reads the clock. */
export function today(io: Io): IsoDate {
  const now = io.now();
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}` as IsoDate;
}
