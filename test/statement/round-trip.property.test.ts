/** Properties over any statement, not just the fixtures: what is written reads back unchanged. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessAffordability } from '../../src/core/affordability/assess.js';
import { parseIsoDate, type IsoDate } from '../../src/core/date.js';
import { FREQUENCIES, PAYMENT_FREQUENCIES } from '../../src/core/frequency.js';
import { money, type Money } from '../../src/core/money.js';
import {
  EXPENDITURE_CATEGORIES,
  INCOME_CATEGORIES,
  TENURES,
  VULNERABILITY_DRIVERS,
  type Statement,
} from '../../src/core/statement.js';
import { parseStatementText } from '../../src/statement/load.js';
import { toSfsJson } from '../../src/statement/sfs.js';
import { toFairplanJson } from '../../src/statement/write.js';

const amount = (max = 99_999): fc.Arbitrary<Money> =>
  fc
    .tuple(fc.integer({ min: 0, max }), fc.stringMatching(/^\d{0,4}$/))
    .map(([whole, decimals]) => money(decimals ? `${whole}.${decimals}` : String(whole)));
// What is owed is in whole pence (a statement refuses a fraction of a penny there).
const owed = (): fc.Arbitrary<Money> =>
  fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.stringMatching(/^\d{0,2}$/)).map(([whole, pence]) => money(pence ? `${whole}.${pence}` : String(whole)));
const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 });
// A creditor's name heads a letter: never blank, no control characters.
const creditorName = text.filter((name) => name.trim() !== '' && !/[\u0000-\u001f\u007f-\u009f]/.test(name));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const date = fc
  .date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d): IsoDate => parseIsoDate(d.toISOString().slice(0, 10)));
const withOptional = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

const line = <C extends string>(categories: readonly C[]) =>
  fc
    .record({
      category: fc.constantFrom(...categories),
      label: text,
      amount: amount(),
      frequency: fc.constantFrom(...FREQUENCIES),
      note: maybe(text),
    })
    .map(withOptional);

const statement: fc.Arbitrary<Statement> = fc
  .record({
    currency: maybe(fc.constant('GBP' as const)),
    household: fc.record({
      adults: fc.integer({ min: 1, max: 6 }),
      children: fc.integer({ min: 0, max: 6 }),
      vehicles: fc.integer({ min: 0, max: 3 }),
      tenure: fc.constantFrom(...TENURES),
    }),
    income: fc.array(line(INCOME_CATEGORIES), { maxLength: 5 }),
    expenditure: fc.array(line(EXPENDITURE_CATEGORIES), { maxLength: 12 }),
    priorityDebts: fc.array(
      fc
        .record({
          creditor: creditorName,
          balance: owed(),
          payment: amount(999),
          frequency: fc.constantFrom(...FREQUENCIES),
          note: maybe(text),
        })
        .map(withOptional),
      { maxLength: 3 },
    ),
    debts: fc.array(
      fc.record({ creditor: creditorName, balance: owed(), ccj: maybe(fc.boolean()), note: maybe(text) }).map(withOptional),
      { maxLength: 6 },
    ),
    savings: maybe(
      fc
        .record({ amount: amount(999), frequency: fc.constantFrom(...FREQUENCIES), note: maybe(text) })
        .map(withOptional),
    ),
    debtAdminFee: maybe(fc.record({ amount: amount(99), frequency: fc.constant('monthly' as const) })),
    vulnerabilities: fc.array(
      fc.record({ driver: fc.constantFrom(...VULNERABILITY_DRIVERS, 'other' as const), note: text }),
      { maxLength: 2 },
    ),
    pay: maybe(fc.record({ frequency: fc.constantFrom(...PAYMENT_FREQUENCIES), nextPayDate: date })),
    expectedChanges: fc.array(
      fc.record({
        from: date,
        monthlyChange: fc.tuple(amount(), fc.boolean()).map(([m, down]) => (down ? money(m.neg()) : m)),
        note: text,
      }),
      { maxLength: 2 },
    ),
    notes: maybe(text),
  })
  .map(withOptional);

describe('any statement', () => {
  it('reads back from fairplan JSON exactly as it was written', () => {
    fc.assert(
      fc.property(statement, (s) => {
        expect(parseStatementText(toFairplanJson(s), 'statement.json')).toEqual(s);
      }),
    );
  });

  it('written as SFS, reads back without a total disagreeing with its lines', () => {
    fc.assert(
      fc.property(statement, (s) => {
        const sfs = toSfsJson(s, assessAffordability(s, { asOf: parseIsoDate('2027-01-04') }));
        const back = parseStatementText(sfs, 'statement-sfs.json');
        expect(back.debts.map((d) => d.creditor)).toEqual(s.debts.map((d) => d.creditor));
        expect(back.household.adults + back.household.children).toBe(s.household.adults + s.household.children);
      }),
    );
  });
});
