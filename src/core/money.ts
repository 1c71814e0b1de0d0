/**
 * Money as pure functions over decimal.js, in the manner of dinero.js.
 *
 * Rules (see docs/money.md):
 * - Amounts are parsed from strings straight to Decimal; a JS `number` never carries money, except
 *   as whole pence in a safe integer.
 * - A statement line's monthly figure is rounded half up to the penny once, when it is converted
 *   (`penniesOf`); every total is a sum of those pennies (`Pennies`, `sumPennies`), so every figure
 *   shown can be added up from the lines shown.
 * - An amount that is to be *paid* is rounded DOWN to the penny (`toPence`), so nobody is ever asked
 *   for a fraction of a penny more than was found affordable. The pennies this leaves over are never
 *   lost: they go to the last instalment, or by largest remainder across creditors.
 */
import { Decimal } from 'decimal.js';
import { FairplanError } from './errors.js';

/** A private Decimal constructor, so no other module's Decimal settings can change ours. */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof D>;

declare const moneyBrand: unique symbol;
/** An amount of money at full precision. Immutable. */
export type Money = Dec & { readonly [moneyBrand]: true };

// The one gate every Money passes: Decimal keeps a sign on zero, and -0 money would print and
// compare unlike 0, so zero leaves here unsigned.
const asMoney = (d: Dec): Money => (d.isZero() && d.isNeg() ? d.abs() : d) as Money;

export const ZERO: Money = asMoney(new D(0));

declare const penniesBrand: unique symbol;
/**
 * Money in whole pence: a line's monthly figure, and every total made of those figures. Made only by
 * rounding once (`penniesOf`) or from whole pence (`fromPence`), and added only to pennies
 * (`sumPennies`), so that no total can be made of unrounded figures by accident.
 */
export type Pennies = Money & { readonly [penniesBrand]: true };

export const NO_PENNIES = ZERO as Pennies;

const NAMES: Readonly<Record<string, string>> = { '£': 'pounds', $: 'dollars', '€': 'euros' };

/**
 * THE amount grammar, as regular-expression source: optional sign, optional currency symbol, digits
 * with optional thousands commas, optional decimals, spaces around them. parseMoney, the batch's
 * parsePence and the statement JSON Schema are all built from it. `signs` is the sign character
 * class (the JSON Schema of a non-negative amount allows only `+`), `symbols` the currency symbols
 * it may be written with (any it can name, so that `€5` is refused for its currency, not its form).
 */
export const amountPattern = (signs = '[+-]', symbols = '£$€'): string =>
  `^\\s*(${signs}?)\\s*([${symbols}]?)\\s*((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|\\.\\d+)\\s*$`;
const AMOUNT = new RegExp(amountPattern());

/**
 * An amount's sign and digits (thousands commas removed), read by the one grammar. A currency symbol
 * must be `symbol`, the currency the amounts are in: `$12.50` among pounds is refused, never read
 * as £12.50.
 */
export function amountParts(text: string, symbol = '£'): { readonly negative: boolean; readonly digits: string } {
  const match = AMOUNT.exec(text);
  if (!match) {
    throw new FairplanError('invalid-amount', `"${text}" is not an amount of money (expected e.g. 1234.56 or ${symbol}1,234.56)`);
  }
  const [, sign, written, digits = ''] = match;
  if (written && written !== symbol) {
    throw new FairplanError(
      'invalid-amount',
      `"${text}" is in ${NAMES[written]}, but the amounts here are in ${NAMES[symbol]} (write ${digits} or ${symbol}${digits})`,
    );
  }
  return { negative: sign === '-', digits: digits.replace(/,/g, '') };
}

/** The currency symbol `text` is written with, if it is an amount and has one. */
export const writtenSymbol = (text: string): string | undefined => AMOUNT.exec(text)?.[2] || undefined;

/**
 * Parses `1234.56`, `£1,234.56`, `-£5`, ` 12 ` to Money; the symbol, if any, must be `symbol` (the
 * currency's: `$1,234.56` in a dollar statement). Rejects anything else with a message that says what
 * was expected. Commas must be thousands separators: `12,34` is refused (it is a decimal comma, and
 * guessing would change the amount a hundredfold).
 */
export function parseMoney(text: string, symbol = '£'): Money {
  const { negative, digits } = amountParts(text, symbol);
  return money(`${negative ? '-' : ''}${digits}`);
}

