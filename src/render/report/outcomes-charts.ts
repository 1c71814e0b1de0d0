/**
 * The outcomes report's charts: at each horizon, the share of arrangements with each outcome, one
 * stacked bar per month agreed, and again per group of each split. Drawn to SVG as the portfolio
 * report's are (charts.ts: Vega-Lite, offline), each with its table and a text alternative.
 */
import type { TopLevelSpec } from 'vega-lite';
import { HORIZONS, OUTCOMES } from '../../core/outcomes.js';
import { draw, type Chart } from './charts.js';
import type { OutcomeGroup, OutcomesFigures } from './outcomes-figures.js';
import { percent, rows } from './outcomes-words.js';

/** One colour an outcome, the same in every chart. */
const COLOURS: readonly string[] = ['#2e7d32', '#c62828', '#f9a825', '#1d5f8a', '#8e8e8e'];

function spec(categories: readonly string[], bars: readonly { category: string; outcome: string; share: number; order: number }[], description: string): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description,
    width: Math.max(240, Math.min(720, categories.length * 36)),
    height: 200,
    data: { values: bars.map((bar) => ({ ...bar })) },
    mark: { type: 'bar', tooltip: false },
    encoding: {
      x: { field: 'category', type: 'ordinal', sort: [...categories], title: null, axis: { labelAngle: -40, labelLimit: 180 } },
      y: { field: 'share', type: 'quantitative', title: '% of arrangements', stack: 'zero', scale: { domain: [0, 100] } },
      color: { field: 'outcome', type: 'nominal', title: 'outcome', sort: [...OUTCOMES], scale: { domain: [...OUTCOMES], range: [...COLOURS] } },
      order: { field: 'order', type: 'quantitative' },
    },
    config: { font: 'sans-serif', view: { stroke: null } },
  };
}

async function chart(id: string, title: string, label: string, groups: readonly OutcomeGroup[], h: number, drawn: boolean): Promise<Chart | undefined> {
  const looked = groups.filter((group) => (group.at[h]?.arrangements ?? 0) > 0);
  if (looked.length === 0) return undefined;
  const text = `${title}. ${looked
    .map((group) => {
      const counts = group.at[h];
      if (!counts) return '';
      return `${group.name} (${counts.arrangements}): ${OUTCOMES.filter((o) => counts[o] > 0).map((o) => `${o} ${percent(counts[o], counts.arrangements, 0)}`).join(', ')}`;
    })
    .join('; ')}.`;
  const bars = looked.flatMap((group) =>
    OUTCOMES.map((outcome, order) => {
      const counts = group.at[h];
      return { category: group.name, outcome, order, share: counts ? (counts[outcome] * 100) / counts.arrangements : 0 };
    }),
  );
  const table = rows(looked, label).map((row) => row.filter((_, i) => i !== 1));
  const categories = looked.map((group) => group.name);
  return { id, title, svg: drawn ? await draw(spec(categories, bars, text)) : '', text, table };
}

const idOf = (text: string): string => text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');

/** At each horizon: the months agreed, then each split. `drawn`: false for the tables and text alone (markdown). */
export async function outcomeCharts(figures: OutcomesFigures, drawn = true): Promise<Chart[]> {
  const made: Chart[] = [];
  for (const [h, months] of HORIZONS.entries()) {
    const cohorts = await chart(`cohorts-${months}`, `Outcomes at ${months} months, by month agreed`, 'month agreed', figures.cohorts, h, drawn);
    if (cohorts) made.push(cohorts);
    for (const split of figures.splits) {
      const one = await chart(`${idOf(split.dimension)}-${months}`, `Outcomes at ${months} months, by ${split.dimension}`, split.dimension, split.groups, h, drawn);
      if (one) made.push(one);
    }
  }
  return made;
}
