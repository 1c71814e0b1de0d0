import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FairplanError } from '../../src/core/errors.js';
import { money } from '../../src/core/money.js';
import { MAX_FILE_BYTES } from '../../src/statement/limits.js';
import { loadStatement, parseStatementText } from '../../src/statement/load.js';
import { fixture } from '../helpers/cli.js';

const statementFixtures = readdirSync(fixture('statements')).filter((f) => /\.(json|ya?ml)$/.test(f));

describe('loading the statement fixtures', () => {
  it.each(statementFixtures)('reads %s', async (name) => {
    const statement = await loadStatement(fixture('statements', name));
    expect(statement.household.adults).toBeGreaterThanOrEqual(1);
    expect(statement.income.length + statement.expenditure.length).toBeGreaterThan(0);
  });

  it('reads the single renter: weekly wages, a pay day and three debts, "2,450.00" as 2450', async () => {
    const statement = await loadStatement(fixture('statements', 'single-renter-weekly.json'));
    expect(statement.income[0]).toMatchObject({ category: 'earnings', frequency: 'weekly', amount: money('412.60') });
    expect(statement.pay).toEqual({ frequency: 'weekly', nextPayDate: '2027-01-08' });
    expect(statement.debts.map((d) => d.balance)).toEqual([money('2450'), money('780.35'), money('1200')]);
    expect(statement.priorityDebts).toEqual([]);
    expect(statement.vulnerabilities).toEqual([]);
  });

  it('reads the couple in YAML: every frequency, thousands commas, a food note and a job starting', async () => {
    const statement = await loadStatement(fixture('statements', 'couple-children-mixed.yaml'));
    const frequencies = new Set([...statement.income, ...statement.expenditure].map((l) => l.frequency));
    expect([...frequencies].sort()).toEqual(['annual', 'fortnightly', 'four-weekly', 'monthly', 'quarterly', 'weekly']);
    expect(statement.income[0]?.amount).toEqual(money('1386.40'));
    expect(statement.expenditure.find((l) => l.category === 'food-housekeeping')?.note).toMatch(/coeliac/);
    expect(statement.expectedChanges).toEqual([
      { from: '2027-04-01', monthlyChange: money('310'), note: expect.stringMatching(/full-time job/) },
    ]);
  });

  it('reads the homeowner: a mortgage, council tax and energy arrears, six creditors, one with a CCJ', async () => {
    const statement = await loadStatement(fixture('statements', 'homeowner-several-creditors.json'));
    expect(statement.household.tenure).toBe('mortgage');
    expect(statement.priorityDebts.map((d) => d.creditor)).toEqual([
      'Westbrook Council (council tax arrears)',
      'Brightpower Energy (electricity arrears)',
    ]);
    expect(statement.debts).toHaveLength(6);
    expect(statement.debts.filter((d) => d.ccj).map((d) => d.creditor)).toEqual(['Quickline Loans']);
  });

  it('reads each debt’s own interest: continuing at a rate, frozen, or none recorded', async () => {
    const statement = await loadStatement(fixture('statements', 'six-creditors-small-balance.yaml'));
    expect(statement.debts.map((d) => (d.interest?.kind === 'continuing' ? d.interest.annualRatePercent.toString() : d.interest?.kind))).toEqual([
      '24.9',
      '29.9',
      '9.9',
      'frozen',
      undefined,
      undefined,
    ]);
  });

  it('reads the benefits-only household with its vulnerability, and the US household in dollars', async () => {
    const benefits = await loadStatement(fixture('statements', 'benefits-only.json'));
    expect(benefits.vulnerabilities).toEqual([{ driver: 'health', note: expect.stringMatching(/prefers letters/), forCreditors: expect.stringMatching(/by letter or email/) }]);
    expect(benefits.vulnerabilityConsent).toEqual({ toRecord: true, toShare: true, on: '2026-11-20' });
    const us = await loadStatement(fixture('statements', 'us-household.json'));
    expect(us.currency).toBe('USD');
    expect(us.income[0]?.amount).toEqual(money('2140'));
  });
});

