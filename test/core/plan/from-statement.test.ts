import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/date.js';
import { parseMoney } from '../../../src/core/money.js';
import { planRequestFromStatement } from '../../../src/core/plan/from-statement.js';
import type { Statement } from '../../../src/core/statement.js';

const m = parseMoney;
const d = parseIsoDate;

const household: Statement = {
  household: { adults: 1, children: 0, vehicles: 0, tenure: 'tenant-private' },
  income: [],
  expenditure: [],
  priorityDebts: [],
  debts: [
    { creditor: 'Acme Bank', balance: m('3200.50') },
    { creditor: 'Catalogue', balance: m('799.50') },
  ],
  vulnerabilities: [],
  expectedChanges: [],
  pay: { frequency: 'fortnightly', nextPayDate: d('2026-11-20') },
};

describe('planRequestFromStatement', () => {
  it('plans the non-priority debts together, on the next payday at the pay frequency', () => {
    const request = planRequestFromStatement(household, m('120'), d('2026-11-25'));
    // 3,200.50 + 799.50 = 4,000.00; paid fortnightly from 20 Nov, so the next payday is 4 Dec.
    expect(request.balance.toString()).toBe('4000');
    expect(request.affordableMonthly.toString()).toBe('120');
    expect(request.frequency).toBe('fortnightly');
    expect(request.start).toBe('2026-12-04');
    expect(request.stepUp).toBeUndefined();
  });

  it('starts today, monthly, when the statement has no pay schedule', () => {
    const { pay: _pay, ...noPay } = household;
    const request = planRequestFromStatement(noPay, m('50'), d('2026-11-25'));
    expect(request.frequency).toBe('monthly');
    expect(request.start).toBe('2026-11-25');
  });

  it('offers a step-up when the statement expects more to be available later', () => {
    const request = planRequestFromStatement(
      { ...household, expectedChanges: [{ from: d('2027-01-01'), monthlyChange: m('150'), note: 'new job starts' }] },
      m('50'),
      d('2026-11-25'),
    );
    // Fortnightly from 4 Dec: 4 Dec, 18 Dec are before 1 Jan, so two reduced payments, then 50 + 150 a month.
    expect(request.stepUp?.periods).toBe(2);
    expect(request.stepUp?.laterAffordableMonthly.toString()).toBe('200');
  });

  it('takes the expected change as a monthly figure like any other, rounded half up to the penny', () => {
    const request = planRequestFromStatement(
      { ...household, expectedChanges: [{ from: d('2027-01-01'), monthlyChange: m('150.005'), note: 'new job starts' }] },
      m('50'),
      d('2026-11-25'),
    );
    expect(request.stepUp?.laterAffordableMonthly.toString()).toBe('200.01');
  });

  it('lets the caller override any figure; a balance given instead is one balance, with no creditors', () => {
    const request = planRequestFromStatement(household, m('120'), d('2026-11-25'), { frequency: 'monthly', balance: m('1000') });
    expect(request.frequency).toBe('monthly');
    expect(request.balance.toString()).toBe('1000');
    expect(request.creditors).toBeUndefined();
  });

  it('makes each debt a creditor who shares every payment, with the interest the debt records', () => {
    const charging = { kind: 'continuing', annualRatePercent: m('24.9') } as const;
    const statement: Statement = { ...household, debts: [household.debts[0] as Statement['debts'][number], { creditor: 'Catalogue', balance: m('799.50'), interest: charging }] };
    const request = planRequestFromStatement(statement, m('120'), d('2026-11-25'));
    expect(request.creditors).toEqual([
      { creditor: 'Acme Bank', balance: m('3200.50') },
      { creditor: 'Catalogue', balance: m('799.50'), interest: charging },
    ]);
  });

  it('asks for nothing during a Breathing Space: the first payment is the first payday after it ends', () => {
    const inSpace: Statement = { ...household, breathingSpace: { kind: 'standard', start: d('2026-11-10'), end: d('2027-01-05') } };
    const request = planRequestFromStatement(inSpace, m('120'), d('2026-11-25'));
    // Paid fortnightly from 20 Nov: paydays 1 Jan, 15 Jan; the moratorium's last day is 5 Jan.
    expect(request.pausedUntil).toBe('2027-01-05');
    expect(request.start).toBe('2027-01-15');
  });

  it('takes a standard Breathing Space with no end to last 60 days, and ignores one that has ended', () => {
    const { pay: _pay, ...noPay } = household;
    const open = planRequestFromStatement({ ...noPay, breathingSpace: { kind: 'standard', start: d('2026-11-10') } }, m('50'), d('2026-11-25'));
    expect(open.pausedUntil).toBe('2027-01-09');
    expect(open.start).toBe('2027-01-10');
    const over = planRequestFromStatement({ ...noPay, breathingSpace: { kind: 'standard', start: d('2026-01-10') } }, m('50'), d('2026-11-25'));
    expect(over.pausedUntil).toBeUndefined();
    expect(over.start).toBe('2026-11-25');
  });

  it('refuses to schedule anything during a mental health crisis Breathing Space with no end recorded', () => {
    const crisis: Statement = { ...household, breathingSpace: { kind: 'mental-health-crisis', start: d('2026-11-10') } };
    expect(() => planRequestFromStatement(crisis, m('120'), d('2026-11-25'))).toThrow(expect.objectContaining({ code: 'invalid-argument', context: { field: 'breathingSpace.end' } }));
    const ended: Statement = { ...household, breathingSpace: { kind: 'mental-health-crisis', start: d('2026-11-10'), end: d('2027-02-01') } };
    expect(planRequestFromStatement(ended, m('120'), d('2026-11-25')).start).toBe('2027-02-12');
  });
});

