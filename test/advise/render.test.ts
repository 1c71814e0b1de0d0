import { describe, expect, it } from 'vitest';
import { statementView } from '../../src/advise/render.js';
import { money } from '../../src/core/money.js';
import type { Statement } from '../../src/core/statement.js';
import { FAMILY } from './statements.js';

describe('the whole statement', () => {
  const noted: Statement = {
    ...FAMILY,
    priorityDebts: [{ creditor: 'Council tax arrears', balance: money('640.00'), payment: money('40.00'), frequency: 'monthly', note: 'Liability order' }],
    debts: [
      { creditor: 'Acme Bank credit card with a long name', balance: money('3000.00'), ccj: true, note: 'Judgment March 2026' },
      { creditor: 'Lender Ltd', balance: money('1000.00') },
    ],
  };
  const view = statementView(noted, '£');

  it('marks a debt with a note as it marks a line, and says what the mark means', () => {
    expect(view).toContainEqual(expect.stringMatching(/Council tax arrears .*pays £40\.00 monthly \*$/));
    expect(view).toContainEqual(expect.stringMatching(/Acme Bank credit card with a long name +owes £3,000\.00 CCJ \*$/));
    expect(view).toContainEqual(expect.stringMatching(/Lender Ltd +owes £1,000\.00$/));
    expect(view).toContain('  * has a note');
  });

  it('fits an 80-column terminal', () => {
    expect(Math.max(...view.map((line) => line.length))).toBeLessThanOrEqual(80);
  });
});