describe('amounts in the currency of the statement', () => {
  const withIncome = (currency: string, amount: string): string =>
    JSON.stringify({
      ...(currency ? { currency } : {}),
      household: { adults: 1, children: 0, vehicles: 0, tenure: 'owner' },
      income: [{ category: 'earnings', label: 'Wages', amount, frequency: 'monthly' }],
    });
  const problemsOf = (text: string): unknown => {
    try {
      parseStatementText(text, 'statement.json');
    } catch (error) {
      return (error as FairplanError).context.problems;
    }
    throw new Error('expected the statement to be refused');
  };

  it('refuses $12.50 in a statement in pounds, rather than reading it as £12.50', () => {
    expect(problemsOf(withIncome('', '$12.50'))).toEqual([
      { path: 'income[0].amount', message: '"$12.50" is in dollars, but the amounts here are in pounds (write 12.50 or £12.50)' },
    ]);
    expect(problemsOf(withIncome('GBP', '€12.50'))).toEqual([
      { path: 'income[0].amount', message: '"€12.50" is in euros, but the amounts here are in pounds (write 12.50 or £12.50)' },
    ]);
  });

  it('refuses £ in a statement in dollars, and reads $', () => {
    expect(problemsOf(withIncome('USD', '£1,200.00'))).toEqual([
      { path: 'income[0].amount', message: '"£1,200.00" is in pounds, but the amounts here are in dollars (write 1,200.00 or $1,200.00)' },
    ]);
    expect(parseStatementText(withIncome('usd', '$1,200.00'), 'statement.json').income[0]?.amount).toEqual(money('1200'));
  });
});

describe('amounts are exact whatever way they are written', () => {
  it('keeps YAML amounts 1,234.50 and 0.10 exact, and a number too long for a float', () => {
    const statement = parseStatementText(
      [
        'household: { adults: 1, children: 0, vehicles: 0, tenure: owner }',
        'income:',
        '  - category: earnings',
        '    label: Wages',
        '    amount: 1,234.50',
        '    frequency: monthly',
        '  - category: other',
        '    label: Interest',
        '    amount: 0.10',
        '    frequency: monthly',
        '  - category: other',
        '    label: Windfall',
        '    amount: 12345678901234567.89',
        '    frequency: annual',
      ].join('\n'),
      'statement.yaml',
    );
    expect(statement.income.map((l) => l.amount.toFixed(2))).toEqual(['1234.50', '0.10', '12345678901234567.89']);
  });

  it('takes a JSON number from its source text, not through a float', () => {
    const statement = parseStatementText(
      '{"household": {"adults": 1, "children": 0, "vehicles": 0, "tenure": "owner"},' +
        '"debts": [{"creditor": "A", "balance": 12345678901234567.89}, {"creditor": "B", "balance": 0.10}]}',
      'statement.json',
    );
    expect(statement.debts.map((d) => d.balance.toFixed(2))).toEqual(['12345678901234567.89', '0.10']);
  });

  it('reads £ signs and spelled-out frequencies in any case', () => {
    const statement = parseStatementText(
      '{"household": {"adults": 1, "children": 0, "vehicles": 0, "tenure": "Tenant private"},' +
        '"income": [{"category": "Earnings", "label": "Wages", "amount": "£1,650.00", "frequency": "Four Weekly"}]}',
      'statement.json',
    );
    expect(statement.household.tenure).toBe('tenant-private');
    expect(statement.income[0]).toMatchObject({
      category: 'earnings',
      amount: money('1650'),
      frequency: 'four-weekly',
    });
  });

  it('tells JSON from YAML by the text when the file name has no extension', () => {
    const yaml = 'household:\n  adults: 2\n  children: 1\n  vehicles: 0\n  tenure: owner\n';
    expect(parseStatementText(yaml, '-').household.adults).toBe(2);
    expect(
      parseStatementText('{"household": {"adults": 2, "children": 1, "vehicles": 0, "tenure": "owner"}}', '-').household
        .children,
    ).toBe(1);
  });
});

