/**
 * Spending guidelines for the flexible costs, by household make-up.
 *
 * Spending above a guideline is flagged with the amount over for an advisor to explain; it is
 * never cut. SFS and Scottish CFS figures are licensed, so fairplan ships none of them: users load
 * their own versioned table (src/guidelines/load.ts). The one table built in is the public IRS
 * Collection Financial Standards national standards, for US households (see irs.ts).
 */
import { compareDates, type IsoDate } from '../date.js';
import { FairplanError } from '../errors.js';
import { add, multiply, subtract, sumPennies, ZERO, type Money } from '../money.js';
import {
  FLEXIBLE_CATEGORIES,
  type ExpenditureCategory,
  type Household,
} from '../statement.js';
import type { GuidelineCheck, GuidelineResult, MonthlyLine } from './types.js';

/**
 * What a guideline figure covers: one flexible category, or all three together (the IRS allows
 * its national standards as one total, however it is split).
 */
const GUIDELINE_CATEGORIES = [...FLEXIBLE_CATEGORIES, 'all-flexible'] as const;
export type GuidelineCategory = (typeof GUIDELINE_CATEGORIES)[number];

export type GuidelineAmounts = Readonly<Partial<Record<GuidelineCategory, Money>>>;

export interface GuidelineSource {
  readonly name: string;
  readonly version: string;
  /** Figures must not be used before this date. */
  readonly effectiveFrom: IsoDate;
  /** True only for figures published by the body that owns them. */
  readonly official: boolean;
  readonly currency: string;
  readonly url?: string;
  readonly note?: string;
}

export interface GuidelineRow {
  readonly adults: number;
  readonly children: number;
  readonly amounts: GuidelineAmounts;
}

/**
 * Monthly figures for the household make-ups in `rows`. A larger household takes the row with the
 * most adults and children it covers, plus the per-additional amounts for everyone beyond it.
 */
export interface GuidelineTable {
  readonly source: GuidelineSource;
  readonly rows: readonly GuidelineRow[];
  readonly perAdditionalAdult?: GuidelineAmounts;
  readonly perAdditionalChild?: GuidelineAmounts;
}

export function describeHousehold(household: Household): string {
  const adults = `${household.adults} adult${household.adults === 1 ? '' : 's'}`;
  const children = `${household.children} child${household.children === 1 ? '' : 'ren'}`;
  return `${adults}, ${children}`;
}

/** The guideline figures for a household, or an error naming what the table lacks. */
export function guidelineFor(table: GuidelineTable, household: Household): GuidelineAmounts {
  const adults = Math.max(1, household.adults);
  const candidates = table.rows.filter((r) => r.adults <= adults && r.children <= household.children);
  const best = candidates.sort((a, b) => b.adults - a.adults || b.children - a.children)[0];
  const extraAdults = best ? adults - best.adults : 0;
  const extraChildren = best ? household.children - best.children : 0;
  if (
    !best ||
    (extraAdults > 0 && !table.perAdditionalAdult) ||
    (extraChildren > 0 && !table.perAdditionalChild)
  ) {
    throw new FairplanError(
      'invalid-guidelines',
      `${table.source.name} has no figures for a household of ${describeHousehold(household)}`,
    );
  }
  const amounts: Partial<Record<GuidelineCategory, Money>> = {};
  for (const category of GUIDELINE_CATEGORIES) {
    const base = best.amounts[category];
    if (base === undefined) continue;
    const perAdult = table.perAdditionalAdult?.[category] ?? ZERO;
    const perChild = table.perAdditionalChild?.[category] ?? ZERO;
    amounts[category] = add(add(base, multiply(perAdult, extraAdults)), multiply(perChild, extraChildren));
  }
  return amounts;
}

function spentOn(category: GuidelineCategory, lines: readonly MonthlyLine<ExpenditureCategory>[]) {
  const covered = (c: ExpenditureCategory) =>
    category === 'all-flexible' ? (FLEXIBLE_CATEGORIES as readonly string[]).includes(c) : c === category;
  const own = lines.filter((l) => covered(l.line.category));
  return { spent: sumPennies(own.map((l) => l.monthly)), explained: own.some((l) => Boolean(l.line.note?.trim())) };
}

/** Checks the household's flexible spending against the table in force on `asOf`. */
export function checkGuidelines(
  table: GuidelineTable,
  household: Household,
  expenditure: readonly MonthlyLine<ExpenditureCategory>[],
  asOf: IsoDate,
): GuidelineResult {
  if (compareDates(asOf, table.source.effectiveFrom) < 0) {
    throw new FairplanError(
      'invalid-guidelines',
      `${table.source.name} (${table.source.version}) takes effect on ${table.source.effectiveFrom} and must not be used for ${asOf}`,
    );
  }
  const figures = guidelineFor(table, household);
  const checks: GuidelineCheck[] = [];
  for (const category of GUIDELINE_CATEGORIES) {
    const guideline = figures[category];
    if (guideline === undefined) continue;
    const { spent, explained } = spentOn(category, expenditure);
    const over = spent.gt(guideline) ? subtract(spent, guideline) : ZERO;
    checks.push({ category, guideline, spent, over, status: over.gt(0) ? 'over' : 'within', explained });
  }
  return { source: table.source, household: describeHousehold(household), checks };
}

