/**
 * The outcomes report as one self-contained HTML page, made as the portfolio report's is (html.ts):
 * styles inline, charts as inline SVG, no script and nothing fetched; each chart beside its table.
 */
import type { Chart } from './charts.js';
import { escapeHtml, STYLE, table } from './html.js';
import { outcomeCharts } from './outcomes-charts.js';
import type { OutcomesFigures } from './outcomes-figures.js';
import { differenceSentence, headline, rows } from './outcomes-words.js';

const figureSvg = (chart: Chart): string => chart.svg.replace(/^<svg\b/, `<svg role="img" aria-labelledby="${escapeHtml(chart.id)}-text"`);

const figure = (chart: Chart): string => `<figure id="${escapeHtml(chart.id)}" class="chart">
<figcaption><h3>${escapeHtml(chart.title)}</h3><p id="${escapeHtml(chart.id)}-text">${escapeHtml(chart.text)}</p></figcaption>
${figureSvg(chart)}
<div class="table">${table(chart.table)}</div>
</figure>`;

export async function outcomesHtml(figures: OutcomesFigures): Promise<string> {
  const made = await outcomeCharts(figures);
  const differences = figures.differences.map(differenceSentence);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>fairplan outcomes report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Outcomes report</h1>
<p class="source">From the book ${escapeHtml(figures.book)}, as of ${escapeHtml(figures.asOf)}, by fairplan report --outcomes.</p>
<h2>Headline figures</h2>
<dl class="headline">
${headline(figures)
  .map(([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd${value.length > 24 ? ' class="long"' : ''}>${escapeHtml(value)}</dd></div>`)
  .join('\n')}
</dl>
<h2>Differences between groups</h2>
${differences.length === 0 ? `<p>No group’s share differs from the others’ by more than ${figures.thresholdPoints} percentage points, of the groups with at least ${figures.smallestGroup} arrangements at a horizon.</p>` : `<ul class="differences">${differences.map((text) => `<li>${escapeHtml(text)}</li>`).join('')}</ul>`}
<ul class="notes">${figures.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>
<h2>By month agreed</h2>
<div class="table">${table(rows(figures.cohorts, 'month agreed'))}</div>
${figures.splits.map((split) => `<h2>By ${escapeHtml(split.dimension)}</h2>\n<div class="table">${table(rows(split.groups, split.dimension))}</div>`).join('\n')}
<h2>Charts</h2>
${made.map(figure).join('\n')}
</body>
</html>
`;
}
