/**
 * At the end of the income step: when the customer is paid, so that plans fall on payday (the plan
 * engine takes its frequency and first date from it). One Enter keeps what is recorded, or none.
 */
import { PAYMENT_FREQUENCIES, type PaymentFrequency } from '../../core/frequency.js';
import type { PaySchedule } from '../../core/statement.js';
import { askDate } from '../ask.js';
import { withStatement } from '../draft.js';
import type { Session } from '../session.js';
import { askCarryingOn } from './item.js';

export const PAY_QUESTION = 'How often is the customer paid? (plans then fall on payday)';

export async function askPaySchedule(session: Session): Promise<void> {
  const recorded = session.draft.statement.pay;
  const pay = await askCarryingOn(session, 'pay', 'the pay schedule', async (prompter): Promise<PaySchedule | undefined> => {
    const frequency = await prompter.select<PaymentFrequency | 'none'>({
      message: PAY_QUESTION,
      choices: [{ name: 'Not recorded', value: 'none' }, ...PAYMENT_FREQUENCIES.map((f) => ({ name: f, value: f }))],
      default: recorded?.frequency ?? 'none',
    });
    if (frequency === 'none') return undefined;
    return { frequency, nextPayDate: await askDate(prompter, 'Next payday (YYYY-MM-DD)', recorded?.nextPayDate ?? session.services.asOf) };
  });
  const { pay: _dropped, ...rest } = session.draft.statement;
  await session.update(withStatement(session.draft, pay ? { ...rest, pay } : rest));
}
