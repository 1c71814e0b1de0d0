/**
 * An offer letter to one creditor of a plan across several: what is offered to them, how often and
 * from when, their share of the budget and why, the request to freeze interest and charges, and the
 * free debt advice signpost. The SFS summary goes beside it, so the figures can be checked.
 */
import type { Affordability } from '../../core/affordability/types.js';
import type { IsoDate } from '../../core/date.js';
import type { CreditorSchedule, PlanOption, PlanProposal } from '../../core/plan/types.js';
import { debtsPastLimitation, limitationFor } from '../../core/time-limits.js';
import { type Words, wordsFor } from '../../core/plan/words.js';
import { ADVICE_SIGNPOST } from '../../core/signpost.js';
import { longDate } from '../shared/dates.js';
import { composeLetter, orGap, type ComposedLetter, type Gap } from '../letter/compose.js';
import { renderLetterText } from '../letter/text.js';
import { optionAt } from './select.js';
import { reasonClause, type LetterOptions } from './letter.js';
import { CREDITOR_OFFER } from './letter-templates.js';
import { letterheadView } from './letterhead.js';

const SLUG_LENGTH = 60;

/** Plain ASCII for a file name: "Harbour Bank (credit card)" → "harbour-bank-credit-card". */
export function creditorSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    // The accents NFKD takes off their letters.
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    // A file name has room for 255 bytes: a long trading name is cut, the letter's number keeps it distinct.
    .slice(0, SLUG_LENGTH)
    .replace(/^-|-$/g, '');
  return slug || 'creditor';
}

/** The file names of the letters, without their extension (.txt, .docx, .pdf), in the creditors' order, numbered so that none can clash. */
export function creditorLetterNames(option: PlanOption): string[] {
  return (option.creditors ?? []).map((c, i) => `letter-${String(i + 1).padStart(2, '0')}-${creditorSlug(c.creditor)}`);
}

function offer(option: PlanOption, creditor: CreditorSchedule, words: Words): string {
  const { instalments } = creditor;
  const count = instalments.length;
  const first = instalments[0];
  const last = instalments[count - 1];
  if (!first || !last) return `The plan offers you nothing: nothing is owed to you.`;
  // The figures as they run, so that the payments add up to the total as written.
  const largest = instalments.reduce((most, instalment) => (instalment.amount.gt(most) ? instalment.amount : most), first.amount);
  const rising = largest.gt(first.amount) ? `, rising to ${words.rate(largest, option.frequency)} as other creditors are repaid` : '';
  const before = instalments[count - 2];
  const lastAmount = count > 1 && before && !last.amount.eq(before.amount) ? ` ${words.money(last.amount)}` : '';
  const ending = creditor.outcome.kind === 'repaid' ? `, the last${lastAmount} on ${longDate(creditor.lastDate)}` : '';
  const whole = words.rate(option.instalments[0]?.amount ?? first.amount, option.frequency);
  return (
    `We offer you ${words.rate(first.amount, option.frequency)}, your share of the customer’s payment of ${whole}, ` +
    `from ${longDate(first.due)}: ${words.payments(count, option.frequency)}${rising}${ending}, ${words.money(creditor.totalPaid)} in all.`
  );
}

function why(proposal: PlanProposal, option: PlanOption, creditor: CreditorSchedule, words: Words, overrideReason: string | undefined): string {
  const creditors = option.creditors ?? [];
  const owed = proposal.request.balance;
  const percent = owed.isZero() ? '0' : creditor.balance.div(owed).times(100).toFixed(1);
  const shared =
    option.sharing?.by === 'equal'
      ? `The token payment is shared equally among the customer’s ${creditors.length} creditors.`
      : `It is shared among the customer’s ${creditors.length} non-priority creditors in proportion to what each is owed: ` +
        `you are owed ${words.money(creditor.balance)} of ${words.money(owed)} (${percent}%).`;
  // Said only to a creditor whose share does grow: one repaid first, or a token's, never sees it.
  const grows = creditor.instalments.some((instalment) => instalment.amount.gt(creditor.share));
  const freed = option.sharing?.redistribute && grows ? ' When another creditor has been repaid, their share goes to those still owed, so your share grows.' : '';
  return (
    `The customer’s income and expenditure (the SFS summary enclosed) leaves ${words.available(proposal.request.affordableMonthly)} ` +
    `for non-priority creditors after essential costs and priority debts. ${shared}${freed}${aboveBudget(proposal, option, words, overrideReason)}`
  );
}

/** An offer above the budget says so, and why a person agreed it all the same. */
function aboveBudget(proposal: PlanProposal, option: PlanOption, words: Words, overrideReason: string | undefined): string {
  if (option.affordable) return '';
  const reason = overrideReason ? `; it is made all the same for this reason: ${reasonClause(overrideReason)}` : '';
  return ` This offer is more than the customer’s budget shows they can afford (${words.available(proposal.request.affordableMonthly)})${reason}.`;
}

