import { describe, expect, it } from 'vitest';
import { readAccount, type Account } from '../../src/batch/account.js';
import { ALL_FIELDS, FIELDS } from '../../src/batch/fields.js';
import { householdDefaults, readAdults, readChildren, readJurisdiction, readTenure } from '../../src/batch/household-fields.js';
import { resolveColumns } from '../../src/batch/mapping.js';

describe('household values as exports write them', () => {
  it('reads a tenure by the statement’s names or the SFS’s, in any case and spacing', () => {
    expect(['owner', 'Tenant-Private', 'tenant_social', 'Tenant - private sector', 'Living with parents', 'OTHER'].map(readTenure)).toEqual([
      'owner',
      'tenant-private',
      'tenant-social',
      'tenant-private',
      'living-with-parents',
      'other',
    ]);
  });

  it('refuses a tenure it would have to guess, saying what it expects', () => {
    expect(() => readTenure('Caravan')).toThrow(/"Caravan" is not a tenure: expected one of owner, mortgage/);
    expect(() => readTenure('morgage')).toThrow(/did you mean "mortgage"\?/);
  });

  it('reads a jurisdiction by its name or the calendar regions’ (England and Wales share one)', () => {
    expect(['england-wales', 'England', 'wales', 'Scotland', 'NI', 'northern ireland'].map(readJurisdiction)).toEqual([
      'england-wales',
      'england-wales',
      'england-wales',
      'scotland',
      'northern-ireland',
      'northern-ireland',
    ]);
    expect(() => readJurisdiction('none')).toThrow(expect.objectContaining({ code: 'invalid-argument', context: { field: 'jurisdiction' } }));
    expect(() => readJurisdiction('scotlnd')).toThrow(/did you mean "scotland"\?/);
  });

  it('reads adults from 1 and children from 0, as whole numbers', () => {
    expect([readAdults('1'), readAdults('2'), readChildren('0'), readChildren('3')]).toEqual([1, 2, 0, 3]);
    for (const bad of ['0', '1.5', 'two', '-1', '100']) expect(() => readAdults(bad), bad).toThrow(expect.objectContaining({ code: 'invalid-argument', context: { field: 'adults' } }));
    expect(() => readChildren('-1')).toThrow(expect.objectContaining({ code: 'invalid-argument', context: { field: 'children' } }));
  });

  it('takes the calendar of the --jurisdiction default unless --calendar is given', () => {
    expect(householdDefaults(undefined, undefined)).toEqual({ jurisdiction: 'england-wales', calendar: 'england-wales' });
    expect(householdDefaults('scotland', undefined)).toEqual({ jurisdiction: 'scotland', calendar: 'scotland' });
    expect(householdDefaults('scotland', 'none')).toEqual({ jurisdiction: 'scotland', calendar: 'none' });
  });
});

describe("an account row's household", () => {
  const GOOD: Record<string, string> = {
    account_id: 'ACC1',
    balance: '100.00',
    monthly_income: '2000.00',
    housing: '500.00',
    council_tax: '100.00',
    utilities: '100.00',
    food: '200.00',
    transport: '50.00',
    other_expenses: '50.00',
    pay_frequency: 'monthly',
    next_pay_date: '2026-01-25',
  };
  const layout = resolveColumns([...ALL_FIELDS], {}, { kind: 'none' }, 'accounts.csv');
  const read = (changes: Record<string, string>) => readAccount(ALL_FIELDS.map((f) => changes[f] ?? GOOD[f] ?? ''), layout, 2);

  it('is read from its columns; the run’s jurisdiction and its bank holidays stand in for a blank one, and it is named among the defaults', () => {
    expect((read({ adults: '2', children: '1', tenure: 'mortgage', jurisdiction: 'Scotland' }) as Account).household).toEqual({
      adults: 2,
      children: 1,
      tenure: 'mortgage',
      jurisdiction: 'scotland',
      calendar: 'scotland',
      defaulted: [],
    });
    const defaults = { ...layout, householdDefaults: householdDefaults('northern-ireland', 'none') };
    const blank = readAccount(ALL_FIELDS.map((f) => GOOD[f] ?? ''), defaults, 2) as Account;
    expect(blank.household).toEqual({
      adults: 1,
      children: 0,
      tenure: 'other',
      jurisdiction: 'northern-ireland',
      calendar: 'none',
      defaulted: ['adults', 'children', 'tenure', 'jurisdiction'],
    });
  });

  it('takes every field by default from an export without household columns', () => {
    const accounts = resolveColumns([...FIELDS], {}, { kind: 'none' }, 'accounts.csv');
    const account = readAccount(FIELDS.map((f) => GOOD[f] ?? ''), accounts, 2) as Account;
    expect(account.household.defaulted).toEqual(['adults', 'children', 'tenure', 'jurisdiction']);
  });

  it("takes the default for a value it cannot read, naming the export's column and the value as written", () => {
    const named = resolveColumns([...FIELDS, 'Housing Status'], { tenure: 'Housing Status' }, { kind: 'none' }, 'accounts.csv');
    const account = readAccount([...FIELDS.map((f) => GOOD[f] ?? ''), 'Lodger'], named, 7) as Account;
    expect(account.household).toMatchObject({ tenure: 'other', defaulted: ['adults', 'children', 'tenure', 'jurisdiction'] });
    expect(account.unknownValues).toEqual([{ column: 'Housing Status', value: 'Lodger' }]);
    const eire = read({ jurisdiction: 'Eire', children: 'none', adults: '2' }) as Account;
    expect(eire.household).toMatchObject({ adults: 2, children: 0, defaulted: ['children', 'tenure', 'jurisdiction'] });
    expect(eire.unknownValues).toEqual([
      { column: 'children', value: 'none' },
      { column: 'jurisdiction', value: 'Eire' },
    ]);
  });

  it("reads a column's own words by the mapping's values first, in any case and punctuation", () => {
    const named = resolveColumns([...FIELDS, 'Home'], { tenure: { column: 'Home', values: { 'Council tenant': 'tenant-social', Parents: 'other' } } }, { kind: 'none' }, 'accounts.csv');
    const tenure = (cell: string) => (readAccount([...FIELDS.map((f) => GOOD[f] ?? ''), cell], named, 2) as Account).household.tenure;
    expect(['COUNCIL-TENANT', 'parents', 'Private rent'].map(tenure)).toEqual(['tenant-social', 'other', 'tenant-private']);
  });
});
