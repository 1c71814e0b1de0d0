import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessAffordability } from '../../src/core/affordability/assess.js';
import { parseIsoDate } from '../../src/core/date.js';
import { toFixed2 } from '../../src/core/money.js';
import { TENURES } from '../../src/core/statement.js';
import type { Account } from '../../src/batch/account.js';
import { householdWithDefaults } from '../../src/batch/household-fields.js';
import { accountAffordability, accountStatement } from '../../src/batch/affordability.js';
import { formatPence } from '../../src/batch/pence.js';
import { parseGuidelinesText } from '../../src/guidelines/load.js';
import { fixture } from '../helpers/cli.js';

const asOf = parseIsoDate('2026-01-05');
const guidelinesFile = fixture('guidelines', 'example-guidelines.yaml');
const EXAMPLE_GUIDELINES = parseGuidelinesText(readFileSync(guidelinesFile, 'utf8'), guidelinesFile);
const inForce = EXAMPLE_GUIDELINES.source.effectiveFrom;
const pence = (max: number) => fc.integer({ min: 0, max });

const account = fc.record({
  balance: fc.integer({ min: 1, max: 10_000_000 }),
  income: pence(1_000_000),
  housing: pence(300_000),
  council_tax: pence(50_000),
  utilities: pence(50_000),
  food: pence(100_000),
  transport: pence(50_000),
  other_expenses: pence(300_000),
  // The household the row records: its tenure decides the DRO pointer, its people the guideline.
  adults: fc.integer({ min: 1, max: 4 }),
  children: fc.integer({ min: 0, max: 3 }),
  tenure: fc.constantFrom(...TENURES),
}).map(
  ({ balance, income, adults, children, tenure, ...expenses }): Account => ({
    line: 2,
    id: 'ACC1',
    balance,
    income,
    expenses,
    pay: { frequency: 'monthly', nextPayDate: parseIsoDate('2026-01-10') },
    household: householdWithDefaults({ adults, children, tenure }),
    carried: [],
  }),
);

describe('an account row\'s affordability in whole pence', () => {
  it('has the totals, flags and review of the affordability core on the same statement, with or without guidelines', () => {
    fc.assert(
      fc.property(account, fc.boolean(), (row, withGuidelines) => {
        const fast = accountAffordability(row, withGuidelines ? { table: EXAMPLE_GUIDELINES, asOf: inForce } : undefined);
        const core = assessAffordability(
          accountStatement(row),
          withGuidelines ? { asOf: inForce, guidelines: EXAMPLE_GUIDELINES } : { asOf },
        );
        expect(formatPence(fast.income)).toBe(toFixed2(core.totals.income));
        expect(formatPence(fast.expenditure)).toBe(toFixed2(core.totals.expenditure));
        expect(formatPence(fast.surplus)).toBe(toFixed2(core.totals.surplus));
        expect(formatPence(fast.available)).toBe(toFixed2(core.totals.available));
        expect(fast.flags).toEqual(core.flags.map((f) => f.code));
        expect(fast.review).toBe(core.flags.some((f) => f.review));
      }),
      { numRuns: 1000 },
    );
  });

  it('takes council tax and housing as home costs, food as food & housekeeping, and the balance as one debt', () => {
    const row: Account = {
      line: 2,
      id: 'ACC1',
      balance: 250_000,
      income: 200_000,
      expenses: { housing: 70_000, council_tax: 12_000, utilities: 9_000, food: 25_000, transport: 6_000, other_expenses: 5_000 },
      pay: { frequency: 'weekly', nextPayDate: parseIsoDate('2026-01-09') },
      household: householdWithDefaults({}),
    carried: [],
    };
    const core = assessAffordability(accountStatement(row), { asOf });
    // home = 700 + 120; fixed = 820 + 90 + 60 + 50 = 1020; flexible = 250; surplus = 2000 − 1270 = 730.
    expect(toFixed2(core.expenditureBySection.home)).toBe('820.00');
    expect(toFixed2(core.totals.fixed)).toBe('1020.00');
    expect(toFixed2(core.totals.flexible)).toBe('250.00');
    expect(formatPence(accountAffordability(row).available)).toBe('730.00');
    expect(core.statement.debts).toHaveLength(1);
    expect(toFixed2(core.totals.nonPriorityBalance)).toBe('2500.00');
  });
});
