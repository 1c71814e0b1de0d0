/**
 * Option 5: a settlement the creditor has offered (the balance less a discount), at once or over a
 * few instalments. Shown with its affordability, never recommended: a customer must not be pressed
 * to pay in one or very few large payments, or to borrow or sell to raise them (CONC 7.3.10R).
 */
import { allocate } from '../allocate.js';
import { D, type Dec, fromPence } from '../money.js';
import { type PlanContext, type Built, sharingOf, optionFigures, REPAID } from './context.js';
import type { StreamSharing } from './creditors.js';
import type { Shown } from './display.js';
import type { PenceRequest, SettlementFigures } from './figures.js';
import { frozenInstalment } from './frozen.js';
import { NO_INTEREST, type Stream } from './schedule.js';
import type { SettlementOption, SettlementVariant } from './types.js';

const NEVER_PRESSED =
  'Shown for information and never recommended: nobody should be pressed to pay in one or very few large ' +
  'payments (CONC 7.3.10R). A partial settlement may be recorded as such on the customer’s credit file.';

export function settlementPlans(context: PlanContext): Built[] {
  const { request } = context;
  const { settlement } = request;
  if (!settlement) return [{ notOffered: { kind: 'settlement', why: 'no-settlement' } }];

  const { sum, parts, discountPercent } = settlementTerms(request, settlement);
  if (sum === 0n) return [{ notOffered: { kind: 'settlement', why: 'nothing-to-pay', discountPercent } }];
  const offered: Offered = { sum, ...(parts ? { parts } : {}), writtenOff: request.balance - sum, discountPercent };
  const lumpSum = settlementOption(context, offered, 'lump-sum', 1);
  if (settlement.maxInstalments < 2) return [lumpSum, { notOffered: { kind: 'settlement', variant: 'instalments', why: 'lump-sum-only' } }];
  return [lumpSum, settlementOption(context, offered, 'instalments', settlement.maxInstalments)];
}

/** What a settlement asks for: the sum, and each creditor's part of it. */
interface Offered {
  readonly sum: bigint;
  /** With several creditors, each one's part of the sum, in their order. */
  readonly parts?: readonly bigint[];
  readonly writtenOff: bigint;
  /** The discount on the whole balance (with creditors' own discounts, what they come to together). */
  readonly discountPercent: Dec;
}

/**
 * `balance` pence less `percent`, rounded down: the customer is never asked for a fraction of a penny
 * more. Exact: the percent, a decimal, is a whole number of its own last places.
 */
function discounted(balance: bigint, percent: Dec): bigint {
  const scale = 10n ** BigInt(percent.decimalPlaces());
  const whole = 100n * scale;
  return (balance * (whole - BigInt(percent.times(scale.toString()).toFixed(0)))) / whole;
}

type Settlement = NonNullable<PenceRequest['settlement']>;

/** Each creditor's own discount (the default for those without one: 0%, paid in full, unless given). */
const percentOf = (settlement: Settlement, creditor: string): Dec =>
  (settlement.byCreditor ?? []).find((d) => d.creditor === creditor)?.discountPercent ?? settlement.discountPercent;

function settlementTerms(request: PenceRequest, settlement: Settlement): { sum: bigint; parts?: bigint[]; discountPercent: Dec } {
  const own = settlement.byCreditor ?? [];
  const { creditors } = request;
  if (own.length === 0 || !creditors) {
    const sum = discounted(request.balance, settlement.discountPercent);
    // With several creditors, each accepts their part of the sum, pro rata to their balance.
    const parts = creditors && allocate(sum, creditors.map((c) => c.balance));
    return { sum, ...(parts ? { parts } : {}), discountPercent: settlement.discountPercent };
  }
  // Each creditor's own discount on what they are owed; the others take the default.
  const parts = creditors.map((c) => discounted(c.balance, percentOf(settlement, c.creditor)));
  const sum = parts.reduce((a, b) => a + b, 0n);
  // What the discounts come to on the whole balance, in percent rounded down to one place.
  const tenths = ((request.balance - sum) * 1000n) / request.balance;
  return { sum, parts, discountPercent: new D(tenths.toString()).div(10) };
}

