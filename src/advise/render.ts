/**
 * What the session shows: the statement, running totals, the affordability summary, the plan
 * options side by side and a schedule. Plain text that fits an 80-column terminal.
 */
import type { Affordability, GuidelineCheck } from '../core/affordability/types.js';
import { describeHousehold } from '../core/affordability/guidelines.js';
import { formatMoney, type Money } from '../core/money.js';
import type { PlanOption, PlanOptionSummary } from '../core/plan/types.js';
import { termInMonths } from '../core/plan/words.js';
import type { Statement } from '../core/statement.js';
import { ADVICE_SIGNPOST } from '../core/signpost.js';
import { entriesOf, SECTION_TITLES, SECTIONS, type Entry, type SectionId } from './sections.js';

const cut = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
const left = (text: string, width: number): string => cut(text, width).padEnd(width);
const right = (text: string, width: number): string => cut(text, width).padStart(width);

/** Wraps plain words at `width` columns. */
export function wrap(text: string, width = 78): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export const signpost = (): string[] => wrap(ADVICE_SIGNPOST);

/** One line of a section: "  2  Rent · home                       £700.00 monthly". */
export function entryLine(entry: Entry, symbol: string): string {
  const money = (m: Money) => formatMoney(m, symbol);
  if ('category' in entry) {
    const what = `${entry.label} · ${entry.category}`;
    return `${left(what, 44)} ${right(`${money(entry.amount)} ${entry.frequency}`, 24)}${entry.note ? ' *' : ''}`;
  }
  if ('payment' in entry) {
    const owed = `owes ${money(entry.balance)}`;
    return `${left(entry.creditor, 24)} ${right(owed, 18)} ${right(`pays ${money(entry.payment)} ${entry.frequency}`, 26)}`;
  }
  return `${left(entry.creditor, 44)} ${right(`owes ${money(entry.balance)}`, 24)}${entry.ccj ? ' CCJ' : ''}`;
}

export function sectionView(statement: Statement, section: SectionId, symbol: string): string[] {
  const entries = entriesOf(statement, section);
  const lines = entries.map((entry, i) => `${right(String(i + 1), 3)}  ${entryLine(entry, symbol)}`);
  return [SECTION_TITLES[section], ...(lines.length > 0 ? lines : ['     (nothing yet)'])];
}

export function householdLine(statement: Statement): string {
  const { household } = statement;
  const vehicles = `${household.vehicles} vehicle${household.vehicles === 1 ? '' : 's'}`;
  return `Household: ${describeHousehold(household)}, ${vehicles}, ${household.tenure}`;
}

export function statementView(statement: Statement, symbol: string): string[] {
  const notes = [...statement.income, ...statement.expenditure].some((l) => l.note) ? ['  * has a note'] : [];
  return [householdLine(statement), ...SECTIONS.flatMap((s) => ['', ...sectionView(statement, s, symbol)]), ...notes];
}

/** After each section: income, spending so far and what is left, a month. */
export function runningSummary(affordability: Affordability, symbol: string): string {
  const { totals } = affordability;
  const money = (m: Money) => formatMoney(m, symbol);
  const spending = totals.expenditure.plus(totals.priorityPayments).plus(totals.savings).plus(totals.debtAdminFee);
  return `A month: income ${money(totals.income)}, spending so far ${money(spending as Money)}, left ${money(totals.available)}`;
}

export function guidelineLine(check: GuidelineCheck, symbol: string): string {
  const money = (m: Money) => formatMoney(m, symbol);
  const what = check.category === 'all-flexible' ? 'Flexible costs together' : check.category;
  return check.status === 'over'
    ? `${what}: ${money(check.spent)} a month, ${money(check.over)} above the guideline of ${money(check.guideline)}`
    : `${what}: ${money(check.spent)} a month, within the guideline of ${money(check.guideline)}`;
}

