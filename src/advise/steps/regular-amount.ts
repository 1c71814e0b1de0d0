/**
 * At the end of the flexible costs, in the SFS's order before what is available for priority
 * debts: what the customer puts by regularly as savings, and any debt admin fee they pay a debt
 * management provider. Each is an amount and how often; one Enter keeps what is recorded, or none.
 */
import type { Frequency } from '../../core/frequency.js';
import { ZERO } from '../../core/money.js';
import type { RegularAmount, Statement } from '../../core/statement.js';
import { PER_FREQUENCY } from '../../render/labels.js';
import { askFrequency, askMoney } from '../ask.js';
import { withStatement, type Item } from '../draft.js';
import type { Session } from '../session.js';
import { askCarryingOn } from './item.js';

export interface RegularAmountQuestion {
  readonly item: Item;
  /** Where the statement keeps it. */
  readonly part: 'savings' | 'debtAdminFee';
  /** What is asked for; the question says how often it is taken to be paid. */
  readonly asked: string;
  /** What it is called when a dropped call carries on with it. */
  readonly what: string;
}

export const SAVINGS: RegularAmountQuestion = {
  item: 'savings',
  part: 'savings',
  asked: 'Savings put by regularly (a small buffer for emergencies helps avoid new debt)',
  what: 'the savings',
};

export const DEBT_ADMIN_FEE: RegularAmountQuestion = {
  item: 'debt-admin-fee',
  part: 'debtAdminFee',
  asked: 'Debt admin fee to a debt management firm',
  what: 'the debt admin fee',
};

/** How often it is taken to be paid until the advisor says otherwise: as recorded, else each payday, else monthly. */
const usualFrequency = (statement: Statement, question: RegularAmountQuestion): Frequency =>
  statement[question.part]?.frequency ?? statement.pay?.frequency ?? 'monthly';

/** "Savings put by regularly, each payday (0 if none)", or "…, a month (…)" when not paid on payday. */
function amountMessage(statement: Statement, question: RegularAmountQuestion): string {
  const frequency = usualFrequency(statement, question);
  return `${question.asked}, ${frequency === statement.pay?.frequency ? 'each payday' : PER_FREQUENCY[frequency]} (0 if none)`;
}

export async function askRegularAmount(session: Session, question: RegularAmountQuestion): Promise<void> {
  const { statement } = session.draft;
  const recorded = statement[question.part];
  const asked = await askCarryingOn(session, question.item, question.what, async (prompter): Promise<RegularAmount | undefined> => {
    const amount = await askMoney(prompter, { message: amountMessage(statement, question), symbol: session.symbol, default: recorded?.amount ?? ZERO });
    if (amount.isZero()) return undefined;
    const frequency = await askFrequency(prompter, 'How often', usualFrequency(statement, question));
    return { amount, frequency, ...(recorded?.note ? { note: recorded.note } : {}) };
  });
  const { [question.part]: _dropped, ...rest } = session.draft.statement;
  await session.update(withStatement(session.draft, asked ? { ...rest, [question.part]: asked } : rest));
}
