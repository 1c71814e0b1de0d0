/**
 * `fairplan batch` on an export in someone else's column names: every outgoing is counted, or the
 * run says why not.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, runCliErrors } from '../helpers/cli.js';

const EXPORT = fixture('accounts', 'household-export.csv');
const MAP = fixture('accounts', 'household-export.map.json');
const UK = ['--date-format', 'DD/MM/YYYY', '--as-of', '2026-01-05'];
const scratch = () => mkdtempSync(path.join(tmpdir(), 'fairplan-batch-mapping-'));

/** The results as records by header (the fixture's cells hold no comma once read). */
function records(csv: string): Record<string, string>[] {
  const [header = '', ...rows] = csv.replace(/^\uFEFF/, '').trimEnd().split('\n');
  const columns = header.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((cell, i) => [columns[i], cell])));
}

/** The mapping of the fixture with `columns` changed. */
function mapWith(columns: Record<string, unknown>): string {
  const file = path.join(scratch(), 'map.json');
  const mapping = JSON.parse(readFileSync(MAP, 'utf8')) as { columns: Record<string, unknown> };
  writeFileSync(file, JSON.stringify({ ...mapping, columns: { ...mapping.columns, ...columns } }));
  return file;
}

describe('an export in its own column names', () => {
  it('counts every outgoing: weekly and four-weekly columns made monthly, water and phone added to utilities', async () => {
    const { code, stdout, stderr } = await runCli(['batch', EXPORT, '--map', MAP, ...UK, '-q']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const byRef = Object.fromEntries(records(stdout).map((r) => [r.account_id, r]));
    // Worked by hand, each column a month rounded half up to the penny, then added:
    // R001 income 450.00×52÷12 = 1950.00 + 102.40×13÷12 = 110.933… → 110.93: 2060.93.
    //      outgoings 650.00 + 120.50 + (95.00 + 38.20 + 42.99) + 85.00×52÷12 = 368.333… → 368.33 + 60.00 + 45.00 = 1420.02.
    // R002 income 312.45×52÷12 = 1353.95 + 0.00; outgoings 575.00 + 98.00 + (110.00 + 31.50 + 25.00)
    //      + 70.15×52÷12 = 303.983… → 303.98 + 40.00 + 30.00 = 1213.48.
    // R003 income 280.00×52÷12 = 1213.333… → 1213.33 + 166.80×13÷12 = 180.70: 1394.03;
    //      outgoings 700.00 + 130.00 + (120.00 + 45.00 + 35.00) + 95.00×52÷12 = 411.666… → 411.67 + 50.00 + 60.00 = 1551.67.
    // R004 income 500.00×52÷12 = 2166.666… → 2166.67 + 102.42×13÷12 = 110.955 → 110.96 (half up): 2277.63;
    //      outgoings 800.00 + 150.25 + (130.00 + 40.00 + 55.55) + 100.00×52÷12 = 433.333… → 433.33 + 90.00 + 75.00 = 1774.13.
    const expected = {
      R001: ['2060.93', '1420.02', '640.91'],
      R002: ['1353.95', '1213.48', '140.47'],
      R003: ['1394.03', '1551.67', '-157.64'],
      R004: ['2277.63', '1774.13', '503.50'],
    };
    for (const [ref, [income, expenditure, available]] of Object.entries(expected)) {
      expect([byRef[ref]?.monthly_income, byRef[ref]?.expenditure, byRef[ref]?.available], ref).toEqual([income, expenditure, available]);
    }
    // The region is carried; UK dates are read as written (16/01/2026 is the first payday).
    expect(byRef.R001?.Region).toBe('North West');
    expect(byRef.R001?.first_date).toBe('2026-01-16');
  });

  it('names the columns holding amounts that nothing reads, on stderr and in the summary; --strict refuses to run', async () => {
    const dir = scratch();
    const narrow = mapWith({ utilities: 'Energy' });
    const summary = path.join(dir, 'summary.json');
    const { code, stdout, stderr } = await runCli(['batch', EXPORT, '--map', narrow, ...UK, '-q', '--summary', summary]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/columns that hold amounts are neither read nor carried: "Water", "Phone & Broadband"/);
    expect(JSON.parse(readFileSync(summary, 'utf8')).unmapped_columns).toEqual(['Water', 'Phone & Broadband']);
    // Without them, R001's outgoings are 38.20 + 42.99 short.
    expect(records(stdout).find((r) => r.account_id === 'R001')?.expenditure).toBe('1338.83');

    const strict = await runCli(['batch', EXPORT, '--map', narrow, ...UK, '--strict', '-o', path.join(dir, 'results.csv')]);
    expect(strict.code).toBe(2);
    expect(strict.stderr.trim().split('\n')).toHaveLength(1);
    expect(strict.stderr).toMatch(/"Water", "Phone & Broadband"/);

    // Carried is a decision: --carry adds to the mapping's carry (Region stays).
    const carried = await runCli(['batch', EXPORT, '--map', narrow, ...UK, '-q', '--strict', '--carry', 'Water,Phone & Broadband']);
    expect(carried.code).toBe(0);
    expect(Object.keys(records(carried.stdout)[0] ?? {}).slice(0, 4)).toEqual(['account_id', 'Region', 'Water', 'Phone & Broadband']);
  });

  it('refuses, in one line, a run whose first rows are every one rejected for one column, and says which option reads them', async () => {
    const header = readFileSync(EXPORT, 'utf8').split('\n')[0];
    const row = readFileSync(EXPORT, 'utf8').split('\n')[1] ?? '';
    const many = path.join(scratch(), 'many.csv');
    writeFileSync(many, [header, ...Array.from({ length: 2000 }, (_, i) => row.replace('R001', `R${i}`))].join('\n'));
    const { code, stderr } = await runCli(['batch', many, '--map', MAP, '--as-of', '2026-01-05', '-q']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/"Next Payday" of the first 100 rows reads as YYYY-MM-DD .*the dates look like DD\/MM\/YYYY; run with --date-format DD\/MM\/YYYY/);
  });

  it('writes a mapping guessed from the header, which reads the export as the hand-written one does', async () => {
    const dir = scratch();
    const guessed = path.join(dir, 'guessed.json');
    const init = await runCli(['batch', EXPORT, '--init-map', '-o', guessed]);
    expect(init.code).toBe(0);
    const mapping = JSON.parse(readFileSync(guessed, 'utf8'));
    expect(mapping.columns.utilities).toEqual(['Energy', 'Water', 'Phone & Broadband']);
    expect(mapping.columns.monthly_income).toEqual([
      { column: 'Weekly wage', frequency: 'weekly' },
      { column: 'Child Benefit (4-weekly)', frequency: 'four-weekly' },
    ]);
    expect(mapping.columns['//utilities']).toMatch(/guessed from "Energy"/);
    expect([mapping.columns.adults, mapping.columns.children, mapping.columns.tenure.column, mapping.columns.jurisdiction.column]).toEqual(['Adults', 'Children', 'Tenure', 'Nation']);
    const fromGuess = await runCli(['batch', EXPORT, '--map', guessed, ...UK, '-q']);
    expect(mapping['//date-format']).toMatch(/--date-format DD\/MM\/YYYY/);
    expect(mapping.carry).toEqual(['Region']);
    const fromHand = await runCli(['batch', EXPORT, '--map', MAP, ...UK, '-q']);
    expect(fromGuess.code).toBe(0);
    expect(fromGuess.stdout).toBe(fromHand.stdout);
  });

  it('--init-map refuses to write its mapping over the export it reads', async () => {
    const copy = path.join(scratch(), 'export.csv');
    writeFileSync(copy, readFileSync(EXPORT));
    const { code } = await runCli(['batch', copy, '--init-map', '-o', copy]);
    expect(code).toBe(2);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(EXPORT, 'utf8'));
  });

  it('--dry-run shows what each field reads from the first rows, and writes nothing', async () => {
    const { code, stdout } = await runCli(['batch', EXPORT, '--map', MAP, ...UK, '--dry-run', '1']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^line 2, account R001:/);
    expect(stdout).toMatch(/utilities +176\.19 +from "Energy" "95\.00" \+ "Water" "38\.20" \+ "Phone & Broadband" "42\.99"/);
    expect(stdout).toMatch(/monthly_income +2060\.93 +from "Weekly wage" "450\.00" weekly/);
    expect(stdout).not.toMatch(/line 3/);
  });
});

