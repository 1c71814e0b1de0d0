/** The outcomes report in markdown: the headline, the differences, and every table with its chart's text alternative. */
import { cell, table } from './markdown.js';
import { outcomeCharts } from './outcomes-charts.js';
import type { OutcomesFigures } from './outcomes-figures.js';
import { differenceSentence, headline, rows } from './outcomes-words.js';

export async function outcomesMarkdown(figures: OutcomesFigures): Promise<string> {
  const made = await outcomeCharts(figures, false);
  const differences = figures.differences.map(differenceSentence);
  return [
    '# Outcomes report',
    '',
    `From the book ${cell(figures.book)}, as of ${figures.asOf}, by fairplan report --outcomes.`,
    '',
    '## Headline figures',
    '',
    table([['', 'figure'], ...headline(figures)]),
    '',
    '## Differences between groups',
    '',
    ...(differences.length === 0 ? [`No group’s share differs from the others’ by more than ${figures.thresholdPoints} percentage points, of the groups with at least ${figures.smallestGroup} arrangements at a horizon.`] : differences.map((text) => `- ${cell(text)}`)),
    '',
    ...figures.notes.map((note) => `- ${note}`),
    '',
    '## By month agreed',
    '',
    table(rows(figures.cohorts, 'month agreed')),
    '',
    ...figures.splits.flatMap((split) => [`## By ${cell(split.dimension)}`, '', table(rows(split.groups, split.dimension)), '']),
    '## Charts',
    '',
    ...made.map((chart) => `### ${cell(chart.title)}\n\n${cell(chart.text)}\n`),
  ].join('\n');
}
