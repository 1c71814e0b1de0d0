/**
 * A short letter a customer could be sent about one option: what they pay, when and for how long,
 * what happens to interest, what to do if things change, and where to get free debt advice.
 * Plain words about the budget, never about the person's failings. A token payment is never
 * presented as repaying; a plan that does not fit the budget says so.
 */
import { planReviewOn } from '../../core/plan/review.js';
import type { Affordability } from '../../core/affordability/types.js';
import type { IsoDate } from '../../core/date.js';
import { limitationFor, type LimitationStatus, type PossiblyBarredDebt } from '../../core/time-limits.js';
import type { Money } from '../../core/money.js';
import type { PaymentRun, PlanOption, PlanProposal } from '../../core/plan/types.js';
import { months, PER, termInMonths, type Words, wordsFor } from '../../core/plan/words.js';
import { ADVICE_SIGNPOST } from '../../core/signpost.js';
import { longDate } from '../shared/dates.js';
import type { Frequency } from '../../core/frequency.js';
import type { Statement } from '../../core/statement.js';
import { composeLetter, type ComposedLetter, type Gap, type LetterTemplates } from '../letter/compose.js';
import type { Sender } from '../letter/sender.js';
import { renderLetterText } from '../letter/text.js';
import { CUSTOMER_LETTER } from './letter-templates.js';
import { letterheadView } from './letterhead.js';
import { optionAt } from './select.js';

export interface LetterOptions {
  /** Line width; default 72. */
  readonly width?: number;
  /** The provenance reference (see provenanceReference), printed at the foot to match the letter to its JSON. */
  readonly reference?: string;
  /** The budget the plan was made from, when there is one: the law its debts past the limitation period are under. */
  readonly affordability?: Pick<Affordability, 'statement' | 'asOf'>;
  /** A person's reason for agreeing an option above what is affordable, which the letter states. */
  readonly overrideReason?: string;
  /** Who the letters are from (`--sender`); without it each sender detail is a marked gap. */
  readonly sender?: Sender;
  /** An organisation's own templates (`--templates`); fairplan's for any letter they do not word. */
  readonly templates?: LetterTemplates;
}

/** The reason as a clause ending a sentence: without its own closing stop. */
export const reasonClause = (reason: string): string => reason.trim().replace(/[.!?\s]+$/u, '');

/**
 * A debt past the limitation period (CONC 7.15) is never worded as enforceable. One left out of the
 * offers until it is checked: the template tells the customer not to pay, sign or promise anything to
 * its creditor until then (a payment or a signed letter could restart the clock). One the pack writes
 * the "time has run out" letter for: the same, and that the letter makes no offer. One a person
 * included all the same: what is offered is only an offer the customer may choose to make.
 */
function olderDebts(possiblyBarred: readonly PossiblyBarredDebt[], affordability: Pick<Affordability, 'statement' | 'asOf'> | undefined) {
  const { years } = limitationFor(affordability?.statement ?? {});
  const scotland = affordability?.statement.jurisdiction === 'scotland';
  const of = (status: LimitationStatus) => possiblyBarred.filter((p) => p.status === status).map(({ debt }) => debt);
  const named = (status: LimitationStatus) => of(status).map((debt) => `${debt.creditor} (last payment ${longDate(debt.lastPaymentOn)})`);
  const why =
    `We have no record of a payment or written acknowledgement for more than ${YEARS[years] ?? years} years, so ` +
    `a court may no longer be able to order you to pay${scotland ? ', and in Scotland the debt may no longer be owed at all' : ''}.`;
  const paragraphs: string[] = [];
  const timeRunOut = named('time-run-out');
  if (timeRunOut.length > 0) {
    paragraphs.push(
      `The letter to ${timeRunOut.join('; ')} says that time has run out for ${timeRunOut.length === 1 ? 'it' : 'them'} to ` +
        `recover the debt, and offers nothing. ${why} Please do not pay, sign or promise anything to ` +
        `${timeRunOut.length === 1 ? 'this creditor' : 'these creditors'}, and tell us if they reply.`,
    );
  }
  const included = named('included');
  if (included.length > 0) {
    paragraphs.push(
      `We have no record of a payment for more than ${YEARS[years] ?? years} years on: ${included.join('; ')}. A debt with ` +
        'no payment or written acknowledgement for that long may be statute-barred: a court could not then order you to ' +
        `pay it${scotland ? ', and in Scotland it may no longer be owed at all' : ''}. Nothing in this letter means that it can ` +
        'be enforced, and any payment shown for it is only an offer you may choose to make. Free debt advice can tell you ' +
        'where you stand.',
    );
  }
  const unchecked = of('unchecked');
  return {
    has_older_debts: possiblyBarred.length > 0,
    has_unchecked_debts: unchecked.length > 0,
    unchecked_debts: named('unchecked').join('; '),
    unchecked_creditors: unchecked.map((debt) => debt.creditor),
    limitation_why: why,
    older_debts: paragraphs,
  };
}

