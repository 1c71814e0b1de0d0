/**
 * The proposal for a person at a terminal: a comparison of the options, why each is or is not
 * affordable, what was not offered and why, the recommendation, one option's schedule, and the
 * free debt advice signpost. Fits the width it is given (80 columns when piped): the comparison
 * table tightens its gaps, then stacks each option's figures, rather than overflow.
 */
import { planReviewOn, reviewOfPlan } from '../../core/plan/review.js';
import type { ChalkInstance } from 'chalk';
import type { Money } from '../../core/money.js';
import type { Affordability } from '../../core/affordability/types.js';
import type { PlanOption, PlanOptionSummary, PlanProposal } from '../../core/plan/types.js';
import { type Words, wordsFor } from '../../core/plan/words.js';
import { ADVICE_SIGNPOST } from '../../core/signpost.js';
import { type Column, layoutTable, type Row, tableWidth } from '../shared/columns.js';
import { wrap } from '../shared/wrap.js';
import { creditorSection } from './creditor-table.js';
import { possiblyBarredNote } from './possibly-barred.js';
import { optionAt } from './select.js';
import { FLAG_NAMES } from '../labels.js';
import { visibleStrings } from '../shared/visible.js';

export interface PlanReportOptions {
  readonly chalk: ChalkInstance;
  /** Columns available; default 80. */
  readonly width?: number;
  /** The option whose schedule is shown; default the recommended one. */
  readonly scheduleIndex?: number;
  /** When the plan was made from a statement: its flags are shown above the options. */
  readonly affordability?: Affordability;
}

const PER: Readonly<Record<PlanOption['frequency'], string>> = { weekly: '/wk', fortnightly: '/2wk', 'four-weekly': '/4wk', monthly: '/mo' };

function shortName(option: PlanOption): string {
  switch (option.kind) {
    case 'affordable':
      return 'Affordable';
    case 'fixed-term':
      return `Fixed ${option.termMonths}m`;
    case 'token':
      return 'Token';
    case 'step-up':
      return 'Step-up';
    case 'settlement':
      return option.variant === 'lump-sum' ? 'Settle now' : `Settle in ${option.instalmentCount}`;
  }
}

/** An option's payment as one cell: `£50.00/mo`, a step-up as `£120.71→£176.10/2wk`, a lump sum as its amount. */
export function paymentText(option: PlanOptionSummary, money: (amount: Money) => string): string {
  if (option.instalmentCount === 1) return money(option.instalmentAmount);
  const amount = option.kind === 'step-up' ? `${money(option.reducedPayment)}→${money(option.laterPayment)}` : money(option.instalmentAmount);
  return `${amount}${PER[option.frequency]}`;
}

const COMPARISON: readonly Column[] = [
  { header: '#' },
  { header: 'Option' },
  { header: 'Payment', align: 'right' },
  { header: 'No.', align: 'right' },
  { header: 'First' },
  { header: 'Last' },
  { header: 'Total', align: 'right' },
  { header: 'Interest', align: 'right' },
  { header: 'Afford?' },
];
const COMPARISON_INTEREST = 7;

const SCHEDULE: readonly Column[] = [
  { header: 'n', align: 'right' },
  { header: 'Due' },
  { header: 'Amount', align: 'right' },
  { header: 'Interest', align: 'right' },
  { header: 'Principal', align: 'right' },
  { header: 'Balance after', align: 'right' },
  { header: 'Moved from' },
];
const SCHEDULE_INTEREST = 3;

/**
 * A table that fits `width`: two spaces between columns, else without the column that can go (an
 * interest column of nothing but nils, when interest is frozen), else one space, else undefined.
 */
function fitted(
  columns: readonly Column[],
  rows: readonly Row[],
  { width, chalk, droppable }: { width: number; chalk: ChalkInstance; droppable?: number },
): string[] | undefined {
  const without = <T,>(cells: readonly T[]) => cells.filter((_, i) => i !== droppable);
  const layouts: [readonly Column[], readonly Row[]][] = [[columns, rows]];
  if (droppable !== undefined) layouts.push([without(columns), rows.map(without)]);
  for (const gap of [2, 1]) {
    for (const [cols, cells] of layouts) {
      if (tableWidth(cols, cells, gap) <= width) return layoutTable(cols, cells, { gap, headerStyle: chalk.bold });
    }
  }
  return undefined;
}

/** The interest column may go when every figure in it would be nil. */
const nilInterest = (amounts: readonly Money[], column: number): number | undefined =>
  amounts.every((amount) => amount.isZero()) ? column : undefined;

/** What every section needs: colours, width, the words for money, and the recommended option's index. */
interface Page {
  readonly chalk: ChalkInstance;
  readonly width: number;
  readonly words: Words;
  readonly recommended: number;
}

const para = (page: Page, text: string, indent = ''): string[] => wrap(text, page.width, indent);
const listItem = (page: Page, text: string): string[] => wrap(text, page.width, '  ', '    ');
const marker = (page: Page, i: number): string => `${i + 1}${i === page.recommended ? '*' : ''}`;

