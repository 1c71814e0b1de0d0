/**
 * At the end of the income step: when the customer is paid, so that plans fall on payday (the plan
 * engine takes its frequency and first date from it). One Enter keeps what is recorded, or none.
 */
import { PAYMENT_FREQUENCIES, type PaymentFrequency } from '../../core/frequency.js';
import { askDate } from '../ask.js';
import { withStatement } from '../draft.js';
import type { Session } from '../session.js';

export const PAY_QUESTION = 'How often is the customer paid? (plans then fall on payday)';

export async function askPaySchedule(session: Session): Promise<void> {
  const { statement } = session.draft;
  const frequency = await session.prompter.select<PaymentFrequency | 'none'>({
    message: PAY_QUESTION,
    choices: [{ name: 'Not recorded', value: 'none' }, ...PAYMENT_FREQUENCIES.map((f) => ({ name: f, value: f }))],
    default: statement.pay?.frequency ?? 'none',
  });
  if (frequency === 'none') {
    const { pay: _dropped, ...rest } = statement;
    return session.update(withStatement(session.draft, rest));
  }
  const nextPayDate = await askDate(session.prompter, 'Next payday (YYYY-MM-DD)', statement.pay?.nextPayDate ?? session.services.asOf);
  await session.update(withStatement(session.draft, { ...statement, pay: { frequency, nextPayDate } }));
}
