/**
 * How one option's payments are shared among several creditors, for a person at a terminal: each
 * creditor's balance, interest, share of the first payment, number of payments, last date, total
 * paid and interest paid. Long names are cut to fit the width; on a terminal too narrow even then,
 * each creditor's figures are stacked under their name. A creditor the option does not repay is
 * named with why, and what would repay them.
 */
import type { CreditorSchedule, InterestTreatment, PlanOption } from '../../core/plan/types.js';
import type { Words } from '../../core/plan/words.js';
import { type Column, layoutTable, type Row, tableWidth } from '../shared/columns.js';
import { wrap } from '../shared/wrap.js';

/** The two styles the section uses: a chalk instance has them, and so can a plain-text front end. */
interface CreditorStyles {
  readonly bold: (text: string) => string;
  readonly yellow: (text: string) => string;
}

const COLUMNS: readonly Column[] = [
  { header: 'Creditor' },
  { header: 'Balance', align: 'right' },
  { header: 'Interest' },
  { header: 'Share', align: 'right' },
  { header: 'No.', align: 'right' },
  { header: 'Last' },
  { header: 'Total paid', align: 'right' },
  { header: 'Int. paid', align: 'right' },
];
const INTEREST_PAID = 7;
// Narrower than this, a name says too little: the figures are stacked instead.
const SHORTEST_NAME = 12;

const interestWords = (interest: InterestTreatment): string =>
  interest.kind === 'frozen' ? 'frozen' : `${interest.annualRatePercent.toString()}%`;

const cut = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

function figures(creditor: CreditorSchedule, words: Words): string[] {
  return [
    words.money(creditor.balance),
    interestWords(creditor.interest),
    words.money(creditor.share),
    String(creditor.instalments.length),
    creditor.lastDate,
    words.money(creditor.totalPaid),
    words.money(creditor.totalInterest),
  ];
}

/** The table at `width`, with names cut to fit, or undefined when even cut names would not leave enough room. */
function table(rows: readonly (readonly string[])[], width: number, chalk: CreditorStyles, dropInterest: boolean): string[] | undefined {
  const keep = <T,>(cells: readonly T[]) => (dropInterest ? cells.filter((_, i) => i !== INTEREST_PAID) : [...cells]);
  const columns = keep(COLUMNS);
  for (const gap of [2, 1]) {
    const withoutNames = tableWidth(columns.slice(1), rows.map((row) => keep(row).slice(1)), gap) + gap;
    const room = width - withoutNames;
    if (room < SHORTEST_NAME) continue;
    const cells: Row[] = rows.map((row) => {
      const kept = keep(row);
      return [cut(kept[0] ?? '', room), ...kept.slice(1)];
    });
    return layoutTable(columns, cells, { gap, headerStyle: chalk.bold });
  }
  return undefined;
}

interface CreditorPage {
  readonly chalk: CreditorStyles;
  readonly width: number;
  readonly words: Words;
}

/** The creditor section for the option at `index`, under its heading, or nothing when it is for one balance. */
export function creditorSection(option: PlanOption, index: number, page: CreditorPage): string[] {
  const lines = creditorLines(option, page);
  if (lines.length === 0) return [];
  return [...wrap(`Creditors: ${index + 1} ${option.label}`, page.width).map((line) => page.chalk.bold(line)), ...lines];
}

/** How `option`'s payments are shared, without a heading, or nothing when it is for one balance. */
export function creditorLines(option: PlanOption, page: CreditorPage): string[] {
  const creditors = option.creditors;
  if (!creditors || creditors.length < 2) return [];
  const { chalk, width, words } = page;
  // Numbered, as the schedule's columns for each creditor are.
  const rows = creditors.map((creditor, i) => [`${i + 1} ${creditor.creditor}`, ...figures(creditor, words)]);
  const dropInterest = creditors.every((creditor) => creditor.totalInterest.isZero());
  const shared = option.sharing?.by === 'equal' ? 'the same to each' : 'pro rata to what each is owed at the start';
  const redistributed = option.sharing?.redistribute
    ? 'a repaid creditor’s share goes to the others'
    : 'each share stays fixed, so the payment falls as creditors are repaid';
  const lines = [
    ...wrap(`Each payment from ${option.firstDate} is shared ${shared}, in whole pence; ${redistributed}.`, width, '  '),
  ];
  const laid = table(rows, width, chalk, dropInterest);
  if (laid) lines.push(...laid);
  else {
    for (const [name, ...cells] of rows) {
      const [balance, interest, share, count, last, paid, paidInterest] = cells;
      lines.push(
        chalk.bold(name ?? ''),
        ...wrap(
          `${balance} owed (interest ${interest}); ${share} of the first payment; ${count} payments to ${last}; ` +
            `total ${paid}${dropInterest ? '' : `, interest ${paidInterest}`}.`,
          width,
          '   ',
        ),
      );
    }
  }
  for (const creditor of creditors) {
    if (creditor.outcome.kind !== 'repaid') lines.push(...wrap(`! ${creditor.outcome.message}`, width, '  ', '    ').map((line) => chalk.yellow(line)));
  }
  return lines;
}
