/**
 * From the statement to the plan options, and from the advisor's choice (and changes) back to one
 * option. Pure: the date comes in.
 */
import type { Affordability } from '../core/affordability/types.js';
import type { BusinessCalendar } from '../core/calendar/index.js';
import type { IsoDate } from '../core/date.js';
import { fromMonthly, PER_YEAR, type PaymentFrequency } from '../core/frequency.js';
import { D, formatMoney, fromPence, money, safePence, type Money } from '../core/money.js';
import { planRequestFromStatement } from '../core/plan/from-statement.js';
import { proposePlans } from '../core/plan/propose.js';
import type { PlanOption, PlanProposal, PlanRequest } from '../core/plan/types.js';
import { CURRENCY_SYMBOLS } from '../core/statement.js';
import type { LimitationChoices } from '../core/time-limits.js';
import type { PlanChoice } from './draft.js';

export interface PlanSettings {
  readonly asOf: IsoDate;
  /** The bank holidays due dates move around; the engine's default when absent. */
  readonly calendar?: BusinessCalendar;
}

/**
 * The monthly figure, in whole pence like every monthly figure, at which the engine's per-instalment
 * amount (monthly × 12 ÷ periods a year, rounded down to the penny) is exactly `amount`: amount ×
 * periods ÷ 12 rounded UP to the penny. It is less than a penny over, and a penny a month is less
 * than a penny a week, fortnight or four weeks, so rounded down it comes back to `amount`.
 */
export function monthlyFor(amount: Money, frequency: PaymentFrequency): Money {
  return money(amount.times(PER_YEAR[frequency]).div(12).toDecimalPlaces(2, D.ROUND_UP));
}

function requestFor(affordability: Affordability, settings: PlanSettings, choice?: PlanChoice, limitation: LimitationChoices = {}): PlanRequest {
  const { statement } = affordability;
  return planRequestFromStatement(statement, affordability.totals.available, settings.asOf, {
    ...(choice?.start ? { start: choice.start } : {}),
    ...(choice?.frequency ? { frequency: choice.frequency } : {}),
    ...(choice?.amount && choice.kind === 'affordable' ? { affordableMonthly: monthlyFor(choice.amount, choice.frequency ?? statement.pay?.frequency ?? 'monthly') } : {}),
    currencySymbol: CURRENCY_SYMBOLS[statement.currency ?? 'GBP'],
    ...(settings.calendar ? { calendar: settings.calendar } : {}),
  }, limitation);
}

/**
 * The options for the statement, with the advisor's start date and frequency applied, and their
 * payment amount when they chose the affordable plan at an amount of their own. The engine knows
 * that amount only as "all that is affordable", so it is checked here against the budget as it is
 * now: a budget changed after the amount was agreed can leave it above what is affordable.
 * `limitation`: the advisor's decisions about debts past the limitation period (steps/limitation.ts).
 */
export function proposeFor(affordability: Affordability, settings: PlanSettings, choice?: PlanChoice, limitation?: LimitationChoices): PlanProposal {
  const proposal = proposePlans(requestFor(affordability, settings, choice, limitation));
  if (!choice?.amount || choice.kind !== 'affordable') return proposal;
  const options = proposal.options.map((option) => {
    const most = affordableAt(affordability, option.frequency);
    if (option.kind !== 'affordable' || option.instalmentAmount.lte(most)) return option;
    return { ...option, affordable: false, affordabilityReason: `It asks for more than the ${formatMoney(most, proposal.request.currencySymbol)} found affordable each time.` };
  });
  return { ...proposal, options };
}

/** The most per instalment that is affordable at `frequency`: what the available amount allows, to the penny. */
export function affordableAt(affordability: Affordability, frequency: PaymentFrequency): Money {
  return fromPence(fromMonthly(BigInt(safePence(affordability.totals.available)), frequency));
}

/** The choice of `option`, keeping the start date and frequency already agreed. */
export function choiceOf(option: PlanOption, previous?: PlanChoice): PlanChoice {
  return {
    kind: option.kind,
    ...('termMonths' in option ? { termMonths: option.termMonths } : {}),
    ...('variant' in option ? { variant: option.variant } : {}),
    ...(previous?.start ? { start: previous.start } : {}),
    ...(previous?.frequency ? { frequency: previous.frequency } : {}),
  };
}

/** Where the chosen option is among the proposal's options, if it is still offered. */
export function indexOfChoice(proposal: PlanProposal, choice: PlanChoice): number | undefined {
  const index = proposal.options.findIndex(
    (option) =>
      option.kind === choice.kind &&
      ('termMonths' in option ? option.termMonths === choice.termMonths : true) &&
      ('variant' in option ? option.variant === choice.variant : true),
  );
  return index < 0 ? undefined : index;
}
