/**
 * The flags an affordability check raises, each with a plain reason. Flags inform a person; none of
 * them changes a figure (guideline overruns are never cut, vulnerability never changes a plan).
 */
import { breathingSpaceEnd, breathingSpaceToHonour, breathingSpaceName, type BreathingSpace } from '../breathing-space.js';
import { compareDates, type IsoDate } from '../date.js';
import { debtsPastLimitation, isStale, limitationFor } from '../time-limits.js';
import { formatMoney, money, pennyCeiling, safePence, sum, type Money } from '../money.js';
import { ADVICE_SIGNPOST } from '../signpost.js';
import { CURRENCY_SYMBOLS, type Jurisdiction, type Statement } from '../statement.js';
import { droPossible, flagCodes, flagNeedsReview, type FlagFacts } from './budget.js';
import type { Flag, FlagCode, GuidelineResult, Totals } from './types.js';

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
  readonly asOf: IsoDate;
  readonly totals: Totals;
  readonly guidelines?: GuidelineResult;
  readonly tokenThresholdPerCreditor: Money;
  readonly staleAfterMonths: number;
}

/** The creditors a payment can go to: one owed nothing gets no offer, and counts for no token. */
const creditorsOwed = (statement: Statement): number => statement.debts.filter((debt) => debt.balance.gt(0)).length;

function breathingSpaceReason(space: BreathingSpace, asOf: IsoDate): string {
  const end = breathingSpaceEnd(space);
  const until = end === undefined ? 'until the crisis treatment ends and 30 days more (no end is recorded yet)' : `until ${end}`;
  if (compareDates(space.start, asOf) > 0) {
    return `${breathingSpaceName(space).replace(/^a/, 'A')} is recorded for the customer from ${space.start} ${until}: no payment is asked for until it ends, so none falls inside it.`;
  }
  return `The customer is in ${breathingSpaceName(space)} from ${space.start} ${until}: no payment may be asked for and interest and charges are frozen while it lasts.`;
}

/**
 * Breathing Space is a scheme of England and Wales: a moratorium recorded for a customer elsewhere
 * is honoured all the same (nothing is asked for while it lasts), with a note saying what to check.
 */
const OUTSIDE_BREATHING_SPACE: Readonly<Record<Exclude<Jurisdiction, 'england-wales'>, string>> = {
  scotland:
    'Breathing Space applies in England and Wales only: for a customer in Scotland, check which moratorium this is ' +
    '(Scotland has its own statutory moratorium, through a money adviser, before a Debt Arrangement Scheme or bankruptcy) and its dates.',
  'northern-ireland':
    'Breathing Space applies in England and Wales only, and Northern Ireland has no such scheme: check what this pause is and who agreed it.',
};

const isHomeowner = (statement: Statement): boolean =>
  statement.household.tenure === 'owner' || statement.household.tenure === 'mortgage';

// Limits are compared in whole pence: the balances and the token threshold, which are not monthly
// figures of the budget and may hold fractions of a penny, are rounded up, which keeps every comparison exact.
function factsOf({ statement, asOf, totals, guidelines, tokenThresholdPerCreditor, staleAfterMonths }: FlagInputs): FlagFacts {
  const creditors = creditorsOwed(statement);
  return {
    available: safePence(totals.available),
    creditors,
    tokenThreshold: pennyCeiling(money(tokenThresholdPerCreditor.times(creditors))),
    totalDebt: pennyCeiling(sum([totals.nonPriorityBalance, totals.priorityBalance])),
    droPossible: droPossible(statement.currency ?? 'GBP', statement.household.tenure),
    guidelineOver: guidelines?.checks.some((c) => c.status === 'over') ?? false,
    vulnerable: statement.vulnerabilities.length > 0,
    breathingSpace: breathingSpaceToHonour(statement.breathingSpace, asOf) !== undefined,
    stale: statement.takenOn !== undefined && isStale(statement.takenOn, asOf, staleAfterMonths),
    limitation: debtsPastLimitation(statement, asOf).length > 0,
  };
}