describe("the household each row records", () => {
  it('rests the DRO pointer and the due dates on the row, and says which fields were taken by default, in the results and the summary', async () => {
    const summary = path.join(scratch(), 'summary.json');
    const { code, stdout } = await runCli(['batch', EXPORT, '--map', MAP, ...UK, '-q', '--summary', summary]);
    expect(code).toBe(0);
    const byRef = Object.fromEntries(records(stdout).map((r) => [r.account_id, r]));
    // R003 has £5,600.00 of debt and nothing to spare: within the DRO limits, but the row records
    // an owner, so no DRO pointer (a DRO is not for homeowners). Taken as tenure other, it had one.
    expect(byRef.R003?.flags).toBe('deficit;token-payment;advice');
    // R001 to R003 record their whole household; R004 records no tenure and no nation.
    expect(['R001', 'R002', 'R003', 'R004'].map((ref) => byRef[ref]?.defaults_used)).toEqual(['', '', '', 'tenure;jurisdiction']);
    expect(JSON.parse(readFileSync(summary, 'utf8')).defaultsUsed).toEqual({ jurisdiction: 1, tenure: 1 });

    // The same export with its tenure column under a name no field is read from, and a mapping without tenure.
    const unread = path.join(scratch(), 'export.csv');
    writeFileSync(unread, readFileSync(EXPORT, 'utf8').replace(',Tenure,', ',Home,'));
    const withoutTenure = await runCli(['batch', unread, '--map', mapWith({ tenure: undefined }), ...UK, '-q']);
    const r003 = records(withoutTenure.stdout).find((r) => r.account_id === 'R003');
    expect(r003?.flags).toBe('deficit;token-payment;dro-indicator;advice');
    expect(r003?.defaults_used).toBe('tenure');
  });

  it("checks food against the spending guideline for the row's own adults and children", async () => {
    // Example guidelines in force from 2026-04-06: food 300.00 a month for one adult, 580.00 for two
    // adults and a child, 400.00 + 100.00 for one adult and two children.
    const run = async (file: string, map: string) => {
      const { stdout } = await runCli(['batch', file, '--map', map, '--date-format', 'DD/MM/YYYY', '--as-of', '2026-06-01', '-q', '--guidelines', fixture('guidelines', 'example-guidelines.yaml')]);
      return Object.fromEntries(records(stdout).map((r) => [r.account_id, r.flags?.includes('guideline-over')]));
    };
    // R001's groceries, 85.00 a week, are 368.33 a month; R004's, 100.00 a week, 433.33.
    expect(await run(EXPORT, MAP)).toMatchObject({ R001: false, R004: false });
    // The same export with its household's people under names no field is read from: one adult each.
    const unread = path.join(scratch(), 'export.csv');
    writeFileSync(unread, readFileSync(EXPORT, 'utf8').replace(',Adults,Children,', ',People,Kids,'));
    expect(await run(unread, mapWith({ adults: undefined, children: undefined }))).toMatchObject({ R001: true, R004: true });
  });

  it("moves each row's due dates by its own nation's bank holidays; a row that records none by --calendar, or else --jurisdiction's", async () => {
    // Paid monthly on 6 April 2026, Easter Monday: a bank holiday in England and Wales, not in Scotland.
    const header = 'account_id,balance,monthly_income,housing,council_tax,utilities,food,transport,other_expenses,pay_frequency,next_pay_date,Country';
    const budget = '1000.00,2000.00,500.00,100.00,100.00,200.00,50.00,50.00,monthly,2026-04-06';
    const file = path.join(scratch(), 'nations.csv');
    writeFileSync(file, [header, `E1,${budget},England`, `S1,${budget},Scotland`, `N1,${budget},`].join('\n'));
    const run = async (...options: string[]) => {
      const { stdout } = await runCli(['batch', file, '--column', 'jurisdiction=Country', '--as-of', '2026-03-01', '-q', ...options]);
      return records(stdout).map((r) => [r.account_id, r.first_date, r.defaults_used]);
    };
    const defaults = 'adults;children;tenure';
    expect(await run()).toEqual([
      ['E1', '2026-04-07', defaults],
      ['S1', '2026-04-06', defaults],
      ['N1', '2026-04-07', `${defaults};jurisdiction`],
    ]);
    expect((await run('--jurisdiction', 'scotland')).map(([id, date]) => [id, date])).toEqual([['E1', '2026-04-07'], ['S1', '2026-04-06'], ['N1', '2026-04-06']]);
    expect((await run('--calendar', 'none')).map(([id, date]) => [id, date])).toEqual([['E1', '2026-04-07'], ['S1', '2026-04-06'], ['N1', '2026-04-06']]);
  });

  it("takes the default for a household value it cannot read, rather than reject the account, and names the field in defaults_used", async () => {
    const dir = scratch();
    const lines = readFileSync(EXPORT, 'utf8').trimEnd().split('\n');
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, [lines[0], lines[1]?.replace(',Tenant - social,England', ',Council house,England'), lines[2]?.replace(',2,0,Mortgage,Wales', ',0,0,Mortgage,Wales'), lines[3]?.replace(',Owner,Scotland', ',Owner,Narnia'), lines[4]].join('\n'));
    const { code, stdout } = await runCli(['batch', bad, '--map', MAP, ...UK, '-q']);
    expect(code).toBe(0);
    // A council house is a social tenancy; no one is 0 adults, and Narnia is no jurisdiction: both by default.
    expect(records(stdout).map((r) => [r.account_id, r.defaults_used])).toEqual([
      ['R001', ''],
      ['R002', 'adults'],
      ['R003', 'jurisdiction'],
      ['R004', 'tenure;jurisdiction'],
    ]);
  });

  it('refuses a --jurisdiction it does not know, as a usage error', async () => {
    const { code, errors } = await runCliErrors(['batch', EXPORT, '--map', MAP, ...UK, '--jurisdiction', 'narnia']);
    expect(code).toBe(2);
    expect(errors).toEqual([expect.objectContaining({ code: 'usage', message: expect.stringContaining("'--jurisdiction <jurisdiction>'") })]);
  });
});

