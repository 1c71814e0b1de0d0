/** Percentages as people write them: `19.9` or `19.9%`, from 0 to 100, read as exact text. */
import { FairplanError } from './errors.js';

/** A percentage from 0 to 100 as exact text (`19.9%` gives `19.9`), for a Decimal to be made from when it is needed. */
export function parsePercentText(value: string): string {
  const match = /^\s*(\d*)(\.\d+)?\s*%?\s*$/.exec(value);
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || (!whole && !fraction)) throw new FairplanError('invalid-amount', `"${value}" is not a percentage (expected e.g. 19.9 or 19.9%)`);
  const units = Number(whole || '0');
  if (units > 100 || (units === 100 && /[1-9]/.test(fraction))) throw new FairplanError('invalid-amount', `"${value}" is over 100%`);
  return `${whole}${fraction}`;
}
