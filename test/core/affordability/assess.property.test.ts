/**
 * The rule for every figure, over random statements: each line's monthly figure is its amount × n a
 * year ÷ 12 rounded half up to the penny, once; every total is the sum of those pennies. Worked here
 * independently, in integer pence with BigInt, and held against the check's lines, section totals
 * and available amount, its --json output and its SFS export, whose every column must add up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessAffordability } from '../../../src/core/affordability/assess.js';
import { parseIsoDate } from '../../../src/core/date.js';
import { FREQUENCIES, type Frequency } from '../../../src/core/frequency.js';
import { money, type Money } from '../../../src/core/money.js';
import {
  EXPENDITURE_CATEGORIES,
  FIXED_CATEGORIES,
  FLEXIBLE_CATEGORIES,
  INCOME_CATEGORIES,
  type Statement,
} from '../../../src/core/statement.js';
import { checkJson } from '../../../src/render/check/json.js';
import { parseJsonExact } from '../../../src/statement/json-exact.js';
import { NumberLiteral, type RawObject, type RawValue } from '../../../src/statement/raw.js';
import { toSfsJson } from '../../../src/statement/sfs.js';

const TIMES_A_YEAR: Record<Frequency, bigint> = { weekly: 52n, fortnightly: 26n, 'four-weekly': 13n, monthly: 12n, quarterly: 4n, annual: 1n };

/** An amount as digits and decimal places: "12.345" is 12345 with 3 places. */
interface Written {
  readonly digits: bigint;
  readonly places: number;
}

const written = fc
  .tuple(fc.bigInt({ min: 0n, max: 2_000_000n }), fc.constantFrom(0, 2, 2, 2, 3))
  .map(([digits, places]): Written => ({ digits, places }));
const asMoney = ({ digits, places }: Written): Money => money(places === 0 ? `${digits}` : `${digits}e-${places}`);

/** The monthly figure in pence: ⌊x + ½⌋ of x = amount × 100 × n ÷ 12. */
function monthlyPence({ digits, places }: Written, frequency: Frequency): bigint {
  const scale = 10n ** BigInt(places);
  return (2n * digits * 100n * TIMES_A_YEAR[frequency] + 12n * scale) / (24n * scale);
}

