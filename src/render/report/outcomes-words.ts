/**
 * The outcomes report in words, as every format gives it: shares as percentages, the tables' rows,
 * the differences pointed out, and the report as JSON.
 */
import { HORIZONS, OUTCOMES, type Difference, type OutcomeCounts } from '../../core/outcomes.js';
import { FORMAT_VERSION } from '../shared/format-version.js';
import type { OutcomeGroup, OutcomesFigures } from './outcomes-figures.js';

const count = (n: number): string => n.toLocaleString('en-GB');

/** A share as a percentage, one decimal in tables; whole in a sentence, as people say it. */
export const percent = (part: number, of: number, decimals = 1): string => (of === 0 ? '–' : `${((part * 100) / of).toFixed(decimals)}%`);

export const HEADER = ['arrangements', ...OUTCOMES] as const;

/** A table row's cells for one group at one horizon: how many, then each outcome's share and count. */
export const cells = (counts: OutcomeCounts): string[] => [count(counts.arrangements), ...OUTCOMES.map((o) => `${percent(counts[o], counts.arrangements)} (${count(counts[o])})`)];

/** One row per group and horizon it has arrangements at: the long table beside each chart. */
export function rows(groups: readonly OutcomeGroup[], label: string): string[][] {
  return [
    [label, 'months', ...HEADER],
    ...HORIZONS.flatMap((months, h) =>
      groups.flatMap((group) => {
        const counts = group.at[h];
        return counts && counts.arrangements > 0 ? [[group.name, String(months), ...cells(counts)]] : [];
      }),
    ),
  ];
}

/** Whose arrangements a group's are, as a sentence begins. */
function whose(dimension: string, column: boolean, group: string): string {
  if (group === 'no customer record') return 'arrangements of accounts with no customer record';
  if (column) return `arrangements of customers whose ${dimension} is ${group}`;
  switch (dimension) {
    case 'vulnerability':
      return group === 'vulnerable' ? 'vulnerable customers’ arrangements' : 'arrangements of customers not recorded as vulnerable';
    case 'channel':
      return group === 'none' ? 'arrangements of customers with no channel to contact them by' : `arrangements of customers contacted by ${group}`;
    default:
      return `${group} plans`;
  }
}

const capital = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** "Vulnerable customers' arrangements were kept at 6 months by 52% against 71% for others (25 and 140 arrangements)." */
export function differenceSentence(difference: Difference & { readonly dimension: string; readonly column: boolean }): string {
  return (
    `${capital(whose(difference.dimension, difference.column, difference.group))} were ${difference.outcome} at ${difference.months} months ` +
    `by ${percent(difference.count, difference.of, 0)} against ${percent(difference.othersCount, difference.othersOf, 0)} for others ` +
    `(${count(difference.of)} and ${count(difference.othersOf)} arrangements).`
  );
}

/** [label, figure] pairs for the top of the report. */
export function headline(figures: OutcomesFigures): [string, string][] {
  const first = figures.cohorts[0]?.name;
  const last = figures.cohorts.at(-1)?.name;
  return [
    ['Arrangements agreed', count(figures.all.agreed)],
    ['Agreed', first === undefined ? 'none' : first === last ? `in ${first}` : `from ${first} to ${last}`],
    ['As of', figures.asOf],
    ...HORIZONS.map((months, h): [string, string] => {
      const counts = figures.all.at[h];
      if (!counts || counts.arrangements === 0) return [`At ${months} months`, 'no month’s arrangements are that old yet'];
      return [`At ${months} months`, `${count(counts.arrangements)} looked at: ${OUTCOMES.map((o) => `${percent(counts[o], counts.arrangements)} ${o}`).join(', ')}`];
    }),
  ];
}

function groupJson(group: OutcomeGroup) {
  return {
    agreed: group.agreed,
    at: HORIZONS.map((months, h) => {
      const counts = group.at[h] ?? { arrangements: 0, kept: 0, broken: 0, renegotiated: 0, completed: 0, paused: 0 };
      return { months, ...counts };
    }),
  };
}

export function outcomesJson(figures: OutcomesFigures): string {
  return `${JSON.stringify(
    {
      formatVersion: FORMAT_VERSION,
      book: figures.book,
      asOf: figures.asOf,
      thresholdPoints: figures.thresholdPoints,
      smallestGroup: figures.smallestGroup,
      rules: { graceDays: figures.rules.graceDays, brokenAfter: figures.rules.brokenAfter },
      horizons: [...HORIZONS],
      outcomes: [...OUTCOMES],
      notes: figures.notes,
      all: groupJson(figures.all),
      cohorts: Object.fromEntries(figures.cohorts.map((cohort) => [cohort.name, groupJson(cohort)])),
      by: Object.fromEntries(figures.splits.map((split) => [split.dimension, Object.fromEntries(split.groups.map((group) => [group.name, groupJson(group)]))])),
      differences: figures.differences.map((difference) => ({ ...difference, text: differenceSentence(difference) })),
    },
    null,
    2,
  )}\n`;
}
