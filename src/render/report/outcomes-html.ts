/**
 * The outcomes report as one self-contained HTML page, made as the portfolio report's is (html.ts):
 * styles inline, charts as inline SVG, no script and nothing fetched; each chart beside its table.
 */
import { escapeHtml, figure, headlineList, pageStart, table } from './html.js';
import { outcomeCharts } from './outcomes-charts.js';
import type { OutcomesFigures } from './outcomes-figures.js';
import { differenceSentence, headline, rows } from './outcomes-words.js';

export async function outcomesHtml(figures: OutcomesFigures): Promise<string> {
  const made = await outcomeCharts(figures);
  const differences = figures.differences.map(differenceSentence);
  return `${pageStart('fairplan outcomes report', 'Outcomes report', `From the book ${escapeHtml(figures.book)}, as of ${escapeHtml(figures.asOf)}, by fairplan report --outcomes.`)}
<h2>Headline figures</h2>
${headlineList(headline(figures))}
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
