/**
 * The flags an affordability check raises, each with a plain reason. Flags inform a person; none of
 * them changes a figure (guideline overruns are never cut, vulnerability never changes a plan).
 */
import { formatMoney, money, multiply, sum, type Money } from '../money.js';
import { ADVICE_SIGNPOST } from '../signpost.js';
import { CURRENCY_SYMBOLS, type Statement } from '../statement.js';
import type { Flag, GuidelineResult, Totals } from './types.js';

/** Debt Relief Order limits, England and Wales, from 28 June 2024 (SI 2024/626, domain notes 2.4). */
export const DRO_LIMITS = {
  totalDebt: money('50000'),
  monthlySurplus: money('75'),
} as const;

const DRO_UNCHECKED = [
  'assets worth less than £2,000 (one vehicle worth less than £4,000 is not counted)',
  'has lived or worked in England or Wales in the last 3 years',
  'no Debt Relief Order in the last 6 years and not in another insolvency procedure',
  'a DRO is applied for through an approved intermediary, free of charge, at a debt advice agency',
];

const CATEGORY_WORDS: Readonly<Record<string, string>> = {
  'communications-leisure': 'communications and leisure',
  'food-housekeeping': 'food and housekeeping',
  personal: 'personal costs',
  'all-flexible': 'flexible costs together',
};

export interface FlagInputs {
  readonly statement: Statement;
  readonly totals: Totals;
  readonly guidelines?: GuidelineResult;
  readonly tokenThresholdPerCreditor: Money;
}

export function raiseFlags({ statement, totals, guidelines, tokenThresholdPerCreditor }: FlagInputs): Flag[] {
  const symbol = CURRENCY_SYMBOLS[statement.currency ?? 'GBP'];
  const show = (m: Money) => formatMoney(m, symbol);
  const flags: Flag[] = [];
  const creditors = statement.debts.length;
  const homeowner = statement.household.tenure === 'owner' || statement.household.tenure === 'mortgage';

  if (totals.available.isNeg() && !totals.available.isZero()) {
    flags.push({
      code: 'deficit',
      reason: `The budget is ${show(money(totals.available.neg()))} a month short before anything is paid to non-priority creditors.`,
      review: true,
      details: ['Check income is maximised (benefits, discounts) and that no spending is missing or overstated.'],
    });
  }

  const tokenThreshold = multiply(tokenThresholdPerCreditor, creditors);
  if (creditors > 0 && totals.available.lt(tokenThreshold)) {
    flags.push({
      code: 'token-payment',
      reason: `${show(money(totals.available.isNeg() ? '0' : totals.available))} a month is left for ${creditors} creditor${creditors === 1 ? '' : 's'}, under ${show(tokenThresholdPerCreditor)} each: a token payment with a review is the fair offer, not a plan to repay.`,
      review: false,
      details: homeowner
        ? ['As a homeowner who can offer little, the customer should get free debt advice: a creditor may seek a charging order.']
        : [],
    });
  }

  const totalDebt = sum([totals.nonPriorityBalance, totals.priorityBalance]);
  if (
    (statement.currency ?? 'GBP') === 'GBP' &&
    !homeowner &&
    totalDebt.gt(0) &&
    totalDebt.lte(DRO_LIMITS.totalDebt) &&
    totals.available.lte(DRO_LIMITS.monthlySurplus)
  ) {
    flags.push({
      code: 'dro-indicator',
      reason: `Debts of ${show(totalDebt)} (limit £50,000) and ${show(money(totals.available.isNeg() ? '0' : totals.available))} a month to spare (limit £75) are within the England and Wales Debt Relief Order limits: worth discussing with a free debt adviser.`,
      review: true,
      details: ['fairplan cannot check the other conditions:', ...DRO_UNCHECKED],
    });
  }

  const over = guidelines?.checks.filter((c) => c.status === 'over') ?? [];
  if (over.length > 0) {
    flags.push({
      code: 'guideline-over',
      reason: `Spending is above the ${guidelines?.source.name ?? 'spending'} guideline in ${over.length} area${over.length === 1 ? '' : 's'}: an advisor should record why. Nothing has been cut.`,
      review: over.some((c) => !c.explained),
      details: over.map(
        (c) =>
          `${CATEGORY_WORDS[c.category] ?? c.category}: ${show(c.spent)} a month, ${show(c.over)} above the guideline of ${show(c.guideline)}${c.explained ? ' (explained in a note)' : ' (no explanation noted yet)'}`,
      ),
    });
  }

  if (statement.vulnerabilities.length > 0) {
    flags.push({
      code: 'vulnerability',
      reason: 'The statement records circumstances that may make the customer vulnerable: a person should review any plan before it is agreed.',
      review: true,
      details: statement.vulnerabilities.map((v) => `${v.driver}: ${v.note}`),
    });
  }

  flags.push({ code: 'advice', reason: ADVICE_SIGNPOST, review: false });
  return flags;
}
