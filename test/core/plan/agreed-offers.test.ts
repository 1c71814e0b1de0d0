import { describe, expect, it } from 'vitest';
import { agreedOffers } from '../../../src/core/plan/agreed-offers.js';
import { indexOfChoice, proposeFor } from '../../../src/advise/plans.js';
import { assessAffordability } from '../../../src/core/affordability/assess.js';
import { parseIsoDate } from '../../../src/core/date.js';
import { money, toFixed2 } from '../../../src/core/money.js';
import type { PlanChoice } from '../../../src/advise/draft.js';
import type { Statement } from '../../../src/core/statement.js';
import { FAMILY } from '../../advise/statements.js';

const asOf = parseIsoDate('2026-11-25');

/** The offers to each creditor once `choice` is agreed for `statement`, as "creditor amount". */
function offersFor(statement: Statement, choice: PlanChoice): string[] {
  const affordability = assessAffordability(statement, { asOf });
  const proposal = proposeFor(affordability, { asOf }, choice);
  const option = proposal.options[indexOfChoice(proposal, choice) ?? -1];
  if (!option) throw new Error(`no ${choice.kind} option`);
  return agreedOffers(affordability, option).map(({ debt, offer }) => `${debt.creditor} ${toFixed2(offer)}`);
}

describe('the offers once a plan is agreed', () => {
  it('share the agreed payment, as a monthly figure, between the creditors pro rata: £100 a fortnight is £216.67 a month', () => {
    // 100.00 × 26 ÷ 12 = 216.666… → 216.67. Owed 3,000.00 and 1,000.00: 162.5025 and 54.1675; the
    // penny left goes to the larger fraction cut off (0.75 of a penny, Lender Ltd).
    expect(offersFor(FAMILY, { kind: 'affordable', frequency: 'fortnightly', amount: money('100.00') })).toEqual([
      'Acme Bank 162.50',
      'Lender Ltd 54.17',
    ]);
  });

  it('are those of a fixed term agreed above what is affordable: £333.34 a month', () => {
    // 4,000.00 over 12 months: 333.34 a month; 250.005 and 83.335, the penny to the first listed.
    expect(offersFor(FAMILY, { kind: 'fixed-term', termMonths: 12 })).toEqual(['Acme Bank 250.01', 'Lender Ltd 83.33']);
  });

  it('share a step-up’s reduced payment, the one agreed to be paid now', () => {
    // 500.00 a month is affordable now; 300.00 more from March.
    const stepping: Statement = {
      ...FAMILY,
      expectedChanges: [{ from: parseIsoDate('2027-03-01'), monthlyChange: money('300.00'), note: 'Starts a new job' }],
    };
    expect(offersFor(stepping, { kind: 'step-up' })).toEqual(['Acme Bank 375.00', 'Lender Ltd 125.00']);
  });

  it('are a token payment’s £1.00 to each creditor, whatever each is owed, as the letters offer', () => {
    // Rent of 1,199.00 leaves 1.00 a month: less than 1.00 to each of two creditors.
    const short: Statement = {
      ...FAMILY,
      expenditure: FAMILY.expenditure.map((line) => (line.label === 'Rent' ? { ...line, amount: money('1199.00') } : line)),
    };
    expect(offersFor(short, { kind: 'token' })).toEqual(['Acme Bank 1.00', 'Lender Ltd 1.00']);
  });
});