const YEARS: Readonly<Record<number, string>> = { 5: 'five', 6: 'six' };

/** "33 monthly payments of £30.00 and a final payment of £10.00". */
function describeRuns(option: PlanOption, words: Words): string {
  const runs: readonly PaymentRun[] = option.pattern;
  const { money } = words;
  return runs
    .map((run, i) => {
      const last = i === runs.length - 1;
      if (i === 0) return run.count === 1 ? `one payment of ${money(run.amount)}` : `${words.payments(run.count, option.frequency)} of ${money(run.amount)}`;
      if (last && run.count === 1) return ` and a final payment of ${money(run.amount)}`;
      return `${last ? ' and' : ','} then ${run.count} of ${money(run.amount)}`;
    })
    .join('');
}

function heading(option: PlanOption): string {
  if (option.kind === 'settlement') return 'Settling your account';
  if (option.outcome.kind === 'review') return 'Your token payment arrangement';
  return 'Your repayment plan';
}

const agreedAllTheSame = (reason: string | undefined): string =>
  reason ? ` You have agreed to it all the same for this reason: ${reasonClause(reason)}.` : '';

function whatYouPay(option: PlanOption, words: Words, overrideReason: string | undefined): string[] {
  const { money } = words;
  const first = longDate(option.firstDate);
  const last = longDate(option.lastDate);
  if (option.outcome.kind === 'review') {
    return [
      `You pay a token amount of ${money(option.instalmentAmount)} a month, starting on ${first}. A token payment is ` +
        'not expected to repay what you owe: it gives you time while your budget has little or nothing left over.',
      ...(option.affordable
        ? []
        : [
            'Your budget shows nothing left over at the moment, so please make this payment only if you can without ' +
              'going short on essentials such as rent, energy and food. If you cannot, tell us, and we will talk about ' +
              `pausing payments while you get free debt advice.${agreedAllTheSame(overrideReason)}`,
          ]),
      `We will review the arrangement with you on ${longDate(option.outcome.reviewDate)}, when ${money(option.balanceAfter)} ` +
        'will still be owed.',
    ];
  }
  const paragraphs: string[] = [];
  if (option.kind === 'settlement') {
    paragraphs.push(
      `Your creditor has agreed to accept ${money(option.amountToRepay)} in full settlement of the ${money(option.balance)} ` +
        `you owe (${option.discountPercent.toString()}% less). Once it has been paid, the remaining ${money(option.writtenOff)} ` +
        'will be written off. A settlement may be recorded on your credit file as partially settled.',
    );
  }
  const when =
    option.instalmentCount === 1
      ? ` on ${first}`
      : `, from ${first} to ${last}, about ${months(termInMonths(option.instalmentCount, option.frequency))}`;
  paragraphs.push(`You pay ${describeRuns(option, words)}${when}. In total you will pay ${money(option.totalPaid)}.`);
  if (option.kind === 'step-up') {
    paragraphs.push(
      `The payments go up on ${longDate(option.stepDate)}, when ${option.note ? `you expect a change (${option.note})` : 'you expect your budget to change'}. ` +
        'If that change does not happen, please tell us before then and we will look at the plan again.',
    );
  }
  if (option.outcome.kind === 'never-repays') {
    paragraphs.push(
      `These payments would not clear what you owe${option.outcome.cause === 'interest' ? ', because they do not cover the interest being added' : ' within 50 years'}. ` +
        'We will look at this again with you, and free debt advice can help you find a better way forward.',
    );
  }
  if (!option.affordable) {
    paragraphs.push(
      `Please note: ${option.instalmentCount === 1 ? 'this payment is' : 'these payments are'} more than your budget shows ` +
        'you can afford. Please do not agree to this unless you are sure you can keep to it, and never borrow money or ' +
        `sell belongings to pay.${agreedAllTheSame(overrideReason)}`,
    );
  }
  return paragraphs;
}