/** What happens to interest: one rate for the balance, or each creditor's own. */
function interestSentence(request: PlanProposal['request']): string {
  const charging = (request.creditors ?? []).filter((c) => c.interest.kind === 'continuing' && !c.interest.annualRatePercent.isZero());
  if (request.creditors && request.creditors.length > 1 && charging.length > 0) {
    const frozen = request.creditors.length - charging.length;
    return `Interest continues with ${charging.length} of ${request.creditors.length} creditors, at their own rates` +
      `${frozen > 0 ? `; frozen with the other${frozen === 1 ? '' : 's'}` : ''}. `;
  }
  return request.interest.kind === 'frozen'
    ? 'Interest and charges frozen. '
    : `Interest continues at ${request.interest.annualRatePercent.toString()}% a year. `;
}

function header(page: Page, proposal: PlanProposal, affordability: Affordability | undefined): string[] {
  const { request } = proposal;
  const { words, chalk } = page;
  const lines = [
    chalk.bold('Repayment options'),
    ...para(
      page,
      `${words.money(request.balance)} owed. Available for non-priority creditors: ${words.available(request.affordableMonthly)}` +
        (request.frequency === 'monthly' ? '. ' : ` (${words.rate(proposal.affordablePerInstalment, request.frequency)}). `) +
        `Paid ${request.frequency} from ${request.start}. ` +
        interestSentence(request) +
        `Due dates: ${request.calendar.name}. As of ${request.asOf}.`,
    ),
  ];
  // The advice flag is the signpost, which ends the report anyway.
  const flags = (affordability?.flags ?? []).filter((flag) => flag.code !== 'advice');
  if (flags.length > 0) {
    lines.push('', chalk.bold('From the affordability check'));
    for (const flag of flags) {
      const text = listItem(page, `${flag.review ? '! ' : '- '}${flag.reason}`);
      lines.push(...(flag.review ? text.map((line) => chalk.yellow(line)) : text));
    }
  }
  return lines;
}

/** The comparison table, or undefined when it will not fit the width. */
function comparison(page: Page, options: readonly PlanOption[]): string[] | undefined {
  const { chalk, words } = page;
  const rows: Row[] = options.map((option, i) => [
    marker(page, i),
    shortName(option),
    paymentText(option, words.money),
    // "12+": the schedule stops at a year because the payment never repays.
    `${option.instalmentCount}${option.outcome.kind === 'never-repays' ? '+' : ''}`,
    option.firstDate,
    option.lastDate,
    words.money(option.totalPaid),
    words.money(option.totalInterest),
    option.affordable ? { text: 'yes', style: chalk.green } : { text: 'no', style: chalk.red },
  ]);
  const table = fitted(COMPARISON, rows, {
    width: page.width,
    chalk,
    droppable: nilInterest(options.map((option) => option.totalInterest), COMPARISON_INTEREST),
  });
  if (!table) return undefined;
  const endless = options.some((option) => option.outcome.kind === 'never-repays');
  return [...table, '* recommended', ...(endless ? ['+ never repays: the first year is shown'] : [])];
}

/** Each option's label and reasons; with `facts`, its figures too (when the table did not fit). */
function details(page: Page, option: PlanOption, i: number, facts: boolean): string[] {
  const { chalk, words } = page;
  const lines = [chalk.bold(`${marker(page, i)} ${option.label}`)];
  if (facts) {
    lines.push(
      ...para(
        page,
        `${paymentText(option, words.money)} x ${option.instalmentCount}, ${option.firstDate} to ${option.lastDate}; ` +
          `total ${words.money(option.totalPaid)}, interest ${words.money(option.totalInterest)}; ` +
          `${option.affordable ? 'affordable' : 'NOT affordable'}.`,
        '   ',
      ),
    );
  }
  lines.push(...para(page, option.reason, '   '));
  const affordability = para(page, option.affordabilityReason, '   ');
  lines.push(...(option.affordable ? affordability : affordability.map((line) => chalk.red(line))));
  // A plan that never repays already says so in its reason.
  if (option.outcome.kind !== 'repaid' && !option.reason.includes(option.outcome.message)) {
    lines.push(...para(page, option.outcome.message, '   ').map((line) => chalk.yellow(line)));
  }
  return lines;
}

function notOffered(page: Page, proposal: PlanProposal): string[] {
  if (proposal.notOffered.length === 0) return [];
  return [
    page.chalk.bold('Not offered'),
    ...proposal.notOffered.flatMap((n) =>
      listItem(page, `- ${n.variant ? `${n.kind} (${n.variant})` : n.kind}: ${n.reason}`).map((line) => page.chalk.dim(line)),
    ),
    '',
  ];
}

