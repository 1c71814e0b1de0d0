/**
 * The report's charts: each a Vega-Lite specification compiled and drawn to SVG in Node (no browser,
 * no canvas, no network: the data is in the specification and the loader refuses to fetch), and
 * beside it the same figures as a table and a sentence. Each chart shows the whole portfolio, and
 * again split by each `--by` column, the groups in colour and stacked.
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { formatMoney, fromPence } from '../../core/money.js';
import { AVAILABLE_BINS, DOES_NOT_CLEAR, LENGTH_BINS, type PortfolioFigures, type ReportFigures } from './figures.js';

export interface Chart {
  readonly id: string;
  readonly title: string;
  /** The chart as an SVG element; empty when only the tables were asked for. */
  readonly svg: string;
  /** The text alternative: what the chart shows, in a sentence or two. */
  readonly text: string;
  /** The table beside it: a header row, then a row per bar. */
  readonly table: readonly (readonly string[])[];
}

/** One bar of a chart: its category, the group it belongs to (the portfolio, or a value of a `--by` column), its size. */
interface Bar {
  readonly category: string;
  readonly group: string;
  readonly value: number;
}

const money = (pence: number): string => formatMoney(fromPence(pence));
const count = (n: number): string => n.toLocaleString('en-GB');
const ALL = 'all accounts';

interface ChartKind {
  readonly id: string;
  readonly title: string;
  readonly axis: string;
  /** The unit of a bar's value: accounts, or pence shown in pounds. */
  readonly money: boolean;
  readonly categories: (figures: ReportFigures) => readonly string[];
  readonly bars: (figures: PortfolioFigures) => readonly { readonly category: string; readonly value: number }[] | null;
}

const KINDS: readonly ChartKind[] = [
  {
    id: 'available',
    title: 'What is available a month',
    axis: 'accounts',
    money: false,
    categories: () => AVAILABLE_BINS.map((bin) => bin.label),
    bars: (f) => AVAILABLE_BINS.map((bin, i) => ({ category: bin.label, value: f.available[i] ?? 0 })),
  },
  {
    id: 'plan-length',
    title: 'Months to clear',
    axis: 'accounts',
    money: false,
    categories: () => [...LENGTH_BINS.map((bin) => bin.label), DOES_NOT_CLEAR],
    bars: (f) => [...LENGTH_BINS.map((bin) => bin.label), DOES_NOT_CLEAR].map((label, i) => ({ category: label, value: f.planLength[i] ?? 0 })),
  },
  {
    id: 'cash',
    title: 'Instalments due month by month',
    axis: 'due (£)',
    money: true,
    categories: (figures) => (figures.all.cash ?? []).map((m) => m.month),
    bars: (f) => f.cash?.map((m) => ({ category: m.month, value: m.pence })) ?? null,
  },
  {
    id: 'flags',
    title: 'Flags raised',
    axis: 'accounts',
    money: false,
    categories: (figures) => figures.all.flags.map((flag) => flag.name),
    bars: (f) => f.flags.map((flag) => ({ category: flag.name, value: flag.accounts })),
  },
];

/** An SVG drawn by Vega from a compiled Vega-Lite specification, with nothing loaded from anywhere. */
export async function draw(spec: TopLevelSpec): Promise<string> {
  const refuse = () => Promise.reject(new Error('the report loads nothing'));
  const view = new View(parse(compile(spec).spec), {
    renderer: 'none',
    loader: { load: refuse, sanitize: refuse, http: refuse, file: refuse },
  } as unknown as ConstructorParameters<typeof View>[1]);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function spec(kind: ChartKind, categories: readonly string[], bars: readonly Bar[], split: string | undefined, description: string): TopLevelSpec {
  // Pounds only to place bars and label the axis; the table beside the chart gives the pence.
  const values = bars.map((bar) => ({ ...bar, value: kind.money ? bar.value / 100 : bar.value }));
  const many = categories.length > 24;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description,
    width: many ? 640 : 360,
    height: 220,
    data: { values },
    mark: { type: 'bar', tooltip: false },
    encoding: {
      x: {
        field: 'category',
        type: 'ordinal',
        sort: [...categories],
        title: null,
        axis: { labelAngle: -40, labelLimit: 180, ...(many ? { values: categories.filter((_, i) => i % 12 === 0) } : {}) },
      },
      y: { field: 'value', type: 'quantitative', title: kind.axis, axis: { format: ',.0f' } },
      ...(split === undefined
        ? { color: { value: '#1d5f8a' } }
        : { color: { field: 'group', type: 'nominal', title: split, scale: { scheme: 'tableau10' } } }),
    },
    config: { font: 'sans-serif', view: { stroke: null } },
  };
}

