import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessAffordability } from '../../src/core/affordability/assess.js';
import { parseIsoDate } from '../../src/core/date.js';
import type { Statement } from '../../src/core/statement.js';
import { checkJson } from '../../src/render/check/json.js';
import { loadStatement, parseStatementDocument } from '../../src/statement/load.js';
import { toSfsSummaryJson } from '../../src/statement/sfs-summary.js';
import { fixture } from '../helpers/cli.js';
import { sfsValidator } from '../helpers/sfs-schema.js';

const assess = (statement: Statement) => assessAffordability(statement, { asOf: parseIsoDate('2027-01-04') });
const summaryOf = (statement: Statement): string => toSfsSummaryJson(statement, assess(statement));
const ukFixtures = readdirSync(fixture('statements')).filter((f) => /\.(json|ya?ml)$/.test(f) && !f.startsWith('us-'));

/**
 * The figures of a check: not its lines (a summary keeps section totals, not every line), nor the
 * flags, which SFS has no field for the vulnerabilities behind (they go to its notes); a priority
 * payment by its monthly figure, the only one SFS has.
 */
function figures(statement: Statement) {
  const { income, expenditure, priorityDebts, flags, flagDetails, household, ...rest } = checkJson(assess(statement));
  return {
    income: { ...income, lines: undefined },
    expenditure: { ...expenditure, lines: undefined },
    priorityDebts: { total: priorityDebts.total, debts: priorityDebts.debts.map(({ creditor, balance, monthly }) => ({ creditor, balance, monthly })) },
    ...rest,
  };
}

describe('writing an SFS summary', () => {
  it.each(ukFixtures)('writes %s as a document valid against the shipped SFS summary schema', async (name) => {
    const document = JSON.parse(summaryOf(await loadStatement(fixture('statements', name))));
    const validate = await sfsValidator('sfs-summary-schema.json');
    expect(validate(document) ? [] : validate.errors).toEqual([]);
  });

  it.each(ukFixtures)('writes %s so that it reads back to the same figures, with nothing to warn of', async (name) => {
    const statement = await loadStatement(fixture('statements', name));
    const { statement: back, warnings } = parseStatementDocument(summaryOf(statement), 'summary.json');
    expect(warnings).toEqual([]);
    expect(figures(back)).toEqual(figures(statement));
  });

  it("puts the single renter's rent in rent, council tax in council-tax-rates and the TV licence in other-home-contents, whatever their labels", async () => {
    const document = JSON.parse(summaryOf(await loadStatement(fixture('statements', 'single-renter-weekly.json'))));
    const fixed = document['monthly-outgoings']['fixed-costs'];
    // Rent 850.00; council tax 98.40; the TV licence, 174.50 a year (14.54), has no summary field of its own.
    expect([fixed.rent, fixed['council-tax-rates'], fixed['other-home-contents']]).toEqual([850, 98.4, 14.54]);
    // Dual fuel, 92.00, recorded in electricity with a note.
    expect([fixed.gas, fixed.electricity, fixed['other-utilities']]).toEqual([0, 92, 0]);
    expect(document['monthly-income']['total-earnings']).toBe(1787.93);
  });

  it.each(ukFixtures)('puts the council tax of %s in council-tax-rates, gas and electricity in their own fields, and every line in the field its statement records', async (name) => {
    const statement = await loadStatement(fixture('statements', name));
    const fixed = JSON.parse(summaryOf(statement))['monthly-outgoings']['fixed-costs'];
    const monthly = assess(statement).expenditure;
    const pennies = (pick: (label: string) => boolean) =>
      monthly.filter((l) => pick(l.line.label)).reduce((sum, l) => sum + Math.round(Number(l.monthly.toFixed(2)) * 100), 0) / 100;
    expect(fixed['council-tax-rates']).toBe(pennies((label) => /council tax/i.test(label)));
    expect(fixed['council-tax-rates']).toBeGreaterThan(0);
    expect(fixed['other-utilities']).toBe(0);
    for (const line of [...statement.income, ...statement.expenditure]) {
      expect(line.sfs, line.label).toBeDefined();
      // An "other" field only with a note saying what the money is for.
      if (line.sfs?.startsWith('other-')) expect(line.note, line.label).toBeTruthy();
    }
  });

  it('gives every debt with its balance and offer', async () => {
    const document = JSON.parse(summaryOf(await loadStatement(fixture('statements', 'homeowner-several-creditors.json'))));
    expect(document.debts['non-priority-debts'][4]).toMatchObject({ creditor: 'Quickline Loans', 'amount-owed': 905, ccj: true });
    expect(document.debts['priority-debts'][1]['repayment-offer']).toBe(26);
  });

  it('refuses to write a statement in dollars, SFS being a UK format', async () => {
    const us = await loadStatement(fixture('statements', 'us-household.json'));
    expect(() => summaryOf(us)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });
});
