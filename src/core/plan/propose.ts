/**
 * The plan engine's entry points: from what is owed, what is affordable and how the customer is paid,
 * every realistic repayment option, each with why it is offered and whether it is affordable; the
 * options considered and not offered, with why; and one recommendation by a documented rule.
 */
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { affordablePlan } from './affordable.js';
import { type Built, planContext } from './context.js';
import { fixedTermPlan } from './fixed-term.js';
import { recommend } from './recommend.js';
import { resolvePlanRequest } from './request.js';
import { instalmentsOfStream, periodRate } from './schedule.js';
import { settlementPlans } from './settlement.js';
import { stepUpPlan } from './step-up.js';
import { tokenPlan } from './token.js';
import type { Instalment, NotOffered, OptionBrief, PlanOptionSummary, PlanProposal, PlanRequest, PlanSummaryProposal } from './types.js';

/**
 * Every option without its instalments: counts, amounts, dates and totals only. With frozen interest
 * this costs the same for a 600-instalment plan as for a 6-instalment one, so a batch run can summarise
 * each account and lay out a schedule (`instalmentsOf`) only where one is wanted.
 */
export function summarisePlans(request: PlanRequest): PlanSummaryProposal {
  const context = planContext(resolvePlanRequest(request));
  const options: PlanOptionSummary[] = [];
  const notOffered: NotOffered[] = [];
  const add = (built: Built): void => {
    if ('option' in built) options.push(built.option);
    else notOffered.push(built.notOffered);
  };

  const affordableBuilt = affordablePlan(context);
  add(affordableBuilt);
  for (const months of context.request.fixedTermsMonths) add(fixedTermPlan(context, months));

  const affordable = 'option' in affordableBuilt ? affordableBuilt.option : undefined;
  add(tokenPlan(context, affordable));
  add(stepUpPlan(context));
  settlementPlans(context).forEach(add);

  return {
    request: context.request,
    affordablePerInstalment: context.perInstalment,
    options,
    notOffered,
    recommended: recommend(
      {
        reasonableTermMonths: context.request.reasonableTermMonths,
        belowToken: context.request.affordableMonthly.lt(context.request.token.amount),
      },
      options,
    ),
  };
}

/** Every option with its full schedule. */
export function proposePlans(request: PlanRequest): PlanProposal {
  const summary = summarisePlans(request);
  return {
    ...summary,
    options: summary.options.map((option) => ({ ...option, instalments: instalmentsOf(option, summary.request.calendar) })),
  };
}

/** What laying out an option's instalments takes from it. */
export type ScheduleOf = Pick<OptionBrief, 'anchorDate' | 'frequency' | 'amountToRepay' | 'interest' | 'pattern' | 'instalmentCount'>;

/** Lays out one option's instalments (for the option a batch run recommends, say). Use the request's calendar. */
export function instalmentsOf(option: ScheduleOf, calendar: BusinessCalendar): Instalment[] {
  return instalmentsOfStream(
    {
      anchor: option.anchorDate,
      frequency: option.frequency,
      principal: option.amountToRepay,
      rate: periodRate(option.interest, option.frequency),
      runs: option.pattern,
      limit: option.instalmentCount,
    },
    calendar,
  );
}
