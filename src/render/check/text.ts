/**
 * The readable affordability report (`fairplan check`): every line with its monthly figure, section
 * totals, guideline status, what is left, the offers and the flags, within 78 columns. Colour only
 * emphasises: every warning is also in words, so the report reads the same without it.
 */
import type { ChalkInstance } from 'chalk';
import { describeHousehold } from '../../core/affordability/guidelines.js';
import type { Affordability, Flag, MonthlyLine } from '../../core/affordability/types.js';
import { formatMoney, negate, sumPennies, type Money } from '../../core/money.js';
import { CURRENCY_SYMBOLS, FIXED_CATEGORIES, FLEXIBLE_CATEGORIES, INCOME_CATEGORIES } from '../../core/statement.js';
import type { StatementWarning } from '../../statement/warnings.js';
import { CATEGORY_NAMES, FLAG_NAMES, PER_FREQUENCY, TENURE_NAMES } from '../labels.js';
import { visibleStrings } from '../shared/visible.js';
import { layoutTable, type Cell } from '../shared/columns.js';
import { wrap } from '../shared/wrap.js';

const WIDTH = 78;

/** `label     value`, the value right-aligned at the report's edge; a long label is shortened. */
function row(label: string, value: string): string {
  const room = WIDTH - value.length - 1;
  const shown = label.length > room ? `${label.slice(0, room - 1)}…` : label;
  return `${shown.padEnd(room)} ${value}`.trimEnd();
}

const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