/** The problems a load fails with, as [path, message] pairs, checking the file is named. */
async function problemsLoading(name: string): Promise<[string, string][]> {
  const path = fixture('statements', 'invalid', name);
  const error = await loadStatement(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FairplanError);
  const { code, context } = error as FairplanError;
  expect(code).toBe('invalid-statement');
  expect(context.file).toBe(path);
  return (context.problems ?? []).map((p) => [p.path, p.message]);
}

/** The one error a load fails with: its code, line and message. */
async function errorLoading(path: string): Promise<{ code: string; line?: number; message: string; file?: string }> {
  const error = (await loadStatement(path).catch((e: unknown) => e)) as FairplanError;
  expect(error).toBeInstanceOf(FairplanError);
  return {
    code: error.code,
    message: error.message,
    file: error.context.file,
    ...(error.context.line ? { line: error.context.line } : {}),
  };
}

const AMOUNT_EXPECTED = '(expected e.g. 1234.56 or £1,234.56)';

describe('invalid statements: one message per problem, naming the field and what was expected', () => {
  it('refuses a debt interest without a rate when it continues, with one when frozen, or a rate that is not a percentage', async () => {
    expect(await problemsLoading('bad-interest.json')).toEqual([
      ['debts[0].interest.rate', 'missing (expected the annual rate of continuing interest, e.g. "24.9")'],
      ['debts[1].interest.rate', '"240" is over 100%'],
      ['debts[2].interest.rate', 'frozen interest has no rate (expected kind "continuing" with a rate)'],
      ['debts[3].interest.kind', '"charging" is not a kind of interest; did you mean "continuing"? (expected one of frozen, continuing)'],
      ['debts[4].interest.rate', '"nine" is not a percentage (expected e.g. 19.9 or 19.9%)'],
    ]);
  });

  it('refuses amounts that are not money, including a decimal comma', async () => {
    expect(await problemsLoading('bad-amount.json')).toEqual([
      ['income[0].amount', `"12,34" is not an amount of money ${AMOUNT_EXPECTED}`],
      ['expenditure[0].amount', `"seven hundred" is not an amount of money ${AMOUNT_EXPECTED}`],
    ]);
  });

  it('refuses a misspelt frequency with the one meant, and an unknown one with the list', async () => {
    expect(await problemsLoading('bad-frequency.json')).toEqual([
      ['expenditure[3].frequency', '"monthy" is not a frequency; did you mean "monthly"?'],
      [
        'expenditure[4].frequency',
        '"every day" is not a frequency; expected one of weekly, fortnightly, four-weekly, monthly, quarterly, annual',
      ],
    ]);
  });

  it('refuses unknown categories and tenures, suggesting the one an everyday word or a typo means', async () => {
    expect(await problemsLoading('bad-category.json')).toEqual([
      [
        'household.tenure',
        '"renting" is not a tenure; did you mean "tenant-private"? (expected one of owner, mortgage, living-with-parents, tenant-private, tenant-social, other)',
      ],
      [
        'income[0].category',
        '"wages" is not an income category; did you mean "earnings"? (expected one of earnings, benefits, pensions, other)',
      ],
      [
        'expenditure[0].category',
        '"food-housekeepng" is not an expenditure category; did you mean "food-housekeeping"? (expected one of home, utilities, water, care-health, transport, school, pensions-insurance, professional, other-essential, communications-leisure, food-housekeeping, personal)',
      ],
    ]);
  });

  it('names each missing field, and a misspelt one', async () => {
    expect(await problemsLoading('missing-field.json')).toEqual([
      [
        'household.tenure',
        'missing (expected a tenure: one of owner, mortgage, living-with-parents, tenant-private, tenant-social, other)',
      ],
      ['income[0].amount', 'missing (expected an amount of money, e.g. 1234.56 or £1,234.56)'],
      ['income[0]', '"ammount" is not a field of an income line; did you mean "amount"?'],
      ['debts[0].creditor', 'missing (expected a creditor name)'],
    ]);
  });

  it('says what was found where something else was expected', async () => {
    expect(await problemsLoading('wrong-type.json')).toEqual([
      ['household.adults', 'expected a whole number, 1 or more, got "two"'],
      ['household.children', 'expected a whole number, got 1.5'],
      ['income', 'expected a list of income lines, got an object'],
      ['debts[0].balance', 'expected an amount of money, e.g. 1234.56 or £1,234.56, got true'],
      ['debts[0].ccj', 'expected true or false, got "yes"'],
    ]);
  });

  it('refuses negative amounts where they make no sense', async () => {
    expect(await problemsLoading('negative.json')).toEqual([
      ['expenditure[0].amount', 'must not be negative, got "-45.00"'],
      ['debts[0].balance', 'must not be negative, got -100'],
    ]);
  });

  it('refuses a balance in fractions of a penny: the balances shown would not add up to their total', async () => {
    expect(await problemsLoading('balance-fraction-of-penny.json')).toEqual([
      ['priorityDebts[0].balance', '"240.125" is not in whole pence: a balance is owed in pounds and pence'],
      ['debts[0].balance', '1000.005 is not in whole pence: a balance is owed in pounds and pence'],
    ]);
  });

  it('refuses dates that are not YYYY-MM-DD or do not exist', async () => {
    expect(await problemsLoading('bad-date.json')).toEqual([
      ['pay.nextPayDate', '"2027-02-30" is not a date that exists'],
      ['expectedChanges[0].from', '"next April" is not a date (expected YYYY-MM-DD, e.g. 2027-01-15)'],
    ]);
  });

  it('refuses a Breathing Space that ends before it starts, which would read as over and ask the customer to pay', async () => {
    expect(await problemsLoading('breathing-space-end-before-start.json')).toEqual([['breathingSpace.end', "2026-11-01 is before the Breathing Space's start, 2026-11-20"]]);
  });

  it('points at the line and column of a JSON syntax error', async () => {
    const path = fixture('statements', 'invalid', 'malformed.json');
    expect(await errorLoading(path)).toEqual({
      code: 'invalid-statement',
      file: path,
      line: 5,
      message: 'not valid JSON: expected a value, found "]" (column 3)',
    });
  });

  it('points at the line and column of a YAML syntax error', async () => {
    const path = fixture('statements', 'invalid', 'malformed.yaml');
    expect(await errorLoading(path)).toEqual({
      code: 'invalid-statement',
      file: path,
      line: 9,
      message: 'not valid YAML: Sequence item without - indicator (column 1)',
    });
  });

  it('refuses a YAML key written twice, at its line, rather than letting one amount replace another', () => {
    const yaml = 'household:\n  adults: 1\n  children: 0\n  vehicles: 0\n  adults: 2\n  tenure: owner\n';
    expect(() => parseStatementText(yaml, 'twice.yaml')).toThrow(
      expect.objectContaining({
        message: 'not valid YAML: Map keys must be unique (column 3)',
        context: { line: 5, file: 'twice.yaml' },
      }),
    );
  });

  it('says what a file holding no statement at all holds instead', () => {
    expect(() => parseStatementText('null\n', 'null.yaml')).toThrow(
      expect.objectContaining({
        context: { file: 'null.yaml', problems: [{ path: '', message: 'expected a fairplan statement, got null' }] },
      }),
    );
  });

  it('says plainly when the file is not there', async () => {
    const path = fixture('statements', 'no-such-statement.json');
    expect(await errorLoading(path)).toEqual({ code: 'io', file: path, message: 'no such file' });
  });
});

