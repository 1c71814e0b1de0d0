/** Outcomes monitoring's rules, on arrangements small enough to work out by hand. */
import { describe, expect, it } from 'vitest';
import { parseIsoDate, type IsoDate } from '../../src/core/date.js';
import { DEFAULT_RULES } from '../../src/core/follow-up/rules.js';
import { circumstanceAtAgreement, cohortReaches, differences, outcomeAt, planKind, type GroupCounts, type TrackedArrangement } from '../../src/core/outcomes.js';

const d = (text: string): IsoDate => parseIsoDate(text);

/** £50 a month for six months from 1 February 2026, agreed on 15 January. */
const plan = (overrides: Partial<TrackedArrangement> = {}): TrackedArrangement => ({
  accountId: 'A-1',
  agreedOn: d('2026-01-15'),
  instalments: ['02', '03', '04', '05', '06', '07'].map((month, i) => ({ n: i + 1, due: d(`2026-${month}-01`), amount: 5000 })),
  payments: [],
  circumstances: [],
  ...overrides,
});
const paid = (...days: string[]) => days.map((day) => ({ paidOn: d(day), amount: 5000 }));

describe('a month is counted at a horizon once every arrangement of it has reached it', () => {
  it('counts January at 3 months from 30 April, not 29 April (31 January + 3 months is 30 April)', () => {
    expect(cohortReaches('2026-01', 3, d('2026-04-29'))).toBe(false);
    expect(cohortReaches('2026-01', 3, d('2026-04-30'))).toBe(true);
    expect(cohortReaches('2025-12', 12, d('2026-12-31'))).toBe(true);
    expect(cohortReaches('2025-12', 12, d('2026-12-30'))).toBe(false);
  });
});

describe('an arrangement’s outcome, as follow-up judges it on the day', () => {
  it('is kept when every instalment due by the day was paid (3 months on: 15 April, instalments of February to April)', () => {
    expect(outcomeAt(plan({ payments: paid('2026-02-01', '2026-03-01', '2026-04-01') }), 3, DEFAULT_RULES)).toBe('kept');
  });

  it('is still kept with one instalment missed: follow-up calls a plan broken after two in a row', () => {
    expect(outcomeAt(plan({ payments: paid('2026-02-01', '2026-03-01') }), 3, DEFAULT_RULES)).toBe('kept');
  });

  it('is broken with two missed in a row past the grace days', () => {
    expect(outcomeAt(plan({ payments: paid('2026-02-01') }), 3, DEFAULT_RULES)).toBe('broken');
    // With the firm's rule of three in a row, the same plan is not yet broken.
    expect(outcomeAt(plan({ payments: paid('2026-02-01') }), 3, { ...DEFAULT_RULES, brokenAfter: 3 })).toBe('kept');
  });

  it('does not count a payment made before the plan was agreed', () => {
    const before = [{ paidOn: d('2026-01-10'), amount: 30000 }];
    expect(outcomeAt(plan({ payments: before }), 3, DEFAULT_RULES)).toBe('broken');
  });

  it('is completed once every instalment is paid (£300 by 15 July, 6 months on)', () => {
    expect(outcomeAt(plan({ payments: [{ paidOn: d('2026-06-20'), amount: 30000 }] }), 6, DEFAULT_RULES)).toBe('completed');
  });

  it('is renegotiated once a later agreement took its place, on or before the day', () => {
    expect(outcomeAt(plan({ supersededOn: d('2026-04-15') }), 3, DEFAULT_RULES)).toBe('renegotiated');
    expect(outcomeAt(plan({ supersededOn: d('2026-04-16'), payments: paid('2026-02-01', '2026-03-01', '2026-04-01') }), 3, DEFAULT_RULES)).toBe('kept');
  });

  it('is paused in a Breathing Space recorded as in effect on the day', () => {
    const space = { effectiveOn: d('2026-03-20'), breathingSpace: { kind: 'standard' as const, end: d('2026-05-18') } };
    expect(outcomeAt(plan({ circumstances: [space] }), 3, DEFAULT_RULES)).toBe('paused');
    // Recorded only after the day: not yet in effect then.
    expect(outcomeAt(plan({ circumstances: [{ ...space, effectiveOn: d('2026-04-16') }] }), 3, DEFAULT_RULES)).toBe('broken');
  });
});

describe('the customer an arrangement is counted under', () => {
  it('is the customer as recorded on the day it was agreed, or, recorded only later, as first recorded', () => {
    const rows = [{ effectiveOn: d('2026-01-01') }, { effectiveOn: d('2026-01-15') }, { effectiveOn: d('2026-02-01') }];
    expect(circumstanceAtAgreement(plan({ circumstances: rows }))).toBe(rows[1]);
    expect(circumstanceAtAgreement(plan({ circumstances: rows.slice(2) }))).toBe(rows[2]);
    expect(circumstanceAtAgreement(plan())).toBeUndefined();
  });

  it('names a plan by its kind: a fixed term of any length is one kind', () => {
    expect(['affordable', 'fixed-term-24', 'fixed-term-12', 'token', 'step-up', 'payday'].map(planKind)).toEqual([
      'affordable', 'fixed-term', 'fixed-term', 'token', 'step-up', 'payday',
    ]);
  });
});

describe('differences between groups', () => {
  /** Counts at 3 months only; none looked at 6 and 12. */
  const group = (name: string, arrangements: number, kept: number): GroupCounts => ({
    name,
    at: [
      { arrangements, kept, broken: arrangements - kept, renegotiated: 0, completed: 0, paused: 0 },
      { arrangements: 0, kept: 0, broken: 0, renegotiated: 0, completed: 0, paused: 0 },
      { arrangements: 0, kept: 0, broken: 0, renegotiated: 0, completed: 0, paused: 0 },
    ],
  });

  it('are pointed out beyond the threshold only, once for two groups, with the counts behind them', () => {
    // 52% against 71%: 19 points.
    const found = differences([group('vulnerable', 25, 13), group('not vulnerable', 100, 71)], 10, 20);
    expect(found.map((f) => [f.group, f.outcome, f.count, f.of, f.othersCount, f.othersOf])).toEqual([
      ['vulnerable', 'kept', 13, 25, 71, 100],
      ['vulnerable', 'broken', 12, 25, 29, 100],
    ]);
    expect(differences([group('vulnerable', 25, 13), group('not vulnerable', 100, 71)], 19, 20)).toHaveLength(0);
  });

  it('leave out a group, or others, with fewer arrangements than the smallest compared', () => {
    expect(differences([group('vulnerable', 19, 0), group('not vulnerable', 100, 71)], 10, 20)).toEqual([]);
  });

  it('set each of three groups against the other two together', () => {
    const found = differences([group('sms', 40, 36), group('email', 40, 20), group('letter', 40, 28)], 10, 20).filter((f) => f.outcome === 'kept');
    // sms 90% against 60%; email 50% against 80%; letter 70% against 70%.
    expect(found.map((f) => [f.group, f.count, f.othersCount, f.othersOf])).toEqual([
      ['sms', 36, 48, 80],
      ['email', 20, 64, 80],
    ]);
  });
});
