/**
 * The fixtures are shared by the README and every command's tests, each for a kind of household:
 * these checks keep each one what its name promises if someone edits its figures.
 */
import { describe, expect, it } from 'vitest';
import { assessAffordability } from '../../src/core/affordability/assess.js';
import { parseIsoDate } from '../../src/core/date.js';
import { toFixed2 } from '../../src/core/money.js';
import { loadStatement } from '../../src/statement/load.js';
import { fixture } from '../helpers/cli.js';

const assess = async (name: string) =>
  assessAffordability(await loadStatement(fixture('statements', name)), { asOf: parseIsoDate('2027-01-04') });

describe('the statement fixtures', () => {
  it('single-renter-weekly: a modest surplus of £180.44 a month', async () => {
    const { totals, flags } = await assess('single-renter-weekly.json');
    // Each line to the penny: income 412.60 × 52 ÷ 12 = 1,787.93; spending 850 + 98.40 + 14.54
    //   (174.50 ÷ 12) + 92 + 36.80 + 82.33 (19 × 52 ÷ 12) + 8.75 + 12 + 26 + 45 + 294.67 (68 × 52 ÷ 12)
    //   + 25 + 22 = 1,607.49; 1,787.93 − 1,607.49 = 180.44.
    expect([totals.income, totals.expenditure, totals.available].map(toFixed2)).toEqual([
      '1787.93',
      '1607.49',
      '180.44',
    ]);
    expect(flags.map((f) => f.code)).toEqual(['advice']);
  });

  it('deficit-budget: spending above income, so nothing is available', async () => {
    const { totals, flags } = await assess('deficit-budget.json');
    expect(totals.available.isNegative()).toBe(true);
    expect(flags.map((f) => f.code)).toContain('deficit');
  });

  it('benefits-only: £1.89 a month over three creditors, under £1 each, so a token payment', async () => {
    const { totals, flags } = await assess('benefits-only.json');
    // Income 843.14 + 320.23 (295.60 × 13 ÷ 12 = 320.2333…) = 1,163.37; spending 1,161.48.
    expect(toFixed2(totals.available)).toBe('1.89');
    expect(flags.map((f) => f.code)).toEqual(expect.arrayContaining(['token-payment', 'vulnerability']));
  });

  it('homeowner-several-creditors: a mortgage, two priority debts and six creditors, one with a CCJ', async () => {
    const { statement, totals } = await assess('homeowner-several-creditors.json');
    expect(statement.expenditure.some((l) => l.label === 'Mortgage')).toBe(true);
    // Council tax £40.00 a month + electricity £6.00 a week × 52 ÷ 12 = £26.00
    expect(toFixed2(totals.priorityPayments)).toBe('66.00');
    expect(statement.debts.filter((d) => d.ccj)).toHaveLength(1);
    expect(totals.available.gt(0)).toBe(true);
  });

  it('us-household: in dollars', async () => {
    const { statement } = await assess('us-household.json');
    expect(statement.currency).toBe('USD');
  });
});
