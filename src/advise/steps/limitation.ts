/**
 * Before the plan options: each debt past the limitation period (domain notes 2.9) is left out of
 * the offers by default, and the advisor is told so and asked, once for each such debt, whether they
 * are reasonably sure nothing was paid or acknowledged in writing in the period (the export then
 * holds the "time has run out" letter), or whether to include it all the same, with a reason. Enter
 * or Esc leaves it out. The answers are kept in the draft; the plan engine applies them by the rule
 * `plan` uses (`possiblyBarredDebts`).
 */
import type { IsoDate } from '../../core/date.js';
import type { Statement } from '../../core/statement.js';
import { debtsPastLimitation, isLeftOut, limitationFor, possiblyBarredDebts, type LimitationChoices, type PossiblyBarredDebt } from '../../core/time-limits.js';
import { longDate } from '../../render/shared/dates.js';
import { askReason } from '../ask.js';
import type { Draft, LimitationDecision } from '../draft.js';
import { paragraph } from '../render.js';
import type { Session } from '../session.js';

export const LIMITATION_QUESTION = 'What should the plan do with this debt?';
export const INCLUDE_REASON_QUESTION = 'Why is it offered money all the same? (kept in the export; leave empty to leave it out)';

type Answer = 'unchecked' | 'time-run-out' | 'include';

/** The decisions that still name a debt past the period (the statement may have changed since), as the engine takes them. */
export function limitationChoicesOf(draft: Pick<Draft, 'limitation' | 'statement'>, asOf: IsoDate): LimitationChoices {
  const past = new Set(debtsPastLimitation(draft.statement, asOf).map((debt) => debt.creditor));
  const decisions = (draft.limitation ?? []).filter((d) => past.has(d.creditor));
  return {
    timeRunOut: decisions.filter((d) => d.status === 'time-run-out').map((d) => d.creditor),
    include: decisions.flatMap((d) => (d.status === 'included' && d.reason ? [{ creditor: d.creditor, reason: d.reason }] : [])),
  };
}

const decided = (draft: Draft, decision: LimitationDecision): Draft => ({
  ...draft,
  limitation: [...(draft.limitation ?? []).filter((d) => d.creditor !== decision.creditor), decision],
});

/**
 * Asks about each debt past the period not yet asked about. Returns false when every debt to other
 * creditors is left out, so there is no one to offer anything to.
 */
export async function limitationStep(session: Session): Promise<boolean> {
  const { statement } = session.draft;
  const { asOf, style } = session.services;
  const { years } = limitationFor(statement);
  for (const debt of debtsPastLimitation(statement, asOf)) {
    if (session.draft.limitation?.some((d) => d.creditor === debt.creditor)) continue;
    session.say(
      [
        '',
        style.heading(`${debt.creditor}: may be statute-barred`),
        ...paragraph(
          `No payment or written acknowledgement is recorded since ${longDate(debt.lastPaymentOn as IsoDate)}, more than ${years} years ago. ` +
            'It is left out of the offers until it has been checked: its share goes to the other creditors, it gets no letter, ' +
            'and the customer is told not to pay, sign or promise anything to it.',
        ).map((line) => style.warning(line)),
      ].join('\n'),
    );
    const answer = await session.prompter.select<Answer>({
      message: LIMITATION_QUESTION,
      choices: [
        { name: 'Leave it out until it has been checked', value: 'unchecked' },
        { name: 'Time has run out: I am reasonably sure nothing was paid or acknowledged in writing since (adds that letter)', value: 'time-run-out' },
        { name: 'Include it in the offers all the same (asks why)', value: 'include' },
      ],
      default: 'unchecked',
      escape: 'unchecked',
    });
    const reason = answer === 'include' ? await askReason(session.prompter, INCLUDE_REASON_QUESTION) : '';
    const decision: LimitationDecision =
      answer === 'include' && reason !== '' ? { creditor: debt.creditor, status: 'included', reason } : { creditor: debt.creditor, status: answer === 'time-run-out' ? 'time-run-out' : 'unchecked' };
    await session.update(decided(session.draft, decision));
  }
  const leftOut = possiblyBarredDebts(statement, asOf, limitationChoicesOf(session.draft, asOf)).filter(isLeftOut);
  if (leftOut.length === statement.debts.length) {
    session.say(
      `\n${paragraph('Every debt to other creditors may be statute-barred and is left out of the offers, so there is no plan to work out. Go back to "Other debts" to check them.').join('\n')}`,
    );
    return false;
  }
  return true;
}

/** The exported statement's notes for the file record each debt past the period and what was decided about it. */
export function withLimitationNotes(statement: Statement, possiblyBarred: readonly PossiblyBarredDebt[]): Statement {
  if (possiblyBarred.length === 0) return statement;
  const notes = possiblyBarred.map(({ debt, status, reason }) =>
    status === 'included'
      ? `${debt.creditor} may be statute-barred (last payment ${debt.lastPaymentOn}) and is offered money all the same. Reason given: ${reason ?? ''}`
      : status === 'time-run-out'
        ? `${debt.creditor} may be statute-barred (last payment ${debt.lastPaymentOn}): the advisor is reasonably sure nothing was paid or acknowledged in writing since; the "time has run out" letter is exported, and nothing offered.`
        : `${debt.creditor} may be statute-barred (last payment ${debt.lastPaymentOn}): left out of the offers until it has been checked.`,
  );
  return { ...statement, notes: [statement.notes, ...notes].filter(Boolean).join('\n') };
}
