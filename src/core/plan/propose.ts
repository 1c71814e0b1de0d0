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
import { creditorSchedules, toldByCreditors } from './creditor-schedules.js';
import { instalmentsOfStream, scheduleStream, type ScheduleOf } from './schedule.js';
import { settlementPlans } from './settlement.js';
import { stepUpPlan } from './step-up.js';
import { tokenPlan } from './token.js';
import type { Instalment, NotOffered, PlanOptionSummary, PlanProposal, PlanRequest, PlanSummaryProposal, Recommendation, ResolvedPlanRequest } from './types.js';

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
    recommended: withReviewFlags(
      recommend(
        {
          reasonableTermMonths: context.request.reasonableTermMonths,
          belowToken: context.request.affordableMonthly.lt(context.tokenTotal),
        },
        options,
      ),
      context.request.reviewFlags,
    ),
  };
}

/** The recommendation, flagged for review also when the budget's flags ask for a person (docs/plans.md). */
function withReviewFlags(recommended: Recommendation, reviewFlags: ResolvedPlanRequest['reviewFlags']): Recommendation {
  return reviewFlags.length === 0 ? recommended : { ...recommended, flagForReview: true, reviewFlags };
}

/** Every option with its full schedule, and with several creditors each one's part. */
export function proposePlans(request: PlanRequest): PlanProposal {
  const summary = summarisePlans(request);
  return {
    ...summary,
    options: summary.options.map((option) => {
      const creditors = creditorSchedules(option, summary.request);
      const instalments = instalmentsOf(option, summary.request.calendar);
      return creditors ? { ...toldByCreditors(option, creditors, summary.request), instalments, creditors } : { ...option, instalments };
    }),
  };
}

export type { ScheduleOf } from './schedule.js';

/** Lays out one option's instalments (for the option a batch run recommends, say). Use the request's calendar. */
export function instalmentsOf(option: ScheduleOf, calendar: BusinessCalendar): Instalment[] {
  return instalmentsOfStream(scheduleStream(option), calendar);
}
