/**
 * The "time has run out" letter, for a debt past the limitation period that the advisor is
 * reasonably sure was neither paid nor acknowledged in writing in the period (domain notes 2.9),
 * after Business Debtline's "Time has run out to recover a debt" letter: written as from the
 * customer, it names the account, admits no liability, quotes the law of the customer's nation and
 * CONC 7.15.4 and 7.15.8, asks for evidence of any payment or acknowledgement the creditor says was
 * made, and asks for written confirmation that the matter is closed. It makes no offer and states no
 * balance. Self-contained (its words are all here), so that it can become a template as it is.
 */
import type { IsoDate } from '../../core/date.js';
import type { Customer, Debt, Jurisdiction } from '../../core/statement.js';
import { longDate } from '../shared/dates.js';
import { wrap } from '../shared/wrap.js';

export interface TimeRunOutLetter {
  readonly debt: Pick<Debt, 'creditor' | 'accountReference'>;
  /** Where the customer lives: the law the letter quotes (England and Wales unless said). */
  readonly jurisdiction?: Jurisdiction;
  readonly customer?: Customer;
  /** The letter's date. */
  readonly on: IsoDate;
  /** Line width; default 72. */
  readonly width?: number;
  /** The provenance reference printed at the foot (see letterReference). */
  readonly reference?: string;
}

/** What the law of each nation does once the period has run, in the customer's words. */
const LAW: Readonly<Record<Jurisdiction, string>> = {
  'england-wales':
    'I have not made any payment to you, or to anyone acting for you, and I have not acknowledged this debt in writing, ' +
    'in the last six years. Under section 5 of the Limitation Act 1980 an action to recover a debt like this cannot be ' +
    'brought more than six years after the cause of action arose, so the debt is statute-barred.',
  'northern-ireland':
    'I have not made any payment to you, or to anyone acting for you, and I have not acknowledged this debt in writing, ' +
    'in the last six years. Under the Limitation (Northern Ireland) Order 1989 an action to recover a debt like this ' +
    'cannot be brought more than six years after the cause of action arose, so the debt is statute-barred.',
  scotland:
    'I have not made any payment to you, or to anyone acting for you, and I have not acknowledged this debt in writing, ' +
    'in the last five years, and no relevant claim has been made. Under section 6 of the Prescription and Limitation ' +
    '(Scotland) Act 1973 the obligation has therefore been extinguished: the debt no longer exists.',
};

const CONC =
  'The Financial Conduct Authority’s rules say that a firm must not try to recover a statute-barred debt if it was ' +
  'not in contact with the customer during the limitation period (CONC 7.15.4), and must not continue to ask for ' +
  'payment once the customer has said that they will not pay because the debt is statute-barred (CONC 7.15.8).';

/** The letter as plain text. */
export function renderTimeRunOutLetter({ debt, jurisdiction = 'england-wales', customer, on, width = 72, reference }: TimeRunOutLetter): string {
  const account = debt.accountReference ?? '[account number: add it before sending]';
  const paragraphs = [
    `I am writing about the account above. I do not admit any liability for this debt.`,
    LAW[jurisdiction],
    CONC,
    'I will not be making any payment towards this debt. If you believe that I made a payment or acknowledged the ' +
      'debt in writing within that period, please send me evidence of it.',
    'Please confirm in writing that you have closed this matter and that you will not contact me about it again.',
  ];
  const lines = [
    `To: ${debt.creditor}`,
    ...(customer ? [`From: ${customer.name}${customer.reference ? ` (reference ${customer.reference})` : ''}`] : []),
    `Date: ${longDate(on)}`,
    '',
    `Re: account ${account}`,
    '',
    'Dear Sir or Madam',
    '',
  ];
  for (const paragraph of paragraphs) lines.push(...wrap(paragraph, width), '');
  lines.push('Yours faithfully', '', '', customer?.name ?? '[signature and name]', '');
  if (reference) lines.push(reference);
  return `${lines.join('\n').trimEnd()}\n`;
}
