/**
 * The HTML page holds what a results file carried (a region's name is the export's text): it must
 * show it as text, never run it, and load nothing from anywhere.
 */
import { describe, expect, it } from 'vitest';
import type { PortfolioFigures, ReportFigures } from '../../../src/render/report/figures.js';
import { reportHtml } from '../../../src/render/report/html.js';
import { reportMarkdown } from '../../../src/render/report/markdown.js';

const figures = (accounts: number): PortfolioFigures => ({
  accounts,
  canPay: accounts,
  token: 0,
  cannotPay: 0,
  owedPence: 123_456,
  expectedMonthlyPence: 10_000,
  clearing: accounts,
  monthsMedian: 3,
  monthsP90: 3,
  review: 0,
  flags: [{ name: '<b>advice</b>', accounts }],
  reviewReasons: null,
  defaultsUsed: null,
  available: [0, 0, 0, accounts, 0, 0, 0, 0],
  planLength: [accounts, 0, 0, 0, 0, 0, 0],
  cash: [{ month: '2026-01', pence: 10_000 }],
});

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
const report: ReportFigures = {
  results: 'results <1>.csv',
  schedules: 'schedules.csv',
  notes: [],
  all: figures(2),
  splits: [{ column: 'Region & "area"', groups: [{ value: HOSTILE, ...figures(1) }, { value: 'North | East', ...figures(1) }] }],
};

describe('the HTML report', () => {
  it('shows carried text as text, and asks for nothing from anywhere', async () => {
    const page = await reportHtml(report);
    // Every tag in the page is fairplan's: the carried text's are escaped, in tables, text and the SVG.
    expect(page).not.toMatch(/<script|<img|<b>/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('results &lt;1&gt;.csv');
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    // The only address in the page is SVG's namespace, which is a name and never fetched.
    expect(page.match(/https?:\/\/[^"' )]+/g)?.filter((url) => !url.startsWith('http://www.w3.org/')) ?? []).toEqual([]);
    // Eight charts, each SVG labelled by its text alternative, under an id of one word.
    const labels = [...page.matchAll(/<svg role="img" aria-labelledby="([^"]+)"/g)].map((m) => m[1]);
    expect(labels).toHaveLength(8);
    for (const label of labels) expect(page).toContain(`<p id="${label}">`);
    expect(labels).toContain('cash-by-Region-area-text');
  });

  it('keeps a carried value whole in a markdown table cell', async () => {
    const md = await reportMarkdown(report);
    expect(md).toContain('North \\| East');
  });
});
