/**
 * fairplan report, end to end on the built binary: every figure of the report equals the same figure
 * worked out here, independently, from the results and schedules files that batch wrote for the
 * bundled sample export (csv-parse to read them, BigInt pence, sorting for the median).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli, runCliErrors } from '../helpers/cli.js';
import { FORMAT_VERSION } from '../../src/render/shared/format-version.js';

const SAMPLE = fixture('accounts', 'sample-accounts.csv');
const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-report-cli-'));
const RESULTS = path.join(dir, 'results.csv');
const SCHEDULES = path.join(dir, 'schedules.csv');

type Row = Record<string, string>;
const read = (file: string): Row[] => parse(readFileSync(file, 'utf8'), { columns: true }) as Row[];

/** "1234.5" or "£1,234.50" (a carried balance is copied as the export wrote it) → 123450n. */
function pence(text: string): bigint {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace(/[-£,"]/g, '').split('.');
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return negative ? -value : value;
}
const twoDecimals = (p: bigint): string => `${p < 0n ? '-' : ''}${(p < 0n ? -p : p) / 100n}.${String((p < 0n ? -p : p) % 100n).padStart(2, '0')}`;
const PER_YEAR: Record<string, bigint> = { weekly: 52n, fortnightly: 26n, 'four-weekly': 13n, monthly: 12n };

/** The figures of a set of result rows, as the README defines them. */
function expected(rows: Row[], schedules: Row[]) {
  const byFrequency = new Map<string, bigint>();
  for (const r of rows) byFrequency.set(r.frequency!, (byFrequency.get(r.frequency!) ?? 0n) + pence(r.instalment!));
  // Each frequency's total × perYear ÷ 12, half up to the penny.
  let monthly = 0n;
  for (const [frequency, total] of byFrequency) monthly += (2n * total * PER_YEAR[frequency]! + 12n) / 24n;
  const months = rows
    .filter((r) => r.outcome === 'repaid')
    .map((r) => Math.ceil((Number(r.instalments) * 12) / Number(PER_YEAR[r.frequency!])))
    .sort((a, b) => a - b);
  const n = months.length;
  const flags: Record<string, number> = {};
  for (const r of rows) for (const f of r.flags!.split(';').filter(Boolean)) flags[f] = (flags[f] ?? 0) + 1;
  // batch writes review_reasons: counted as flags are.
  const reasons: Record<string, number> = {};
  for (const r of rows) for (const f of (r.review_reasons ?? '').split(';').filter(Boolean)) reasons[f] = (reasons[f] ?? 0) + 1;
  const availableUpTo = [0n, 2500n, 5000n, 10000n, 25000n, 50000n, 100000n];
  const available = new Array(8).fill(0);
  for (const r of rows) {
    const a = pence(r.available!);
    const bin = availableUpTo.findIndex((upTo) => a <= upTo);
    available[bin === -1 ? 7 : bin]++;
  }
  const lengthUpTo = [12, 24, 36, 60, 120];
  const planLength = new Array(7).fill(0);
  for (const r of rows) {
    if (r.outcome !== 'repaid') planLength[6]++;
    else {
      const m = Math.ceil((Number(r.instalments) * 12) / Number(PER_YEAR[r.frequency!]));
      const bin = lengthUpTo.findIndex((upTo) => m <= upTo);
      planLength[bin === -1 ? 5 : bin]++;
    }
  }
  // Each account whose defaults_used names a field, and the accounts by field.
  const defaultFields: Record<string, number> = {};
  for (const r of rows) for (const f of (r.defaults_used ?? '').split(';').filter(Boolean)) defaultFields[f] = (defaultFields[f] ?? 0) + 1;
  const ids = new Set(rows.map((r) => r.account_id));
  const cash = new Map<string, bigint>();
  for (const s of schedules.filter((s) => ids.has(s.account_id))) cash.set(s.due!.slice(0, 7), (cash.get(s.due!.slice(0, 7)) ?? 0n) + pence(s.amount!));
  const monthsDue = [...cash.keys()].sort();
  const cashRows: { month: string; due: string }[] = [];
  if (monthsDue.length > 0) {
    // Every month from the first to the last, those with nothing due at 0.00.
    for (let [y, m] = monthsDue[0]!.split('-').map(Number) as [number, number]; `${y}-${String(m).padStart(2, '0')}` <= monthsDue.at(-1)!; m === 12 ? ((m = 1), y++) : m++) {
      const key = `${y}-${String(m).padStart(2, '0')}`;
      cashRows.push({ month: key, due: twoDecimals(cash.get(key) ?? 0n) });
    }
  }
  return {
    accounts: rows.length,
    canPay: rows.filter((r) => pence(r.available!) > 0n && r.plan !== 'token').length,
    token: rows.filter((r) => pence(r.available!) > 0n && r.plan === 'token').length,
    cannotPay: rows.filter((r) => pence(r.available!) <= 0n).length,
    owed: twoDecimals(rows.reduce((t, r) => t + pence(r.balance!), 0n)),
    expectedMonthly: twoDecimals(monthly),
    clearing: n,
    monthsMedian: n === 0 ? null : n % 2 ? months[(n - 1) / 2] : (months[n / 2 - 1]! + months[n / 2]!) / 2,
    monthsP90: n === 0 ? null : months[Math.ceil(n * 0.9) - 1],
    review: rows.filter((r) => r.review === 'yes').length,
    flags,
    reviewReasons: 'review_reasons' in (rows[0] ?? {}) ? reasons : null,
    defaultsUsed: 'defaults_used' in (rows[0] ?? {}) ? { accounts: rows.filter((r) => r.defaults_used !== '').length, fields: defaultFields } : null,
    available: available,
    planLength: planLength,
    cash: cashRows,
  };
}

/** The 1.x snake_case names format 2 still writes beside the camelCase ones. */
const ALIASES = { can_pay: 'canPay', cannot_pay: 'cannotPay', expected_monthly: 'expectedMonthly', months_median: 'monthsMedian', months_p90: 'monthsP90', review_reasons: 'reviewReasons', plan_length: 'planLength' } as const;

/** The report's figures in the shape `expected` gives them, once each alias is found equal to its key. */
function figures(json: Record<string, unknown>) {
  const figures = { ...json };
  for (const [alias, key] of Object.entries(ALIASES)) {
    expect(figures[alias], alias).toEqual(figures[key]);
    delete figures[alias];
  }
  return {
    ...figures,
    available: (json.available as { accounts: number }[]).map((b) => b.accounts),
    planLength: (json.planLength as { accounts: number }[]).map((b) => b.accounts),
  };
}

describe('fairplan report', () => {
  beforeAll(async () => {
    const batch = await runCli(['batch', SAMPLE, '-o', RESULTS, '--schedules', SCHEDULES, '--carry', 'pay_frequency', '--as-of', '2026-01-05', '-q']);
    expect(batch.code).toBe(1); // the sample's six unusable rows
  });

  it('gives every figure of the portfolio and of each --by group as worked out from the results and schedules', async () => {
    const { code, stdout, stderr } = await runCli(['report', RESULTS, '--schedules', SCHEDULES, '--by', 'Pay Frequency', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown> & { by: Record<string, Record<string, Record<string, unknown>>> };
    const rows = read(RESULTS);
    const schedules = read(SCHEDULES);
    const { formatVersion, results, schedules: named, notes, by, ...all } = report;
    expect(rows.length).toBe(201);
    expect(figures(all)).toEqual(expected(rows, schedules));
    const groups = by['Pay Frequency']!;
    expect(Object.keys(groups)).toEqual(['fortnightly', 'four_weekly', 'monthly', 'weekly']);
    for (const [value, group] of Object.entries(groups)) {
      expect(figures(group), value).toEqual(expected(rows.filter((r) => r.pay_frequency === value), schedules));
    }
    expect([formatVersion, results, named, (notes as string[]).length]).toEqual([FORMAT_VERSION, RESULTS, SCHEDULES, 2]);
  });

  it('says the total owed is not in results without a balance column, and reads columns by name in any order', async () => {
    const rows = read(RESULTS);
    // The results of a batch without --carry balance, the columns shuffled and renamed in another case.
    const columns = ['Plan', 'ACCOUNT_ID', 'available', 'Flags', 'review', 'instalment', 'frequency', 'instalments', 'outcome'];
    const csv = [columns.join(','), ...rows.map((r) => columns.map((c) => r[c.toLowerCase()]).join(','))].join('\n');
    const file = path.join(dir, 'shuffled.csv');
    writeFileSync(file, `${csv}\n`);
    const { code, stdout } = await runCli(['report', file, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(report.owed).toBeNull();
    expect(report.cash).toBeNull();
    expect(report.notes).toEqual(expect.arrayContaining([expect.stringContaining('--carry balance')]));
    const { owed: _o, cash: _c, ...rest } = expected(rows, []);
    // Nor has it review_reasons.
    expect(figures(report)).toMatchObject({ ...rest, reviewReasons: null, defaultsUsed: null });
  });

  it("says how many accounts' figures rest on a household default, and on which fields, in JSON, markdown and HTML", async () => {
    const csv = [
      'account_id,available,flags,review,plan,instalment,frequency,instalments,outcome,defaults_used',
      'A1,100.00,,no,affordable,100.00,monthly,3,repaid,',
      'A2,0.00,deficit;dro-indicator,yes,token,1.00,monthly,12,review,tenure;jurisdiction',
      'A3,50.00,,no,affordable,50.00,monthly,10,repaid,adults;children;tenure;jurisdiction',
      'A4,20.00,,no,affordable,20.00,monthly,60,repaid,tenure',
    ].join('\n');
    const file = path.join(dir, 'defaults.csv');
    writeFileSync(file, `${csv}\n`);
    const json = JSON.parse((await runCli(['report', file, '--json'])).stdout) as Record<string, unknown>;
    // A2, A3 and A4: tenure for all three, jurisdiction for two, adults and children for A3.
    expect(json.defaultsUsed).toEqual({ accounts: 3, fields: { adults: 1, children: 1, tenure: 3, jurisdiction: 2 } });
    const sentence = '3 accounts’ figures rest on a default (adults 1, children 1, tenure 3, jurisdiction 2)';
    expect((await runCli(['report', file, '--format', 'md'])).stdout).toContain(`| Resting on a default | ${sentence} |`);
    expect((await runCli(['report', file])).stdout).toContain(`<dd class="long">${sentence}</dd>`);
  });

  it('uses the results’ plan_months and review_reasons columns, as batch names them, when they have them', async () => {
    const csv = [
      'account_id,available,flags,review,plan,instalment,frequency,instalments,outcome,plan_months,review_reasons',
      'A1,100.00,,no,affordable,100.00,monthly,3,repaid,3,',
      'A2,50.00,advice,yes,affordable,10.00,weekly,100,repaid,24,long-plan',
      'A3,0.00,deficit,yes,token,1.00,monthly,12,review,,deficit;advice',
      'A4,20.00,,yes,fixed-term-60,20.00,monthly,60,repaid,61,long-plan',
    ].join('\n');
    const file = path.join(dir, 'newer.csv');
    writeFileSync(file, `${csv}\n`);
    const { code, stdout } = await runCli(['report', file, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    // Months 3, 24 and 61 (A3 does not repay): median 24; 90th percentile by nearest rank, the 3rd of 3.
    expect([report.clearing, report.monthsMedian, report.monthsP90]).toEqual([3, 24, 61]);
    expect(report.reviewReasons).toEqual({ advice: 1, deficit: 1, 'long-plan': 2 });
    expect([report.canPay, report.token, report.cannotPay]).toEqual([3, 0, 1]);
    // 100.00 + 1.00 + 20.00 monthly, and 10.00 weekly = 43.33 a month.
    expect(report.expectedMonthly).toBe('164.33');
  });

  it('writes the same figures as markdown, and one HTML page with a chart, table and text for each', async () => {
    const html = path.join(dir, 'report.html');
    const run = await runCli(['report', RESULTS, '--schedules', SCHEDULES, '--by', 'pay_frequency', '-o', html]);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const page = readFileSync(html, 'utf8');
    // Four charts (available, months to clear, cash, flags), each for all accounts and by pay_frequency.
    expect(page.match(/<figure /g)).toHaveLength(8);
    expect(page.match(/<svg role="img"/g)).toHaveLength(8);
    expect(page.match(/<table>/g)!.length).toBeGreaterThanOrEqual(9);
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    const md = await runCli(['report', RESULTS, '--format', 'md']);
    expect(md.code).toBe(0);
    const json = JSON.parse((await runCli(['report', RESULTS, '--json'])).stdout) as { expectedMonthly: string; accounts: number };
    const pounds = `£${Number(json.expectedMonthly.split('.')[0]).toLocaleString('en-GB')}.${json.expectedMonthly.split('.')[1]}`;
    expect(md.stdout).toContain(`| Expected a month | ${pounds} |`);
    expect(md.stdout).toContain(`| Accounts | ${json.accounts} |`);
    expect(page).toContain(`<dd>${pounds}</dd>`);
  });

  it('stops with one sentence naming the file, line and column when a row is not batch’s, or a column is missing', async () => {
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'account_id,available,flags,review,plan,instalment,frequency,instalments,outcome\nA1,12.3.4,,no,affordable,1.00,monthly,1,repaid\n');
    const run = await runCli(['report', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([`fairplan: ${bad}:line 2: available: "12.3.4" is not an amount in pounds (1234.56)`]);
    const missing = path.join(dir, 'missing.csv');
    writeFileSync(missing, 'account_id,availble,flags,review,plan,instalment,frequency,instalments,outcome\n');
    const gone = await runCli(['report', missing]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('missing column "available" (did you mean "availble"?)');
    const by = await runCliErrors(['report', RESULTS, '--by', 'Region']);
    expect(by.code).toBe(2);
    expect(by.errors).toEqual([expect.objectContaining({ code: 'invalid-row', file: RESULTS, line: 1 })]);
    const twice = await runCliErrors(['report', RESULTS, '--by', 'pay_frequency', '--by', 'Pay Frequency']);
    expect(twice.code).toBe(2);
    expect(twice.errors).toEqual([expect.objectContaining({ code: 'invalid-argument' })]);
  });

  it('refuses schedules that are not of the results’ run, naming the schedule line', async () => {
    const other = path.join(dir, 'other-schedules.csv');
    writeFileSync(other, 'account_id,plan,n,due,moved_from,amount,interest,principal,balance_after\nNOPE,affordable,1,2026-02-01,,10.00,0.00,10.00,0.00\n');
    const run = await runCliErrors(['report', RESULTS, '--schedules', other]);
    expect(run.code).toBe(2);
    expect(run.errors).toEqual([expect.objectContaining({ code: 'invalid-row', file: other, line: 2 })]);
  });
});
