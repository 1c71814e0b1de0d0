/**
 * What the session shows: the statement, running totals, the affordability summary, the plan
 * options side by side and a schedule. Plain text that fits an 80-column terminal.
 */
import type { Affordability, Flag, GuidelineCheck } from '../core/affordability/types.js';
import { describeHousehold } from '../core/affordability/guidelines.js';
import { toMonthly } from '../core/frequency.js';
import { add, formatMoney, money, sum, sumPennies, type Money } from '../core/money.js';
import type { PlanOption, PlanOptionSummary } from '../core/plan/types.js';
import { termInMonths } from '../core/plan/words.js';
import type { ExpectedChange, ExpenditureLine, IncomeLine, Statement, Vulnerability } from '../core/statement.js';
import { ADVICE_SIGNPOST } from '../core/signpost.js';
import { CATEGORY_NAMES, TENURE_NAMES } from '../render/labels.js';
import { paymentText } from '../render/plan/table.js';
import { layoutTable, type Row } from '../render/shared/columns.js';
import { wrap } from '../render/shared/wrap.js';
import { plainFieldName, sfsFieldOfLine } from '../statement/sfs-fields.js';
import { DRIVER_NAMES } from './drivers.js';
import { entriesOf, SECTION_TITLES, SECTIONS, type Entry, type SectionId } from './sections.js';
import { visible, visibleStrings } from '../render/shared/visible.js';

const cut = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
const left = (text: string, width: number): string => cut(text, width).padEnd(width);
const right = (text: string, width: number): string => cut(text, width).padStart(width);

/** Paragraphs fit an 80-column terminal with a column to spare; tables take the terminal's width (tableWidth). */
const WIDTH = 78;

/** The width a table may take on a terminal `columns` wide (80 when not known), a column to spare. */
export const tableWidth = (columns: number | undefined): number => Math.max(WIDTH, (columns ?? 80) - 2);

/** What a line is: its label and its SFS field, the one recorded or, marked so, the one its label suggests. */
const lineWhat = (line: IncomeLine | ExpenditureLine): string =>
  `${line.label} · ${plainFieldName(sfsFieldOfLine(line))}${line.sfs === undefined ? ' (guessed)' : ''}`;

export const paragraph = (text: string): string[] => wrap(text, WIDTH);

export const signpost = (): string[] => wrap(ADVICE_SIGNPOST, WIDTH);

/** The marker of an entry with a note, explained under the whole statement. */
const noted = (entry: Entry): string => (entry.note ? ' *' : '');

/** One line of a section: "  2  Rent · Home and contents          £700.00 monthly". */
export function entryLine(given: Entry, symbol: string, width = WIDTH): string {
  const entry = visibleStrings(given);
  const money = (m: Money) => formatMoney(m, symbol);
  if ('category' in entry) {
    const figures = `${money(entry.amount)} ${entry.frequency}`;
    // A menu line ("12. " before it) has the width of a terminal line; the label gets all the room the figures leave.
    return `${left(lineWhat(entry), width - 6 - figures.length)} ${figures}${noted(entry)}`;
  }
  if ('payment' in entry) {
    const owed = `owes ${money(entry.balance)}`;
    return `${left(entry.creditor, 24)} ${right(owed, 18)} ${right(`pays ${money(entry.payment)} ${entry.frequency}`, 26)}${noted(entry)}`;
  }
  return `${left(entry.creditor, 42)} ${right(`owes ${money(entry.balance)}`, 24)}${entry.ccj ? ' CCJ' : ''}${noted(entry)}`;
}

/** A line of a section as shown: its number (none for a total), what it is, its figures, and the note mark. */
interface LineView {
  readonly number?: number;
  readonly what: string;
  readonly figures: readonly string[];
  readonly mark?: string;
}

type Align = 'left' | 'right';

/**
 * Lines with their figures in columns aligned down the section, and what each line is wrapped at
 * word boundaries in the room the figures leave, so nothing is cut at any terminal width.
 */
function figureColumns(rows: readonly LineView[], aligns: readonly Align[], width: number): string[] {
  const widths = aligns.map((_, j) => Math.max(0, ...rows.map((row) => (row.figures[j] ?? '').length)));
  const room = width - 5 - widths.reduce((total, w) => total + w + 2, 0) - 2;
  const whatWidth = Math.max(16, Math.min(room, Math.max(...rows.map((row) => row.what.length))));
  const cell = (text: string, j: number) => (aligns[j] === 'right' ? text.padStart(widths[j] ?? 0) : text.padEnd(widths[j] ?? 0));
  return rows.flatMap((row) => {
    const [first = '', ...more] = wrap(row.what, whatWidth);
    const number = row.number === undefined ? '     ' : `${right(String(row.number), 3)}  `;
    const figures = aligns.map((_, j) => cell(row.figures[j] ?? '', j)).join('  ');
    return [`${number}${first.padEnd(whatWidth)}  ${figures}${row.mark ?? ''}`.trimEnd(), ...more.map((line) => `     ${line}`)];
  });
}

