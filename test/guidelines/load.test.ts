import { describe, expect, it } from 'vitest';
import { checkGuidelines, guidelineFor } from '../../src/core/affordability/guidelines.js';
import { parseIsoDate } from '../../src/core/date.js';
import { FairplanError } from '../../src/core/errors.js';
import { fromPence, money, toFixed2 } from '../../src/core/money.js';
import type { Household } from '../../src/core/statement.js';
import { loadGuidelines, parseGuidelinesText } from '../../src/guidelines/load.js';
import { fixture } from '../helpers/cli.js';

const home = (adults: number, children: number): Household => ({ adults, children, vehicles: 0, tenure: 'tenant-social' });
const figures = (amounts: Record<string, { toString(): string } | undefined>) =>
  Object.fromEntries(Object.entries(amounts).map(([k, v]) => [k, v === undefined ? undefined : toFixed2(money(v.toString()))]));

describe('the example guideline file', async () => {
  const table = await loadGuidelines(fixture('guidelines', 'example-guidelines.yaml'));

  it('is labelled as not official', () => {
    expect(table.source.official).toBe(false);
    expect(table.source.name).toMatch(/not official/);
  });

  it('gives a listed household its own figures', () => {
    expect(figures(guidelineFor(table, home(1, 1)))).toEqual({
      'communications-leisure': '135.00',
      'food-housekeeping': '400.00',
      personal: '95.00',
    });
  });

  it('adds the per-person amounts beyond the largest make-up the household covers', () => {
    // 2 adults and 3 children: the (2, 1) entry plus two more children: 580 + 2 × 100 = 780.
    expect(figures(guidelineFor(table, home(2, 3)))['food-housekeeping']).toBe('780.00');
    // 3 adults: the (2, 0) entry plus one adult: 480 + 180 = 660.
    expect(figures(guidelineFor(table, home(3, 0)))['food-housekeeping']).toBe('660.00');
  });

  it('refuses to be used before it takes effect', () => {
    expect(() => checkGuidelines(table, home(1, 0), [], parseIsoDate('2026-04-05'))).toThrow(
      /takes effect on 2026-04-06 and must not be used for 2026-04-05/,
    );
  });
});

describe('the built-in IRS national standards', async () => {
  const irs = await loadGuidelines('irs-2025');

  it('allow $1,481 for two people and $394 for each person beyond four', () => {
    expect(figures(guidelineFor(irs, home(2, 0)))).toEqual({ 'all-flexible': '1481.00' });
    expect(figures(guidelineFor(irs, home(1, 1)))).toEqual({ 'all-flexible': '1481.00' });
    expect(figures(guidelineFor(irs, home(2, 4)))).toEqual({ 'all-flexible': '2917.00' }); // 2129 + 2 × 394
  });

  it('check the flexible categories together, flagging the amount over', () => {
    const lines = [
      { line: { category: 'food-housekeeping' as const, label: 'Groceries', amount: money('900'), frequency: 'monthly' as const }, monthly: fromPence(90_000) },
      { line: { category: 'personal' as const, label: 'Clothes', amount: money('100'), frequency: 'monthly' as const }, monthly: fromPence(10_000) },
    ];
    const [check] = checkGuidelines(irs, home(1, 0), lines, parseIsoDate('2026-11-25')).checks;
    expect(check && [check.status, toFixed2(check.spent), toFixed2(check.guideline), toFixed2(check.over)]).toEqual([
      'over', '1000.00', '838.00', '162.00',
    ]);
  });
});

describe('a guideline file with mistakes', () => {
  const problems = (text: string) => {
    try {
      parseGuidelinesText(text, 'g.yaml');
    } catch (error) {
      if (error instanceof FairplanError) return [error.code, error.context.line, error.context.problems ?? error.message];
    }
    return 'no error';
  };

  it('names each field that is wrong', () => {
    const text = [
      'name: Test', 'version: t1', 'effectiveFrom: 2026-02-30', 'official: maybe', 'currency: GBP',
      'households:', '  - { adults: one, children: 0, personal: "12,34" }',
    ].join('\n');
    expect(problems(text)).toEqual([
      'invalid-guidelines',
      undefined,
      [
        { path: 'effectiveFrom', message: expect.stringContaining('2026-02-30') },
        { path: 'official', message: expect.stringContaining('true') },
        { path: 'households[0].adults', message: 'expected a whole number, 1 or more, got "one"' },
        { path: 'households[0].personal', message: expect.stringContaining('"12,34" is not an amount') },
      ],
    ]);
  });

  it('holds a symbol on an amount to the currency the table names', () => {
    const table = (currency: string, amount: string): string =>
      ['name: Test', 'version: t1', 'effectiveFrom: 2026-01-01', 'official: false', `currency: ${currency}`, 'households:', `  - { adults: 1, children: 0, personal: "${amount}" }`].join('\n');
    expect(problems(table('GBP', '$90'))).toEqual([
      'invalid-guidelines',
      undefined,
      [{ path: 'households[0].personal', message: '"$90" is in dollars, but the amounts here are in pounds (write 90 or £90)' }],
    ]);
    expect(problems(table('USD', '$90'))).toBe('no error');
  });

  it('gives the line of a syntax error', () => {
    expect(problems('name: [Test\nversion: 1')).toEqual(['invalid-guidelines', 2, expect.stringContaining('not valid YAML')]);
  });

  it('says when the file is missing', async () => {
    await expect(loadGuidelines('no-such-file.yaml')).rejects.toMatchObject({
      code: 'io',
      message: 'no such file',
      context: { file: 'no-such-file.yaml' },
    });
  });
});
