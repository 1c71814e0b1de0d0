/**
 * The report as one self-contained HTML page: styles inline, charts as inline SVG, no script, no
 * font, image or style from anywhere else, so it opens from disk, makes no request and prints as it
 * shows. Every chart has its table beside it and a text alternative; a printed page keeps each chart
 * with its table.
 */
import { charts, type Chart } from './charts.js';
import type { ReportFigures } from './figures.js';
import { headline } from './headline.js';

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1a1a1a; }
h1 { margin-bottom: .25rem; } .source { color: #555; margin-top: 0; }
dl.headline { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .75rem; }
dl.headline div { border: 1px solid #ccd; border-radius: 6px; padding: .5rem .75rem; }
dt { font-size: .85rem; color: #444; } dd { margin: 0; font-size: 1.2rem; font-weight: 600; } dd.long { font-size: .9rem; font-weight: 400; }
figure { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; margin: 1.5rem 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { flex-basis: 100%; } figcaption h3 { margin: 0 0 .25rem; } figcaption p { margin: 0; color: #333; font-size: .9rem; }
table { border-collapse: collapse; font-size: .85rem; } th, td { border: 1px solid #ccd; padding: .15rem .5rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.table { max-height: 24rem; overflow: auto; }
svg { max-width: 100%; height: auto; }
@media print { body { margin: 0; max-width: none; } .table { max-height: none; overflow: visible; } h2 { break-before: auto; } }
`;

export function table(rows: Chart['table']): string {
  const [head = [], ...body] = rows;
  return `<table><thead><tr>${head.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${body
    .map((row) => `<tr>${row.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** The chart's SVG, named for assistive technology by its text alternative. */
const figureSvg = (chart: Chart): string =>
  chart.svg.replace(/^<svg\b/, `<svg role="img" aria-labelledby="${escapeHtml(chart.id)}-text"`);

/** A chart with its caption (read out as the chart's text alternative) and its table beside it. */
export const figure = (chart: Chart): string => `<figure id="${escapeHtml(chart.id)}" class="chart">
<figcaption><h3>${escapeHtml(chart.title)}</h3><p id="${escapeHtml(chart.id)}-text">${escapeHtml(chart.text)}</p></figcaption>
${figureSvg(chart)}
<div class="table">${table(chart.table)}</div>
</figure>`;

/**
 * The start of a report page, to its heading and where its figures come from (`source`, already
 * escaped): styles inline, and a policy that lets the page fetch nothing and run no script.
 */
export const pageStart = (title: string, heading: string, source: string): string => `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(heading)}</h1>
<p class="source">${source}</p>`;

/** [label, figure] pairs as a list; a list of flags or reasons in the type of a single figure would crowd out the figures. */
export const headlineList = (pairs: readonly (readonly [string, string])[]): string => `<dl class="headline">
${pairs.map(([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd${value.length > 24 ? ' class="long"' : ''}>${escapeHtml(value)}</dd></div>`).join('\n')}
</dl>`;

export async function reportHtml(figures: ReportFigures): Promise<string> {
  const made = await charts(figures);
  const sources = [figures.results, ...(figures.schedules === null ? [] : [figures.schedules])].map(escapeHtml).join(' and ');
  return `${pageStart('fairplan portfolio report', 'Portfolio report', `From ${sources}, by fairplan report.`)}
<h2>Headline figures</h2>
${headlineList(headline(figures.all))}
<ul class="notes">${figures.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>
${figures.splits
  .map(
    (split) => `<h2>By ${escapeHtml(split.column)}</h2>
${table([['', ...split.groups.map((g) => g.value)], ...headline(split.groups[0] ?? figures.all).map(([label], row) => [label, ...split.groups.map((g) => headline(g)[row]?.[1] ?? '')])])}`,
  )
  .join('\n')}
<h2>Charts</h2>
${made.map(figure).join('\n')}
</body>
</html>
`;
}
