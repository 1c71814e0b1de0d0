/**
 * `batch` and accounts whose last payment is past the limitation period, on the bundled
 * statute-barred-accounts.csv as of 7 December 2026. Every customer has £320.00 a month available
 * (1,650.00 − 725.00 − 112.00 − 119.00 − 260.00 − 60.00 − 54.00).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

const ACCOUNTS = fixture('accounts', 'statute-barred-accounts.csv');
const AS_OF = ['--as-of', '2026-12-07'];

type Row = Record<string, string>;
const rowsOf = (csv: string) => Object.fromEntries((parse(csv, { columns: true }) as Row[]).map((row) => [row.account_id, row]));

describe('batch --group-by leaves an account past the limitation period out of the offers', () => {
  it('labels it possibly-statute-barred with an offer of 0.00 and no plan, and shares what is available among the others', async () => {
    const { code, stdout } = await runCli(['batch', ACCOUNTS, '--group-by', 'customer_id', '-q', ...AS_OF]);
    expect(code).toBe(0);
    const rows = rowsOf(stdout);
    // C101, England and Wales: LOAN-1003 last paid 14 March 2019, left out; £320.00 shared 4,800 : 1,600.
    expect(rows['LOAN-1003']).toMatchObject({ outcome: 'possibly-statute-barred', instalment: '0.00', instalments: '0', total: '0.00', plan: '', alternatives: '', review: 'yes' });
    expect(rows['LOAN-1003']?.review_reasons).toContain('limitation-check');
    expect(rows['LOAN-1003']?.affordable_instalment).toBe('');
    expect([rows['CARD-1001']?.instalment, rows['CAT-1002']?.instalment]).toEqual(['240.00', '80.00']);
    // C102, Scotland: CARD-2001 last paid 25 May 2021, five and a half years: left out; LOAN-2002 has all £320.00.
    expect(rows['CARD-2001']?.outcome).toBe('possibly-statute-barred');
    expect(rows['LOAN-2002']).toMatchObject({ plan: 'affordable', instalment: '320.00' });
    // C103: the only account is left out, and still written.
    expect(rows['LOAN-3001']).toMatchObject({ outcome: 'possibly-statute-barred', instalment: '0.00' });
    // C104, Northern Ireland, on the boundary: six years to the day (7 December 2020) is not past; the day before is.
    expect(rows['CARD-4001']).toMatchObject({ plan: 'affordable', instalment: '320.00', outcome: 'repaid' });
    expect(rows['CARD-4002']?.outcome).toBe('possibly-statute-barred');
  });

  it('writes no schedule row for it, and counts it in the summary', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-barred-batch-'));
    const schedules = path.join(dir, 'schedules.csv');
    const summary = path.join(dir, 'summary.json');
    const { code, stderr } = await runCli(['batch', ACCOUNTS, '--group-by', 'customer_id', '-o', path.join(dir, 'results.csv'), '--schedules', schedules, '--summary', summary, ...AS_OF]);
    expect(code).toBe(0);
    const scheduled = new Set((parse(readFileSync(schedules, 'utf8'), { columns: true }) as Row[]).map((row) => row.account_id));
    expect([...scheduled].sort()).toEqual(['CAT-1002', 'CARD-1001', 'CARD-4001', 'LOAN-2002'].sort());
    const json = JSON.parse(readFileSync(summary, 'utf8'));
    expect(json.rows).toEqual({ read: 8, written: 8, rejected: 0 });
    expect(json.leftOut).toEqual({ possiblyStatuteBarred: 4 });
    expect(json.recommended).toEqual({ affordable: 4 });
    // The export records each row's jurisdiction but no adults, children or tenure: all 8 written, the 4 left out among them, rest on those defaults.
    expect(json.defaultsUsed).toEqual({ adults: 8, children: 8, tenure: 8 });
    const results = rowsOf(readFileSync(path.join(dir, 'results.csv'), 'utf8'));
    expect(results['LOAN-1003']).toMatchObject({ outcome: 'possibly-statute-barred', defaults_used: 'adults;children;tenure' });
    expect(stderr).toContain('4 accounts left out of the offers as possibly statute-barred');
  });

  it('gives it as a JSON record with its offer, last payment and why', async () => {
    const { stdout } = await runCli(['batch', ACCOUNTS, '--group-by', 'customer_id', '--json', '-q', ...AS_OF]);
    const records = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    const loan = records.find((r) => r.account_id === 'LOAN-1003');
    expect(loan).toMatchObject({ outcome: 'possibly-statute-barred', offer: '0.00', last_payment_date: '2019-03-14', recommended: null, alternatives: [] });
    expect(loan.household).toMatchObject({ jurisdiction: 'england-wales', defaults_used: ['adults', 'children', 'tenure'] });
    expect(loan.note).toContain('more than 6 years');
    expect(records.find((r) => r.account_id === 'CARD-2001').note).toContain('more than 5 years');
  });

  it('applies the same rule to an account planned alone', async () => {
    const { stdout } = await runCli(['batch', ACCOUNTS, '-q', ...AS_OF]);
    const rows = rowsOf(stdout);
    expect(rows['LOAN-1003']?.outcome).toBe('possibly-statute-barred');
    expect(rows['CARD-1001']).toMatchObject({ plan: 'affordable', instalment: '320.00' });
  });

  it("takes the run's jurisdiction for one it does not know, and says so in the row's defaults_used and on stderr", async () => {
    const input = readFileSync(ACCOUNTS, 'utf8').replace('2026-10-28,england-wales', '2026-10-28,scotlnd');
    const { code, stdout, stderr } = await runCli(['batch', '-', '--group-by', 'customer_id', ...AS_OF], { input });
    expect(code).toBe(0);
    // Taken as the run's default, England and Wales, as its customer's other accounts record: planned with them.
    expect(rowsOf(stdout)['CARD-1001']).toMatchObject({ defaults_used: 'adults;children;tenure;jurisdiction', instalment: '240.00' });
    expect(stderr).toContain('jurisdiction: 1 row with values not understood ("scotlnd" ×1); the default was used');
  });
});