/** The creditors who keep adding interest, with their rates: "Harbour Bank (24.9% a year)". */
function charging(option: PlanOption): string[] {
  return (option.creditors ?? []).flatMap((c) =>
    c.interest.kind === 'continuing' && !c.interest.annualRatePercent.isZero() ? [`${c.creditor} (${c.interest.annualRatePercent.toString()}% a year)`] : [],
  );
}

function interest(option: PlanOption, money: (amount: Money) => string): string {
  if (option.kind === 'settlement') return 'The settlement sum is fixed: no interest or charges will be added to it.';
  if (option.creditors) {
    const adding = charging(option);
    if (adding.length === 0) {
      return `No interest or charges will be added while you keep to this ${option.outcome.kind === 'review' ? 'arrangement' : 'plan'}.`;
    }
    const others = option.creditors.length - adding.length;
    const frozen = others === 0 ? '' : others === 1 ? '; the other creditor has frozen it' : '; the other creditors have frozen it';
    return `Interest is still being added by ${listed(adding)}${frozen}. Over the plan it ` +
      `comes to ${money(option.totalInterest)}, which is included in the total above. You can ask for interest to be ` +
      'frozen; a free debt adviser can help you do this.';
  }
  if (option.interest.kind === 'frozen') {
    return `No interest or charges will be added while you keep to this ${option.outcome.kind === 'review' ? 'arrangement' : 'plan'}.`;
  }
  const rate = `${option.interest.annualRatePercent.toString()}% a year`;
  if (option.outcome.kind === 'review') {
    return `Interest is still being added at ${rate} while token payments are made, so what you owe will grow. ` +
      'You can ask for interest to be frozen; a free debt adviser can help you do this.';
  }
  return `Interest is still being added at ${rate}. Over the plan it comes to ${money(option.totalInterest)}, ` +
    'which is included in the total above.';
}

const listed = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** How each payment is split between the creditors: the sentence, then a line for each creditor. */
function split(option: PlanOption): string {
  const shared =
    option.sharing?.by === 'equal'
      ? 'Each payment is shared equally between your creditors'
      : 'Each payment is shared between your creditors in proportion to what you owe each of them';
  const freed = option.sharing?.redistribute
    ? 'When one of them has been repaid, their share goes to the others, so your payment stays the same.'
    : 'When one of them has been repaid, your payment goes down by their share.';
  return `${shared}. ${freed}`;
}

/**
 * What each creditor is paid and until when. In a pack, where the customer pays each of them
 * directly, also from when and to which account.
 */
function creditorPayments(option: PlanOption, words: Words, pack: boolean, statement: Statement | undefined): string[] {
  return (option.creditors ?? []).map((c) => {
    const end = c.outcome.kind === 'repaid' ? `repaid on ${longDate(c.lastDate)}` : `not repaid by this ${option.outcome.kind === 'review' ? 'arrangement' : 'plan'}`;
    if (!pack) return `${c.creditor}: ${words.money(c.share)} of the first payment; ${words.money(c.totalPaid)} in all, ${end}.`;
    const account = statement?.debts.find((debt) => debt.creditor === c.creditor)?.accountReference;
    const first = c.instalments[0];
    const grows = c.instalments.some((instalment) => instalment.amount.gt(c.share));
    const from = first ? ` from ${longDate(first.due)}${grows ? ', more once others are repaid' : ''}` : '';
    return `${c.creditor}${account ? ` (account ${account})` : ''}: ${words.rate(c.share, option.frequency)}${from}; ${words.money(c.totalPaid)} in all, ${end}.`;
  });
}

