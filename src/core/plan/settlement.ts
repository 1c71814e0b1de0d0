/**
 * Option 5: a settlement the creditor has offered (the balance less a discount), at once or over a
 * few instalments. Shown with its affordability, never recommended: a customer must not be pressed
 * to pay in one or very few large payments, or to borrow or sell to raise them (CONC 7.3.10R).
 */
import { allocate } from '../allocate.js';
import { D, type Dec, fromPence, type Money, money, penceOf, subtract, sum as addUp, toPence, ZERO } from '../money.js';
import { type PlanContext, type Built, sharingOf, summaryFields } from './context.js';
import type { StreamSharing } from './creditors.js';
import { penceUp } from './finance.js';
import { NO_INTEREST, type Stream } from './schedule.js';
import type { NotOffered, SettlementRequest, SettlementVariant } from './types.js';

const NEVER_PRESSED =
  'Shown for information and never recommended: nobody should be pressed to pay in one or very few large ' +
  'payments (CONC 7.3.10R). A partial settlement may be recorded as such on the customer’s credit file.';

export function settlementPlans(context: PlanContext): Built[] {
  const { request } = context;
  const { settlement } = request;
  const notOffered = (reason: string, variant?: SettlementVariant): Built => ({
    notOffered: { kind: 'settlement', ...(variant ? { variant } : {}), reason } satisfies NotOffered,
  });
  if (!settlement) return [notOffered('The creditor has not offered a settlement.')];

  const { sum, parts, discountPercent, terms } = settlementTerms(context, settlement);
  if (sum.isZero()) return [notOffered(`A ${discountPercent.toString()}% discount leaves nothing to pay.`)];
  const writtenOff = subtract(request.balance, sum);
  const offered = { sum, parts, writtenOff, discountPercent, terms: terms(writtenOff) };
  const lumpSum = settlementOption(context, offered, 'lump-sum', 1);
  if (settlement.maxInstalments < 2) {
    return [lumpSum, notOffered('The creditor allows the settlement only as one payment.', 'instalments')];
  }
  return [lumpSum, settlementOption(context, offered, 'instalments', settlement.maxInstalments)];
}

/** What a settlement asks for: the sum, each creditor's part of it, and the words for its terms. */
interface Offered {
  readonly sum: Money;
  /** With several creditors, each one's part of the sum, in their order. */
  readonly parts?: readonly Money[];
  readonly writtenOff: Money;
  /** The discount on the whole balance (with creditors' own discounts, what they come to together). */
  readonly discountPercent: Dec;
  readonly terms: string;
}

// A settlement sum rounds down: the customer is never asked for a fraction of a penny more.
const discounted = (balance: Money, percent: Dec): Money => toPence(money(balance.times(new D(100).minus(percent)).div(100)));

function settlementTerms(context: PlanContext, settlement: SettlementRequest) {
  const { request, words } = context;
  const own = settlement.byCreditor ?? [];
  const creditors = request.creditors;
  if (own.length === 0 || !creditors) {
    const sum = discounted(request.balance, settlement.discountPercent);
    // With several creditors, each accepts their part of the sum, pro rata to their balance.
    const parts = creditors && allocate(penceOf(sum), creditors.map((c) => penceOf(c.balance))).map(fromPence);
    const terms = (writtenOff: Money) =>
      `The creditor${creditors && creditors.length > 1 ? 's' : ''} will accept ${words.money(sum)}, ${settlement.discountPercent.toString()}% less than the ` +
      `${words.money(request.balance)} owed, in full settlement; ${words.money(writtenOff)} would be written off.`;
    return { sum, ...(parts ? { parts } : {}), discountPercent: settlement.discountPercent, terms };
  }
  // Each creditor's own discount on what they are owed; the others take the default (0%: paid in full).
  const percentOf = (name: string) => own.find((d) => d.creditor === name)?.discountPercent ?? settlement.discountPercent;
  const parts = creditors.map((c) => discounted(c.balance, percentOf(c.creditor)));
  const sum = addUp(parts);
  const discountPercent = subtract(request.balance, sum).div(request.balance).times(100).toDecimalPlaces(1, D.ROUND_DOWN);
  const each = creditors
    .map((c) => `${c.creditor} ${percentOf(c.creditor).isZero() ? 'in full' : `${percentOf(c.creditor).toString()}% off`}`)
    .join(', ');
  const terms = (writtenOff: Money) =>
    `The creditors will accept ${words.money(sum)} of the ${words.money(request.balance)} owed, in full settlement ` +
    `(${each}); ${words.money(writtenOff)} would be written off.`;
  return { sum, parts, discountPercent, terms };
}

/**
 * With several creditors, each accepts their part of the settlement sum; each payment goes to those
 * still owed, so the sum is paid within the instalments allowed.
 */
function settlementSharing(context: PlanContext, parts: readonly Money[] | undefined): { sharing?: StreamSharing } {
  const { sharing } = sharingOf(context);
  if (!sharing || !parts) return {};
  const frozen = { kind: 'frozen' } as const;
  return {
    sharing: { ...sharing, redistribute: true, creditors: sharing.creditors.map((creditor, i) => ({ ...creditor, balance: parts[i] ?? ZERO, interest: frozen })) },
  };
}

function settlementOption(context: PlanContext, offered: Offered, variant: SettlementVariant, count: number): Built {
  const { sum, parts, writtenOff, discountPercent, terms } = offered;
  const { request, words, perInstalment } = context;
  // Spread over as many instalments as the creditor allows: the smallest instalment, the least pressure.
  const instalment = penceUp(sum.div(count));
  const stream: Stream = {
    ...context.anchor,
    frequency: request.frequency,
    principal: sum,
    rate: NO_INTEREST,
    runs: [{ count, amount: instalment }],
    limit: count,
    ...settlementSharing(context, parts),
  };
  // Once agreed, a settlement sum is fixed: no interest runs on it.
  const fields = summaryFields(context, stream, { kind: 'frozen' });
  const affordable = instalment.lte(perInstalment);
  const available = words.rate(perInstalment, request.frequency);
  const discount = `${discountPercent.toString()}% off`;

  if (variant === 'lump-sum') {
    return {
      option: {
        kind: 'settlement',
        variant,
        label: `Settle for ${words.money(sum)} at once (${discount})`,
        reason: `${terms} ${NEVER_PRESSED}`,
        affordable,
        affordabilityReason: affordable
          ? `${words.money(sum)} is within the ${available} found affordable.`
          : `${words.money(sum)} at once is more than the ${available} found affordable from income: it could come ` +
            'only from savings or help from someone else, and the customer should never borrow or sell belongings to raise it.',
        ...fields,
        outcome: { kind: 'repaid' },
        discountPercent,
        balance: request.balance,
        writtenOff,
      },
    };
  }
  const needs = words.rate(instalment, request.frequency);
  return {
    option: {
      kind: 'settlement',
      variant,
      label: `Settle for ${words.money(sum)} over ${words.payments(fields.instalmentCount, request.frequency)} (${discount})`,
      reason:
        `${terms} Paid over ${words.payments(fields.instalmentCount, request.frequency)}, the most the creditor allows, ` +
        `ending on ${fields.lastDate}. ${NEVER_PRESSED}`,
      affordable,
      affordabilityReason: affordable
        ? `${needs} is within the ${available} found affordable.`
        : `Needs ${needs}, more than the ${available} found affordable: it should not be agreed.`,
      ...fields,
      outcome: { kind: 'repaid' },
      discountPercent,
      balance: request.balance,
      writtenOff,
    },
  };
}
