import { describe, expect, it } from 'vitest';
import { parseIsoDate as d } from '../../../src/core/date.js';
import { money } from '../../../src/core/money.js';
import { planReviewOn, proposePlans } from '../../../src/core/plan/index.js';

describe("a plan's review date", () => {
  const request = { balance: money('1000'), affordableMonthly: money('0'), frequency: 'monthly', start: d('2027-02-01'), asOf: d('2027-01-20') } as const;

  it("is the budget's review, 12 months after the as-of date by default", () => {
    const proposal = proposePlans({ ...request, affordableMonthly: money('50') });
    for (const option of proposal.options) expect(planReviewOn(option, proposal.request)).toBe('2028-01-20');
  });

  it("is a token arrangement's review when that comes first, and the budget's when it does not", () => {
    const token = (budgetReviewOn: string) => {
      const proposal = proposePlans({ ...request, budgetReviewOn: d(budgetReviewOn) });
      const option = proposal.options.find((o) => o.kind === 'token');
      if (!option) throw new Error('no token option');
      return planReviewOn(option, proposal.request);
    };
    // Token payments from 1 February, reviewed three months on.
    expect(token('2027-12-01')).toBe('2027-05-04');
    expect(token('2027-03-01')).toBe('2027-03-01');
  });
});