/** What the creditor is told of their interest before the request to freeze it (which the template words). */
function interest(option: PlanOption, creditor: CreditorSchedule, words: Words): string[] {
  const paragraphs: string[] = [];
  if (creditor.interest.kind === 'continuing' && !creditor.totalInterest.isZero()) {
    paragraphs.push(
      `Your account records interest continuing at ${creditor.interest.annualRatePercent.toString()}% a year. At that rate ` +
        `${words.money(creditor.totalInterest)} of the payments to you would be interest.`,
    );
  }
  // A letter writes its dates out in words, as the rest of it does.
  if (creditor.outcome.kind === 'review' && option.outcome.kind === 'review') {
    paragraphs.push(`${words.money(creditor.balanceAfter)} will still be owed to you at the review on ${longDate(option.outcome.reviewDate)}.`);
  } else if (creditor.outcome.kind !== 'repaid') paragraphs.push(creditor.outcome.message);
  return paragraphs;
}

/**
 * To a creditor whose debt may be statute-barred (CONC 7.15): the offer does not accept that it can
 * be enforced, and they are asked to check before asking for payment.
 */
function limitation(creditor: string, affordability: Pick<Affordability, 'statement' | 'asOf'> | undefined): string[] {
  const debt = affordability && debtsPastLimitation(affordability.statement, affordability.asOf).find((d) => d.creditor === creditor);
  if (!debt || !affordability) return [];
  const { years, law } = limitationFor(affordability.statement);
  return [
    `The customer's last recorded payment to you was on ${longDate(debt.lastPaymentOn as IsoDate)}, more than ${years} years ago, ` +
      `so this debt may be statute-barred (${law}; CONC 7.15). This offer is made without accepting that the debt can be ` +
      'enforced: please check before asking the customer for any payment towards it.',
  ];
}

/** Why the creditor is offered a token, not a share that repays them. */
function tokenReason(proposal: PlanProposal, option: PlanOption, creditor: CreditorSchedule, words: Words): string {
  return (
    `The customer’s budget leaves ${words.available(proposal.request.affordableMonthly)} for non-priority creditors once ` +
    'essential costs and priority debts are paid: not enough for a realistic offer that would repay their debts. The token ' +
    `payment of ${words.rate(creditor.share, option.frequency)} shows that the customer wants to deal with the debt ` +
    'while their circumstances are as they are.'
  );
}

/** The letter to the creditor at `creditorIndex` about the option at `optionIndex`, made from its template. */
export function creditorLetter(proposal: PlanProposal, optionIndex: number, creditorIndex: number, options: LetterOptions = {}): ComposedLetter {
  const { reference, affordability, overrideReason, sender, templates } = options;
  const option = optionAt(proposal, optionIndex);
  const creditor = option.creditors?.[creditorIndex];
  if (!creditor) throw new Error(`option ${optionIndex} has no creditor ${creditorIndex}`);
  const words = wordsFor(proposal.request.currencySymbol);
  const statement = affordability?.statement;
  const gaps: Gap[] = [];
  const account = statement?.debts.find((debt) => debt.creditor === creditor.creditor)?.accountReference;
  const first = creditor.instalments[0]?.due ?? option.firstDate;
  const token = option.kind === 'token';
  const view = {
    ...letterheadView({ ...(sender ? { sender } : {}), ...(statement ? { statement } : {}), date: proposal.request.asOf }, gaps),
    creditor: creditor.creditor,
    account_reference: orGap(account, { what: `the account reference of ${creditor.creditor}`, fix: 'add accountReference to each debt in the statement' }, gaps),
    heading: token ? 'Offer of a token payment' : 'Offer of payment',
    offer: offer(option, creditor, words),
    limitation: limitation(creditor.creditor, affordability),
    how_worked_out: why(proposal, option, creditor, words, overrideReason),
    token,
    token_reason: token ? tokenReason(proposal, option, creditor, words) : '',
    review_date: option.outcome.kind === 'review' ? longDate(option.outcome.reviewDate) : '',
    interest_notes: interest(option, creditor, words),
    payments:
      `The customer will make the payments set out above directly to you, the first on ${longDate(first)}, quoting your ` +
      'account reference. Please tell us how you would like to be paid, for example your bank details for a standing order.',
    first_payment_date: longDate(first),
    signpost: ADVICE_SIGNPOST,
    reference: reference ?? '',
  };
  return composeLetter(CREDITOR_OFFER, templates, view, gaps, `Offer of payment to ${creditor.creditor}`);
}

/** The letter to the creditor at `creditorIndex` about the option at `optionIndex`, as plain text. */
export const renderCreditorLetter = (proposal: PlanProposal, optionIndex: number, creditorIndex: number, options: LetterOptions = {}): string =>
  renderLetterText(creditorLetter(proposal, optionIndex, creditorIndex, options).document, options.width);
