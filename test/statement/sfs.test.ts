import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { assessAffordability } from '../../src/core/affordability/assess.js';
import { parseIsoDate } from '../../src/core/date.js';
import { FairplanError, type Problem } from '../../src/core/errors.js';
import { money, toFixed2, type Money } from '../../src/core/money.js';
import type { Statement } from '../../src/core/statement.js';
import { parseJsonExact } from '../../src/statement/json-exact.js';
import { loadStatement, parseStatementText } from '../../src/statement/load.js';
import { NumberLiteral, type RawValue } from '../../src/statement/raw.js';
import { toSfsJson } from '../../src/statement/sfs.js';
import { fixture } from '../helpers/cli.js';
import { sfsValidator } from '../helpers/sfs-schema.js';

const AS_OF = parseIsoDate('2027-01-04');
const assess = (statement: Statement) => assessAffordability(statement, { asOf: AS_OF });
const exportSfs = (statement: Statement): string => toSfsJson(statement, assess(statement));

async function problemsLoading(path: string): Promise<[string, string][]> {
  const error = (await loadStatement(path).catch((e: unknown) => e)) as FairplanError;
  expect(error).toBeInstanceOf(FairplanError);
  expect([error.code, error.context.file]).toEqual(['invalid-statement', path]);
  return (error.context.problems ?? []).map((p) => [p.path, p.message]);
}

function problemsParsing(text: string): Problem[] {
  try {
    parseStatementText(text, 'sfs.json');
  } catch (error) {
    expect(error).toBeInstanceOf(FairplanError);
    return [...((error as FairplanError).context.problems ?? [])];
  }
  throw new Error('expected the statement to be refused');
}

describe('importing an SFS data-entry statement', () => {
  it('reads every SFS figure as a monthly line labelled with its SFS field name, notes kept', async () => {
    const statement = await loadStatement(fixture('statements', 'sfs', 'sfs-household.json'));
    expect(statement.household).toEqual({ adults: 2, children: 1, vehicles: 1, tenure: 'tenant-social' });
    expect(statement.income).toEqual([
      {
        category: 'earnings',
        label: 'client-salary-or-wages',
        amount: money('1420'),
        frequency: 'monthly',
        note: 'Net monthly pay, full-time warehouse supervisor',
      },
      {
        category: 'earnings',
        label: 'partner-salary-or-wages',
        amount: money('610.50'),
        frequency: 'monthly',
        note: 'Net pay, part-time, varies slightly',
      },
      { category: 'benefits', label: 'tax-credits-universal-credit', amount: money('186.42'), frequency: 'monthly' },
      { category: 'benefits', label: 'child-benefit', amount: money('112.88'), frequency: 'monthly' },
    ]);
    expect(statement.expenditure.find((l) => l.category === 'other-essential')).toEqual({
      category: 'other-essential',
      label: 'other-essential-costs',
      amount: money('10'),
      frequency: 'monthly',
      note: 'Glasses for their son, paid monthly to the optician',
    });
    expect(statement.savings).toEqual({ amount: money('10'), frequency: 'monthly' });
    expect(statement.debtAdminFee).toBeUndefined();
    expect(statement.priorityDebts[0]).toEqual({
      creditor: 'Eastvale Council',
      balance: money('286'),
      payment: money('25'),
      frequency: 'monthly',
      note: 'Council tax arrears for 2026/27',
    });
    expect(statement.debts.map((d) => [d.creditor, toFixed2(d.balance), d.ccj])).toEqual([
      ['Harbour Bank (credit card)', '3200.50', false],
      ['Lumen Shopping (catalogue)', '845.00', false],
      ['Quickline Loans', '1100.00', true],
    ]);
    expect(statement.notesForCreditors).toBe(
      "Figures checked against bank statements for October and November 2026.\nPartner's hours may increase from the spring.",
    );
  });

  it('gives the totals the document states: 2,329.80 in, 2,120.14 out, 164.66 for the non-priority creditors', async () => {
    const { totals, offers } = assess(await loadStatement(fixture('statements', 'sfs', 'sfs-household.json')));
    // income 1420.00 + 610.50 + 186.42 + 112.88; available 2329.80 − 2120.14 − 10.00 savings − 35.00 priority
    expect([totals.income, totals.expenditure, totals.available].map(toFixed2)).toEqual([
      '2329.80',
      '2120.14',
      '164.66',
    ]);
    // 164.66 shared over 3200.50, 845.00 and 1100.00, as the document's own offers.
    expect(offers.map((o) => toFixed2(o.offer))).toEqual(['102.42', '27.04', '35.20']);
  });

  it('refuses a document whose stated total disagrees with its own lines, naming the field', async () => {
    expect(await problemsLoading(fixture('statements', 'sfs', 'sfs-total-mismatch.json'))).toEqual([
      ['monthly-income.total-monthly-income', 'states 2,319.80 but its lines add up to 2,329.80'],
    ]);
  });

  it('reports every total that disagrees, the people in the household included', async () => {
    const text = (await readFile(fixture('statements', 'sfs', 'sfs-household.json'), 'utf8'))
      .replace('"total-number-in-household": 3', '"total-number-in-household": 4')
      .replace('"total-personal": 98.00', '"total-personal": 89.00')
      .replace('"total-priority-debt-offers": 35.00', '"total-priority-debt-offers": 53.00');
    expect(problemsParsing(text)).toEqual([
      {
        path: 'total-number-in-household',
        message: 'states 4 but the client, partner, dependants and non-dependants make 3',
      },
      {
        path: 'monthly-outgoings.flexible-costs.personal.total-personal',
        message: 'states 89.00 but its lines add up to 98.00',
      },
      {
        path: 'debts.total-priority-debt-offers',
        message: 'states 53.00 but the priority debt offers add up to 35.00',
      },
    ]);
  });

  it('refuses an SFS line that is not money, by its SFS path', () => {
    const text =
      '{"is-joint-application": false, "dependent-children-under-16": 0, "dependent-children-16-18": 0,' +
      '"other-dependents": 0, "non-dependents": 0, "vehicles": 0, "housing-tenure": "Tenant - privat sector",' +
      '"monthly-income": {"earnings": {"client-salary-or-wages": {"monthly-amount": "lots"}}}}';
    expect(problemsParsing(text)).toEqual([
      {
        path: 'housing-tenure',
        message:
          '"Tenant - privat sector" is not an SFS housing tenure; did you mean "Tenant - private sector"? (expected one of Owner, Mortgage, Living with parents, Tenant - private sector, Tenant - social, other)',
      },
      {
        path: 'monthly-income.earnings.client-salary-or-wages.monthly-amount',
        message: '"lots" is not an amount of money (expected e.g. 1234.56 or £1,234.56)',
      },
    ]);
  });
});

