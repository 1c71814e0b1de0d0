/**
 * At the end of the flexible costs: what the customer puts by regularly, which the SFS asks for and
 * counts as spending. One Enter keeps what is recorded, or none.
 */
import { ZERO } from '../../core/money.js';
import type { RegularAmount } from '../../core/statement.js';
import { askFrequency, askMoney } from '../ask.js';
import { withStatement } from '../draft.js';
import type { Session } from '../session.js';
import { askItem, carriedOver } from './item.js';

export const SAVINGS_QUESTION = 'Savings put by regularly, each time (0 if none)';

export async function askSavings(session: Session): Promise<void> {
  const recorded = session.draft.statement.savings;
  const kept = carriedOver(session, 'savings', 'the savings');
  const savings = await askItem(
    session,
    { item: 'savings' },
    async (prompter): Promise<RegularAmount | undefined> => {
      const amount = await askMoney(prompter, { message: SAVINGS_QUESTION, default: recorded?.amount ?? ZERO });
      if (amount.isZero()) return undefined;
      const frequency = await askFrequency(prompter, 'How often', recorded?.frequency ?? 'monthly');
      return { amount, frequency, ...(recorded?.note ? { note: recorded.note } : {}) };
    },
    kept?.answers,
  );
  const { savings: _dropped, ...rest } = session.draft.statement;
  await session.update(withStatement(session.draft, savings ? { ...rest, savings } : rest));
}
