/**
 * The "time has run out" letter, for a debt past the limitation period that the advisor is
 * reasonably sure was neither paid nor acknowledged in writing in the period (domain notes 2.9),
 * after Business Debtline's "Time has run out to recover a debt" letter: written as from the
 * customer, it names the account, admits no liability, quotes the law of the customer's nation and
 * CONC 7.15.4 and 7.15.8, asks for evidence of any payment or acknowledgement the creditor says was
 * made, and asks for written confirmation that the matter is closed. It makes no offer and states no
 * balance. Made from its template (TIME_RUN_OUT), as the offer letters are.
 */
import type { Debt, Jurisdiction, Statement } from '../../core/statement.js';
import { composeLetter, orGap, type ComposedLetter, type Gap } from '../letter/compose.js';
import type { LetterOptions } from './letter.js';
import { TIME_RUN_OUT } from './letter-templates.js';
import { letterheadView } from './letterhead.js';
import type { IsoDate } from '../../core/date.js';

export interface TimeRunOutLetter extends Pick<LetterOptions, 'sender' | 'templates'> {
  readonly debt: Pick<Debt, 'creditor' | 'accountReference'>;
  /** The customer's statement: who writes, where they live (the law the letter quotes) and their address. */
  readonly statement: Statement;
  /** The letter's date: the plan's as-of day. */
  readonly on: IsoDate;
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

/** The letter to `debt`'s creditor, made from its template; a detail it lacks is a marked gap. */
export function timeRunOutLetter({ debt, statement, on, reference, sender, templates }: TimeRunOutLetter): ComposedLetter {
  const gaps: Gap[] = [];
  const view = {
    ...letterheadView({ ...(sender ? { sender } : {}), statement, date: on }, gaps),
    creditor: debt.creditor,
    account_reference: orGap(debt.accountReference, { what: `the account reference of ${debt.creditor}`, fix: 'add accountReference to each debt in the statement' }, gaps),
    law: LAW[statement.jurisdiction ?? 'england-wales'],
    reference: reference ?? '',
  };
  return composeLetter(TIME_RUN_OUT, templates, view, gaps, `Time has run out to recover this debt: ${debt.creditor}`);
}