const ukFixtures = readdirSync(fixture('statements')).filter((f) => /\.(json|ya?ml)$/.test(f) && !f.startsWith('us-'));

/** Every number in the document that is money (everything but the head counts). */
function moneyFigures(value: RawValue, key = ''): string[] {
  if (value instanceof NumberLiteral)
    return /^(dependent|other-dependents|non-dependents|total-number|vehicles)/.test(key) ? [] : [value.source];
  if (Array.isArray(value)) return value.flatMap((item) => moneyFigures(item, key));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => moneyFigures(v, k));
  return [];
}

describe('exporting a statement as SFS', () => {
  it.each(ukFixtures)('writes %s as a document valid against the shipped SFS data-entry schema', async (name) => {
    const document = JSON.parse(exportSfs(await loadStatement(fixture('statements', name))));
    const validate = await sfsValidator('sfs-data-entry-schema.json');
    expect(validate(document) ? [] : validate.errors).toEqual([]);
  });

  it.each(ukFixtures)(
    'writes every figure of %s monthly with two decimals, and reads back to the same totals',
    async (name) => {
      const statement = await loadStatement(fixture('statements', name));
      const text = exportSfs(statement);
      expect(moneyFigures(parseJsonExact(text)).filter((f) => !/^-?\d+\.\d{2}$/.test(f))).toEqual([]);

      const { totals } = assess(parseStatementText(text, 'exported-sfs.json'));
      const original = assess(statement).totals;
      // Each line is rounded to the penny on the way out, so a total may move by at most half a
      // penny per line it adds up.
      const lines = statement.income.length + statement.expenditure.length + statement.priorityDebts.length + 2;
      const within = (a: Money, b: Money) => a.minus(b).abs().lte(money('0.005').times(lines));
      for (const key of [
        'income',
        'expenditure',
        'surplus',
        'savings',
        'debtAdminFee',
        'priorityPayments',
        'available',
      ] as const) {
        expect([key, within(totals[key], original[key])]).toEqual([key, true]);
      }
      expect(totals.nonPriorityBalance).toEqual(original.nonPriorityBalance);
    },
  );

  it("writes the single renter's weekly wages as 1,787.93 a month (412.60 × 52 ÷ 12 = 1,787.9333…), rent as rent", async () => {
    const document = JSON.parse(exportSfs(await loadStatement(fixture('statements', 'single-renter-weekly.json'))));
    // In the field the statement records, the label kept in its notes.
    expect(document['monthly-income'].earnings['client-salary-or-wages']).toEqual({
      'monthly-amount': 1787.93,
      notes: 'Wages (warehouse operative, after tax)',
    });
    expect(document['monthly-income']['total-monthly-income']).toBe(1787.93);
    // Each line in the field its statement records: "Council tax (band A…)" in council-tax-rates, its label in the notes.
    const home = document['monthly-outgoings']['fixed-costs']['home-contents'];
    expect(home.rent).toEqual({ 'monthly-amount': 850 });
    expect(home['tv-licence']).toEqual({ 'monthly-amount': 14.54 }); // 174.50 a year ÷ 12 = 14.541…
    expect(home['council-tax-rates']).toEqual({ 'monthly-amount': 98.4, notes: 'Council tax (band A, single person discount)' });
    expect(home['other-home-contents']).toEqual({ 'monthly-amount': 0 });
    expect(home['total-home-contents']).toBe(962.94); // 850.00 + 14.54 + 98.40
    expect(document['is-joint-application']).toBe(false);
    expect(document['housing-tenure']).toBe('Tenant - private sector');
  });

  it('carries notes: on lines, on debts, and in additional-notes what the customer agreed creditors may read of their circumstances', async () => {
    const statement = await loadStatement(fixture('statements', 'benefits-only.json'));
    const document = JSON.parse(exportSfs(statement));
    expect(document['monthly-outgoings']['fixed-costs'].utilities.electricity.notes).toBe(
      'Gas and electricity: Dual fuel, gas and electricity on one bill. Heating kept on during the day because of health condition',
    );
    // The note for the advisor's file, naming the condition, is not sent: only the one for creditors.
    expect(document['additional-notes']).toEqual(['Please contact the customer by letter or email, not by phone.']);
  });

  it('carries a Breathing Space in additional-notes, as the SFS has no field for it, and stays valid', async () => {
    const standard = await loadStatement(fixture('statements', 'breathing-space-standard.json'));
    const document = JSON.parse(exportSfs(standard));
    expect(document['additional-notes']).toContain(
      'Breathing Space (standard) from 2026-11-20 to 2027-01-19 (no end recorded: a standard one lasts 60 days): no payment may be asked for and interest and charges are frozen while it lasts',
    );
    const validate = await sfsValidator('sfs-data-entry-schema.json');
    expect(validate(document) ? [] : validate.errors).toEqual([]);
    const crisis = await loadStatement(fixture('statements', 'breathing-space-crisis-open.json'));
    expect(JSON.parse(exportSfs(crisis))['additional-notes'].join(' ')).toContain('Breathing Space (mental health crisis) from 2026-11-20 with no end recorded yet');
  });

  it('gives each non-priority creditor its pro-rata offer from the affordability core', async () => {
    const document = JSON.parse(
      exportSfs(await loadStatement(fixture('statements', 'homeowner-several-creditors.json'))),
    );
    const quickline = document.debts['non-priority-debts'][4];
    expect(quickline).toMatchObject({ creditor: 'Quickline Loans', 'amount-owed': 905, ccj: true });
    // Electricity arrears at £6.00 a week are 6 × 52 ÷ 12 = 26.00 a month.
    expect(document.debts['priority-debts'][1]['repayment-offer']).toBe(26);
    expect(document.debts['total-priority-debt-offers']).toBe(66);
  });

  it('writes an imported SFS statement back so that it reads as the same statement', async () => {
    const imported = await loadStatement(fixture('statements', 'sfs', 'sfs-household.json'));
    expect(parseStatementText(exportSfs(imported), 'again.json')).toEqual(imported);
  });

  it('refuses to write a statement in dollars as SFS, a UK format', async () => {
    const us = await loadStatement(fixture('statements', 'us-household.json'));
    expect(() => exportSfs(us)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });
});
