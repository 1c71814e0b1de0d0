/** The headline figures, as every format of the report words them, and the report as JSON. */
import { formatMoney, fromPence, toFixed2 } from '../../core/money.js';
import { FORMAT_VERSION } from '../shared/format-version.js';
import { withSnakeAliases } from '../shared/snake-aliases.js';
import { AVAILABLE_BINS, DOES_NOT_CLEAR, LENGTH_BINS, type PortfolioFigures, type ReportFigures } from './figures.js';

const count = (n: number): string => n.toLocaleString('en-GB');
const months = (m: number | null): string => (m === null ? 'none repaid' : `${m.toLocaleString('en-GB')} month${m === 1 ? '' : 's'}`);
const share = (n: number, of: number): string => (of === 0 ? '' : ` (${((n * 100) / of).toFixed(1)}%)`);
const counts = (list: PortfolioFigures['flags']): string => (list.length === 0 ? 'none' : list.map((c) => `${c.name} ${count(c.accounts)}`).join(', '));

/** "1,500 accounts' figures rest on a default (adults 1,200, tenure 300)": a flag or a due date may be other than the customer's. */
const onDefault = ({ accounts, fields }: NonNullable<PortfolioFigures['defaultsUsed']>): string =>
  accounts === 0 ? 'none: every account recorded its household' : `${count(accounts)} ${accounts === 1 ? 'account’s figures rest' : 'accounts’ figures rest'} on a default (${counts(fields)})`;

/** [label, figure] pairs, in the order a reader wants them. */
export function headline(f: PortfolioFigures): [string, string][] {
  return [
    ['Accounts', count(f.accounts)],
    ['Can pay', `${count(f.canPay)}${share(f.canPay, f.accounts)}`],
    ['Token payment', `${count(f.token)}${share(f.token, f.accounts)}`],
    ['Cannot pay', `${count(f.cannotPay)}${share(f.cannotPay, f.accounts)}`],
    ['Total owed', f.owedPence === null ? 'not in the results' : formatMoney(fromPence(f.owedPence))],
    ['Expected a month', formatMoney(fromPence(f.expectedMonthlyPence))],
    ['Median months to clear', months(f.monthsMedian)],
    ['90th percentile months to clear', months(f.monthsP90)],
    ['Plans that repay', count(f.clearing)],
    ['To review', `${count(f.review)}${share(f.review, f.accounts)}`],
    ['Flags', counts(f.flags)],
    ...(f.reviewReasons === null ? [] : [['Review reasons', counts(f.reviewReasons)] as [string, string]]),
    ...(f.defaultsUsed === null ? [] : [['Resting on a default', onDefault(f.defaultsUsed)] as [string, string]]),
  ];
}

const formatPence = (pence: number): string => toFixed2(fromPence(pence));
const amount = (pence: number | null): string | null => (pence === null ? null : formatPence(pence));

function portfolioJson(f: PortfolioFigures) {
  const doc = {
    accounts: f.accounts,
    canPay: f.canPay,
    token: f.token,
    cannotPay: f.cannotPay,
    owed: amount(f.owedPence),
    expectedMonthly: formatPence(f.expectedMonthlyPence),
    clearing: f.clearing,
    monthsMedian: f.monthsMedian,
    monthsP90: f.monthsP90,
    review: f.review,
    flags: Object.fromEntries(f.flags.map((c) => [c.name, c.accounts])),
    reviewReasons: f.reviewReasons && Object.fromEntries(f.reviewReasons.map((c) => [c.name, c.accounts])),
    defaultsUsed: f.defaultsUsed && { accounts: f.defaultsUsed.accounts, fields: Object.fromEntries(f.defaultsUsed.fields.map((c) => [c.name, c.accounts])) },
    available: AVAILABLE_BINS.map((bin, i) => ({ bin: bin.label, accounts: f.available[i] ?? 0 })),
    planLength: [...LENGTH_BINS.map((bin) => bin.label), DOES_NOT_CLEAR].map((bin, i) => ({ bin, accounts: f.planLength[i] ?? 0 })),
    cash: f.cash && f.cash.map((m) => ({ month: m.month, due: formatPence(m.pence) })),
  };
  return withSnakeAliases(doc, ['canPay', 'cannotPay', 'expectedMonthly', 'monthsMedian', 'monthsP90', 'reviewReasons', 'planLength']);
}

/** The report as one JSON document: amounts as strings with two decimals, as batch writes them. */
export function reportJson(figures: ReportFigures): string {
  return `${JSON.stringify(
    {
      formatVersion: FORMAT_VERSION,
      results: figures.results,
      schedules: figures.schedules,
      notes: figures.notes,
      ...portfolioJson(figures.all),
      by: Object.fromEntries(figures.splits.map((s) => [s.column, Object.fromEntries(s.groups.map((g) => [g.value, portfolioJson(g)]))])),
    },
    null,
    2,
  )}\n`;
}
