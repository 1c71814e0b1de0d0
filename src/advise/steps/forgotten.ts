/**
 * On moving on from the fixed costs: what callers often forget, each a question one Enter skips.
 * A common bill with nothing entered in its SFS field (water, the TV licence, home insurance) is
 * asked for; council tax paid over ten months is offered as its figure over the year, since the
 * budget is a twelve-month one.
 */
import type { ExpenditureCategory, ExpenditureLine, Statement } from '../../core/statement.js';
import { formatMoney, multiply, ZERO, type Money } from '../../core/money.js';
import { sfsFieldOfLine } from '../../statement/sfs-fields.js';
import { askMoney } from '../ask.js';
import { withStatement } from '../draft.js';
import type { Session } from '../session.js';

interface Common {
  readonly category: ExpenditureCategory;
  readonly sfs: string;
  readonly label: string;
  /** As the question names it. */
  readonly what: string;
}

/** The bills most households pay, in the SFS fields a caseworker would put them in. */
const COMMON_BILLS: readonly Common[] = [
  { category: 'water', sfs: 'water-supply', label: 'Water', what: 'water' },
  { category: 'home', sfs: 'tv-licence', label: 'TV licence', what: 'a TV licence' },
  { category: 'pensions-insurance', sfs: 'buildings-contents-insurance', label: 'Home and contents insurance', what: 'home and contents insurance' },
];

const holds = (statement: Statement, sfs: string): boolean => statement.expenditure.some((line) => sfsFieldOfLine(line) === sfs);

const councilTaxQuestion = (line: ExpenditureLine, symbol: string): string =>
  `Is the council tax of ${formatMoney(line.amount, symbol)} a month paid over 10 months? (it is then counted over the year)`;

async function askCommonBills(session: Session): Promise<void> {
  for (const bill of COMMON_BILLS) {
    if (holds(session.draft.statement, bill.sfs)) continue;
    const amount: Money = await askMoney(session.prompter, {
      message: `Nothing is entered for ${bill.what}: how much a month? (Enter if none)`,
      symbol: session.symbol,
      default: ZERO,
    });
    if (amount.isZero()) continue;
    const line: ExpenditureLine = { category: bill.category, label: bill.label, amount, frequency: 'monthly', sfs: bill.sfs };
    const { statement } = session.draft;
    await session.update(withStatement(session.draft, { ...statement, expenditure: [...statement.expenditure, line] }));
  }
}

/**
 * Council tax entered as a monthly amount may be one of ten instalments: its figure a month is then
 * ten payments over twelve months, recorded as the year's amount (ten payments) so that the figure
 * a month is worked out by the one rule every line's is (each to the penny, half up).
 */
async function askCouncilTaxMonths(session: Session): Promise<void> {
  const { statement } = session.draft;
  const index = statement.expenditure.findIndex((line) => sfsFieldOfLine(line) === 'council-tax-rates' && line.frequency === 'monthly' && !line.amount.isZero());
  const line = statement.expenditure[index];
  if (!line) return;
  if (!(await session.prompter.confirm({ message: councilTaxQuestion(line, session.symbol), default: false }))) return;
  const yearly: ExpenditureLine = {
    ...line,
    amount: multiply(line.amount, 10),
    frequency: 'annual',
    note: [line.note, `Paid in 10 monthly instalments of ${formatMoney(line.amount, session.symbol)}`].filter(Boolean).join('; '),
  };
  const expenditure = statement.expenditure.map((l, i) => (i === index ? yearly : l));
  await session.update(withStatement(session.draft, { ...statement, expenditure }));
}

export async function askForgotten(session: Session): Promise<void> {
  await askCouncilTaxMonths(session);
  await askCommonBills(session);
}
