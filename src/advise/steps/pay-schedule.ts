/**
 * At the end of the income step: when the customer is paid, so that plans fall on payday (the plan
 * engine takes its frequency and first date from it). One Enter keeps what is recorded, or none.
 */
import { isPaymentFrequency, PAYMENT_FREQUENCIES, type PaymentFrequency } from '../../core/frequency.js';
import { nextPayDate } from '../../core/plan/dates.js';
import type { PaySchedule, Statement } from '../../core/statement.js';
import type { IsoDate } from '../../core/date.js';
import { askDate, FREQUENCY_NAMES } from '../ask.js';
import { withStatement } from '../draft.js';
import type { Session } from '../session.js';
import { askCarryingOn } from './item.js';

const PAY_QUESTION = 'How often is the customer paid? (plans then fall on payday)';

/** How often the earnings entered are paid, when they are paid at a frequency a plan can follow. */
function earningsFrequency(statement: Statement): PaymentFrequency | undefined {
  const frequency = statement.income.find((line) => line.category === 'earnings')?.frequency;
  return frequency && isPaymentFrequency(frequency) ? frequency : undefined;
}

export async function askPaySchedule(session: Session): Promise<void> {
  const { asOf } = session.services;
  const { statement } = session.draft;
  const recorded = statement.pay;
  const pay = await askCarryingOn(session, 'pay', 'the pay schedule', async (prompter): Promise<PaySchedule | undefined> => {
    const frequency = await prompter.select<PaymentFrequency | 'none'>({
      message: PAY_QUESTION,
      choices: [{ name: 'Not recorded', value: 'none' }, ...PAYMENT_FREQUENCIES.map((f) => ({ name: FREQUENCY_NAMES[f], value: f }))],
      default: recorded?.frequency ?? earningsFrequency(statement) ?? 'none',
    });
    if (frequency === 'none') return undefined;
    // A payday that has passed is refused, naming the next one; a recorded one is offered rolled forward.
    // None is offered otherwise: today is rarely payday, and plans fall on the day given.
    const passed = (date: IsoDate) => `${date} has passed: the next payday after it is ${nextPayDate({ frequency, nextPayDate: date }, asOf)}`;
    const fallback = recorded ? nextPayDate({ frequency, nextPayDate: recorded.nextPayDate }, asOf) : undefined;
    return { frequency, nextPayDate: await askDate(prompter, 'Next payday (YYYY-MM-DD)', fallback, asOf, passed) };
  });
  const { pay: _dropped, ...rest } = session.draft.statement;
  await session.update(withStatement(session.draft, pay ? { ...rest, pay } : rest));
}
