/**
 * Step 8: the plan options side by side. The advisor picks one, sees its schedule, and can change
 * the start date, how often it is paid or (for the affordable plan) the amount; the schedule is
 * worked out again by the plan engine after every change.
 */
import type { Affordability } from '../../core/affordability/types.js';
import { noPlanDuring } from '../../core/breathing-space.js';
import { PAYMENT_FREQUENCIES } from '../../core/frequency.js';
import { formatMoney } from '../../core/money.js';
import { planReviewOn } from '../../core/plan/review.js';
import type { PlanOption, PlanProposal } from '../../core/plan/types.js';
import { wordsFor } from '../../core/plan/words.js';
import { assess } from '../affordability.js';
import { askDate, askFrequency, askMoney } from '../ask.js';
import { atStep, pendingOf, withPlan } from '../draft.js';
import { concernsOf } from '../override.js';
import { affordableAt, choiceOf, indexOfChoice, proposeFor } from '../plans.js';
import { optionsTable, paragraph, SCHEDULE_PAGE, scheduleView } from '../render.js';
import { creditorLines } from '../../render/plan/creditor-table.js';
import type { Session } from '../session.js';
import { agreePlan } from './agree.js';
import { limitationChoicesOf, limitationStep } from './limitation.js';
import { noPlanStep } from './no-plan.js';
import { goBack, showStatement } from './navigate.js';
import { visibleStrings } from '../../render/shared/visible.js';

async function pickOption(session: Session, affordability: Affordability): Promise<void> {
  const { plan } = session.draft;
  // The options as worked out, before any amount the advisor set for the affordable plan.
  const proposal = proposeFor(affordability, session.services, plan && { ...plan, amount: undefined }, limitationChoicesOf(session.draft, session.services.asOf));
  const { style } = session.services;
  const recommended = proposal.options[proposal.recommended.index];
  const table = optionsTable(proposal.options, session.symbol);
  session.say(
    [
      '',
      style.heading('Plan options'),
      ...paragraph(`Recommended: ${recommended?.label ?? proposal.recommended.kind}. ${proposal.recommended.reason}`),
      ...proposal.notOffered.flatMap((n) => paragraph(`Not offered (${n.kind}): ${n.reason}`).map((l) => style.quiet(l))),
      '',
      `  ${table.header}`,
    ].join('\n'),
  );
  const index = await session.prompter.select<number | 'back'>({
    message: 'Which plan?',
    search: true,
    escape: 'back',
    choices: proposal.options.map((option, i) => ({
      name: table.rows[i] ?? option.label,
      value: i,
      description: paragraph(option.reason).join('\n'),
      short: option.label,
    })),
    default: (plan && indexOfChoice(proposal, plan)) ?? proposal.recommended.index,
  });
  // Esc: back to the summary, unless a plan is already chosen (then it stays).
  if (index === 'back') return plan ? undefined : session.update(atStep(session.draft, 'summary'));
  const option = proposal.options[index];
  if (option) await session.update(withPlan(session.draft, choiceOf(option, plan)));
}

/**
 * Why the option is offered and whether it is affordable, in the engine's words, unless the
 * advisor set a lower amount: the engine then knows that amount only as "all that is affordable".
 */
function reasons(session: Session, affordability: Affordability, option: PlanOption): string[] {
  if (!session.draft.plan?.amount) return [option.reason, option.affordabilityReason];
  const words = wordsFor(session.symbol);
  const most = affordableAt(affordability, option.frequency);
  const until =
    option.outcome.kind === 'repaid'
      ? ` until the balance is repaid: ${words.payments(option.instalmentCount, option.frequency)}, the last ${words.money(option.finalAmount)} on ${option.lastDate}.`
      : `. ${option.outcome.message}`;
  return [
    `The payment agreed with the customer, ${words.rate(option.instalmentAmount, option.frequency)}, from ${option.firstDate}${until}`,
    // Worked out each time: the budget may have changed since the amount was agreed.
    option.instalmentAmount.lte(most) ? `It is within the ${words.rate(most, option.frequency)} found affordable.` : `It is above the ${words.rate(most, option.frequency)} found affordable.`,
  ];
}

/** How each payment is shared among several creditors, as `fairplan plan` shows it. */
function creditors(session: Session, option: PlanOption): string[] {
  const { style } = session.services;
  const lines = creditorLines(option, { chalk: { bold: style.heading, yellow: style.warning }, width: 78, words: wordsFor(session.symbol) });
  return lines.length === 0 ? [] : [style.heading('Creditors'), ...lines, ''];
}

/** The chosen option of `proposal`: what it is and why, when it is reviewed, its schedule; `agreed` once it is agreed. */
export function showChosen(session: Session, checked: Affordability, planned: PlanProposal, chosen: PlanOption, agreed = false, first = 0): void {
  // Creditor names and labels from the statement reach the terminal with escape sequences made visible.
  const { affordability, proposal, option } = visibleStrings({ affordability: checked, proposal: planned, option: chosen });
  const { style } = session.services;
  const name = session.draft.plan?.amount ? `Agreed payment: ${wordsFor(session.symbol).rate(option.instalmentAmount, option.frequency)}` : option.label;
  session.say(
    [
      '',
      style.heading(agreed ? `Agreed: ${name}` : name),
      ...reasons(session, affordability, option).flatMap(paragraph),
      ...paragraph(`Review with the customer by ${planReviewOn(option, proposal.request)}.`),
      ...(option.affordable ? [] : paragraph('This plan asks for more than was found affordable: it should not be agreed without review.').map((l) => style.warning(l))),
      '',
      ...creditors(session, option),
      ...scheduleView(option, session.symbol, first),
    ].join('\n'),
  );
}

