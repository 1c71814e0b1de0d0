/**
 * Questions that read a typed value, checked as it is typed: a wrong answer gets a hint and the
 * question stays open. Parsing is the core's (parseMoney, parseIsoDate), so the hints match the
 * rest of fairplan.
 */
import { parseIsoDate, type IsoDate } from '../core/date.js';
import { FREQUENCIES, type Frequency } from '../core/frequency.js';
import { parseMoney, toFixed2, type Money } from '../core/money.js';
import { reasonProblem } from './override.js';
import type { Prompter } from './prompter.js';

function hintFor<T>(read: (text: string) => T, check?: (value: T) => string | undefined) {
  return (text: string): true | string => {
    try {
      return check?.(read(text)) ?? true;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };
}

export interface MoneyQuestion {
  readonly message: string;
  /** The symbol of the currency the session is in: an amount typed with another is refused. */
  readonly symbol: string;
  readonly default?: Money;
  /** Zero allowed (a nil income, say). Default true. */
  readonly zero?: boolean;
  /** The most that may be entered, and why. */
  readonly most?: { readonly amount: Money; readonly hint: string };
}

/** An amount of zero or more: `£1,234.50` is fine; `12,34` and `abc` get a hint. */
export async function askMoney(prompter: Prompter, question: MoneyQuestion): Promise<Money> {
  const { zero = true, most } = question;
  const check = (amount: Money): string | undefined => {
    if (amount.isNeg()) return 'Please enter the amount without a minus sign';
    if (!zero && amount.isZero()) return 'Please enter an amount above zero';
    return most && amount.gt(most.amount) ? most.hint : undefined;
  };
  const answer = await prompter.input({
    message: question.message,
    ...(question.default ? { default: toFixed2(question.default) } : {}),
    validate: hintFor((text) => parseMoney(text, question.symbol), check),
  });
  return parseMoney(answer, question.symbol);
}

export async function askText(prompter: Prompter, message: string, fallback?: string, required = true): Promise<string> {
  const answer = await prompter.input({
    message,
    ...(fallback ? { default: fallback } : {}),
    validate: (text) => (!required || text.trim() !== '' ? true : 'Please enter something (a word or two is enough)'),
  });
  return answer.trim();
}

/** A reason a person can read later (override.ts), or '' to go back without one. */
export async function askReason(prompter: Prompter, message: string, fallback?: string): Promise<string> {
  const answer = await prompter.input({
    message,
    ...(fallback ? { default: fallback } : {}),
    validate: (text) => (text.trim() === '' ? true : (reasonProblem(text) ?? true)),
  });
  return answer.trim();
}

export async function askCount(prompter: Prompter, message: string, fallback: number, least = 0): Promise<number> {
  const answer = await prompter.input({
    message,
    default: String(fallback),
    validate: (text) => (/^\s*\d{1,3}\s*$/.test(text) && Number(text) >= least ? true : `Please enter a whole number of ${least} or more`),
  });
  return Number(answer);
}

/** A date on or after `earliest`; `tooEarly` says why an earlier one is refused, when the plain hint would not. */
export async function askDate(
  prompter: Prompter,
  message: string,
  fallback: IsoDate | undefined,
  earliest?: IsoDate,
  tooEarly: (date: IsoDate) => string = () => `Please choose ${earliest} or later`,
): Promise<IsoDate> {
  const answer = await prompter.input({
    message,
    ...(fallback ? { default: fallback } : {}),
    validate: hintFor(parseIsoDate, (date) => (earliest && date < earliest ? tooEarly(date) : undefined)),
  });
  return parseIsoDate(answer);
}

/** How often, in words that each start with a letter of their own (four-weekly is "every four weeks"). */
export const FREQUENCY_NAMES: Readonly<Record<Frequency, string>> = {
  weekly: 'weekly',
  fortnightly: 'fortnightly',
  'four-weekly': 'every four weeks',
  monthly: 'monthly',
  quarterly: 'quarterly',
  annual: 'annually',
};

export function askFrequency<F extends Frequency>(
  prompter: Prompter,
  message: string,
  fallback: F,
  allowed: readonly F[] = FREQUENCIES as readonly Frequency[] as readonly F[],
): Promise<F> {
  return prompter.select({ message, choices: allowed.map((f) => ({ name: FREQUENCY_NAMES[f], value: f })), default: fallback });
}
