/**
 * The figures of `fairplan report --outcomes`: every arrangement in the book, by the month it was
 * agreed and split by vulnerability, channel, plan kind and any `--by` customer column, counted by
 * its outcome 3, 6 and 12 months on (src/core/outcomes.ts). Memory holds the counts and one page of
 * the book's accounts.
 */
import { compareDates, type IsoDate } from '../core/date.js';
import { FairplanError } from '../core/errors.js';
import type { FollowUpRules } from '../core/follow-up/rules.js';
import {
  circumstanceAtAgreement,
  cohortReaches,
  differences,
  HORIZONS,
  monthOf,
  noCounts,
  outcomeAt,
  planKind,
  type OutcomeCounts,
} from '../core/outcomes.js';
import type { BookArrangement, BookCircumstance } from '../book/outcomes.js';
import { columnKey } from '../io/column-names.js';
import type { OutcomeGroup, OutcomesFigures, OutcomeSplit } from '../render/report/outcomes-figures.js';
import { MOST_GROUPS } from './run.js';

const VULNERABLE = 'vulnerable';
const NOT_VULNERABLE = 'not vulnerable';
/** The group of an account the book has no customer row for. */
const NO_CUSTOMER = 'no customer record';
const BLANK = '(blank)';

export interface OutcomesOptions {
  readonly book: string;
  readonly asOf: IsoDate;
  readonly thresholdPoints: number;
  readonly smallestGroup: number;
  readonly rules: FollowUpRules;
  /** Customer columns to split by as well. */
  readonly by: readonly string[];
}

class Counter {
  agreed = 0;
  readonly at: OutcomeCounts[] = HORIZONS.map(noCounts);
  group(name: string): OutcomeGroup {
    return { name, agreed: this.agreed, at: this.at.map((counts) => ({ ...counts })) };
  }
}

interface Dimension {
  readonly name: string;
  readonly column: boolean;
  readonly value: (arrangement: BookArrangement, customer: BookCircumstance | undefined) => string;
  readonly groups: Map<string, Counter>;
}

const byName = ([a]: [string, unknown], [b]: [string, unknown]): number => (a < b ? -1 : a > b ? 1 : 0);

export async function makeOutcomesReport(pages: AsyncIterable<readonly BookArrangement[]>, options: OutcomesOptions): Promise<OutcomesFigures> {
  const all = new Counter();
  const cohorts = new Map<string, Counter>();
  const seenColumns = new Set<string>();
  // A --by column is found among the customers' columns as report finds a results column: in any case, with spaces, _ or -.
  const columnValue = (wanted: string) => (customer: BookCircumstance | undefined): string => {
    if (!customer) return NO_CUSTOMER;
    const key = Object.keys(customer.columns).find((column) => columnKey(column) === columnKey(wanted));
    return (key === undefined ? '' : customer.columns[key]) || BLANK;
  };
  const dimensions: Dimension[] = [
    { name: 'vulnerability', column: false, value: (_, c) => (c ? (c.vulnerable ? VULNERABLE : NOT_VULNERABLE) : NO_CUSTOMER), groups: new Map() },
    { name: 'channel', column: false, value: (_, c) => (c ? c.channel : NO_CUSTOMER), groups: new Map() },
    { name: 'plan kind', column: false, value: (a) => planKind(a.plan), groups: new Map() },
    ...options.by.map((column): Dimension => {
      const value = columnValue(column);
      return { name: column, column: true, value: (_, c) => value(c), groups: new Map() };
    }),
  ];

  for await (const page of pages) {
    for (const arrangement of page) {
      // The report looks at the book as it stood on --as-of: a plan agreed after it is not yet there.
      if (compareDates(arrangement.agreedOn, options.asOf) > 0) continue;
      const customer = circumstanceAtAgreement(arrangement);
      for (const circumstance of arrangement.circumstances) for (const column of Object.keys(circumstance.columns)) seenColumns.add(columnKey(column));
      const month = monthOf(arrangement.agreedOn);
      let cohort = cohorts.get(month);
      if (!cohort) cohorts.set(month, (cohort = new Counter()));
      const counters = [all, cohort];
      for (const dimension of dimensions) {
        const name = dimension.value(arrangement, customer);
        let counter = dimension.groups.get(name);
        if (!counter) {
          if (dimension.groups.size === MOST_GROUPS) {
            throw new FairplanError('invalid-argument', `--by ${dimension.name}: the customers' column has more than ${MOST_GROUPS} values, too many to chart`);
          }
          dimension.groups.set(name, (counter = new Counter()));
        }
        counters.push(counter);
      }
      for (const counter of counters) counter.agreed++;
      HORIZONS.forEach((months, h) => {
        if (!cohortReaches(month, months, options.asOf)) return;
        const outcome = outcomeAt(arrangement, months, options.rules);
        for (const counter of counters) {
          const counts = counter.at[h] as OutcomeCounts;
          counts.arrangements++;
          counts[outcome]++;
        }
      });
    }
  }

  for (const column of options.by) {
    if (!seenColumns.has(columnKey(column))) {
      throw new FairplanError('invalid-argument', `--by ${column}: the book keeps no customer column of that name${seenColumns.size === 0 ? '' : ` (it keeps ${[...seenColumns].sort().join(', ')})`}`);
    }
  }

  const splits = dimensions.map(
    (dimension): OutcomeSplit => ({
      dimension: dimension.name,
      column: dimension.column,
      groups: [...dimension.groups].sort(byName).map(([name, counter]) => counter.group(name)),
    }),
  );
  return {
    book: options.book,
    asOf: options.asOf,
    thresholdPoints: options.thresholdPoints,
    smallestGroup: options.smallestGroup,
    rules: options.rules,
    notes: [
      `Each arrangement is looked at 3, 6 and 12 months after the day it was agreed, as follow-up would have judged it that day (grace ${options.rules.graceDays} days, broken after ${options.rules.brokenAfter} instalments missed in a row).`,
      'Kept: still running, paid on time or not yet broken (on track, ahead, behind within the grace days, one miss short of broken, or due for review). Broken: missed instalments in a row, as many as follow-up’s rule. Completed: every instalment paid. Renegotiated: a later agreement took its place by then. Paused: in Breathing Space that day.',
      `A month's arrangements are counted at a horizon once all of them have reached it by ${options.asOf}; younger months are left out of it.`,
      'Vulnerability, channel and customer columns are the customer’s as the book recorded them on the day the arrangement was agreed (or, if it learnt of them later, as first recorded).',
      `A difference is pointed out when a group’s share differs from that of the others in its split by more than ${options.thresholdPoints} percentage points, each having at least ${options.smallestGroup} arrangements at that horizon.`,
    ],
    all: all.group('all arrangements'),
    cohorts: [...cohorts].sort(byName).map(([month, counter]) => counter.group(month)),
    splits,
    differences: splits.flatMap((split) =>
      differences(split.groups, options.thresholdPoints, options.smallestGroup).map((difference) => ({ ...difference, dimension: split.dimension, column: split.column })),
    ),
  };
}