function recommendation(page: Page, proposal: PlanProposal, affordability: Affordability | undefined): string[] {
  const { recommended } = proposal;
  const review = reviewOfPlan(recommended, affordability);
  const option = optionAt(proposal, recommended.index);
  const lines = [
    page.chalk.bold(`Recommended: ${recommended.index + 1} ${option.label}`),
    ...para(page, recommended.reason, '  '),
    ...para(page, `Review with the customer by ${planReviewOn(option, proposal.request)}.`, '  '),
  ];
  if (review.needed) {
    const named = review.flags.length > 0 ? ` (${review.flags.map((code) => FLAG_NAMES[code]).join(', ')})` : '';
    const flag = `! Flagged for review: a person should look at this before it is agreed${named}.`;
    lines.push(...para(page, flag, '  ').map((line) => page.chalk.yellow(line)));
  }
  return lines;
}

/**
 * With several creditors, the schedule with each creditor's part of every payment in a column
 * numbered as in the creditor table (without the balance after, if that is what it takes to fit),
 * or undefined when it will not fit.
 */
function byCreditor(page: Page, option: PlanOption): string[] | undefined {
  const creditors = option.creditors ?? [];
  if (creditors.length < 2) return undefined;
  const { chalk, words } = page;
  const parts = creditors.map((creditor) => new Map(creditor.instalments.map((instalment) => [instalment.n, instalment.amount])));
  const columns: Column[] = [
    { header: 'n', align: 'right' },
    { header: 'Due' },
    { header: 'Amount', align: 'right' },
    ...creditors.map((_, i): Column => ({ header: `#${i + 1}`, align: 'right' })),
    { header: 'Balance after', align: 'right' },
  ];
  const rows: Row[] = option.instalments.map((instalment) => [
    String(instalment.n),
    instalment.due,
    words.money(instalment.amount),
    ...parts.map((part) => { const amount = part.get(instalment.n); return amount ? words.money(amount) : '-'; }),
    words.money(instalment.balanceAfter),
  ]);
  return fitted(columns, rows, { width: page.width, chalk, droppable: columns.length - 1 });
}

function schedule(page: Page, proposal: PlanProposal, index: number): string[] {
  const { chalk, words } = page;
  const shown = optionAt(proposal, index);
  const rows: Row[] = shown.instalments.map((instalment) => [
    String(instalment.n),
    instalment.due,
    words.money(instalment.amount),
    words.money(instalment.interest),
    words.money(instalment.principal),
    words.money(instalment.balanceAfter),
    instalment.movedFrom ?? '',
  ]);
  const table =
    byCreditor(page, shown) ??
    fitted(SCHEDULE, rows, {
      width: page.width,
      chalk,
      droppable: nilInterest(shown.instalments.map((instalment) => instalment.interest), SCHEDULE_INTEREST),
    }) ??
    layoutTable(SCHEDULE, rows, { gap: 1, headerStyle: chalk.bold });
  const lines = [chalk.bold(`Schedule: ${index + 1} ${shown.label}`), ...table];
  if (shown.instalments.some((instalment) => instalment.movedFrom)) {
    lines.push(...para(page, 'Payments due on a weekend or bank holiday are moved to the next working day.', '  '));
  }
  if (shown.outcome.kind !== 'repaid') lines.push(...para(page, shown.outcome.message, '  ').map((line) => chalk.yellow(line)));
  return lines;
}

const withGap = (section: readonly string[]): string[] => (section.length === 0 ? [] : [...section, '']);

/** The debts past the limitation period: each left out of the offers (or included) and why, for the advisor's file. */
function possiblyBarred(page: Page, proposal: PlanProposal, affordability: Affordability | undefined): string[] {
  const debts = proposal.request.possiblyBarred ?? [];
  if (debts.length === 0) return [];
  return [
    page.chalk.bold('Debts that may be statute-barred (a note for the file: never sent to the other creditors)'),
    ...debts.flatMap((p) =>
      listItem(page, `! ${p.debt.creditor}, ${page.words.money(p.debt.balance)}, last payment ${p.debt.lastPaymentOn}: ${possiblyBarredNote(p, affordability?.statement)}`).map((line) =>
        page.chalk.yellow(line),
      ),
    ),
  ];
}

/** The whole report as text, ending with a newline. */
export function renderPlanReport(planned: PlanProposal, { chalk, width = 80, scheduleIndex, affordability: checked }: PlanReportOptions): string {
  // Creditor names, labels and notes from the statement reach the terminal with escape sequences made visible.
  const { proposal, affordability } = visibleStrings({ proposal: planned, affordability: checked });
  const page: Page = { chalk, width, words: wordsFor(proposal.request.currencySymbol), recommended: proposal.recommended.index };
  const table = comparison(page, proposal.options);
  const shownIndex = scheduleIndex ?? proposal.recommended.index;
  const lines = [
    ...header(page, proposal, affordability),
    '',
    ...withGap(possiblyBarred(page, proposal, affordability)),
    ...(table ? [...table, ''] : []),
    ...proposal.options.flatMap((option, i) => details(page, option, i, table === undefined)),
    '',
    ...notOffered(page, proposal),
    ...recommendation(page, proposal, affordability),
    '',
    ...withGap(creditorSection(optionAt(proposal, shownIndex), shownIndex, page)),
    ...schedule(page, proposal, shownIndex),
    '',
    ...para(page, ADVICE_SIGNPOST),
  ];
  return `${lines.join('\n')}\n`;
}