/**
 * With several creditors, each accepts their part of the settlement sum; each payment goes to those
 * still owed, so the sum is paid within the instalments allowed.
 */
function settlementSharing(context: PlanContext, parts: readonly bigint[] | undefined): { sharing?: StreamSharing } {
  const { sharing } = sharingOf(context);
  if (!sharing || !parts) return {};
  const frozen = { kind: 'frozen' } as const;
  return {
    sharing: { ...sharing, redistribute: true, creditors: sharing.creditors.map((creditor, i) => ({ ...creditor, balance: parts[i] ?? 0n, interest: frozen })) },
  };
}

function settlementOption(context: PlanContext, offered: Offered, variant: SettlementVariant, count: number): Built {
  const { sum, parts, writtenOff, discountPercent } = offered;
  const { request, perInstalment } = context;
  // Spread over as many instalments as the creditor allows: the smallest instalment, the least pressure.
  const instalment = frozenInstalment(sum, count);
  const stream: Stream = {
    ...context.anchor,
    frequency: request.frequency,
    principal: sum,
    rate: NO_INTEREST,
    runs: [{ count, amount: instalment }],
    limit: count,
    ...settlementSharing(context, parts),
  };
  return {
    // Once agreed, a settlement sum is fixed: no interest runs on it.
    option: Object.assign(optionFigures(context, { kind: 'settlement', affordable: instalment <= perInstalment, outcome: REPAID }, stream, { kind: 'frozen' }), {
      variant,
      discountPercent,
      balance: request.balance,
      writtenOff,
    }),
  };
}

/** A settlement as people read it. */
export function settlementShown({ request, words, perInstalment, money }: Shown, figures: SettlementFigures): SettlementOption {
  const { variant, discountPercent, writtenOff, affordable } = figures;
  const sum = figures.amountToRepay;
  const settlement = request.settlement;
  const { creditors } = request;
  const own = settlement?.byCreditor ?? [];
  const terms =
    own.length === 0 || !creditors || !settlement
      ? `The creditor${creditors && creditors.length > 1 ? 's' : ''} will accept ${words.money(sum)}, ${discountPercent.toString()}% less than the ` +
        `${words.money(request.balance)} owed, in full settlement; ${words.money(writtenOff)} would be written off.`
      : `The creditors will accept ${words.money(sum)} of the ${words.money(request.balance)} owed, in full settlement ` +
        `(${creditors
          .map((c) => `${c.creditor} ${percentOf(settlement, c.creditor).isZero() ? 'in full' : `${percentOf(settlement, c.creditor).toString()}% off`}`)
          .join(', ')}); ${words.money(writtenOff)} would be written off.`;
  const available = words.rate(perInstalment, request.frequency);
  const discount = `${discountPercent.toString()}% off`;
  const amounts = {
    ...money(figures),
    outcome: { kind: 'repaid' },
    discountPercent,
    balance: request.balance,
    writtenOff: fromPence(writtenOff),
  } as const;
  if (variant === 'lump-sum') {
    return {
      kind: 'settlement',
      variant,
      label: `Settle for ${words.money(sum)} at once (${discount})`,
      reason: `${terms} ${NEVER_PRESSED}`,
      affordable,
      affordabilityReason: affordable
        ? `${words.money(sum)} is within the ${available} found affordable.`
        : `${words.money(sum)} at once is more than the ${available} found affordable from income: it could come ` +
          'only from savings or help from someone else, and the customer should never borrow or sell belongings to raise it.',
      ...amounts,
    };
  }
  const needs = words.rate(figures.pattern[0]?.amount ?? 0n, request.frequency);
  return {
    kind: 'settlement',
    variant,
    label: `Settle for ${words.money(sum)} over ${words.payments(figures.instalmentCount, request.frequency)} (${discount})`,
    reason:
      `${terms} Paid over ${words.payments(figures.instalmentCount, request.frequency)}, the most the creditor allows, ` +
      `ending on ${figures.lastDate}. ${NEVER_PRESSED}`,
    affordable,
    affordabilityReason: affordable
      ? `${needs} is within the ${available} found affordable.`
      : `Needs ${needs}, more than the ${available} found affordable: it should not be agreed.`,
    ...amounts,
  };
}