/** A section's lines, each with its figure a month, and their total a month (the figures rule: each line to the penny, then added). */
function sectionRows(statement: Statement, section: SectionId, symbol: string): { rows: LineView[]; aligns: Align[] } {
  const money = (m: Money) => formatMoney(m, symbol);
  const aMonth = (m: Money) => `${money(m)} a month`;
  const numbered = <T,>(entries: readonly T[], view: (entry: T, index: number) => Omit<LineView, 'number'>): LineView[] =>
    entries.map((entry, i) => ({ number: i + 1, ...view(entry, i) }));
  if (section === 'debts') {
    const rows = numbered(statement.debts, (debt) => ({
      what: debt.creditor,
      figures: [`owes ${money(debt.balance)}`, debt.ccj ? 'CCJ' : ''],
      mark: noted(debt),
    }));
    return { rows, aligns: ['right', 'left'] };
  }
  if (section === 'priority-debts') {
    const monthly = statement.priorityDebts.map((debt) => toMonthly(debt.payment, debt.frequency));
    const rows = numbered(statement.priorityDebts, (debt, i) => ({
      what: debt.creditor,
      figures: [`owes ${money(debt.balance)}`, `pays ${money(debt.payment)}`, debt.frequency, aMonth(monthly[i] ?? debt.payment)],
      mark: noted(debt),
    }));
    const total = rows.length > 1 ? [{ what: 'Total', figures: ['', '', '', aMonth(sumPennies(monthly))] }] : [];
    return { rows: [...rows, ...total], aligns: ['right', 'right', 'left', 'right'] };
  }
  const lines = entriesOf(statement, section) as readonly (IncomeLine | ExpenditureLine)[];
  const monthly = lines.map((line) => toMonthly(line.amount, line.frequency));
  const rows = numbered(lines, (line, i) => ({
    what: lineWhat(line),
    figures: [money(line.amount), line.frequency, aMonth(monthly[i] ?? line.amount)],
    mark: noted(line),
  }));
  const total = rows.length > 1 ? [{ what: 'Total', figures: ['', '', aMonth(sumPennies(monthly))] }] : [];
  return { rows: [...rows, ...total], aligns: ['right', 'left', 'right'] };
}

export function sectionView(given: Statement, section: SectionId, symbol: string, width = WIDTH): string[] {
  const statement = visibleStrings(given);
  const { rows, aligns } = sectionRows(statement, section, symbol);
  return [SECTION_TITLES[section], ...(rows.length > 0 ? figureColumns(rows, aligns, width) : ['     (nothing yet)'])];
}

function householdLine(statement: Statement): string {
  const { household } = statement;
  const vehicles = `${household.vehicles} vehicle${household.vehicles === 1 ? '' : 's'}`;
  return `Household: ${describeHousehold(household)}, ${vehicles}, ${TENURE_NAMES[household.tenure]}`;
}

export const markerLine = (marker: Vulnerability): string => `${DRIVER_NAMES[marker.driver]}: ${visible(marker.note)}`;

export const changeLine = (change: ExpectedChange, symbol: string): string =>
  `from ${change.from}, ${change.monthlyChange.isNeg() ? 'less' : 'more'} available: ${formatMoney(money(change.monthlyChange.abs()), symbol)} a month (${visible(change.note)})`;

/** The parts of the statement that are not lines, those that are recorded. */
function otherParts(statement: Statement, symbol: string): string[] {
  const { savings, debtAdminFee, pay, vulnerabilities, expectedChanges } = statement;
  return [
    ...(savings ? [`Savings: ${formatMoney(savings.amount, symbol)} ${savings.frequency}`] : []),
    ...(debtAdminFee ? [`Debt admin fee: ${formatMoney(debtAdminFee.amount, symbol)} ${debtAdminFee.frequency}`] : []),
    ...(pay ? [`Paid ${pay.frequency}, next on ${pay.nextPayDate}`] : []),
    ...vulnerabilities.map((m) => `Makes managing money harder: ${markerLine(m)}`),
    ...expectedChanges.map((c) => `Change expected ${changeLine(c, symbol)}`),
  ];
}

export function statementView(given: Statement, symbol: string, width = WIDTH): string[] {
  const statement = visibleStrings(given);
  const notes = SECTIONS.some((s) => entriesOf(statement, s).some((entry) => entry.note)) ? ['  * has a note'] : [];
  const others = otherParts(statement, symbol).flatMap(paragraph);
  return [
    householdLine(statement),
    ...SECTIONS.flatMap((s) => ['', ...sectionView(statement, s, symbol, width)]),
    ...notes,
    ...(others.length > 0 ? ['', ...others] : []),
  ];
}

/** After each section: income, spending so far (and the debt admin fee, when there is one) and what is left, a month. */
export function runningSummary(affordability: Affordability, symbol: string): string {
  const { totals } = affordability;
  const money = (m: Money) => formatMoney(m, symbol);
  const spending = sum([totals.expenditure, totals.priorityPayments, totals.savings]);
  const fee = totals.debtAdminFee.isZero() ? '' : `, debt admin fee ${money(totals.debtAdminFee)}`;
  return paragraph(`A month: income ${money(totals.income)}, spending so far ${money(spending)}${fee}, left ${money(totals.available)}`).join('\n');
}

