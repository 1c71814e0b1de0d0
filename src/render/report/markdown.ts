/** The report in markdown: the headline figures, and each chart's table and text alternative (markdown has no charts). */
import { charts, type Chart } from './charts.js';
import type { ReportFigures } from './figures.js';
import { headline } from './headline.js';

/** A cell: a pipe or a line break in a value (a carried column's) would break the table. */
export const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

export function table(rows: readonly (readonly string[])[]): string {
  const [head = [], ...body] = rows;
  return [head, head.map((_, i) => (i === 0 ? '---' : '---:')), ...body].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
}

const section = (chart: Chart): string => `### ${cell(chart.title)}\n\n${cell(chart.text)}\n\n${table(chart.table)}\n`;

export async function reportMarkdown(figures: ReportFigures): Promise<string> {
  const made = await charts(figures, false);
  return [
    '# Portfolio report',
    '',
    `From ${[figures.results, ...(figures.schedules === null ? [] : [figures.schedules])].map(cell).join(' and ')}, by fairplan report.`,
    '',
    '## Headline figures',
    '',
    table([['', 'figure'], ...headline(figures.all)]),
    '',
    ...figures.notes.map((note) => `- ${note}`),
    '',
    ...figures.splits.flatMap((split) => [
      `## By ${cell(split.column)}`,
      '',
      table([
        ['', ...split.groups.map((g) => g.value)],
        ...headline(split.groups[0] ?? figures.all).map(([label], row) => [label, ...split.groups.map((g) => headline(g)[row]?.[1] ?? '')]),
      ]),
      '',
    ]),
    '## Charts',
    '',
    ...made.map(section),
  ].join('\n');
}