// The hostile statement files of fixtures/hostile/ (listed in its README): each is refused with one
// plain error naming the file and the problem, at once, and never read as something it does not say.
const hostile = (name: string): string => fixture('hostile', name);
const TOO_LARGE = "is larger than 1 MB, the most fairplan reads from one file (a household's statement is a few kilobytes)";

/** The error loading `file` fails with, and how long it took to fail. */
async function refusal(file: string): Promise<{ error: FairplanError; milliseconds: number }> {
  const started = performance.now();
  const error = await loadStatement(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FairplanError);
  return { error: error as FairplanError, milliseconds: performance.now() - started };
}

describe('statement files past the limits', () => {
  it.each(['deep-nesting.json', 'deep-nesting.yaml'])('refuses %s, nested 10,000 deep, naming the limit', async (name) => {
    const { error, milliseconds } = await refusal(hostile(name));
    expect(error.message).toMatch(/^lists and objects are nested more than 100 levels deep, the most a statement file may have \(column \d+\)$/);
    expect(error.context).toMatchObject({ file: hostile(name), line: 1 });
    expect(milliseconds).toBeLessThan(1000);
  });

  it('refuses a "billion laughs" of aliases of aliases without expanding them', async () => {
    const { error, milliseconds } = await refusal(hostile('billion-laughs.yaml'));
    expect(error.message).toMatch(/^aliases stand for more than 10,000 values, the most a statement file may have/);
    expect(error.context.file).toBe(hostile('billion-laughs.yaml'));
    expect(milliseconds).toBeLessThan(1000);
  });

  it('refuses a file over the size limit by its size, before reading it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fairplan-')), 'large.json');
    writeFileSync(file, `{"notes": "${'x'.repeat(MAX_FILE_BYTES)}"}`);
    const { error } = await refusal(file);
    expect(error.message).toBe(TOO_LARGE);
    expect(error.context).toEqual({ file });
  });

  it('stops reading a device or pipe that runs on past the size limit', async () => {
    const { error, milliseconds } = await refusal('/dev/zero');
    expect(error.message).toBe(TOO_LARGE);
    expect(milliseconds).toBeLessThan(1000);
  });
});