const pounds = (pence: bigint): string => {
  const abs = pence < 0n ? -pence : pence;
  return `${pence < 0n ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
};
const total = (values: readonly bigint[]): bigint => values.reduce((a, b) => a + b, 0n);

// Labels that name SFS fields, so lines share a field, and others that go to a section's "other".
const label = fc.constantFrom('Rent', 'Mobile phone', 'Child benefit', 'Gas', 'Groceries', 'Something else');
const entry = <C extends string>(categories: readonly C[]) =>
  fc.record({ category: fc.constantFrom(...categories), label, written, frequency: fc.constantFrom(...FREQUENCIES) });
const regular = fc.option(fc.record({ written, frequency: fc.constantFrom(...FREQUENCIES) }), { nil: undefined });

const budget = fc.record({
  income: fc.array(entry(INCOME_CATEGORIES), { maxLength: 6 }),
  expenditure: fc.array(entry(EXPENDITURE_CATEGORIES), { maxLength: 14 }),
  priority: fc.array(fc.record({ written, frequency: fc.constantFrom(...FREQUENCIES) }), { maxLength: 3 }),
  balances: fc.array(fc.bigInt({ min: 0n, max: 10_000_000n }), { maxLength: 4 }),
  savings: regular,
  fee: regular,
});
type Budget = typeof budget extends fc.Arbitrary<infer B> ? B : never;

function statementOf(b: Budget): Statement {
  const line = <C extends string>(e: { category: C; label: string; written: Written; frequency: Frequency }) => ({
    category: e.category,
    label: e.label,
    amount: asMoney(e.written),
    frequency: e.frequency,
  });
  return {
    household: { adults: 1, children: 0, vehicles: 0, tenure: 'tenant-private' },
    income: b.income.map(line),
    expenditure: b.expenditure.map(line),
    priorityDebts: b.priority.map((p, i) => ({ creditor: `Priority ${i + 1}`, balance: money('100'), payment: asMoney(p.written), frequency: p.frequency })),
    debts: b.balances.map((pence, i) => ({ creditor: `Creditor ${i + 1}`, balance: money(`${pence}e-2`) })),
    ...(b.savings ? { savings: { amount: asMoney(b.savings.written), frequency: b.savings.frequency } } : {}),
    ...(b.fee ? { debtAdminFee: { amount: asMoney(b.fee.written), frequency: b.fee.frequency } } : {}),
    vulnerabilities: [],
    expectedChanges: [],
  };
}

/** The figures by the rule, worked independently of fairplan. */
function expected(b: Budget) {
  const income = b.income.map((l) => monthlyPence(l.written, l.frequency));
  const expenditure = b.expenditure.map((l) => monthlyPence(l.written, l.frequency));
  const inCategories = (categories: readonly string[]) =>
    total(expenditure.filter((_, i) => categories.includes(b.expenditure[i]?.category ?? '')));
  const priority = b.priority.map((p) => monthlyPence(p.written, p.frequency));
  const fixed = inCategories(FIXED_CATEGORIES);
  const flexible = inCategories(FLEXIBLE_CATEGORIES);
  const savings = b.savings ? monthlyPence(b.savings.written, b.savings.frequency) : 0n;
  const fee = b.fee ? monthlyPence(b.fee.written, b.fee.frequency) : 0n;
  const surplus = total(income) - fixed - flexible;
  const available = surplus - savings - fee - total(priority);
  return {
    income,
    expenditure,
    priority,
    incomeTotal: total(income),
    incomeSection: (c: string) => total(income.filter((_, i) => b.income[i]?.category === c)),
    expenditureSection: (c: string) => inCategories([c]),
    fixed,
    flexible,
    savings,
    fee,
    surplus,
    availableForPriority: surplus - savings - fee,
    priorityTotal: total(priority),
    available,
    offered: available > 0n && total(b.balances) > 0n ? available : 0n,
  };
}

// The SFS document read exactly: its numbers as pence, and every object's "total-…" against its parts.
const pence = (value: RawValue | undefined): bigint => {
  if (!(value instanceof NumberLiteral)) throw new Error(`expected a number, got ${JSON.stringify(value)}`);
  const [whole = '0', decimals = ''] = value.source.split('.');
  expect(decimals).toHaveLength(2);
  return BigInt(`${whole}${decimals}`);
};
const at = (value: RawValue | undefined, ...keys: string[]): RawValue | undefined =>
  keys.reduce<RawValue | undefined>((v, k) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as RawObject)[k] : undefined), value);

/** A section of an SFS document: its lines' monthly amounts add up to its total. */
function expectSectionFoots(section: RawValue | undefined, totalKey: string): bigint {
  const fields = Object.entries(section as RawObject).filter(([key]) => key !== totalKey);
  const amounts = fields.flatMap(([, field]) =>
    Array.isArray(field) ? field.map((f) => pence(at(f, 'monthly-amount'))) : [pence(at(field, 'monthly-amount'))],
  );
  const stated = pence(at(section, totalKey));
  expect(total(amounts)).toBe(stated);
  return stated;
}

describe('every figure of a check, over any statement', () => {
  const asOf = parseIsoDate('2027-01-04');

  it('is each line rounded half up to the penny once, every total the sum of those pennies, in the check, --json and the SFS export', () => {
    fc.assert(
      fc.property(budget, (b) => {
        const statement = statementOf(b);
        const want = expected(b);
        const result = assessAffordability(statement, { asOf });

        // The check itself.
        const shown = (m: Money) => m.toFixed(2);
        expect(result.income.map((l) => shown(l.monthly))).toEqual(want.income.map(pounds));
        expect(result.expenditure.map((l) => shown(l.monthly))).toEqual(want.expenditure.map(pounds));
        expect(result.priorityDebts.map((p) => shown(p.monthly))).toEqual(want.priority.map(pounds));
        for (const c of INCOME_CATEGORIES) expect(shown(result.incomeBySection[c])).toBe(pounds(want.incomeSection(c)));
        for (const c of EXPENDITURE_CATEGORIES) expect(shown(result.expenditureBySection[c])).toBe(pounds(want.expenditureSection(c)));
        const t = result.totals;
        expect(
          [t.income, t.fixed, t.flexible, t.expenditure, t.surplus, t.savings, t.debtAdminFee, t.availableForPriority, t.priorityPayments, t.available].map(shown),
        ).toEqual(
          [want.incomeTotal, want.fixed, want.flexible, want.fixed + want.flexible, want.surplus, want.savings, want.fee, want.availableForPriority, want.priorityTotal, want.available].map(pounds),
        );

        // --json: the same figures, and each column adds up.
        const json = checkJson(result);
        expect(json.income.lines.map((l) => l.monthly)).toEqual(want.income.map(pounds));
        expect(json.expenditure.lines.map((l) => l.monthly)).toEqual(want.expenditure.map(pounds));
        expect(json.income.total).toBe(pounds(want.incomeTotal));
        expect([json.expenditure.fixed, json.expenditure.flexible, json.expenditure.total]).toEqual(
          [want.fixed, want.flexible, want.fixed + want.flexible].map(pounds),
        );
        expect([json.surplus, json.savings, json.debtAdminFee, json.availableForPriority, json.priorityDebts.total, json.available]).toEqual(
          [want.surplus, want.savings, want.fee, want.availableForPriority, want.priorityTotal, want.available].map(pounds),
        );
        expect(json.priorityDebts.debts.map((d) => d.monthly)).toEqual(want.priority.map(pounds));
        expect(json.offersTotal).toBe(pounds(want.offered));
        const asPence = (text: string) => BigInt(text.replace('.', ''));
        expect(total(Object.values(json.income.sections).map(asPence))).toBe(want.incomeTotal);
        expect(total(Object.values(json.expenditure.sections).map(asPence))).toBe(want.fixed + want.flexible);
        expect(total(json.offers.map((o) => asPence(o.offer)))).toBe(want.offered);

        // The SFS export: the same figures, and every section adds up to its total.
        const sfs = parseJsonExact(toSfsJson(statement, result));
        const overview = (key: string) => pence(at(sfs, 'overview', key));
        expect(
          ['total-monthly-income', 'total-monthly-outgoings', 'income-minus-outgoings', 'savings-contribution', 'debt-admin-fee', 'total-available-for-priority-debts', 'total-available-for-non-priority-debts'].map(overview),
        ).toEqual([want.incomeTotal, want.fixed + want.flexible, want.surplus, want.savings, want.fee, want.availableForPriority, want.available]);
        const incomeSections = ['earnings', 'benefits', 'pensions', 'other-income'].map((key) =>
          expectSectionFoots(at(sfs, 'monthly-income', key), `total-${key}`),
        );
        expect(total(incomeSections)).toBe(pence(at(sfs, 'monthly-income', 'total-monthly-income')));
        const outgoings = at(sfs, 'monthly-outgoings') as RawObject;
        const sectionsOf = (part: string, totalKey: string) => {
          const sections = Object.entries(at(outgoings, part) as RawObject).filter(([key]) => key !== totalKey);
          const totals = sections.map(([key, section]) =>
            expectSectionFoots(section, Object.keys(section as RawObject).find((k) => k.startsWith('total-')) ?? `total-${key}`),
          );
          expect(total(totals)).toBe(pence(at(outgoings, part, totalKey)));
          return total(totals);
        };
        expect(sectionsOf('fixed-costs', 'total-fixed-costs')).toBe(want.fixed);
        expect(sectionsOf('flexible-costs', 'total-flexible-costs')).toBe(want.flexible);
        const debts = at(sfs, 'debts') as RawObject;
        const offers = (key: string) => (debts[key] as RawObject[]).map((d) => pence(d['repayment-offer']));
        expect(offers('priority-debts')).toEqual(want.priority);
        expect(pence(debts['total-priority-debt-offers'])).toBe(want.priorityTotal);
        expect(total(offers('non-priority-debts'))).toBe(want.offered);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
