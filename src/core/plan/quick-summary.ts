/**
 * The figures of `summarisePlans` for the common case, interest frozen with no step-up or settlement,
 * without the options' wording: counts and amounts in integer pence by closed forms (count =
 * ceil(balance ÷ instalment), the last instalment the remainder) and only the first and last due
 * dates. A batch run summarises every account and prints the figures, not the words, so this is
 * what it asks; anything else (and a plan that does not repay within the horizon) goes to
 * `summarisePlans`. A property test holds the two to the same figures.
 */
import { fromMonthly, PER_YEAR, type PaymentFrequency } from '../frequency.js';
import { fromPence, type Money, penceOf, toPence, ZERO } from '../money.js';
import { dueDate } from './dates.js';
import { instalmentsIn } from './finance.js';
import { summarisePlans } from './propose.js';
import { recommend } from './recommend.js';
import { horizonInstalments, resolvePlanRequest } from './request.js';
import type { BriefProposal, OptionBrief, PaymentRun, PlanRequest, ResolvedPlanRequest } from './types.js';

/** One stream of a single payment against the balance, laid out: what `layStream` gives for frozen interest. */
interface Figures {
  readonly count: number;
  readonly largest: Money;
  readonly final: Money;
  /** In pence. */
  readonly paid: bigint;
  readonly pattern: readonly PaymentRun[];
}

/** `payment` (its pence and its Money, made once) against `balance` for at most `limit` instalments. */
function figures(balance: bigint, payment: bigint, amount: Money, limit: number): Figures {
  const needed = (balance + payment - 1n) / payment;
  if (needed > BigInt(limit)) {
    return { count: limit, largest: amount, final: amount, paid: payment * BigInt(limit), pattern: [{ count: limit, amount }] };
  }
  const count = Number(needed);
  const rest = balance - payment * (needed - 1n);
  const final = rest === payment ? amount : fromPence(rest);
  const pattern: PaymentRun[] =
    rest === payment || count === 1
      ? [{ count, amount: final }]
      : [
          { count: count - 1, amount },
          { count: 1, amount: final },
        ];
  return { count, largest: count > 1 ? amount : final, final, paid: balance, pattern };
}

function brief(request: ResolvedPlanRequest, frequency: PaymentFrequency, laid: Figures) {
  const { calendar, start, balance } = request;
  const first = dueDate(calendar, start, frequency, 0).due;
  const owed = penceOf(balance) - laid.paid;
  return {
    frequency,
    interest: request.interest,
    amountToRepay: balance,
    anchorDate: start,
    instalmentCount: laid.count,
    instalmentAmount: laid.largest,
    finalAmount: laid.final,
    pattern: laid.pattern,
    firstDate: first,
    lastDate: laid.count <= 1 ? first : dueDate(calendar, start, frequency, laid.count - 1).due,
    totalPaid: owed === 0n ? balance : fromPence(laid.paid),
    totalInterest: ZERO,
    balanceAfter: owed === 0n ? ZERO : fromPence(owed),
  };
}

/** The figures of `summarisePlans(request)`, by closed forms where interest is frozen. */
export function quickSummary(request: PlanRequest): BriefProposal {
  const resolved = resolvePlanRequest(request);
  if (resolved.interest.kind !== 'frozen' || resolved.stepUp || resolved.settlement) return summarisePlans(request);
  const { frequency } = resolved;
  const balance = penceOf(resolved.balance);
  const perInstalment: Money = toPence(fromMonthly(resolved.affordableMonthly, frequency));
  const per = perInstalment.gt(0) ? penceOf(perInstalment) : 0n;
  const options: OptionBrief[] = [];

  let affordable: OptionBrief | undefined;
  if (per > 0n) {
    const horizon = horizonInstalments(PER_YEAR[frequency]);
    // Not repaid within the horizon: the engine then words what would repay it.
    if ((balance + per - 1n) / per > BigInt(horizon)) return summarisePlans(request);
    const laid = figures(balance, per, perInstalment, horizon);
    affordable = { kind: 'affordable', affordable: true, ...brief(resolved, frequency, laid), outcome: { kind: 'repaid' } };
    options.push(affordable);
  }

  for (const termMonths of resolved.fixedTermsMonths) {
    const count = instalmentsIn(termMonths, frequency);
    // PMT with no interest, rounded up to the penny: the term is kept and the last instalment is the smaller.
    const instalment = (balance + BigInt(count) - 1n) / BigInt(count);
    options.push({
      kind: 'fixed-term',
      termMonths,
      affordable: instalment <= per,
      ...brief(resolved, frequency, figures(balance, instalment, fromPence(instalment), count)),
      outcome: { kind: 'repaid' },
    });
  }

  const { amount, reviewAfterMonths } = resolved.token;
  if (resolved.affordableMonthly.lt(amount) || affordable === undefined) {
    const laid = figures(balance, penceOf(amount), amount, reviewAfterMonths);
    options.push({
      kind: 'token',
      affordable: amount.lte(resolved.affordableMonthly),
      ...brief(resolved, 'monthly', laid),
      outcome: { kind: laid.paid === balance ? 'repaid' : 'review' },
    });
  }

  return { request: resolved, options, recommended: recommend(resolved, options) };
}