export function guidelineLine(check: GuidelineCheck, symbol: string): string {
  const money = (m: Money) => formatMoney(m, symbol);
  const what = CATEGORY_NAMES[check.category];
  return check.status === 'over'
    ? `${what}: ${money(check.spent)} a month, ${money(check.over)} above the guideline of ${money(check.guideline)}`
    : `${what}: ${money(check.spent)} a month, within the guideline of ${money(check.guideline)}`;
}

export function affordabilityView(given: Affordability, symbol: string): string[] {
  const affordability = visibleStrings(given);
  const { totals } = affordability;
  const money = (m: Money) => formatMoney(m, symbol);
  const table = (rows: readonly Row[], header = '') =>
    layoutTable([{ header }, { header: '', align: 'right' }], rows).slice(header ? 0 : 1).map((l) => `  ${l}`);
  const lines = [
    'Affordability (monthly figures)',
    ...table([
      ['Income', money(totals.income)],
      ['Fixed costs', money(totals.fixed)],
      ['Flexible costs', money(totals.flexible)],
      ['Savings and debt admin fee', money(add(totals.savings, totals.debtAdminFee))],
      ['Priority debt payments', money(totals.priorityPayments)],
      ['Left for other creditors', money(totals.available)],
      ['Owed to other creditors', money(totals.nonPriorityBalance)],
    ]),
  ];
  if (affordability.offers.length > 0) {
    lines.push('', 'Shared fairly between creditors (pro rata to what each is owed):');
    lines.push(...table(affordability.offers.map((o) => [o.debt.creditor, money(o.offer)])));
  }
  if (affordability.guidelines) {
    lines.push('', ...wrap(`Spending guidelines: ${affordability.guidelines.source.name} (${affordability.guidelines.household})`, WIDTH));
    for (const check of affordability.guidelines.checks) lines.push(...wrap(guidelineLine(check, symbol), WIDTH, '  '));
  }
  const flagged = (heading: string, flags: readonly Flag[]) =>
    flags.length === 0 ? [] : ['', heading, ...flags.flatMap((flag) => wrap(flag.reason, WIDTH, '  - ', '    '))];
  lines.push(
    ...flagged('For a person to review before a plan is agreed:', affordability.flags.filter((f) => f.review)),
    ...flagged('Points to note:', affordability.flags.filter((f) => !f.review)),
  );
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

const OPTION_COLUMNS = [
  { header: 'Option' },
  { header: 'Payment', align: 'right' },
  { header: 'Term' },
  { header: 'Total', align: 'right' },
  { header: 'Interest', align: 'right' },
  { header: 'Fits' },
] as const;

/**
 * The options side by side: a header and one row per option, columns sized to their content with
 * one space between, so that beside the selection cursor they fit an 80-column terminal.
 */
export function optionsTable(options: readonly PlanOptionSummary[], symbol: string): { header: string; rows: string[] } {
  const money = (m: Money) => formatMoney(m, symbol);
  const [header = '', ...rows] = layoutTable(
    OPTION_COLUMNS,
    visibleStrings(options).map((option) => [
      optionName(option),
      paymentText(option, money),
      term(option),
      money(option.totalPaid),
      money(option.totalInterest),
      option.affordable ? 'yes' : 'no',
    ]),
    { gap: 1 },
  );
  return { header, rows };
}

/** How many instalments a page of the schedule shows. */
export const SCHEDULE_PAGE = 12;

/**
 * One page of the schedule, from instalment `first` (0-based): the whole schedule when it fits on
 * one, with the date each payment moved from (a weekend or bank holiday), and which payments of
 * how many are shown.
 */
export function scheduleView(option: PlanOption, symbol: string, first = 0): string[] {
  const money = (m: Money) => formatMoney(m, symbol);
  const all = option.instalments;
  const shown = all.length > SCHEDULE_PAGE + 2 ? all.slice(first, first + SCHEDULE_PAGE) : all;
  const rows = shown.map((i): Row => [String(i.n), i.due, money(i.amount), money(i.interest), money(i.balanceAfter), i.movedFrom ?? '']);
  const columns = [
    { header: '#', align: 'right' },
    { header: 'Due' },
    { header: 'Payment', align: 'right' },
    { header: 'Interest', align: 'right' },
    { header: 'Still owed', align: 'right' },
    { header: 'Moved from' },
  ] as const;
  const which = shown.length < all.length ? [`  Payments ${first + 1}–${first + shown.length} of ${all.length}`] : [];
  const outcome = option.outcome.kind === 'repaid' ? [] : wrap(visible(option.outcome.message), WIDTH, '  ');
  return [...layoutTable(columns, rows).map((l) => `  ${l}`), ...which, ...outcome];
}