export function affordabilityView(affordability: Affordability, symbol: string): string[] {
  const { totals } = affordability;
  const money = (m: Money) => formatMoney(m, symbol);
  const row = (label: string, amount: Money) => `  ${left(label, 52)} ${right(money(amount), 14)}`;
  const lines = [
    'Affordability (monthly figures)',
    row('Income', totals.income),
    row('Fixed costs', totals.fixed),
    row('Flexible costs', totals.flexible),
    row('Savings and debt admin fee', totals.savings.plus(totals.debtAdminFee) as Money),
    row('Priority debt payments', totals.priorityPayments),
    row('Left for other creditors', totals.available),
    row('Owed to other creditors', totals.nonPriorityBalance),
  ];
  if (affordability.offers.length > 0) {
    lines.push('', 'Shared fairly between creditors (pro rata to what each is owed):');
    for (const offer of affordability.offers) lines.push(`  ${left(offer.debt.creditor, 52)} ${right(money(offer.offer), 14)}`);
  }
  if (affordability.guidelines) {
    lines.push('', `Spending guidelines: ${affordability.guidelines.source.name} (${affordability.guidelines.household})`);
    for (const check of affordability.guidelines.checks) lines.push(...wrap(guidelineLine(check, symbol), 76).map((l) => `  ${l}`));
  }
  if (affordability.flags.length > 0) {
    lines.push('', 'Points to note:');
    for (const flag of affordability.flags) {
      const [first = '', ...rest] = wrap(`${flag.reason}${flag.review ? ' (for review by a person)' : ''}`, 74);
      lines.push(`  - ${first}`, ...rest.map((l) => `    ${l}`));
    }
  }
  return lines;
}

function term(option: PlanOptionSummary): string {
  if (option.outcome.kind === 'review') return 'review';
  if (option.outcome.kind === 'never-repays') return 'never';
  const months = termInMonths(option.instalmentCount, option.frequency);
  return `${months} month${months === 1 ? '' : 's'}`;
}

function optionName(option: PlanOptionSummary): string {
  switch (option.kind) {
    case 'fixed-term':
      return `Fixed ${option.termMonths} months`;
    case 'settlement':
      return option.variant === 'lump-sum' ? 'Settle at once' : 'Settle in parts';
    case 'step-up':
      return 'Step-up';
    case 'token':
      return 'Token';
    default:
      return 'Affordable';
  }
}

// 77 columns, leaving room for the selection cursor in an 80-column terminal.
export const OPTIONS_HEADER = `${left('Option', 15)} ${right('Payment', 10)} ${left(' every', 12)} ${left('Term', 10)} ${right('Total', 11)} ${right('Interest', 9)} ${left('Fits', 4)}`;

export function optionRow(option: PlanOptionSummary, symbol: string): string {
  const money = (m: Money) => formatMoney(m, symbol);
  return [
    left(optionName(option), 15),
    right(money(option.instalmentAmount), 10),
    left(` ${option.frequency}`, 12),
    left(term(option), 10),
    right(money(option.totalPaid), 11),
    right(money(option.totalInterest), 9),
    left(option.affordable ? 'yes' : 'no', 4),
  ].join(' ');
}

/** The schedule: every instalment when short, else the first ten and the last two. */
export function scheduleView(option: PlanOption, symbol: string): string[] {
  const money = (m: Money) => formatMoney(m, symbol);
  const row = (n: string, due: string, amount: string, interest: string, balance: string) =>
    `  ${right(n, 4)}  ${left(due, 10)}  ${right(amount, 14)}  ${right(interest, 12)}  ${right(balance, 16)}`;
  const lines = [row('#', 'Due', 'Payment', 'Interest', 'Still owed')];
  const shown = option.instalments.length > 14 ? [...option.instalments.slice(0, 10), undefined, ...option.instalments.slice(-2)] : option.instalments;
  for (const i of shown) {
    lines.push(i ? row(String(i.n), i.due, money(i.amount), money(i.interest), money(i.balanceAfter)) : `  ${right('…', 4)}  (${option.instalments.length - 12} more)`);
  }
  if (option.outcome.kind !== 'repaid') lines.push(...wrap(option.outcome.message, 76).map((l) => `  ${l}`));
  return lines;
}
