/**
 * `fairplan batch` on an export in someone else's column names: every outgoing is counted, or the
 * run says why not.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

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
    expect(stderr).toMatch(/every one of the first 100 rows is rejected for Next Payday .*--date-format DD\/MM\/YYYY/);
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
    const { code, stderr } = await runCli(['batch', EXPORT, '--map', MAP, ...UK, '--guidelines', 'irs-2025']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/is in USD, but a batch run is in pounds/);
  });
});
