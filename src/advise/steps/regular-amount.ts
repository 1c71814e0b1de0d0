/**
 * At the end of the flexible costs, in the SFS's order before what is available for priority
 * debts: what the customer puts by regularly as savings, and any debt admin fee they pay a debt
 * management provider. Each is an amount and how often; one Enter keeps what is recorded, or none.
 */
import { ZERO } from '../../core/money.js';
import type { RegularAmount } from '../../core/statement.js';
import { askFrequency, askMoney } from '../ask.js';
import { withStatement, type Item } from '../draft.js';
import type { Session } from '../session.js';
import { askCarryingOn } from './item.js';

export interface RegularAmountQuestion {
  readonly item: Item;
  /** Where the statement keeps it. */
  readonly part: 'savings' | 'debtAdminFee';
  readonly message: string;
  /** What it is called when a dropped call carries on with it. */
  readonly what: string;
}

export const SAVINGS: RegularAmountQuestion = {
  item: 'savings',
  part: 'savings',
  message: 'Savings put by regularly, each time (0 if none)',
  what: 'the savings',
};

export const DEBT_ADMIN_FEE: RegularAmountQuestion = {
  item: 'debt-admin-fee',
  part: 'debtAdminFee',
  message: 'Debt admin fee to a debt management firm, each time (0 if none)',
  what: 'the debt admin fee',
};

export async function askRegularAmount(session: Session, question: RegularAmountQuestion): Promise<void> {
  const recorded = session.draft.statement[question.part];
  const asked = await askCarryingOn(session, question.item, question.what, async (prompter): Promise<RegularAmount | undefined> => {
    const amount = await askMoney(prompter, { message: question.message, symbol: session.symbol, default: recorded?.amount ?? ZERO });
    if (amount.isZero()) return undefined;
    const frequency = await askFrequency(prompter, 'How often', recorded?.frequency ?? 'monthly');
    return { amount, frequency, ...(recorded?.note ? { note: recorded.note } : {}) };
  });
  const { [question.part]: _dropped, ...rest } = session.draft.statement;
  await session.update(withStatement(session.draft, asked ? { ...rest, [question.part]: asked } : rest));
}