const PER_ANY: Readonly<Record<Frequency, string>> = { ...PER, quarterly: 'a quarter', annual: 'a year' };

/** The priority debts as the statement records their payments, which the plan leaves as they are. */
const priorityDebts = (statement: Statement | undefined, words: Words): string[] =>
  (statement?.priorityDebts ?? []).map((d) => `${d.creditor}: ${words.money(d.payment)} ${PER_ANY[d.frequency]}`);

/** During a Breathing Space nothing is asked for and nothing is added; the plan starts after it. */
const paused = (until: IsoDate | undefined): string[] =>
  until === undefined
    ? []
    : [
        `You are in Breathing Space until ${longDate(until)}. Until then we will not ask you for any payment, and no ` +
          'interest or charges will be added to what you owe. Nothing below is due before it ends.',
      ];

/** Every plan is reviewed (see `planReviewOn`); a token arrangement's review is already given with its payments. */
function reviewSentence(option: PlanOption, proposal: PlanProposal): string {
  const on = planReviewOn(option, proposal.request);
  if (option.outcome.kind === 'review' && option.outcome.reviewDate === on) return '';
  return ` In any case we will go through your budget and this plan with you again by ${longDate(on)}.`;
}

/**
 * The customer's letter for the option at `optionIndex` of `proposal`, made from its template.
 * `pack`: headed as a letter sent by post, with what to pay each creditor directly.
 */
export function customerLetter(proposal: PlanProposal, optionIndex: number, options: LetterOptions & { readonly pack?: boolean } = {}): ComposedLetter {
  const { reference, affordability, overrideReason, sender, templates, pack = false } = options;
  const option = optionAt(proposal, optionIndex);
  const words = wordsFor(proposal.request.currencySymbol);
  const statement = affordability?.statement;
  const moved = option.instalments.some((instalment) => instalment.movedFrom !== undefined);
  const gaps: Gap[] = [];
  const priority = priorityDebts(statement, words);
  const view = {
    ...letterheadView({ ...(sender ? { sender } : {}), ...(statement ? { statement } : {}), date: proposal.request.asOf }, gaps),
    pack,
    heading: heading(option),
    paused: paused(proposal.request.pausedUntil),
    what_you_pay: [
      ...whatYouPay(option, words, overrideReason),
      ...(moved ? ['When a payment date falls on a weekend or bank holiday, the payment is due on the next working day.'] : []),
    ],
    shared: (option.creditors?.length ?? 0) > 1,
    sharing: split(option),
    creditor_payments: creditorPayments(option, words, pack, statement),
    has_priority_debts: priority.length > 0,
    priority_debts: priority,
    interest: interest(option, words.money),
    ...olderDebts(proposal.request.possiblyBarred ?? [], affordability),
    circumstances:
      'Budgets change. If your income goes down, your costs go up, or you cannot make a payment, please tell us as ' +
      'soon as you can. We will look at your budget with you again and agree what to do next.' +
      reviewSentence(option, proposal),
    signpost: ADVICE_SIGNPOST,
    reference: reference ?? '',
  };
  return composeLetter(CUSTOMER_LETTER, templates, view, gaps, heading(option));
}

/** The customer's letter for the option at `optionIndex` of `proposal`, as plain text. */
export const renderLetter = (proposal: PlanProposal, optionIndex: number, options: LetterOptions & { readonly pack?: boolean } = {}): string =>
  renderLetterText(customerLetter(proposal, optionIndex, options).document, options.width);