export function raiseFlags(inputs: FlagInputs): Flag[] {
  const { statement, totals, guidelines, tokenThresholdPerCreditor } = inputs;
  const symbol = CURRENCY_SYMBOLS[statement.currency ?? 'GBP'];
  const show = (m: Money) => formatMoney(m, symbol);
  const creditors = creditorsOwed(statement);
  const spare = show(totals.available.isNeg() ? money('0') : totals.available);
  const over = guidelines?.checks.filter((c) => c.status === 'over') ?? [];
  const explained = over.every((c) => c.explained);
  const space = breathingSpaceToHonour(statement.breathingSpace, inputs.asOf);

  const flag = (code: FlagCode): Omit<Flag, 'code' | 'review'> => {
    switch (code) {
      case 'breathing-space':
        return {
          reason: space ? breathingSpaceReason(space, inputs.asOf) : '',
          details: [
            'Any plan starts after the moratorium ends; review the budget with the customer then.',
            ...(statement.jurisdiction && statement.jurisdiction !== 'england-wales' ? [OUTSIDE_BREATHING_SPACE[statement.jurisdiction]] : []),
          ],
        };
      case 'deficit':
        return {
          reason: `The budget is ${show(money(totals.available.neg()))} a month short before anything is paid to non-priority creditors.`,
          details: ['Check income is maximised (benefits, discounts) and that no spending is missing or overstated.'],
        };
      case 'token-payment':
        return {
          reason: `${spare} a month is left for ${creditors} creditor${creditors === 1 ? '' : 's'}, under ${show(tokenThresholdPerCreditor)} each: a token payment with a review is the fair offer, not a plan to repay.`,
          details: isHomeowner(statement)
            ? ['As a homeowner who can offer little, the customer should get free debt advice: a creditor may seek a charging order.']
            : [],
        };
      case 'dro-indicator':
        return {
          reason: `Debts of ${show(sum([totals.nonPriorityBalance, totals.priorityBalance]))} (limit £50,000) and ${spare} a month to spare (limit £75) are within the England and Wales Debt Relief Order limits: worth discussing with a free debt adviser.`,
          details: ['fairplan cannot check the other conditions:', ...DRO_UNCHECKED],
        };
      case 'guideline-over':
        return {
          reason: `Spending is above the ${guidelines?.source.name ?? 'spending'} guideline in ${over.length} area${over.length === 1 ? '' : 's'}: an advisor should record why. Nothing has been cut.`,
          details: over.map(
            (c) =>
              `${CATEGORY_WORDS[c.category] ?? c.category}: ${show(c.spent)} a month, ${show(c.over)} above the guideline of ${show(c.guideline)}${c.explained ? ' (explained in a note)' : ' (no explanation noted yet)'}`,
          ),
        };
      case 'vulnerability':
        return {
          reason: 'The statement records circumstances that may make the customer vulnerable: a person should review any plan before it is agreed.',
          details: statement.vulnerabilities.map((v) => `${v.driver}: ${v.note}`),
        };
      case 'statement-stale':
        return {
          reason: `The budget was taken on ${statement.takenOn}, more than ${inputs.staleAfterMonths} months ago: check it with the customer before relying on it.`,
        };
      case 'limitation-check':
        return {
          reason: `No payment has been recorded for more than ${limitationFor(statement).years} years on some debts, which may be statute-barred (${limitationFor(statement).law}; CONC 7.15): a person should check before any payment is asked for, and nothing should say they can be enforced.`,
          details: debtsPastLimitation(statement, inputs.asOf).map((debt) => `${debt.creditor}: last payment on ${debt.lastPaymentOn}`),
        };
      case 'advice':
        return { reason: ADVICE_SIGNPOST };
    }
  };

  return flagCodes(factsOf(inputs)).map((code) => ({ code, ...flag(code), review: flagNeedsReview(code, explained) }));
}