/** Whole or fractional Decimal (or a decimal string already known to be valid) as Money. */
export function money(value: Dec | string | bigint): Money {
  return asMoney(new D(typeof value === 'bigint' ? value.toString() : value));
}

/** Integer pence as Money (for engines that count in pence). */
export function fromPence(pence: bigint | number): Pennies {
  // Written out with its decimal point rather than divided by 100: a Decimal division is a long
  // division, and batch runs make millions of these.
  const negative = pence < 0;
  const digits = (negative ? -pence : pence).toString().padStart(3, '0');
  return asMoney(new D(`${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`)) as Pennies;
}

/**
 * a × numerator ÷ denominator rounded half up (away from nil) to the penny, exactly, however long
 * the quotient's decimals: the one rounding of a line's monthly figure (weekly: × 52 ÷ 12).
 */
export function penniesOf(a: Money, numerator = 1, denominator = 1): Pennies {
  // ⌊x + ½⌋ of x = |a| × 100 × numerator ÷ denominator, by an exact integer division.
  const scaled = a.abs().times(100 * numerator);
  const pence = scaled.times(2).plus(denominator).divToInt(2 * denominator);
  return asMoney(a.isNeg() ? pence.neg().div(100) : pence.div(100)) as Pennies;
}

export const sumPennies = (amounts: Iterable<Pennies>): Pennies => sum(amounts) as Pennies;

// The most pence a safe integer holds.
const MOST_PENCE = new D(Number.MAX_SAFE_INTEGER);
/** The most fairplan counts exactly, as messages state it: £90,071,992,547,409.91. */
export const MOST_COUNTED = `£${MOST_PENCE.div(100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

function safeInteger(pence: Dec, amount: Money): number {
  if (!pence.isInteger()) throw new FairplanError('invalid-amount', `${amount.toString()} is not in whole pence`);
  if (pence.abs().gt(MOST_PENCE)) {
    throw new FairplanError('invalid-amount', `${formatMoney(amount)} is too large an amount (fairplan counts up to ${MOST_COUNTED})`);
  }
  return Number(pence.toFixed(0));
}

/**
 * Whole pence as a safe integer, for arithmetic on plain numbers. A figure beyond MOST_COUNTED is
 * no household's budget, and is refused rather than counted inexactly; so is a fraction of a penny.
 */
export const safePence = (a: Money): number => safeInteger(a.times(100), a);

/** Whole pence held as a bigint (an exact share), as a safe integer; refused beyond MOST_COUNTED. */
export const safePenceOf = (pence: bigint): number => safeInteger(new D(pence.toString()), fromPence(pence));

/** ⌈a⌉ in whole pence, as a safe integer: a whole number of pence n is below `a` exactly when it is below this. */
export const pennyCeiling = (a: Money): number => safeInteger(a.times(100).ceil(), a);

export const add = (a: Money, b: Money): Money => asMoney(a.plus(b));
export const subtract = (a: Money, b: Money): Money => asMoney(a.minus(b));
export const multiply = (a: Money, factor: Dec | number | string): Money => asMoney(a.times(factor));
export const negate = (a: Money): Money => asMoney(a.neg());
export const sum = (amounts: Iterable<Money>): Money => {
  let total = new D(0);
  for (const a of amounts) total = total.plus(a);
  return asMoney(total);
};
export const isNegative = (a: Money): boolean => a.isNeg() && !a.isZero();

/** THE payment rounding rule: down to the penny (towards zero). */
export function toPence(a: Money): Money {
  return asMoney(a.toDecimalPlaces(2, D.ROUND_DOWN));
}

/** Whole pence as a bigint, after the payment rounding rule. */
export function penceOf(a: Money): bigint {
  return BigInt(a.times(100).toDecimalPlaces(0, D.ROUND_DOWN).toFixed(0));
}

/** Machine form for JSON and CSV: two decimals, no separators, half-up (`1234.57`). */
export function toFixed2(a: Money): string {
  const s = a.toFixed(2, D.ROUND_HALF_UP);
  return s === '-0.00' ? '0.00' : s;
}

/** Human form: thousands separators and a symbol (`£1,234.57`, `-£5.00`). */
export function formatMoney(a: Money, symbol = '£'): string {
  const fixed = toFixed2(a);
  const negative = fixed.startsWith('-');
  const [whole = '0', pence = '00'] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${symbol}${grouped}.${pence}`;
}
