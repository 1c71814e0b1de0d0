/**
 * Option parsers for commander. Each turns a bad value into commander's InvalidArgumentError, which
 * commander reports as one clean usage line (exit code 2); a bad date is told with its own code.
 */
import { InvalidArgumentError } from 'commander';
import { calendarFor, DEFAULT_CALENDAR_REGION, parseCalendarRegion, type BusinessCalendar, type CalendarRegion } from '../core/calendar/index.js';
import { parseIsoDate, type IsoDate } from '../core/date.js';
import { FairplanError } from '../core/errors.js';
import { parseFrequency, PAYMENT_FREQUENCIES, type PaymentFrequency } from '../core/frequency.js';
import { D, type Dec, type Money, parseMoney, writtenSymbol } from '../core/money.js';
import { parsePercentText } from '../core/percent.js';
import { parseRejectLimit, type RejectLimit } from '../io/reject-limit.js';
import { CURRENCY_SYMBOLS, type Currency } from '../core/statement.js';
import type { Io } from '../io/streams.js';

/** Reads an option's value; a FairplanError becomes commander's usage error. */
export function usage<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof FairplanError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}

/**
 * An amount typed on the command line. Its currency is that of the statement it goes with, which is
 * read after the options, so the amount is checked as it is typed (in either currency) and its
 * symbol is held to the currency by `inCurrency` once that is known.
 */
export interface AmountOption {
  readonly text: string;
  readonly amount: Money;
}

export function moneyOption(value: string): AmountOption {
  // Written in dollars it is read as dollars; anything else is read (or refused) as pounds.
  const symbol = writtenSymbol(value) === CURRENCY_SYMBOLS.USD ? CURRENCY_SYMBOLS.USD : CURRENCY_SYMBOLS.GBP;
  return { text: value, amount: usage(() => parseMoney(value, symbol)) };
}

export function nonNegativeMoneyOption(value: string): AmountOption {
  const option = moneyOption(value);
  if (option.amount.isNeg()) throw new InvalidArgumentError(`"${value}" is negative; expected an amount of zero or more`);
  return option;
}

export function positiveMoneyOption(value: string): AmountOption {
  const option = moneyOption(value);
  if (!option.amount.gt(0)) throw new InvalidArgumentError(`"${value}" must be more than zero`);
  return option;
}

/** The amount given as `flag`, in `currency`: a symbol of another currency is refused, naming the flag. */
export function inCurrency(option: AmountOption, currency: Currency, flag: string): Money {
  try {
    return parseMoney(option.text, CURRENCY_SYMBOLS[currency]);
  } catch (error) {
    throw error instanceof FairplanError ? new FairplanError(error.code, error.message, { field: flag }) : error;
  }
}

/**
 * A date option of any command: one that is not a date is refused as a date in a file is, with code
 * `invalid-date` (exit code 2) and the option named. Commander calls a parser as its option's method,
 * so `this` is the option (`--as-of`).
 */
export function dateOption(this: { readonly long?: string } | void, value: string): IsoDate {
  try {
    return parseIsoDate(value);
  } catch (error) {
    const option = this?.long;
    throw error instanceof FairplanError && option !== undefined ? new FairplanError(error.code, error.message, { field: option }) : error;
  }
}

export const paymentFrequencyOption = (value: string): PaymentFrequency =>
  usage(() => parseFrequency(value, PAYMENT_FREQUENCIES) as PaymentFrequency);

export const calendarOption = (value: string): CalendarRegion => usage(() => parseCalendarRegion(value));

/** UK bank holidays unless told otherwise; fairplan knows no US holidays, so a USD statement moves no dates. */
export const calendarForCurrency = (region: CalendarRegion | undefined, currency: Currency): BusinessCalendar =>
  calendarFor(region ?? (currency === 'USD' ? 'none' : DEFAULT_CALENDAR_REGION));

/** A percentage from 0 to 100 as exact text (`19.9%` gives `19.9`): see parsePercentText. */
const percentText = (value: string): string => usage(() => parsePercentText(value));

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

/** `--max-rejects N|P%`, read the same way by `batch` and `follow-up`. */
export const rejectLimitOption = (value: string): RejectLimit => usage(() => parseRejectLimit(value));

/** Today's date in the machine's local calendar: the only place fairplan reads the clock. */
export function today(io: Io): IsoDate {
  const now = io.now();
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}` as IsoDate;
}
