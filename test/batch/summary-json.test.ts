import { describe, expect, it } from 'vitest';
import type { BatchSummary } from '../../src/batch/run.js';
import { renderSummaryJson, summaryJson } from '../../src/batch/summary-json.js';
import { parseIsoDate } from '../../src/core/date.js';
import { provenance } from '../../src/core/provenance.js';
import { FORMAT_VERSION } from '../../src/render/shared/format-version.js';

const run: BatchSummary = {
  read: 5,
  written: 4,
  rejected: 1,
  balances: 1_234_567,
  instalmentsByFrequency: { weekly: 10_000, fortnightly: 0, 'four-weekly': 0, monthly: 5_001 },
  byFlag: { 'token-payment': 1, advice: 4, deficit: 1 },
  byPlan: { token: 1, affordable: 2, 'fixed-term': 1 },
  byDefault: { tenure: 4, jurisdiction: 1 },
  possiblyStatuteBarred: 1,
  unmappedColumns: ['Water', 'Phone'],
  rejectedByCode: { 'invalid-date': 1 },
  unknownValues: [{ column: 'Housing', rows: 3, values: [{ value: 'Lodger', rows: 2 }, { value: 'Caravan', rows: 1 }] }],
  provenance: provenance({ fairplanVersion: '0.1.0', asOf: parseIsoDate('2026-01-05'), inputs: [{ role: 'input', file: 'in.csv', sha256: null }] }),
};

describe('the batch summary as JSON', () => {
  it('gives the counts, the counts by flag and by plan in name order, and the totals to the penny', () => {
    const json = summaryJson(run);
    expect(json).toEqual({
      formatVersion: FORMAT_VERSION,
      rows: { read: 5, written: 4, rejected: 1 },
      rejectedByCode: { 'invalid-date': 1 },
      flags: { advice: 4, deficit: 1, 'token-payment': 1 },
      recommended: { affordable: 2, 'fixed-term': 1, token: 1 },
      leftOut: { possiblyStatuteBarred: 1 },
      totals: {
        balances: '12345.67',
        instalments: { weekly: '100.00', fortnightly: '0.00', 'four-weekly': '0.00', monthly: '50.01' },
        // 100.00 a week is 433.33 a month (× 52 ÷ 12, rounded once), with 50.01 a month.
        instalmentsMonthly: '483.34',
      },
      // The accounts whose flags or dates rest on a household field the row did not record, in name order.
      defaultsUsed: { jurisdiction: 1, tenure: 4 },
      unmappedColumns: ['Water', 'Phone'],
      // The household values not understood, by column: those rows took the default.
      unknownValues: { Housing: { rows: 3, values: { Lodger: 2, Caravan: 1 } } },
      // Its 1.x name, kept through format 2.
      unmapped_columns: ['Water', 'Phone'],
      provenance: run.provenance,
    });
    expect(Object.keys(json.flags)).toEqual(['advice', 'deficit', 'token-payment']);
  });

  it('is one JSON document ending with a line break', () => {
    const text = renderSummaryJson(run);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(summaryJson(run));
  });
});
