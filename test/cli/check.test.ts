import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, runCliErrors, runWithStdoutTo } from '../helpers/cli.js';
import { FORMAT_VERSION } from '../../src/render/shared/format-version.js';
import { sfsValidator } from '../helpers/sfs-schema.js';

const check = (...args: string[]) => runCli(['check', ...args, '--as-of', '2026-11-25']);
/** The same run as a script sees it: each error's code and place (FAIRPLAN_ERRORS=json). */
const checkErrors = (...args: string[]) => runCliErrors(['check', ...args, '--as-of', '2026-11-25']);
const statement = (...name: string[]) => fixture('statements', ...name);

describe('fairplan check: the report', async () => {
  const { code, stdout, stderr } = await check(statement('single-renter-weekly.json'));

  it('shows each line a month and what is left for the creditors', async () => {
    expect(code).toBe(0);
    expect(stderr).toBe('');
    // £412.60 a week × 52 ÷ 12 = £1,787.93; the bus ticket £19 × 52 ÷ 12 = £82.33.
    expect(stdout).toMatch(/Wages \(warehouse operative, after tax\)\n\s+£412\.60 a week\s+£1,787\.93/);
    expect(stdout).toMatch(/Weekly bus ticket\s+£19\.00 a week\s+£82\.33/);
    // Fixed 1,182.82 and flexible 424.67 leave 1,787.93 − 1,607.49 = 180.44.
    expect(stdout).toMatch(/Available for non-priority creditors\s+£180\.44/);
  });

  it('shares £180.44 pro rata in pennies that add up', async () => {
    // Exact shares 9978.40p, 3178.22p, 4887.38p: the one penny left goes to the largest fraction.
    expect(stdout).toMatch(/Harbour Bank \(credit card\)\s+£2,450\.00\s+55\.3%\s+£99\.79/);
    expect(stdout).toMatch(/Lumen Shopping \(catalogue\)\s+£780\.35\s+17\.6%\s+£31\.78/);
    expect(stdout).toMatch(/Quickline Loans\s+£1,200\.00\s+27\.1%\s+£48\.87/);
    expect(stdout).toMatch(/Total\s+£4,430\.35\s+£180\.44/);
  });

  it('always ends with the free debt advice signpost, fits 80 columns and has no colour when piped', async () => {
    expect(stdout).toContain('Free debt advice: Free, independent debt advice is available');
    expect(stdout.split('\n').filter((l) => [...l].length > 80)).toEqual([]);
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it('uses colour only when asked to on a pipe', async () => {
    const coloured = await runCli(['check', statement('deficit-budget.json'), '--as-of', '2026-11-25'], {
      env: { NO_COLOR: undefined, FORCE_COLOR: '1' },
    });
    expect(coloured.stdout).toMatch(/\u001b\[/);
  });
});

describe('fairplan check --json', () => {
  const json = async (name: string, ...args: string[]) => JSON.parse((await check(statement(name), '--json', ...args)).stdout);

  it('gives the totals, offers and flags as strings with two decimals', async () => {
    const result = await json('single-renter-weekly.json');
    // Fixed costs: 850 + 98.40 + 14.54 (174.50 a year) + 92 + 36.80 + 82.33 (19 a week) + 8.75 = 1,182.82,
    // which with flexible costs of 424.67 makes the 1,607.49 shown.
    expect(result).toMatchObject({
      formatVersion: FORMAT_VERSION,
      asOf: '2026-11-25',
      income: { total: '1787.93' },
      expenditure: { total: '1607.49', fixed: '1182.82', flexible: '424.67' },
      surplus: '180.44',
      available: '180.44',
      offers: [
        { creditor: 'Harbour Bank (credit card)', balance: '2450.00', offer: '99.79' },
        { creditor: 'Lumen Shopping (catalogue)', balance: '780.35', offer: '31.78' },
        { creditor: 'Quickline Loans', balance: '1200.00', offer: '48.87' },
      ],
      flags: ['advice'],
    });
  });

  it('flags a deficit budget for review, with a token payment and a DRO pointer', async () => {
    // Income 168 × 52 ÷ 12 + 642.18 + 104.20 × 13 ÷ 12 = 1,483.06; spending 875 + 42 + 130 + 38.50
    // + 69.33 + 195 + 35 + 381.33 + 55 = 1,821.17; council tax arrears 20.00: 358.10 short.
    const result = await json('deficit-budget.json');
    expect(result.available).toBe('-358.10');
    expect(result.flags).toEqual(['deficit', 'token-payment', 'dro-indicator', 'advice']);
    expect(result.offers.map((o: { offer: string }) => o.offer)).toEqual(['0.00', '0.00']);
    expect(result.flagDetails[0].reason).toContain('£358.10 a month short');
  });

  it('checks flexible costs against a guideline file, flagging overruns without cutting them', async () => {
    const result = await json('couple-children-mixed.yaml', '--guidelines', fixture('guidelines', 'example-guidelines.yaml'));
    expect(result.guidelines.official).toBe(false);
    expect(result.flags).toContain('guideline-over');
    const over = result.guidelines.checks.filter((c: { status: string }) => c.status === 'over');
    expect(over.length).toBeGreaterThan(0);
  });

  it('checks a US household against the IRS national standards without being told', async () => {
    expect((await json('us-household.json')).guidelines.version).toBe('irs-2025');
  });
});

describe('fairplan check: bad input', () => {
  it('names the file, the path and the expected value, once per problem, with exit code 2', async () => {
    const file = statement('invalid', 'bad-frequency.json');
    const { code, stdout, stderr } = await check(file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    // The sentence a person reads names the file and the path, and suggests the frequency meant.
    expect(stderr).toContain('bad-frequency.json: expenditure[3].frequency: "monthy" is not a frequency; did you mean "monthly"?');
    const { errors } = await checkErrors(file);
    expect(errors).toEqual([
      expect.objectContaining({ code: 'invalid-statement', file, field: 'expenditure[3].frequency' }),
      expect.objectContaining({ code: 'invalid-statement', file, field: 'expenditure[4].frequency' }),
    ]);
  });

  it('says when the statement file does not exist', async () => {
    const { code, stderr } = await check('no-such-statement.json');
    expect(code).toBe(2);
    expect(stderr).toBe('fairplan: no-such-statement.json: no such file\n');
  });

  it('refuses a guideline file before it takes effect', async () => {
    const { code, errors } = await runCliErrors(['check', statement('single-renter-weekly.json'), '--guidelines', fixture('guidelines', 'example-guidelines.yaml'), '--as-of', '2026-01-01']);
    expect(code).toBe(2);
    expect(errors).toEqual([expect.objectContaining({ code: 'invalid-guidelines' })]);
  });

  it('refuses a --token-threshold in dollars for a statement in pounds, naming the option', async () => {
    const { code, errors } = await checkErrors(statement('single-renter-weekly.json'), '--token-threshold', '$5');
    expect(code).toBe(2);
    expect(errors).toEqual([expect.objectContaining({ code: 'invalid-amount', file: null, field: '--token-threshold' })]);
  });

  it('refuses an impossible --as-of date, naming the option', async () => {
    const { code, errors } = await runCliErrors(['check', statement('single-renter-weekly.json'), '--as-of', '2027-02-30']);
    expect(code).toBe(2);
    expect(errors).toEqual([expect.objectContaining({ code: 'invalid-date', field: '--as-of', message: expect.stringContaining('2027-02-30') })]);
  });
});

describe('fairplan check: hostile statement files (fixtures/hostile)', () => {
  it.each([
    ['deep-nesting.json', 'nested more than 100 levels deep'],
    ['deep-nesting.yaml', 'nested more than 100 levels deep'],
    ['billion-laughs.yaml', 'aliases stand for more than 10,000 values'],
    ['proto-key.json', 'income[0]: "__proto__" is not allowed as a field name'],
    ['constructor-key.yaml', 'expenditure[0]: "constructor" is not allowed as a field name'],
    ['empty.yaml', 'the file is empty'],
    ['advise-draft.json', 'is a draft of fairplan advise, not a statement; to carry on with it: fairplan advise --resume'],
  ])('refuses %s at once: exit code 2 and one line naming the file and the problem', async (name, problem) => {
    const file = fixture('hostile', name);
    const started = performance.now();
    const { code, stdout, stderr } = await check(file);
    // Well under a second of work; the rest is starting Node on a busy machine (a loaded
    // 2-core box took 6 s). A billion laughs expanded would take minutes.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([expect.stringContaining(problem), '']);
    expect(stderr).toMatch(new RegExp(`^fairplan: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:line \\d+)?: `));
  });

  it('refuses a file over 1 MB by its size', async () => {
    const { code, stderr } = await check('/dev/zero');
    expect(code).toBe(2);
    expect(stderr).toBe("fairplan: /dev/zero: is larger than 1 MB, the most fairplan reads from one file (a household's statement is a few kilobytes)\n");
  });
});

describe('fairplan check with SFS files', () => {
  it.each([
    ['--sfs', [], 'sfs-summary-schema.json'],
    ['--sfs summary', ['summary'], 'sfs-summary-schema.json'],
    ['--sfs data-entry', ['data-entry'], 'sfs-data-entry-schema.json'],
  ] as const)('reads an SFS data-entry file and writes it back with %s, valid against its schema, with its totals', async (_, document, schema) => {
    const { code, stdout } = await check(statement('sfs', 'sfs-household.json'), '--sfs', ...document);
    expect(code).toBe(0);
    const sfs = JSON.parse(stdout);
    const validate = await sfsValidator(schema);
    expect(validate(sfs) ? [] : validate.errors).toEqual([]);
    expect(sfs.overview['total-monthly-income']).toBe(2329.8);
    expect(sfs.overview['total-available-for-non-priority-debts']).toBe(164.66);
  });

  it('refuses an SFS document it cannot write, with exit code 2', async () => {
    const { code, errors } = await checkErrors(statement('single-renter-weekly.json'), '--sfs', 'letter');
    expect(code).toBe(2);
    expect(errors).toEqual([expect.objectContaining({ code: 'usage' })]);
  });

  describe('an SFS summary whose stated totals disagree with its figures', () => {
    const wrong = statement('sfs', 'sfs-summary-wrong-totals.json');

    it('is checked with the computed figures, each wrong total named in the report', async () => {
      const { code, stdout, stderr } = await check(wrong);
      expect([code, stderr]).toEqual([0, '']);
      expect(stdout).toMatch(/Available for non-priority creditors\s+£164\.66/);
      expect(stdout).toContain('STATED TOTALS THAT DISAGREE (THE COMPUTED ONES ARE USED)');
      expect(stdout).toContain('monthly-outgoings.fixed-costs.total-fixed-costs: states 1,302.14 but the\n    fixed costs add up to 1,312.14');
      expect(stdout).toContain('overview.total-available-for-non-priority-debts: states 174.66 but available');
      expect(stdout).toContain('debts.total-non-priority-debts: states 5,045.50 but the non-priority debts');
    });

    it('lists them in --json under warnings, each with a stable code, its path, and the stated and computed values', async () => {
      const json = JSON.parse((await check(wrong, '--json')).stdout);
      expect(json.available).toBe('164.66');
      expect(json.warnings.map((w: Record<string, string>) => [w.code, w.path, w.stated, w.computed])).toEqual([
        ['sfs-figure-differs', 'monthly-outgoings.fixed-costs.total-fixed-costs', '1302.14', '1312.14'],
        ['sfs-figure-differs', 'overview.total-available-for-non-priority-debts', '174.66', '164.66'],
        ['sfs-figure-differs', 'debts.total-non-priority-debts', '5045.50', '5145.50'],
      ]);
      expect(JSON.parse((await check(statement('single-renter-weekly.json'), '--json')).stdout).warnings).toEqual([]);
    });

    it('is refused with --strict, exit code 2, each wrong total named', async () => {
      const { code, stdout, stderr } = await check(wrong, '--strict');
      expect([code, stdout]).toEqual([2, '']);
      expect(stderr.trimEnd().split('\n')).toEqual([
        `fairplan: ${wrong}: monthly-outgoings.fixed-costs.total-fixed-costs: states 1,302.14 but the fixed costs add up to 1,312.14`,
        `fairplan: ${wrong}: overview.total-available-for-non-priority-debts: states 174.66 but available for priority debts − priority debt offers is 164.66`,
        `fairplan: ${wrong}: debts.total-non-priority-debts: states 5,045.50 but the non-priority debts add up to 5,145.50`,
      ]);
      expect((await check(statement('sfs', 'sfs-summary.json'), '--strict')).code).toBe(0);
    });
  });

  it('reads a file as an SFS summary when told to with --format sfs-summary, naming what a summary does not have', async () => {
    const { code, errors } = await checkErrors(statement('sfs', 'sfs-household.json'), '--format', 'sfs-summary');
    expect(code).toBe(2);
    expect(errors).toContainEqual(expect.objectContaining({ code: 'invalid-statement', field: 'monthly-income', message: expect.stringContaining('"earnings"') }));
    expect((await check(statement('sfs', 'sfs-summary.json'), '--format', 'sfs-summary')).code).toBe(0);
  });

  it('refuses an SFS file whose stated total disagrees with its own lines, naming the field', async () => {
    const file = statement('sfs', 'sfs-total-mismatch.json');
    const { code, errors } = await checkErrors(file);
    expect(code).toBe(2);
    expect(errors).toEqual([expect.objectContaining({ code: 'invalid-statement', file, field: 'monthly-income.total-monthly-income' })]);
  });

  it('will not write JSON and SFS at once', async () => {
    const { code, errors } = await checkErrors(statement('single-renter-weekly.json'), '--json', '--sfs');
    expect(code).toBe(2);
    expect(errors).toEqual([expect.objectContaining({ code: 'usage' })]);
  });
});

describe('fairplan check: its output never lands on the statement it reads', () => {
  it.each([
    ['the SFS document (--sfs)', ['--sfs']],
    ['the JSON (--json)', ['--json']],
    ['the report', []],
  ])('refuses %s appended to the statement (>> statement.json), which is kept, with exit code 2', async (_, flags) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'fairplan-check-')), 'statement.json');
    copyFileSync(statement('sfs', 'sfs-household.json'), file);
    const before = readFileSync(file, 'utf8');
    const { code, stderr } = await runWithStdoutTo(file, ['check', file, ...flags, '--as-of', '2026-11-25']);
    expect(code).toBe(2);
    expect(stderr).toBe(`fairplan: standard output: goes to the statement (${file}), which would be overwritten; send it to another file\n`);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('fairplan check during a Breathing Space', () => {
  const SPACE = statement('breathing-space-standard.json');

  it('raises the breathing-space flag for review, with its plain reason, in the report', async () => {
    const { code, stdout } = await check(SPACE);
    expect(code).toBe(0);
    expect(stdout.replace(/\s+/g, ' ')).toContain(
      'Breathing Space [for review]: The customer is in a standard Breathing Space from 2026-11-20 until 2027-01-19: no payment may be asked for',
    );
  });

  it('and in --json, only while the moratorium is in force', async () => {
    const result = JSON.parse((await check(SPACE, '--json')).stdout);
    expect(result.flags).toEqual(['breathing-space', 'advice']);
    expect(result.flagDetails[0]).toMatchObject({ code: 'breathing-space', review: true });
    const after = JSON.parse((await runCli(['check', SPACE, '--json', '--as-of', '2027-01-20'])).stdout);
    expect(after.flags).toEqual(['advice']);
  });
});

describe('fairplan check on an old budget with a debt that may be statute-barred', () => {
  // Taken on 1 October 2025, checked on 25 November 2026; Quickline Loans last paid on 14 March 2020,
  // Lumen Shopping on 10 January 2021 (under six years).
  const OLD = statement('old-budget-old-debt.json');

  it('flags both for a person, naming only the debt past six years, in --json', async () => {
    const result = JSON.parse((await check(OLD, '--json')).stdout);
    expect(result.flags).toEqual(['statement-stale', 'limitation-check', 'advice']);
    expect(result.flagDetails[0]).toMatchObject({ code: 'statement-stale', review: true });
    expect(result.flagDetails[0].reason).toContain('The budget was taken on 2025-10-01, more than 12 months ago');
    expect(result.flagDetails[1]).toMatchObject({ code: 'limitation-check', review: true });
    expect(result.flagDetails[1].reason).toContain('may be statute-barred');
  });

  it('and in the report, with the debt and its last payment', async () => {
    const { code, stdout } = await check(OLD);
    expect(code).toBe(0);
    const flat = stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('Budget out of date [for review]: The budget was taken on 2025-10-01');
    expect(flat).toContain('Limitation check [for review]:');
    expect(flat).toContain('Quickline Loans: last payment on 2020-03-14');
    expect(flat).not.toContain('Lumen Shopping (catalogue): last payment');
  });
});


describe('fairplan check --stale-after', () => {
  const OLD = statement('old-budget-old-debt.json');

  it('judges a budget stale after the months given (taken 1 October 2025, checked 25 November 2026)', async () => {
    const flags = async (...args: string[]) => JSON.parse((await check(OLD, '--json', ...args)).stdout).flags;
    expect(await flags('--stale-after', '18')).not.toContain('statement-stale');
    const six = JSON.parse((await check(OLD, '--json', '--stale-after', '6')).stdout);
    expect(six.flags).toContain('statement-stale');
    expect(six.flagDetails[0].reason).toContain('more than 6 months ago');
  });

  it('refuses a number of months that is not a whole number from 1 to 120, exit 2', async () => {
    for (const bad of ['0', '121', '1.5', 'twelve']) {
      const { code, errors } = await checkErrors(OLD, '--stale-after', bad);
      expect(code, bad).toBe(2);
      expect(errors, bad).toEqual([expect.objectContaining({ code: 'usage', message: expect.stringContaining('--stale-after') })]);
    }
  });
});

describe('fairplan check: dates after the as-of date', () => {
  it('refuses a budget taken, or a last payment made, after the day it is used, naming the file and field', async () => {
    const file = fixture('statements', 'old-budget-old-debt.json');
    const taken = await runCliErrors(['check', file, '--as-of', '2025-09-30']);
    expect(taken.code).toBe(2);
    expect(taken.errors).toEqual([expect.objectContaining({ code: 'invalid-argument', file, line: null, field: 'takenOn' })]);
  });

  it('says a fairplan statement read with --format sfs-summary is one, rather than listing the SFS fields it lacks', async () => {
    const file = fixture('statements', 'single-renter-weekly.json');
    const { code, stderr } = await runCli(['check', file, '--format', 'sfs-summary']);
    expect(code).toBe(2);
    expect(stderr).toBe(`fairplan: ${file}: is a fairplan statement, not an SFS summary: leave out --format sfs-summary\n`);
  });
});
