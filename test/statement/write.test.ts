import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../../src/core/money.js';
import type { Statement } from '../../src/core/statement.js';
import { loadStatement, parseStatementText } from '../../src/statement/load.js';
import { toFairplanJson } from '../../src/statement/write.js';
import { fixture } from '../helpers/cli.js';

const statementFixtures = readdirSync(fixture('statements')).filter((f) => /\.(json|ya?ml)$/.test(f));

describe('writing a statement in fairplan JSON', () => {
  it.each(statementFixtures)('reads %s back exactly as it was', async (name) => {
    const statement = await loadStatement(fixture('statements', name));
    expect(parseStatementText(toFairplanJson(statement), 'written.json')).toEqual(statement);
  });

  it('writes amounts as strings at full precision, thousands commas and symbols dropped', async () => {
    const written = JSON.parse(toFairplanJson(await loadStatement(fixture('statements', 'single-renter-weekly.json'))));
    expect(written.income[0]).toEqual({
      category: 'earnings',
      label: 'Wages (warehouse operative, after tax)',
      amount: '412.6',
      frequency: 'weekly',
      sfs: 'client-salary-or-wages',
    });
    expect(written.debts[0]).toEqual({ creditor: 'Harbour Bank (credit card)', balance: '2450' });
  });

  it('writes the original file as it would be written anyway (nothing added, nothing lost)', async () => {
    const text = await readFile(fixture('statements', 'homeowner-several-creditors.json'), 'utf8');
    const written = JSON.parse(toFairplanJson(parseStatementText(text, 'homeowner.json')));
    expect(Object.keys(written)).toEqual([
      'household',
      'income',
      'expenditure',
      'priorityDebts',
      'debts',
      'debtAdminFee',
      'vulnerabilities',
      'pay',
      'expectedChanges',
    ]);
    expect(written.debts[4]).toEqual({
      creditor: 'Quickline Loans',
      balance: '905',
      ccj: true,
      note: 'County Court Judgment in 2026; judgment debt to be paid at £25 a month',
    });
  });

  it('round-trips any amount to the last digit, however many decimals it has', () => {
    const digits = fc.stringMatching(/^\d{1,15}(\.\d{1,20})?$/);
    fc.assert(
      fc.property(digits, digits, (income, change) => {
        const statement: Statement = {
          household: { adults: 1, children: 0, vehicles: 0, tenure: 'owner' },
          income: [{ category: 'other', label: 'Odd amount', amount: money(income), frequency: 'quarterly' }],
          expenditure: [],
          priorityDebts: [],
          debts: [],
          vulnerabilities: [],
          expectedChanges: [
            {
              from: '2027-06-01' as Statement['expectedChanges'][number]['from'],
              monthlyChange: money(`-${change}`),
              note: 'Loan ends',
            },
          ],
        };
        const back = parseStatementText(toFairplanJson(statement), 'written.json');
        expect(back.income[0]?.amount.eq(money(income))).toBe(true);
        expect(back.expectedChanges[0]?.monthlyChange.eq(money(`-${change}`))).toBe(true);
      }),
    );
  });
});
