/**
 * Each creditor's part of an option, for people and scripts: their payments, totals, last date and
 * where the option leaves them. A creditor whose share does not cover their interest is named, with
 * the payment that would repay them within the reasonable term.
 */
import { fromPence, type Money, sum, ZERO } from '../money.js';
import { planContext, repayingPayment } from './context.js';
import { instalmentsByCreditor, type CreditorLaid } from './creditors.js';
import { repayingInMoney } from './display.js';
import { penceRequestOf } from './request.js';
import { instalmentInMoney, type Stream } from './schedule.js';
import type { CreditorOutcome, CreditorSchedule, PlanOptionSummary, ResolvedPlanRequest } from './types.js';
import { months, wordsFor } from './words.js';

/**
 * Each creditor's part of `option`, laid out from `stream`, its payments as the engine planned them
 * (see scheduleStream), in the order given; undefined for a plan for one balance.
 */
export function creditorSchedules(option: PlanOptionSummary, stream: Stream, request: ResolvedPlanRequest): CreditorSchedule[] | undefined {
  if (!stream.sharing) return undefined;
  return instalmentsByCreditor(stream, stream.sharing, request.calendar).map((laid) => {
    const { creditor } = laid;
    const instalments = laid.instalments.map(instalmentInMoney);
    const last = instalments[instalments.length - 1];
    const balanceAfter = last?.balanceAfter ?? fromPence(creditor.balance);
    return {
      creditor: creditor.creditor,
      balance: fromPence(creditor.balance),
      interest: creditor.interest,
      share: instalments[0]?.amount ?? ZERO,
      instalments,
      totalPaid: sum(instalments.map((instalment) => instalment.amount)),
      totalInterest: sum(instalments.map((instalment) => instalment.interest)),
      lastDate: last?.due ?? option.firstDate,
      balanceAfter,
      outcome: outcomeFor(option, request, laid, balanceAfter),
    };
  });
}

/**
 * The option, its outcome told from its creditors' where they decide it: with each share fixed, an
 * option never repays because some creditor's share does not cover the interest they add (the
 * payment as a whole may cover all the interest there is), so they are the ones named.
 */
export function toldByCreditors<O extends PlanOptionSummary>(option: O, creditors: readonly CreditorSchedule[], request: ResolvedPlanRequest): O {
  const { outcome } = option;
  const short = creditors.filter((creditor) => creditor.outcome.kind === 'never-repays').map((creditor) => creditor.creditor);
  if (outcome.kind !== 'never-repays' || request.redistribute || short.length === 0) return option;
  const words = wordsFor(request.currencySymbol);
  const named = short.length === 1 ? `${short[0]}'s share does` : `the shares of ${short.slice(0, -1).join(', ')} and ${short[short.length - 1]} do`;
  const { amount, termMonths } = outcome.repayingPayment;
  const message =
    `This payment never repays the balance: each creditor's share is fixed, and ${named} not cover the interest added ` +
    `to what they are owed (see the creditor table). Paying ${words.rate(amount, option.frequency)} would repay every ` +
    `creditor within ${months(termMonths)}. The schedule shows the first year only.`;
  return { ...option, reason: option.reason.replace(outcome.message, message), outcome: { ...outcome, cause: 'interest', message } };
}

function outcomeFor(option: PlanOptionSummary, request: ResolvedPlanRequest, laid: CreditorLaid, owed: Money): CreditorOutcome {
  if (owed.isZero()) return { kind: 'repaid' };
  const { creditor, nextInterest } = laid;
  const words = wordsFor(request.currencySymbol);
  const still = `${words.money(owed)} will still be owed to ${creditor.creditor}`;
  if (option.outcome.kind === 'review') return { kind: 'review', message: `${still} at the review on ${option.outcome.reviewDate}.` };
  const share = laid.instalments[laid.instalments.length - 1]?.amount;
  if (share === undefined || share <= nextInterest) {
    // The creditor alone, at the option's frequency (a token payment's is monthly).
    const { creditors: _all, ...alone } = penceRequestOf(request);
    const repaying = repayingInMoney(repayingPayment(planContext({ ...alone, balance: creditor.balance, interest: creditor.interest, frequency: option.frequency })));
    return {
      kind: 'never-repays',
      repayingPayment: repaying,
      message:
        `${creditor.creditor}'s share, ${words.rate(share ?? 0n, option.frequency)}, does not cover the interest it adds ` +
        `(${words.rate(nextInterest, option.frequency)} on ${words.money(owed)}), so it never repays the debt: ` +
        `${words.rate(repaying.amount, option.frequency)} would repay it within ${months(repaying.termMonths)}.`,
    };
  }
  return { kind: 'owed', message: `${still} after the last payment shown.` };
}
