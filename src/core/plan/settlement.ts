/**
 * Option 5: a settlement the creditor has offered (the balance less a discount), at once or over a
 * few instalments. Shown with its affordability, never recommended: a customer must not be pressed
 * to pay in one or very few large payments, or to borrow or sell to raise them (CONC 7.3.10R).
 */
import { allocate } from '../allocate.js';
import { D, fromPence, type Money, money, penceOf, subtract, toPence } from '../money.js';
import { type PlanContext, type Built, sharingOf, summaryFields } from './context.js';
import type { StreamSharing } from './creditors.js';
import { penceUp } from './finance.js';
import { NO_INTEREST, type Stream } from './schedule.js';
import type { NotOffered, SettlementRequest, SettlementVariant } from './types.js';

const NEVER_PRESSED =
  'Shown for information and never recommended: nobody should be pressed to pay in one or very few large ' +
  'payments (CONC 7.3.10R). A partial settlement may be recorded as such on the customer’s credit file.';

export function settlementPlans(context: PlanContext): Built[] {
  const { request, words } = context;
  const { settlement } = request;
  const notOffered = (reason: string, variant?: SettlementVariant): Built => ({
    notOffered: { kind: 'settlement', ...(variant ? { variant } : {}), reason } satisfies NotOffered,
  });
  if (!settlement) return [notOffered('The creditor has not offered a settlement.')];

  // The settlement sum rounds down: the customer is never asked for a fraction of a penny more.
  const sum = toPence(money(request.balance.times(new D(100).minus(settlement.discountPercent)).div(100)));
  if (sum.isZero()) return [notOffered(`A ${settlement.discountPercent.toString()}% discount leaves nothing to pay.`)];
  const writtenOff = subtract(request.balance, sum);
  const terms =
    `The creditor will accept ${words.money(sum)}, ${settlement.discountPercent.toString()}% less than the ` +
    `${words.money(request.balance)} owed, in full settlement; ${words.money(writtenOff)} would be written off.`;

  const lumpSum = settlementOption(context, settlement, sum, writtenOff, 'lump-sum', 1, terms);
  if (settlement.maxInstalments < 2) {
    return [lumpSum, notOffered('The creditor allows the settlement only as one payment.', 'instalments')];
  }
  return [lumpSum, settlementOption(context, settlement, sum, writtenOff, 'instalments', settlement.maxInstalments, terms)];
}

/**
 * With several creditors, each accepts their part of the settlement sum, pro rata to their balance;
 * each payment goes to those still owed, so the sum is paid within the instalments allowed.
 */
function settlementSharing(context: PlanContext, sum: Money): { sharing?: StreamSharing } {
  const { sharing } = sharingOf(context);
  if (!sharing) return {};
  const parts = allocate(penceOf(sum), sharing.creditors.map((creditor) => penceOf(creditor.balance)));
  const frozen = { kind: 'frozen' } as const;
  return {
    sharing: { ...sharing, redistribute: true, creditors: sharing.creditors.map((creditor, i) => ({ ...creditor, balance: fromPence(parts[i] ?? 0n), interest: frozen })) },
  };
}

function settlementOption(
  context: PlanContext,
  settlement: SettlementRequest,
  sum: Money,
  writtenOff: Money,
  variant: SettlementVariant,
  count: number,
  terms: string,
): Built {
  const { request, words, perInstalment } = context;
  // Spread over as many instalments as the creditor allows: the smallest instalment, the least pressure.
  const instalment = penceUp(sum.div(count));
  const stream: Stream = {
    anchor: request.start,
    frequency: request.frequency,
    principal: sum,
    rate: NO_INTEREST,
    runs: [{ count, amount: instalment }],
    limit: count,
    ...settlementSharing(context, sum),
  };
  // Once agreed, a settlement sum is fixed: no interest runs on it.
  const fields = summaryFields(context, stream, { kind: 'frozen' });
  const affordable = instalment.lte(perInstalment);
  const available = words.rate(perInstalment, request.frequency);
  const discount = `${settlement.discountPercent.toString()}% off`;

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
        discountPercent: settlement.discountPercent,
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
      discountPercent: settlement.discountPercent,
      balance: request.balance,
      writtenOff,
    },
  };
}