/** Most bars a text alternative names one by one; past it, the text sums them up and the table has each. */
const LISTED = 12;

function sentence(kind: ChartKind, rows: readonly { readonly category: string; readonly value: number }[]): string {
  const show = (v: number): string => (kind.money ? money(v) : count(v));
  if (rows.length === 0) return 'none';
  if (rows.length <= LISTED) return rows.map((r) => `${r.category}: ${show(r.value)}`).join('; ');
  const total = rows.reduce((t, r) => t + r.value, 0);
  const first = rows.slice(0, LISTED).reduce((t, r) => t + r.value, 0);
  const peak = rows.reduce((top, r) => (r.value > top.value ? r : top));
  return (
    `${rows.length} ${kind.money ? 'months' : 'bars'} from ${rows[0]?.category} to ${rows.at(-1)?.category}, ${show(total)} in all, ${show(first)} in the first ${LISTED}; ` +
    `the highest ${show(peak.value)} (${peak.category}); the table gives each`
  );
}

async function chart(kind: ChartKind, figures: ReportFigures, drawn: boolean, split?: ReportFigures['splits'][number]): Promise<Chart | undefined> {
  const categories = kind.categories(figures);
  const groups = split ? split.groups.map((g) => ({ name: g.value, figures: g as PortfolioFigures })) : [{ name: ALL, figures: figures.all }];
  const perGroup = groups.map((g) => ({ name: g.name, bars: kind.bars(g.figures) }));
  if (perGroup.some((g) => g.bars === null)) return undefined;
  const cell = (bars: readonly { category: string; value: number }[] | null, category: string): number => bars?.find((b) => b.category === category)?.value ?? 0;
  const unit = kind.money ? 'due' : 'accounts';
  const title = split ? `${kind.title}, by ${split.column}` : kind.title;
  const text = split
    ? `${title}. ${perGroup.map((g) => `${split.column} ${g.name}: ${sentence(kind, g.bars ?? [])}`).join('. ')}.`
    : `${title} (${unit}). ${sentence(kind, perGroup[0]?.bars ?? [])}.`;
  const bars: Bar[] = perGroup.flatMap((g) => (g.bars ?? []).map((b) => ({ category: b.category, group: g.name, value: b.value })));
  const show = (v: number): string => (kind.money ? money(v) : count(v));
  const table = split
    ? [['', ...perGroup.map((g) => g.name)], ...categories.map((c) => [c, ...perGroup.map((g) => show(cell(g.bars, c)))])]
    : [['', unit], ...categories.map((c) => [c, show(cell(perGroup[0]?.bars ?? null, c))])];
  return {
    // An id is one word of letters, digits, _ and -: aria-labelledby reads a list of ids split at spaces.
    id: split ? `${kind.id}-by-${split.column.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '')}` : kind.id,
    title,
    svg: drawn ? await draw(spec(kind, categories, bars, split?.column, text)) : '',
    text,
    table,
  };
}

/**
 * Every chart of the report: each kind for the portfolio, then split by each `--by` column. The cash
 * chart needs the schedules. `drawn`: false for the tables and text alone (markdown).
 */
export async function charts(figures: ReportFigures, drawn = true): Promise<Chart[]> {
  const made: Chart[] = [];
  for (const kind of KINDS) {
    for (const split of [undefined, ...figures.splits]) {
      const one = await chart(kind, figures, drawn, split);
      if (one) made.push(one);
    }
  }
  return made;
}
