/**
 * Amounts from an accounts file in whole pence, as safe integers. A batch reads millions of amounts
 * and only adds and subtracts them; converting each to a Decimal and back dominated the run time,
 * while integer pence give the same figures exactly. Amounts are read by parseMoney's grammar
 * (amountParts: 1234.5, £1,234.50, -5), in pounds: a batch run is in pounds, so `$12.50` is refused.
 * Amounts must be whole pence: an export with fractions of a penny is refused rather than rounded.
 */
import { FairplanError } from './errors.js';
import { amountParts, amountPattern } from './money.js';

export function parsePence(text: string): number {
  const plain = plainPence(text);
  if (plain !== undefined) return plain;
  const { negative, digits } = amountParts(text, '£');
  const [whole = '', fraction = ''] = digits.split('.');
  if (/[1-9]/.test(fraction.slice(2))) {
    throw new FairplanError('invalid-amount', `"${text}" is not in whole pence`);
  }
  const pence = Number(whole || '0') * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(pence)) throw new FairplanError('invalid-amount', `"${text}" is too large an amount`);
  return negative && pence !== 0 ? -pence : pence;
}

// The amounts parsePence reads: pounds or no symbol at all.
const POUNDS = new RegExp(amountPattern('[+-]', '£'));

/**
 * `text` in whole pence, or undefined when parsePence would refuse it: for looking through many
 * cells that are mostly not money (unmapped.ts) without an exception for each.
 */
export function penceIfMoney(text: string): number | undefined {
  const plain = plainPence(text);
  if (plain !== undefined) return plain;
  if (!POUNDS.test(text)) return undefined;
  try {
    return parsePence(text);
  } catch {
    // A fraction of a penny, or too large an amount.
    return undefined;
  }
}

const ZERO_CODE = 48;
const digitAt = (text: string, i: number): number => {
  const d = text.charCodeAt(i) - ZERO_CODE;
  return d >= 0 && d <= 9 ? d : -1;
};

/**
 * `1234`, `1234.5` or `1234.56`, the form nearly every amount of an export takes, read without a
 * regular expression; undefined for any other form (the full grammar then decides).
 */
function plainPence(text: string): number | undefined {
  const point = text.indexOf('.');
  const wholeDigits = point < 0 ? text.length : point;
  const decimals = point < 0 ? 0 : text.length - point - 1;
  // 13 digits of pounds keep the pence a safe integer; point < 0 || decimals ≥ 1 refuses "12." here.
  if (wholeDigits === 0 || wholeDigits > 13 || decimals > 2 || (point >= 0 && decimals === 0)) return undefined;
  let pounds = 0;
  for (let i = 0; i < wholeDigits; i++) {
    const d = digitAt(text, i);
    if (d < 0) return undefined;
    pounds = pounds * 10 + d;
  }
  let pence = 0;
  for (let i = 0; i < 2; i++) {
    const d = i < decimals ? digitAt(text, point + 1 + i) : 0;
    if (d < 0) return undefined;
    pence = pence * 10 + d;
  }
  return pounds * 100 + pence;
}

/** Whole pence in the machine form of toFixed2: `-1234.05`. */
export function formatPence(pence: number): string {
  const negative = pence < 0;
  const abs = negative ? -pence : pence;
  const odd = abs % 100;
  // Whole-number arithmetic (abs is a safe integer) and no padding call: this runs ten times a row.
  const text = `${(abs - odd) / 100}${odd < 10 ? '.0' : '.'}${odd}`;
  return negative ? `-${text}` : text;
}
