import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { EVERY_DAY } from '../../../src/core/calendar/index.js';
import { parseIsoDate } from '../../../src/core/date.js';
import { D, money } from '../../../src/core/money.js';
import { proposePlans } from '../../../src/core/plan/propose.js';
import { renderPlanReport } from '../../../src/render/plan/table.js';
import { visible, visibleStrings } from '../../../src/render/shared/visible.js';

describe('text made visible for a terminal', () => {
  it('writes escape sequences, control characters and line breaks as readable escapes', () => {
    expect(visible('A1\u001b[2J\u001b]0;pwned\u0007')).toBe('A1\\x1B[2J\\x1B]0;pwned\\x07');
    expect(visible('a\u0000b\u007fc\u009bd')).toBe('a\\x00b\\x7Fc\\x9Bd');
    expect(visible('one\r\ntwo\tthree')).toBe('one\\r\\ntwo\\tthree');
  });

  it('shows characters that reorder or break a line', () => {
    expect(visible('ACC\u202e1234\u2028x')).toBe('ACC\\u202E1234\\u2028x');
  });

  it('leaves ordinary text, accents and symbols alone', () => {
    expect(visible('Zoë Brontë owes £1,234.50 — “fine” 😀')).toBe('Zoë Brontë owes £1,234.50 — “fine” 😀');
  });
});

describe('every string of a report’s data made visible', () => {
  it('copies plain objects and arrays, keeps other objects (a Decimal) as they are, and an object met twice is one copy', () => {
    const amount = new D('12.50');
    const shared = { label: 'Rent\u001b[2J' };
    const copy = visibleStrings({ lines: [shared, shared], amount, n: 3, none: undefined, notes: ['a\u0007'] });
    expect(copy.lines[0]).toEqual({ label: 'Rent\\x1B[2J' });
    expect(copy.lines[0]).toBe(copy.lines[1]);
    expect(copy.amount).toBe(amount);
    expect(copy).toMatchObject({ n: 3, none: undefined, notes: ['a\\x07'] });
    expect(shared.label).toBe('Rent\u001b[2J');
  });

  it('leaves no escape sequence from a creditor given through the library in the plan report', () => {
    const creditors = [
      { creditor: 'Harbour\u001b]0;pwned\u0007 Bank', balance: money('600') },
      { creditor: 'Lumen\u202e Shopping', balance: money('400') },
    ];
    const proposal = proposePlans({
      balance: money('1000'),
      creditors,
      affordableMonthly: money('50'),
      frequency: 'monthly',
      start: parseIsoDate('2027-01-15'),
      asOf: parseIsoDate('2027-01-10'),
      calendar: EVERY_DAY,
    });
    const report = renderPlanReport(proposal, { chalk: new Chalk({ level: 0 }) });
    expect(report).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(report).toContain('Harbour\\x1B');
  });
});
