import { describe, expect, it } from 'vitest';
import { parseIsoDate as d } from '../../src/core/date.js';
import { money } from '../../src/core/money.js';
import type { Jurisdiction } from '../../src/core/statement.js';
import { budgetReviewOn, debtsPastLimitation, isStale, mayBeStatuteBarred } from '../../src/core/time-limits.js';

describe('time limits', () => {
  it('takes a budget to be stale once more than 12 months old', () => {
    expect(isStale(d('2025-11-25'), d('2026-11-25'))).toBe(false);
    expect(isStale(d('2025-11-24'), d('2026-11-25'))).toBe(true);
  });

  it('takes a budget to be stale after the months given', () => {
    expect(isStale(d('2026-05-25'), d('2026-11-25'), 6)).toBe(false);
    expect(isStale(d('2026-05-24'), d('2026-11-25'), 6)).toBe(true);
  });

  it('reviews a budget the day it would turn stale, or at once when that has passed', () => {
    expect(budgetReviewOn(d('2026-03-31'), d('2026-11-25'))).toBe('2027-03-31');
    expect(budgetReviewOn(undefined, d('2026-11-25'))).toBe('2027-11-25');
    expect(budgetReviewOn(d('2026-03-31'), d('2026-11-25'), 6)).toBe('2026-11-25');
    expect(budgetReviewOn(d('2026-08-31'), d('2026-11-25'), 6)).toBe('2027-02-28');
  });

  it('takes a debt to be possibly statute-barred once its last payment is more than six years old', () => {
    expect(mayBeStatuteBarred(d('2020-11-25'), d('2026-11-25'))).toBe(false);
    expect(mayBeStatuteBarred(d('2020-11-24'), d('2026-11-25'))).toBe(true);
    // A last payment on 29 February is six years old on 28 February.
    expect(mayBeStatuteBarred(d('2020-02-29'), d('2026-02-28'))).toBe(false);
    expect(mayBeStatuteBarred(d('2020-02-29'), d('2026-03-01'))).toBe(true);
  });

  it('counts the limitation period by where the customer lives: five years in Scotland, six elsewhere and by default', () => {
    const debts = [
      { creditor: 'Five and a half years', balance: money('100'), lastPaymentOn: d('2021-05-25') },
      { creditor: 'Seven years', balance: money('100'), lastPaymentOn: d('2019-11-25') },
      { creditor: 'No date', balance: money('100') },
    ];
    const past = (jurisdiction?: Jurisdiction) =>
      debtsPastLimitation({ debts, ...(jurisdiction ? { jurisdiction } : {}) }, d('2026-11-25')).map((debt) => debt.creditor);
    expect(past('scotland')).toEqual(['Five and a half years', 'Seven years']);
    expect(past('england-wales')).toEqual(['Seven years']);
    expect(past('northern-ireland')).toEqual(['Seven years']);
    expect(past()).toEqual(['Seven years']);
  });
});
