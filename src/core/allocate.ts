/**
 * Sharing whole pence in proportion, in the manner of dinero.js `allocate`: the one largest-remainder
 * rule fairplan uses wherever money is split (offers to creditors, each instalment of a plan across
 * creditors).
 *
 * Each part first gets its exact share rounded down; the units left over go one each to the parts
 * with the largest fractions cut off, ties to the part listed first. So the parts always add up to
 * exactly the amount shared, and none is more than one unit from its exact share.
 */
import { D, type Dec } from './money.js';

/**
 * `amount` (whole units, not negative) shared in proportion to `ratios` (whole numbers, not negative,
 * not all nil). A nil ratio gets nothing. Exact: integer arithmetic throughout.
 */
export function allocate(amount: bigint, ratios: readonly bigint[]): bigint[] {
  const total = ratios.reduce((a, b) => a + b, 0n);
  if (amount < 0n || total <= 0n || ratios.some((ratio) => ratio < 0n)) {
    throw new Error('allocate needs an amount that is not negative and ratios that are not negative or all nil');
  }
  const parts = ratios.map((ratio) => (amount * ratio) / total);
  // The fraction cut off is remainder ÷ total, so remainders compare as the fractions do.
  const byRemainder = ratios
    .map((ratio, index) => ({ index, remainder: (amount * ratio) % total }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  let left = amount - parts.reduce((a, b) => a + b, 0n);
  for (const { index } of byRemainder) {
    if (left === 0n) break;
    parts[index] = (parts[index] as bigint) + 1n;
    left -= 1n;
  }
  return parts;
}

/** Amounts (balances, possibly with fractions of a penny) as whole-number ratios in the same proportion. */
export function ratiosOf(amounts: readonly Dec[]): bigint[] {
  const places = Math.max(0, ...amounts.map((amount) => amount.decimalPlaces()));
  return amounts.map((amount) => BigInt(amount.times(new D(10).pow(places)).toFixed(0)));
}