async function change(session: Session, affordability: Affordability, option: PlanOption, action: 'start' | 'frequency' | 'amount'): Promise<void> {
  const { prompter, services, symbol } = session;
  const plan = session.draft.plan ?? { kind: option.kind };
  if (action === 'start') {
    const start = await askDate(prompter, 'First payment on or after (YYYY-MM-DD)', option.anchorDate, services.asOf);
    return session.update(withPlan(session.draft, { ...plan, start }));
  }
  if (action === 'frequency') {
    const frequency = await askFrequency(prompter, 'How often', option.frequency, PAYMENT_FREQUENCIES);
    // An amount agreed per instalment does not carry over to another frequency.
    const { amount: _dropped, ...rest } = plan;
    return session.update(withPlan(session.draft, { ...rest, frequency }));
  }
  const most = affordableAt(affordability, option.frequency);
  const amount = await askMoney(prompter, {
    message: `Payment each time, ${option.frequency} (at most ${formatMoney(most, symbol)})`,
    symbol,
    default: option.instalmentAmount.gt(most) ? most : option.instalmentAmount,
    zero: false,
    most: { amount: most, hint: `That is more than the ${formatMoney(most, symbol)} found affordable; a plan never asks for more` },
  });
  const { termMonths: _t, variant: _v, ...kept } = plan;
  return session.update(withPlan(session.draft, { ...kept, kind: 'affordable', frequency: option.frequency, amount }));
}

type Action = 'agree' | 'page' | 'start' | 'frequency' | 'amount' | 'other' | 'statement' | 'back';

/** Where the next page of a long schedule starts, back at the first after the last; undefined when it fits on one. */
function nextPage(option: PlanOption, first: number): number | undefined {
  const count = option.instalments.length;
  if (count <= SCHEDULE_PAGE + 2) return undefined;
  return first + SCHEDULE_PAGE < count ? first + SCHEDULE_PAGE : 0;
}

function pageChoice(option: PlanOption, from: number): { name: string; value: 'page' } {
  const count = option.instalments.length;
  return { name: `Next payments: ${from + 1}–${Math.min(from + SCHEDULE_PAGE, count)} of ${count}`, value: 'page' };
}

export async function plansStep(session: Session): Promise<void> {
  const { prompter } = session;
  const affordability = assess(session.draft.statement, session.services);
  if (session.draft.statement.debts.length === 0) {
    session.say('\nThere are no debts to other creditors yet, so there is no plan to work out. Add them under "Other debts".');
    return goBack(session);
  }
  const noPlan = noPlanDuring(session.draft.statement.breathingSpace, session.services.asOf);
  if (noPlan !== undefined) return noPlanStep(session, affordability, noPlan);
  if (!(await limitationStep(session))) return goBack(session);
  // The first instalment of the schedule page shown.
  let first = 0;
  let paged = false;
  for (;;) {
    const { plan } = session.draft;
    if (!plan) {
      await pickOption(session, affordability);
      if (session.draft.step !== 'plans') return;
      continue;
    }
    const proposal = proposeFor(affordability, session.services, plan, limitationChoicesOf(session.draft, session.services.asOf));
    const possiblyBarred = proposal.request.possiblyBarred ?? [];
    const index = indexOfChoice(proposal, plan);
    const option = index === undefined ? undefined : proposal.options[index];
    if (!option) {
      session.say('\nThat option is not offered with these changes; please choose another.');
      await pickOption(session, affordability);
      continue;
    }
    if (!paged) first = 0;
    showChosen(session, affordability, proposal, option, false, first);
    const next = nextPage(option, first);
    // A call that dropped while the override was being answered carries on with it.
    const action: Action = pendingOf(session.draft, 'override') ? 'agree' : await prompter.select<Action>({
      message: 'Agree this plan, or change it?',
      choices: [
        {
          name: concernsOf(affordability, option, possiblyBarred).length === 0 ? 'Agree this plan and export it' : 'Agree this plan all the same (asks why)',
          value: 'agree',
        },
        ...(next === undefined ? [] : [pageChoice(option, next)]),
        { name: 'First payment on another date', value: 'start' },
        { name: 'How often it is paid: change it', value: 'frequency' },
        ...(affordableAt(affordability, option.frequency).gt(0) ? [{ name: 'Change the amount', value: 'amount' as const }] : []),
        { name: 'Other plan options', value: 'other' },
        { name: 'Show the whole statement', value: 'statement' },
        { name: 'Go back to another part', value: 'back' },
      ],
      // Paging on with Enter, once paging has begun.
      default: paged ? 'page' : 'agree',
      escape: 'back',
    });
    paged = action === 'page';
    if (action === 'page') first = next ?? 0;
    else if (action === 'agree') {
      await agreePlan(session, affordability, option, possiblyBarred);
      if (session.draft.step === 'export') return;
    } else if (action === 'back') return goBack(session);
    else if (action === 'statement') showStatement(session);
    else if (action === 'other') await pickOption(session, affordability);
    else await change(session, affordability, option, action);
  }
}
