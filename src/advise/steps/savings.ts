/**
 * At the end of the flexible costs: what the customer puts by regularly, which the SFS asks for and
 * counts as spending. One Enter keeps what is recorded, or none.
 */
import { ZERO } from '../../core/money.js';
import { askFrequency, askMoney } from '../ask.js';
import { withStatement } from '../draft.js';
import type { Session } from '../session.js';

export const SAVINGS_QUESTION = 'Savings put by regularly, each time (0 if none)';

export async function askSavings(session: Session): Promise<void> {
  const { statement } = session.draft;
  const amount = await askMoney(session.prompter, { message: SAVINGS_QUESTION, default: statement.savings?.amount ?? ZERO });
  if (amount.isZero()) {
    const { savings: _dropped, ...rest } = statement;
    return session.update(withStatement(session.draft, rest));
  }
  const frequency = await askFrequency(session.prompter, 'How often', statement.savings?.frequency ?? 'monthly');
  const { note } = statement.savings ?? {};
  await session.update(withStatement(session.draft, { ...statement, savings: { amount, frequency, ...(note ? { note } : {}) } }));
}
