import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/batch/account.js';
import { householdWithDefaults } from '../../src/batch/household-fields.js';
import { planAccount, type PlanSettings } from '../../src/batch/plan.js';
import { parseIsoDate } from '../../src/core/date.js';
import { penceTerms, resolvePlanTerms } from '../../src/core/plan/index.js';

const asOf = parseIsoDate('2026-01-05');
const frozen: PlanSettings = { terms: penceTerms(resolvePlanTerms({ asOf })), interest: 'frozen', schedules: true };
const apr: PlanSettings = { ...frozen, interest: 'apr' };

// £600.00 a month available, paid on the 25th; 24% a year when interest continues.
const account = (changes: Partial<Account> = {}): Account => ({
  line: 2,
  id: 'ACC2',
  balance: 120_000,
  apr: '24',
  income: 210_000,
  expenses: { housing: 70_000, council_tax: 12_000, utilities: 15_000, food: 30_000, transport: 10_000, other_expenses: 13_000 },
  pay: { frequency: 'monthly', nextPayDate: parseIsoDate('2026-01-25') },
  household: householdWithDefaults({}),
  carried: [],
  ...changes,
});

describe('an account in Breathing Space (breathing_space_end)', () => {
  const end = parseIsoDate('2026-02-24');

  it('is flagged breathing-space and marked for review', () => {
    const result = planAccount(account({ breathingSpaceEnd: end }), frozen);
    expect(result.affordability.flags).toContain('breathing-space');
    expect(result.review).toBe(true);
  });

  it('is asked for nothing before the moratorium ends: every option starts on the first payday after it', () => {
    const result = planAccount(account({ breathingSpaceEnd: end }), frozen);
    for (const option of result.proposal.options) expect(option.firstDate).toBe('2026-02-25');
    for (const instalment of result.instalments ?? []) expect(instalment.due > end).toBe(true);
  });

  it('is in Breathing Space on its last day, and not after it', () => {
    expect(planAccount(account({ breathingSpaceEnd: asOf }), frozen).affordability.flags).toContain('breathing-space');
    const over = planAccount(account({ breathingSpaceEnd: parseIsoDate('2026-01-04') }), frozen);
    expect(over.affordability.flags).not.toContain('breathing-space');
    expect(over.recommended.firstDate).toBe('2026-01-26'); // the 25th is a Sunday
  });

  it('with interest continuing, charges the first instalment only for the day after the moratorium', () => {
    const result = planAccount(account({ breathingSpaceEnd: end }), apr);
    // 2% a month on £1,200.00 is £24.00; the period 25 January to 25 February has 31 days, one after the moratorium.
    expect(result.instalments?.[0]?.interest).toBe(77n);
    expect(planAccount(account(), apr).instalments?.[0]?.interest).toBe(2400n);
  });
});

describe('an account paid on the 31st, planned on 15 February 2027 (batch --schedules)', () => {
  const february: PlanSettings = { terms: penceTerms(resolvePlanTerms({ asOf: parseIsoDate('2027-02-15') })), interest: 'frozen', schedules: true };
  const paidOn31st = account({ pay: { frequency: 'monthly', nextPayDate: parseIsoDate('2027-01-31') }, balance: 360_000 });

  it('is asked to pay on the 31st, or the last day of a shorter month, moved off weekends and bank holidays', () => {
    const result = planAccount(paidOn31st, february);
    // £3,600.00 at £600.00 a month: six payments. Nominal 28 Feb (a Sunday), 31 Mar, 30 Apr, 31 May
    // (Spring bank holiday), 30 Jun, 31 Jul (a Saturday): worked out by hand from the 2027 calendar.
    expect(result.instalments?.map((i) => [i.due, i.movedFrom])).toEqual([
      ['2027-03-01', '2027-02-28'],
      ['2027-03-31', undefined],
      ['2027-04-30', undefined],
      ['2027-06-01', '2027-05-31'],
      ['2027-06-30', undefined],
      ['2027-08-02', '2027-07-31'],
    ]);
    expect(result.recommended.lastDate).toBe('2027-08-02');
  });

  it('with interest continuing, keeps the same paydays through the engine', () => {
    const result = planAccount(paidOn31st, { ...february, interest: 'apr' });
    expect(result.instalments?.slice(0, 3).map((i) => i.due)).toEqual(['2027-03-01', '2027-03-31', '2027-04-30']);
  });
});
