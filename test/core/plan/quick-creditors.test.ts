import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/date.js';
import { quickShares, quickSummary, quickTerms, type QuickOption } from '../../../src/core/plan/index.js';

const asOf = parseIsoDate('2026-01-05');
const start = parseIsoDate('2026-01-26');
const terms = quickTerms({ asOf });

/** The household's option of `kind`, for what its creditors are owed together. */
function optionFor(kind: QuickOption['kind'], balances: readonly number[], affordableMonthly: number): QuickOption {
  const household = { balance: balances.reduce((a, b) => a + b, 0), affordableMonthly, frequency: 'monthly' as const, start };
  const proposal = quickSummary({ ...terms, tokenPence: terms.tokenPence * balances.length }, household);
  const option = proposal.options.find((o) => o.kind === kind);
  if (!option) throw new Error(`no ${kind} option`);
  return option;
}

describe("each creditor's part of a plan with interest frozen", () => {
  it('shares a token payment equally, and a small balance repaid early leaves its share to the others', () => {
    // £1.00 a month to each of three creditors, owed £1.50, £100.00 and £100.00, reviewed after three months.
    const balances = [150, 10_000, 10_000];
    const option = optionFor('token', balances, 0);
    const shares = quickShares(option, balances, 'equal', terms.dueDates.of(option.anchorDate, option.frequency));
    const [small, card, loan] = shares.options;
    // £1.00, then the 50p left; its other 50p goes 25p to each of the others, then £1.50 each.
    expect(shares.instalments(terms.calendar).map((parts) => parts.map((p) => p.amount))).toEqual([
      [100, 50],
      [100, 125, 150],
      [100, 125, 150],
    ]);
    expect(small).toMatchObject({ instalmentCount: 2, instalmentAmount: 100, finalAmount: 50, totalPaid: 150, balanceAfter: 0, outcome: { kind: 'repaid' } });
    expect(small?.lastDate).toBe('2026-02-26');
    expect(card).toMatchObject({ instalmentCount: 3, totalPaid: 375, balanceAfter: 9_625, outcome: { kind: 'review' } });
    expect(loan).toEqual(card);
  });

  it('shares an affordable payment pro rata to what each is owed, each repaid in full on the last payment', () => {
    // £600.00 a month against £1,200.00 and £3,600.00: £150.00 and £450.00, eight payments each.
    const balances = [120_000, 360_000];
    const option = optionFor('affordable', balances, 60_000);
    const [card, loan] = quickShares(option, balances, 'balance', terms.dueDates.of(option.anchorDate, option.frequency)).options;
    expect(card).toMatchObject({ instalmentCount: 8, instalmentAmount: 15_000, finalAmount: 15_000, totalPaid: 120_000, balanceAfter: 0 });
    expect(loan).toMatchObject({ instalmentCount: 8, instalmentAmount: 45_000, finalAmount: 45_000, totalPaid: 360_000, balanceAfter: 0 });
    expect(card?.lastDate).toBe(option.lastDate);
  });
});
