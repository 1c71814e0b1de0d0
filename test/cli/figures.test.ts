/**
 * Every document fairplan writes from one statement shows the same figures, and every column adds
 * up: each line's monthly figure is rounded half up to the penny once, every total is the sum of
 * those pennies, and the offers, the plan and the letter work in them. One household for each way
 * this used to go wrong (fixtures/statements/pennies/).
 */
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2027-01-04'];
const statement = (name: string) => fixture('statements', 'pennies', name);
const run = async (...args: string[]) => {
  const result = await runCli([...args, ...AS_OF]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
};
const checkJson = async (name: string) => JSON.parse(await run('check', statement(name), '--json'));
const sfs = async (name: string) => JSON.parse(await run('check', statement(name), '--sfs', 'data-entry'));
const planJson = async (name: string) => JSON.parse(await run('plan', statement(name), '--json'));

describe('weekly income 329.83 less weekly spending 108.21 and 2.71', () => {
  // 329.83 × 52 ÷ 12 = 1,429.2633… → 1,429.26; 108.21 × 52 ÷ 12 = 468.91; 2.71 × 52 ÷ 12 = 11.7433… → 11.74.
  // 1,429.26 − 468.91 − 11.74 = 948.61, not the 948.60 a sum at 40 digits (948.6099…) rounded down to.
  const name = 'weekly-available-948-61.json';

  it('leaves 948.61 a month, and offers all of it', async () => {
    const result = await checkJson(name);
    expect(result.income.total).toBe('1429.26');
    expect(result.expenditure.lines.map((l: { monthly: string }) => l.monthly)).toEqual(['468.91', '11.74']);
    expect(result.expenditure.total).toBe('480.65');
    expect(result.available).toBe('948.61');
    expect(result.offersTotal).toBe('948.61');
  });

  it('writes the same 948.61 in the SFS export', async () => {
    const document = await sfs(name);
    expect(document.overview['total-available-for-non-priority-debts']).toBe(948.61);
    expect(document.debts['non-priority-debts'][0]['repayment-offer']).toBe(948.61);
  });

  it('plans 948.61 a month, 218.91 a week (948.61 × 12 ÷ 52), and says so in the letter', async () => {
    const plan = await planJson(name);
    expect([plan.affordable, plan.affordablePerInstalment]).toEqual(['948.61', '218.91']);
    expect(await run('plan', statement(name), '--letter')).toContain('22 weekly payments of £218.91');
    const monthly = JSON.parse(await run('plan', statement(name), '--frequency', 'monthly', '--json'));
    expect([monthly.affordable, monthly.affordablePerInstalment]).toEqual(['948.61', '948.61']);
    expect(await run('plan', statement(name), '--frequency', 'monthly', '--letter')).toContain('5 monthly payments of £948.61');
  });
});

describe('a hundred weekly lines of £0.01', () => {
  // 0.01 × 52 ÷ 12 = 0.0433… → 0.04 each: 4.00 in all, not the 4.33 shown under lines of 0.04.
  const name = 'hundred-weekly-pennies.json';

  it('shows each line as £0.04 and the total as the £4.00 they add up to', async () => {
    const report = await run('check', statement(name));
    expect(report.match(/£0\.01 a week\s+£0\.04\n/g)).toHaveLength(100);
    expect(report).toMatch(/Total fixed costs\s+£4\.00\n/);
    expect(report).toMatch(/Available for non-priority creditors\s+£996\.00\n/);
  });

  it('gives the same figures in --json and in the SFS export', async () => {
    const result = await checkJson(name);
    expect(new Set(result.expenditure.lines.map((l: { monthly: string }) => l.monthly))).toEqual(new Set(['0.04']));
    expect([result.expenditure.fixed, result.expenditure.total, result.available]).toEqual(['4.00', '4.00', '996.00']);
    const fixed = (await sfs(name))['monthly-outgoings']['fixed-costs'];
    const listed: { 'monthly-amount': number }[] = fixed['other-essential']['other-essential-costs'];
    expect(listed.map((l) => l['monthly-amount'])).toEqual(Array(100).fill(0.04));
    expect([fixed['other-essential']['total-other-essential'], fixed['total-fixed-costs']]).toEqual([4, 4]);
  });
});

describe('three annual lines of £4.00', () => {
  // 4.00 ÷ 12 = 0.3333… → 0.33 each, 0.99 in all: the figure the lines shown explain.
  const name = 'three-annual-fours.json';

  it('are £0.33 a month each and £0.99 in all, on screen, in --json and in the SFS export', async () => {
    const report = await run('check', statement(name));
    expect(report.match(/£4\.00 a year\s+£0\.33\n/g)).toHaveLength(3);
    expect(report).toMatch(/Total flexible costs\s+£0\.99\n/);
    const result = await checkJson(name);
    expect([result.expenditure.flexible, result.available]).toEqual(['0.99', '999.01']);
    const document = await sfs(name);
    expect(document['monthly-outgoings']['flexible-costs']['total-flexible-costs']).toBe(0.99);
    expect(document.overview['total-available-for-non-priority-debts']).toBe(999.01);
  });
});

describe('an available amount that is exactly a half penny before rounding', () => {
  // 1,021.78 four-weekly × 13 ÷ 12 = 1,106.9283… → 1,106.93; rent 121.93 a week × 52 ÷ 12 = 528.3633… → 528.36.
  // Unrounded, 578.565 exactly: at 40 digits 578.56499… was shown and shared as 578.56. By the lines: 578.57.
  const name = 'half-penny-available.json';

  it('is 578.57 on screen, in --json, in the SFS export, in the plan and in the letter', async () => {
    expect(await run('check', statement(name))).toMatch(/Available for non-priority creditors\s+£578\.57\n/);
    const result = await checkJson(name);
    expect([result.available, result.offersTotal]).toEqual(['578.57', '578.57']);
    expect((await sfs(name)).overview['total-available-for-non-priority-debts']).toBe(578.57);
    // 578.57 × 12 ÷ 13 = 534.0646… a four-weekly payment, rounded down to 534.06.
    const plan = await planJson(name);
    expect([plan.affordable, plan.affordablePerInstalment]).toEqual(['578.57', '534.06']);
    expect(await run('plan', statement(name), '--letter')).toContain('payments of £534.06');
  });
});
