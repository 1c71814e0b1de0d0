/**
 * The plan engine's entry points: from what is owed, what is affordable and how the customer is paid,
 * every realistic repayment option, each with why it is offered and whether it is affordable; the
 * options considered and not offered, with why; and one recommendation by a documented rule.
 *
 * One engine in whole pence (`proposeInPence`) works out every figure; `summarisePlans` and
 * `proposePlans` then make the Money and words people read from them (display.ts).
 */
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { affordablePlan } from './affordable.js';
import { type Built, planContext } from './context.js';
import { creditorSchedules, toldByCreditors } from './creditor-schedules.js';
import { proposalShown } from './display.js';
import type { NotOfferedFigures, OptionFigures, PenceProposal, PenceRequest } from './figures.js';
import { fixedTermPlan } from './fixed-term.js';
import { recommend } from './recommend.js';
import { penceRequestOf, resolvePlanRequest } from './request.js';
import { instalmentsOfStream, scheduleOfMoney, scheduleStream, type MoneySchedule } from './schedule.js';
import { settlementPlans } from './settlement.js';
import { stepUpPlan } from './step-up.js';
import { tokenPlan } from './token.js';
import type { Instalment, PlanProposal, PlanRequest, PlanSummaryProposal, Recommendation } from './types.js';

/**
 * Every option's figures in whole pence, without instalments or words: counts, amounts, dates and
 * totals only. With frozen interest this costs the same for a 600-instalment plan as for a
 * 6-instalment one, so a batch run plans each account with it and lays out a schedule only where
 * one is wanted. `request` is resolved (see `penceRequestOf`).
 */
export function proposeInPence(request: PenceRequest): PenceProposal {
  return proposeIn(planContext(request));
}

function proposeIn(context: ReturnType<typeof planContext>): PenceProposal {
  const { request } = context;
  const options: OptionFigures[] = [];
  const notOffered: NotOfferedFigures[] = [];
  const add = (built: Built): void => {
    if ('option' in built) options.push(built.option);
    else notOffered.push(built.notOffered);
  };

  const affordableBuilt = affordablePlan(context);
  add(affordableBuilt);
  for (const months of request.fixedTermsMonths) add(fixedTermPlan(context, months));

  const affordable = 'option' in affordableBuilt ? affordableBuilt.option : undefined;
  add(tokenPlan(context, affordable));
  add(stepUpPlan(context));
  settlementPlans(context).forEach(add);

  return {
    perInstalment: context.perInstalment,
    options,
    notOffered,
    recommended: withReviewFlags(
      recommend({ reasonableTermMonths: request.reasonableTermMonths, belowToken: request.affordableMonthly < context.tokenTotal }, options),
      request.reviewFlags ?? [],
    ),
  };
}

/** The recommendation, flagged for review also when the budget's flags ask for a person (docs/plans.md). */
function withReviewFlags(recommended: Recommendation, reviewFlags: NonNullable<PenceRequest['reviewFlags']>): Recommendation {
  return reviewFlags.length === 0 ? recommended : { ...recommended, flagForReview: true, reviewFlags };
}

/** Every option without its instalments, as people read it: the engine's figures, then the display step. */
export function summarisePlans(request: PlanRequest): PlanSummaryProposal {
  const resolved = resolvePlanRequest(request);
  const context = planContext(penceRequestOf(resolved));
  return proposalShown(resolved, context, proposeIn(context));
}

/** Every option with its full schedule, and with several creditors each one's part. */
export function proposePlans(request: PlanRequest): PlanProposal {
  const resolved = resolvePlanRequest(request);
  const context = planContext(penceRequestOf(resolved));
  const figures = proposeIn(context);
  const summary = proposalShown(resolved, context, figures);
  return {
    ...summary,
    options: summary.options.map((option, i) => {
      const stream = scheduleStream(figures.options[i] as OptionFigures);
      const creditors = creditorSchedules(option, stream, summary.request);
      const instalments = instalmentsOfStream(stream, summary.request.calendar);
      return creditors ? { ...toldByCreditors(option, creditors, summary.request), instalments, creditors } : { ...option, instalments };
    }),
  };
}

/** Lays out one option's instalments (for the option a batch run recommends, say). Use the request's calendar. */
export function instalmentsOf(option: MoneySchedule, calendar: BusinessCalendar): Instalment[] {
  return instalmentsOfStream(scheduleStream(scheduleOfMoney(option)), calendar);
}