describe('keys that would change how a statement is read', () => {
  it('refuses "__proto__", whose contents would otherwise become an income line', async () => {
    const { error } = await refusal(hostile('proto-key.json'));
    expect(error.message).toBe('"__proto__" is not allowed as a field name (it is a reserved word; no statement uses it)');
    expect(error.context).toEqual({ file: hostile('proto-key.json'), line: 4, field: 'income[0]' });
  });

  it('refuses "constructor" (and "prototype") in YAML by name, at its path', async () => {
    const { error } = await refusal(hostile('constructor-key.yaml'));
    expect(error.message).toBe('"constructor" is not allowed as a field name (it is a reserved word; no statement uses it)');
    expect(error.context).toEqual({ file: hostile('constructor-key.yaml'), line: 7, field: 'expenditure[0]' });
  });
});

describe('files that hold no statement', () => {
  it('says an empty file is empty', async () => {
    expect((await refusal(hostile('empty.yaml'))).error.message).toBe('the file is empty');
  });

  it('says an empty or blank JSON file is empty, rather than pointing at a missing value', () => {
    for (const text of ['', ' \n', '\uFEFF']) {
      expect(() => parseStatementText(text, 'statement.json')).toThrow(
        expect.objectContaining({ message: 'the file is empty', context: { file: 'statement.json' } }),
      );
    }
  });

  it('says a file of comments is empty', async () => {
    expect((await refusal(hostile('comments-only.yaml'))).error.message).toBe('the file is empty (it holds only comments)');
  });

  it('says an advise draft is one, and how to carry on with it', async () => {
    const file = hostile('advise-draft.json');
    expect((await refusal(file)).error.message).toBe(
      `is a draft of fairplan advise, not a statement; to carry on with it: fairplan advise --resume ${file}`,
    );
  });
});
