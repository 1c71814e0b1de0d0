/**
 * The statement's sections as the advisor sees them: income, fixed costs, flexible costs, priority
 * debts and other debts. Fixed and flexible costs share the statement's expenditure list, so a
 * line's position within its section is mapped to its position in that list.
 */
import {
  FIXED_CATEGORIES,
  FLEXIBLE_CATEGORIES,
  INCOME_CATEGORIES,
  type Debt,
  type ExpenditureLine,
  type IncomeLine,
  type PriorityDebt,
  type Statement,
} from '../core/statement.js';
import type { Entries } from './entries.js';

export const SECTIONS = ['income', 'fixed', 'flexible', 'priority-debts', 'debts'] as const;
export type SectionId = (typeof SECTIONS)[number];

export interface SectionEntries {
  readonly income: IncomeLine;
  readonly fixed: ExpenditureLine;
  readonly flexible: ExpenditureLine;
  readonly 'priority-debts': PriorityDebt;
  readonly debts: Debt;
}
export type Entry = SectionEntries[SectionId];

export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  income: 'Income',
  fixed: 'Fixed costs',
  flexible: 'Flexible costs',
  'priority-debts': 'Priority debts',
  debts: 'Other debts',
};

export const SECTION_CATEGORIES = {
  income: INCOME_CATEGORIES,
  fixed: FIXED_CATEGORIES,
  flexible: FLEXIBLE_CATEGORIES,
} as const;

const isIn = (categories: readonly string[]) => (line: ExpenditureLine) => categories.includes(line.category);
const costsIn = (section: 'fixed' | 'flexible') => isIn(SECTION_CATEGORIES[section]);

export function entriesOf<S extends SectionId>(statement: Statement, section: S): readonly SectionEntries[S][] {
  const entries: Record<SectionId, readonly Entry[]> = {
    income: statement.income,
    fixed: statement.expenditure.filter(costsIn('fixed')),
    flexible: statement.expenditure.filter(costsIn('flexible')),
    'priority-debts': statement.priorityDebts,
    debts: statement.debts,
  };
  return entries[section] as readonly SectionEntries[S][];
}

/** The statement with the section's entries replaced by `entries`. */
function withEntries<S extends SectionId>(statement: Statement, section: S, entries: readonly SectionEntries[S][]): Statement {
  switch (section) {
    case 'income':
      return { ...statement, income: entries as readonly IncomeLine[] };
    case 'priority-debts':
      return { ...statement, priorityDebts: entries as readonly PriorityDebt[] };
    case 'debts':
      return { ...statement, debts: entries as readonly Debt[] };
    default: {
      // Keep the other kind of costs where they were; this section's lines follow them.
      const others = statement.expenditure.filter((line) => !costsIn(section as 'fixed' | 'flexible')(line));
      const lines = entries as readonly ExpenditureLine[];
      return { ...statement, expenditure: section === 'fixed' ? [...lines, ...others] : [...others, ...lines] };
    }
  }
}

export const sectionEntries = <S extends SectionId>(section: S): Entries<SectionEntries[S]> => ({
  of: (statement) => entriesOf(statement, section),
  with: (statement, entries) => withEntries(statement, section, entries),
});
