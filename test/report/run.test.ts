/**
 * makeReport on small hand-made files: the rules behind the figures (who can pay, months to clear,
 * the median of an even count, the 90th percentile by nearest rank, months with nothing due, the
 * groups of a --by column) with figures worked out by hand.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeReport, MOST_GROUPS } from '../../src/report/run.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-report-'));
const file = (name: string, lines: string[]): string => {
  const target = path.join(dir, name);
  writeFileSync(target, `${lines.join('\n')}\n`);
  return target;
};
const HEADER = 'account_id,Region,available,flags,review,plan,instalment,frequency,instalments,outcome';

describe('makeReport', () => {
  it('counts can pay, token and cannot pay, and the months to clear of the plans that repay', async () => {
    const results = file('results.csv', [
      HEADER,
      'A,North,500.00,,no,affordable,500.00,monthly,2,repaid', // 2 months
      'B,North,10.00,advice,yes,fixed-term-60,10.00,weekly,53,repaid', // 53 × 12 ÷ 52 = 12.2: 13 months
      'C,South,0.50,advice,yes,token,1.00,monthly,12,review', // something available, a token payment
      'D,South,-20.00,deficit;advice,yes,token,1.00,monthly,12,review', // nothing available
      'E,,100.00,,no,affordable,100.00,fortnightly,4,repaid', // 4 × 12 ÷ 26 = 1.8: 2 months
      'F,North,30.00,,no,affordable,30.00,four-weekly,30,repaid', // 30 × 12 ÷ 13 = 27.7: 28 months
    ]);
    const report = await makeReport({ results, by: ['region'] });
    const all = report.all;
    expect([all.accounts, all.canPay, all.token, all.cannotPay, all.review]).toEqual([6, 4, 1, 1, 3]);
    // Months 2, 2, 13, 28: the median is the mean of the middle two, 7.5; the 90th percentile is the
    // ceil(0.9 × 4) = 4th, 28.
    expect([all.clearing, all.monthsMedian, all.monthsP90]).toEqual([4, 7.5, 28]);
    // Up to 12: A and E; 13 to 24: B; 25 to 36: F; C and D do not clear.
    expect(all.planLength).toEqual([2, 1, 1, 0, 0, 0, 2]);
    // D nothing; B and C up to £25; F up to £50; E up to £100 (a bin holds its upper bound); A up to £500.
    expect(all.available).toEqual([1, 2, 1, 1, 0, 1, 0, 0]);
    expect(all.flags).toEqual([
      { name: 'advice', accounts: 3 },
      { name: 'deficit', accounts: 1 },
    ]);
    // Monthly 500.00 + 1.00 + 1.00 = 502.00; weekly 10.00 × 52 ÷ 12 = 43.33; fortnightly 100.00 × 26 ÷ 12
    // = 216.67; four-weekly 30.00 × 13 ÷ 12 = 32.50: 794.50.
    expect(all.expectedMonthlyPence).toBe(79_450);
    expect([all.owedPence, all.cash, all.reviewReasons]).toEqual([null, null, null]);
    const [region] = report.splits;
    expect(region?.groups.map((g) => [g.value, g.accounts, g.monthsMedian])).toEqual([
      ['(blank)', 1, 2],
      ['North', 3, 13],
      ['South', 2, null],
    ]);
  });

  it('adds the schedules by the month each instalment is due, a month with none at nothing', async () => {
    const results = file('cash-results.csv', [
      HEADER,
      'A,North,500.00,,no,affordable,500.00,monthly,2,repaid',
      'B,South,0.00,deficit,yes,token,1.00,monthly,1,review',
      'C,North,50.00,,no,affordable,50.00,monthly,1,repaid',
    ]);
    const schedules = file('cash-schedules.csv', [
      'account_id,plan,n,due,moved_from,amount,interest,principal,balance_after',
      'A,affordable,1,2026-01-26,,500.00,0.00,500.00,500.00',
      'A,affordable,2,2026-04-27,,500.00,0.00,500.00,0.00',
      'C,affordable,1,2026-01-05,,50.00,0.00,50.00,0.00',
    ]);
    const report = await makeReport({ results, schedules, by: ['Region'] });
    expect(report.all.cash).toEqual([
      { month: '2026-01', pence: 55_000 },
      { month: '2026-02', pence: 0 },
      { month: '2026-03', pence: 0 },
      { month: '2026-04', pence: 50_000 },
    ]);
    expect(report.all.accounts).toBe(3);
    expect(report.splits[0]?.groups.map((g) => [g.value, g.cash?.length ?? 0])).toEqual([
      ['North', 4],
      ['South', 0],
    ]);
  });

  it(`refuses a --by column of more than ${MOST_GROUPS} values, naming the line`, async () => {
    const rows = Array.from({ length: MOST_GROUPS + 1 }, (_, i) => `A${i},R${i},10.00,,no,affordable,10.00,monthly,1,repaid`);
    const results = file('many.csv', [HEADER, ...rows]);
    await expect(makeReport({ results, by: ['Region'] })).rejects.toMatchObject({
      code: 'invalid-argument',
      context: { file: results, line: MOST_GROUPS + 2 },
    });
  });

  it('refuses a results file that names a column twice, and a plan longer than batch writes', async () => {
    await expect(makeReport({ results: file('twice.csv', [`${HEADER},Available`]), by: [] })).rejects.toMatchObject({
      code: 'invalid-row',
      message: expect.stringContaining('"Available" is named twice'),
    });
    const long = file('long.csv', [`${HEADER},plan_months`, 'A,North,10.00,,no,affordable,10.00,monthly,1,repaid,1201']);
    await expect(makeReport({ results: long, by: [] })).rejects.toMatchObject({ code: 'invalid-row', context: { line: 2, field: 'plan_months' } });
  });
});
