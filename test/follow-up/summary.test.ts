import { describe, expect, it } from 'vitest';
import type { ArrangementStatus } from '../../src/core/follow-up/status.js';
import { countStatus, emptySummary, summaryJson, summaryLines } from '../../src/follow-up/summary.js';

describe('follow-up summary', () => {
  it('adds the plans\' amounts exactly, past what a JavaScript number holds', () => {
    const summary = emptySummary();
    // Each plan's figures are the most a number holds exactly: £90,071,992,547,409.91.
    const most = Number.MAX_SAFE_INTEGER;
    const status = { accountId: 'A', status: 'behind', dueToDate: most, paidToDate: most, arrears: most, missedInARow: 0, balanceRemaining: 0, reason: '' } as ArrangementStatus;
    countStatus(summary, status);
    countStatus(summary, { ...status, accountId: 'B', paidToDate: 1, arrears: 1 });
    expect(summaryJson(summary)).toMatchObject({ due_to_date: '180143985094819.82', received: '90071992547409.92', arrears: '90071992547409.92' });
    expect(summaryLines(summary)).toContain('due to date £180,143,985,094,819.82, received £90,071,992,547,409.92, in arrears £90,071,992,547,409.92');
  });
});
