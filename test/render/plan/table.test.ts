import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { EVERY_DAY } from '../../../src/core/calendar/index.js';
import { parseIsoDate } from '../../../src/core/date.js';
import { money } from '../../../src/core/money.js';
import { proposePlans } from '../../../src/core/plan/index.js';
import { ADVICE_SIGNPOST } from '../../../src/core/signpost.js';
import { renderPlanReport } from '../../../src/render/plan/table.js';
import { everyKind, hundredAtTwelvePercent, nothingAffordable, thousandAtThirty, thousandAtThirtyWorkingDays, threeCreditors } from './proposals.js';

const plain = new Chalk({ level: 0 });
const flat = (text: string) => text.replace(/\s+/g, ' ');
const linesOf = (report: string) => report.split('\n');

describe('the plan report for people', () => {
  const report = renderPlanReport(thousandAtThirty(), { chalk: plain });

  it('compares the options in a table: payment, count, first and last date, total, affordable', () => {
    const lines = linesOf(report);
    expect(lines).toContain('#   Option        Payment  No.  First       Last            Total  Afford?');
    expect(lines).toContain('1*  Affordable  £30.00/mo   34  2027-01-15  2029-10-15  £1,000.00  yes');
    expect(lines).toContain('2   Fixed 12m   £83.34/mo   12  2027-01-15  2027-12-15  £1,000.00  no');
  });

  it('fits 80 columns', () => {
    for (const reportOf of [thousandAtThirty, everyKind, hundredAtTwelvePercent, nothingAffordable]) {
      for (const line of linesOf(renderPlanReport(reportOf(), { chalk: plain }))) expect(line.length).toBeLessThanOrEqual(80);
    }
  });

  it('stacks the figures under each option when the table would not fit', () => {
    const narrow = renderPlanReport(thousandAtThirty(), { chalk: plain, width: 60 });
    for (const line of linesOf(narrow)) expect(line.length).toBeLessThanOrEqual(60);
    expect(narrow).not.toContain('Afford?');
    expect(flat(narrow)).toContain('£30.00/mo x 34, 2027-01-15 to 2029-10-15; total £1,000.00, interest £0.00; affordable.');
    expect(flat(narrow)).toContain('£83.34/mo x 12, 2027-01-15 to 2027-12-15; total £1,000.00, interest £0.00; NOT affordable.');
  });

  it('leaves out a column of nil interest when room is short, and keeps interest that is charged', () => {
    // With interest frozen, the table fits 80 columns with two-space gaps only without the interest column.
    expect(report).not.toMatch(/Interest +Afford/);
    expect(renderPlanReport(thousandAtThirty(), { chalk: plain, width: 100 })).toMatch(/Interest +Afford/);
    // 100 at 1% a month: 1.00 + 0.51 + 0.01 = 1.52 interest.
    expect(renderPlanReport(hundredAtTwelvePercent(), { chalk: plain })).toMatch(/1\* Affordable +£50\.00\/mo +3 .* £101\.52 +£1\.52 +yes/);
  });

  it('gives each option its reason and why it is or is not affordable', () => {
    const text = flat(report);
    expect(text).toContain('1* Affordable plan: £30.00 a month Pays all that is affordable, £30.00 a month');
    expect(text).toContain('Needs £83.34 a month, £53.34 more than the £30.00 a month found affordable');
  });

  it('lists the options not offered, with the reason', () => {
    expect(flat(report)).toContain('Not offered - token: £30.00 a month is affordable and repays the balance');
  });

  it('gives the recommendation and its reason, and flags one a person should review', () => {
    expect(flat(report)).toContain('Recommended: 1 Affordable plan: £30.00 a month It pays what the customer can afford');
    expect(report).not.toContain('Flagged for review');
    const token = flat(renderPlanReport(nothingAffordable(), { chalk: plain }));
    expect(token).toMatch(/Recommended: \d Token payment: £1\.00 a month until a review on 2027-04-15/);
    expect(token).toContain('! Flagged for review: a person should look at this before it is agreed.');
  });

  it('ends with the schedule of the recommended option, then the free debt advice signpost', () => {
    const lines = linesOf(report);
    const start = lines.indexOf('Schedule: 1 Affordable plan: £30.00 a month');
    expect(lines[start + 1]).toBe(' n  Due         Amount  Interest  Principal  Balance after  Moved from');
    expect(lines[start + 2]).toBe(' 1  2027-01-15  £30.00     £0.00     £30.00        £970.00');
    expect(lines[start + 35]).toBe('34  2029-10-15  £10.00     £0.00     £10.00          £0.00');
    expect(flat(lines.slice(start + 36).join('\n')).trim()).toBe(ADVICE_SIGNPOST);
  });

  it('shows another option’s schedule when asked', () => {
    const lines = linesOf(renderPlanReport(thousandAtThirty(), { chalk: plain, scheduleIndex: 3 }));
    const start = lines.indexOf('Schedule: 4 Repay in 3 years: £27.78 a month');
    expect(lines[start + 2]).toBe(' 1  2027-01-15  £27.78     £0.00     £27.78        £972.22');
  });

  it('marks a plan that never repays, and says why once', () => {
    // £0.50 a month against £1,000: 2,000 months, beyond the 50-year horizon, so only the first 12 are laid out.
    const proposal = proposePlans({
      balance: money('1000'),
      affordableMonthly: money('0.50'),
      frequency: 'monthly',
      start: parseIsoDate('2027-01-15'),
      asOf: parseIsoDate('2027-01-10'),
      calendar: EVERY_DAY,
    });
    const text = renderPlanReport(proposal, { chalk: plain });
    expect(linesOf(text)).toContain('1   Affordable   £0.50/mo  12+  2027-01-15  2027-12-15      £6.00  yes');
    expect(text).toContain('+ never repays: the first year is shown');
    expect(flat(text).split('This payment does not repay the balance within 50 years.')).toHaveLength(2);
  });

  it('says when a due date was moved off a weekend or bank holiday', () => {
    const moved = renderPlanReport(thousandAtThirtyWorkingDays(), { chalk: plain });
    expect(linesOf(moved)).toContain(' 5  2027-05-17  £30.00     £0.00     £30.00        £850.00  2027-05-15');
    expect(moved).toContain('Payments due on a weekend or bank holiday are moved to the next working day.');
  });

  it('uses colour only when given a colouring chalk', () => {
    expect(report).not.toContain('\u001b[');
    const coloured = renderPlanReport(thousandAtThirty(), { chalk: new Chalk({ level: 1 }) });
    expect(coloured).toContain('\u001b[');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(report);
  });
});