export function renderCheckText(checked: Affordability, chalk: ChalkInstance, given: readonly StatementWarning[] = []): string {
  // Labels, names and notes from the statement reach the terminal with escape sequences made visible.
  const { result, warnings } = visibleStrings({ result: checked, warnings: given });
  const { statement, totals } = result;
  const symbol = CURRENCY_SYMBOLS[statement.currency ?? 'GBP'];
  const show = (m: Money) => formatMoney(m, symbol);
  const shortfall = (m: Money): Cell => ({ text: show(m), ...(m.isNeg() && !m.isZero() ? { style: chalk.red } : {}) });
  const heading = (text: string, right = '') => chalk.bold(row(text.toUpperCase(), right));
  const paragraph = (text: string, indent = '  ') => wrap(text, WIDTH, indent);
  const out: string[] = [];

  // One statement line: label, the amount as entered, and its monthly figure at the right edge. A
  // label too long for its column gets a line of its own rather than being cut.
  const lineRow = (label: string, entered: string, monthly: string) => {
    const figures = (first: string) => `    ${first.padEnd(34)} ${entered.padEnd(23)} ${monthly.padStart(14)}`;
    return label.length > 34 ? [...wrap(label, WIDTH, '    ', '      '), figures('')].join('\n') : figures(label);
  };

  function section<C extends string>(title: string, categories: readonly C[], lines: readonly MonthlyLine<C>[], total: Money) {
    out.push(heading(title, 'a month'));
    if (lines.length === 0) out.push('  None recorded');
    for (const category of categories) {
      const own = lines.filter((l) => l.line.category === category);
      if (own.length === 0) continue;
      out.push(`  ${CATEGORY_NAMES[category as keyof typeof CATEGORY_NAMES]}`);
      for (const { line, monthly } of own) {
        out.push(lineRow(line.label, `${show(line.amount)} ${PER_FREQUENCY[line.frequency]}`, show(monthly)));
        if (line.note) out.push(...wrap(`Note: ${line.note}`, WIDTH, '      ').map((l) => chalk.dim(l)));
      }
    }
    out.push(row(`  Total ${title.toLowerCase()}`, show(total)), '');
  }

  const h = statement.household;
  const vehicles = h.vehicles === 0 ? 'no vehicle' : `${h.vehicles} vehicle${h.vehicles === 1 ? '' : 's'}`;
  out.push(chalk.bold(`Affordability check as of ${result.asOf}`));
  out.push(...paragraph(`Household: ${describeHousehold(h)}, ${vehicles}, ${TENURE_NAMES[h.tenure]}.`, ''));
  out.push(
    ...paragraph(
      'Every figure is a month: weekly × 52 ÷ 12, fortnightly × 26 ÷ 12, four-weekly × 13 ÷ 12, quarterly ÷ 3, ' +
        'annual ÷ 12, each line rounded to the nearest penny (half a penny up). Every total adds up the lines shown.',
      '',
    ),
    '',
  );

  const isFixed = (l: MonthlyLine<string>) => (FIXED_CATEGORIES as readonly string[]).includes(l.line.category);
  section('Income', INCOME_CATEGORIES, result.income, totals.income);
  section('Fixed costs', FIXED_CATEGORIES, result.expenditure.filter(isFixed), totals.fixed);
  section('Flexible costs', FLEXIBLE_CATEGORIES, result.expenditure.filter((l) => !isFixed(l)), totals.flexible);

  out.push(heading('Spending guidelines'));
  const g = result.guidelines;
  if (g) {
    const official = g.source.official ? '' : ' (not official figures)';
    out.push(
      ...paragraph(`${g.source.name}, ${g.source.version}, in force from ${g.source.effectiveFrom}${official}, for ${g.household}. Spending above a guideline is not cut: the advisor notes why.`),
      ...layoutTable(
        [{ header: 'Area' }, { header: 'Spent', align: 'right' }, { header: 'Guideline', align: 'right' }, { header: 'Status' }],
        g.checks.map((c) => [
          CATEGORY_NAMES[c.category],
          show(c.spent),
          show(c.guideline),
          c.status === 'over'
            ? { text: `${show(c.over)} over${c.explained ? ', explained in a note' : ''}`, style: chalk.yellow }
            : { text: 'within', style: chalk.green },
        ]),
        { headerStyle: chalk.dim },
      ).map((l) => `  ${l}`),
    );
  } else {
    out.push(...paragraph('No guideline table loaded: use --guidelines FILE for SFS or CFS figures you hold, or --guidelines irs-2025.'));
  }
  out.push('');

  out.push(heading('Priority debts', 'a month'));
  if (result.priorityDebts.length === 0) out.push('  None recorded');
  for (const { debt, monthly } of result.priorityDebts) {
    out.push(lineRow(debt.creditor, `${show(debt.payment)} ${PER_FREQUENCY[debt.frequency]}`, show(monthly)));
    out.push(`      owed: ${show(debt.balance)}`);
  }
  out.push('');

  const available = shortfall(totals.available);
  const surplus = shortfall(totals.surplus);
  out.push(heading('What is left', 'a month'));
  out.push(row('  Income', show(totals.income)));
  out.push(row('  Spending (fixed and flexible costs)', show(negate(totals.expenditure))));
  out.push(row('  Surplus', (surplus.style ?? String)(surplus.text)));
  if (!totals.savings.isZero()) out.push(row('  Savings contribution', show(negate(totals.savings))));
  if (!totals.debtAdminFee.isZero()) out.push(row('  Debt management fee', show(negate(totals.debtAdminFee))));
  out.push(row('  Priority debt payments', show(negate(totals.priorityPayments))));
  out.push(chalk.bold(row('  Available for non-priority creditors', (available.style ?? String)(available.text))), '');

  out.push(heading('Offers to non-priority creditors', 'a month'));
  if (result.offers.length === 0) {
    out.push('  No non-priority debts recorded');
  } else {
    out.push(...paragraph('Shared in proportion to what each is owed, in whole pence that add up to what is available.'));
    out.push(
      ...layoutTable(
        [{ header: 'Creditor' }, { header: 'Balance', align: 'right' }, { header: 'Share', align: 'right' }, { header: 'Offer', align: 'right' }],
        [
          ...result.offers.map((o) => [
            cut(`${o.debt.creditor}${o.debt.ccj ? ' (CCJ)' : ''}`, 36),
            show(o.debt.balance),
            `${o.share.times(100).toFixed(1)}%`,
            show(o.offer),
          ]),
          [{ text: 'Total', style: chalk.bold }, show(totals.nonPriorityBalance), '', show(sumPennies(result.offers.map((o) => o.offer)))],
        ],
        { headerStyle: chalk.dim, gap: 3 },
      ).map((l) => `  ${l}`),
    );
  }
  out.push('');

  out.push(heading('Flags'));
  for (const flag of result.flags) out.push(...renderFlag(flag, chalk));
  if (warnings.length > 0) {
    out.push('', heading('Stated totals that disagree (the computed ones are used)'));
    for (const w of warnings) out.push(...wrap(`${w.path}: ${w.message}`, WIDTH, '  ', '    ').map((l) => chalk.yellow(l)));
  }
  return `${out.join('\n')}\n`;
}

function renderFlag(flag: Flag, chalk: ChalkInstance): string[] {
  const colour = flag.code === 'deficit' ? chalk.red : flag.review ? chalk.yellow : (s: string) => s;
  const title = `${FLAG_NAMES[flag.code]}${flag.review ? ' [for review]' : ''}:`;
  const [first = '', ...rest] = wrap(`${title} ${flag.reason}`, WIDTH, '  ', '    ');
  return [
    colour(first),
    ...rest,
    ...(flag.details ?? []).flatMap((detail) => wrap(`- ${detail}`, WIDTH, '    ', '      ')),
  ];
}
