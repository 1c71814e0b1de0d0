/**
 * The proposal for a person at a terminal: a comparison of the options, why each is or is not
 * affordable, what was not offered and why, the recommendation, one option's schedule, and the
 * free debt advice signpost. Fits the width it is given (80 columns when piped): the comparison
 * table tightens its gaps, then stacks each option's figures, rather than overflow.
 */
import type { ChalkInstance } from 'chalk';
import type { Money } from '../../core/money.js';
import type { Affordability } from '../../core/affordability/types.js';
import type { Instalment, PlanOption, PlanProposal } from '../../core/plan/types.js';
import { wordsFor } from '../../core/plan/words.js';
import { ADVICE_SIGNPOST } from '../../core/signpost.js';
import { type Column, layoutTable, type Row, tableWidth } from '../shared/columns.js';
import { wrap } from '../shared/wrap.js';
import { optionAt } from './select.js';

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

function payment(option: PlanOption, money: (amount: Money) => string): string {
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

/** The whole report as text, ending with a newline. */
export function renderPlanReport(proposal: PlanProposal, { chalk, width = 80, scheduleIndex, affordability }: PlanReportOptions): string {
  const { request, recommended } = proposal;
  const words = wordsFor(request.currencySymbol);
  const { money } = words;
  const para = (text: string, indent = '') => wrap(text, width, indent);
  const yesNo = (option: PlanOption) => (option.affordable ? { text: 'yes', style: chalk.green } : { text: 'no', style: chalk.red });
  const marker = (i: number) => `${i + 1}${i === recommended.index ? '*' : ''}`;
  const lines: string[] = [];

  lines.push(chalk.bold('Repayment options'));
  lines.push(
    ...para(
      `${money(request.balance)} owed; ${words.available(request.affordableMonthly)} affordable for non-priority creditors ` +
        `(${words.rate(proposal.affordablePerInstalment, request.frequency)} per payment); ${request.frequency} payments from ${request.start}. ` +
        (request.interest.kind === 'frozen'
          ? 'Interest and charges frozen. '
          : `Interest continues at ${request.interest.annualRatePercent.toString()}% a year. `) +
        `Due dates: ${request.calendar.name}. As of ${request.asOf}.`,
    ),
  );
  for (const flag of affordability?.flags ?? []) {
    lines.push(...para(`${flag.review ? '! ' : '- '}${flag.reason}`, '  ').map((line) => (flag.review ? chalk.yellow(line) : line)));
  }
  lines.push('');

  const rows: Row[] = proposal.options.map((option, i) => [
    marker(i),
    shortName(option),
    payment(option, money),
    String(option.instalmentCount),
    option.firstDate,
    option.lastDate,
    money(option.totalPaid),
    money(option.totalInterest),
    yesNo(option),
  ]);
  const table = fitted(COMPARISON, rows, {
    width,
    chalk,
    droppable: nilInterest(proposal.options.map((option) => option.totalInterest), COMPARISON_INTEREST),
  });
  if (table) lines.push(...table, '* recommended', '');

  proposal.options.forEach((option, i) => {
    lines.push(chalk.bold(`${marker(i)} ${option.label}`));
    if (!table) {
      const facts =
        `${payment(option, money)} x ${option.instalmentCount}, ${option.firstDate} to ${option.lastDate}; ` +
        `total ${money(option.totalPaid)}, interest ${money(option.totalInterest)}; ${option.affordable ? 'affordable' : 'NOT affordable'}.`;
      lines.push(...para(facts, '   '));
    }
    lines.push(...para(option.reason, '   '));
    const affordability = para(option.affordabilityReason, '   ');
    lines.push(...(option.affordable ? affordability : affordability.map((line) => chalk.red(line))));
    if (option.outcome.kind !== 'repaid') lines.push(...para(option.outcome.message, '   ').map((line) => chalk.yellow(line)));
  });
  lines.push('');

  if (proposal.notOffered.length > 0) {
    lines.push(chalk.bold('Not offered'));
    for (const notOffered of proposal.notOffered) {
      const name = notOffered.variant ? `${notOffered.kind} (${notOffered.variant})` : notOffered.kind;
      lines.push(...wrap(`- ${name}: ${notOffered.reason}`, width, '  ', '    ').map((line) => chalk.dim(line)));
    }
    lines.push('');
  }

  const chosen = optionAt(proposal, recommended.index);
  lines.push(chalk.bold(`Recommended: ${recommended.index + 1} ${chosen.label}`));
  lines.push(...para(recommended.reason, '  '));
  if (recommended.flagForReview) {
    lines.push(...para('! Flagged for review: a person should look at this before it is agreed.', '  ').map((line) => chalk.yellow(line)));
  }
  lines.push('');

  const shownIndex = scheduleIndex ?? recommended.index;
  const shown = optionAt(proposal, shownIndex);
  lines.push(chalk.bold(`Schedule: ${shownIndex + 1} ${shown.label}`));
  const scheduleRows: Row[] = shown.instalments.map((instalment: Instalment) => [
    String(instalment.n),
    instalment.due,
    money(instalment.amount),
    money(instalment.interest),
    money(instalment.principal),
    money(instalment.balanceAfter),
    instalment.movedFrom ?? '',
  ]);
  lines.push(
    ...(fitted(SCHEDULE, scheduleRows, {
      width,
      chalk,
      droppable: nilInterest(shown.instalments.map((instalment) => instalment.interest), SCHEDULE_INTEREST),
    }) ?? layoutTable(SCHEDULE, scheduleRows, { gap: 1, headerStyle: chalk.bold })),
  );
  if (shown.instalments.some((instalment) => instalment.movedFrom)) {
    lines.push(...para('Payments due on a weekend or bank holiday are moved to the next working day.', '  '));
  }
  if (shown.outcome.kind !== 'repaid') lines.push(...para(shown.outcome.message, '  ').map((line) => chalk.yellow(line)));
  lines.push('');

  lines.push(...para(ADVICE_SIGNPOST));
  return `${lines.join('\n')}\n`;
}