describe('the report for a plan across several creditors', () => {
  const report = renderPlanReport(threeCreditors(), { chalk: plain });

  it('shows the creditor table, numbered, before the schedule, and each creditor’s part of every payment in its column', () => {
    const lines = report.split('\n');
    const creditors = lines.indexOf('Creditors: 1 Affordable plan: £100.00 a month');
    const schedule = lines.indexOf('Schedule: 1 Affordable plan: £100.00 a month');
    expect(creditors).toBeGreaterThan(0);
    expect(schedule).toBeGreaterThan(creditors);
    expect(lines[schedule + 1]).toMatch(/^ n +Due +Amount +#1 +#2 +#3 +Balance after$/);
    // 2,050.00 − 100.00 + 16.58, Fairway’s first month of interest.
    expect(lines[schedule + 2]).toMatch(/^ 1 +2027-01-15 +£100\.00 +£48\.78 +£48\.78 +£2\.44 +£1,966\.58$/);
    // Harbour and Lumen are repaid with the 21st payment; from the 22nd Fairway takes all of it.
    expect(lines.find((line) => /^22 /.test(line))).toMatch(/^22 +2028-10-15 +£100\.00 +- +£100\.00 +- /);
    expect(report.split('\n').every((line) => line.length <= 80)).toBe(true);
  });
});