describe('the report of the export', () => {
  it('reads the results and schedules batch writes for it: every figure as worked out by hand from the rows', async () => {
    const dir = scratch();
    const results = path.join(dir, 'results.csv');
    const schedules = path.join(dir, 'schedules.csv');
    expect((await runCli(['batch', EXPORT, '--map', MAP, ...UK, '-q', '-o', results, '--schedules', schedules])).code).toBe(0);
    const { code, stdout } = await runCli(['report', results, '--schedules', schedules, '--by', 'Region', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    // R001 17 weekly instalments, 17 × 12 ÷ 52 = 3.9: 4 months; R002 36: 8.3, 9 months; R004 28:
    // 6.5, 7 months; R003, with nothing to spare, a token plan until its review.
    expect([report.accounts, report.can_pay, report.token, report.cannot_pay]).toEqual([4, 3, 0, 1]);
    expect([report.clearing, report.months_median, report.months_p90]).toEqual([3, 7, 9]);
    // 2,400 + 1,150 + 5,600 + 3,250.
    expect(report.owed).toBe('12400.00');
    // Weekly 147.90 + 32.41 + 116.19 = 296.50 × 52 ÷ 12 = 1,284.83, and R003's 1.00 a month.
    expect(report.expected_monthly).toBe('1285.83');
    expect(report.notes).toContain('Months to clear: the results’ plan_months column, for the plans that repay the balance.');
    expect(Object.keys(report.by.Region)).toEqual(['London', 'North West', 'Scotland', 'Wales']);
    expect(report.by.Region.Scotland).toMatchObject({ accounts: 1, cannot_pay: 1, review_reasons: { 'token-plan': 1 } });
  });
});

describe('results an analyst reads first', () => {
  it('gives the balance, plan length, reasons for review and each option in its own columns; --bom for Excel', async () => {
    const { stdout } = await runCli(['batch', EXPORT, '--map', MAP, ...UK, '-q', '--bom']);
    expect(stdout.startsWith('\uFEFFaccount_id,')).toBe(true);
    const byRef = Object.fromEntries(records(stdout).map((r) => [r.account_id, r]));
    expect(byRef.R001).toMatchObject({ balance: '2400.00', review: 'no', review_reasons: '', plan: 'affordable', instalments: '17' });
    // 17 weekly instalments are 17 × 12 ÷ 52 = 3.9 months: 4.
    expect(byRef.R001?.plan_months).toBe('4');
    expect(byRef.R001).toMatchObject({ fixed_term_12_instalment: '46.16', fixed_term_12_instalments: '52', fixed_term_12_is_affordable: 'yes', token_instalment: '' });
    // A deficit: a deficit and a DRO pointer inform (README flags table); the token plan asks for a person.
    expect(byRef.R003).toMatchObject({ review: 'yes', review_reasons: 'token-plan', plan_months: '', affordable_instalment: '', token_instalment: '1.00' });
  });

  it('refuses a guideline table in another currency than the run', async () => {
    const { code, errors } = await runCliErrors(['batch', EXPORT, '--map', MAP, ...UK, '--guidelines', 'irs-2025']);
    expect(code).toBe(2);
    expect(errors).toEqual([expect.objectContaining({ code: 'invalid-argument', field: '--guidelines' })]);
  });
});
