/**
 * Reading an SFS data-entry document (SFS Data Definition Specification v1.1). Every SFS figure is
 * monthly, so each becomes a fairplan line with frequency monthly, labelled with its SFS field name.
 * Every total the document states is recomputed from its own lines; one that disagrees is an error
 * naming the field, because figures that do not add up must not be used silently.
 */
import * as z from 'zod';
import { FairplanError, type Problem } from '../core/errors.js';
import { formatMoney, subtract, sum, ZERO, type Money } from '../core/money.js';
import type {
  Debt,
  ExpenditureCategory,
  ExpenditureLine,
  Household,
  IncomeCategory,
  IncomeLine,
  Line,
  PriorityDebt,
  Statement,
} from '../core/statement.js';
import { amount, flag, list, oneOf, record, text, wholeNumber } from './fields.js';
import { problemsOf } from './problems.js';
import type { RawValue } from './raw.js';
import {
  SFS_EMPLOYMENT_STATUSES,
  SFS_FIXED,
  SFS_FLEXIBLE,
  SFS_INCOME,
  SFS_OTHER_ESSENTIAL,
  SFS_TENURES,
  type SfsSection,
} from './sfs-layout.js';

// Keys only an SFS document has at its top level (a fairplan statement has `household` instead).
const SFS_MARKERS = ['monthly-income', 'monthly-outgoings', 'housing-tenure', 'total-number-in-household', 'overview'];

export function isSfsDocument(raw: RawValue): boolean {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    !Array.isArray(raw) &&
    !('household' in raw) &&
    SFS_MARKERS.some((key) => key in raw)
  );
}

const sfsLine = () =>
  record({ 'monthly-amount': amount().optional(), notes: text().optional() }, 'an SFS line (monthly-amount, notes)');
type SfsLine = z.output<ReturnType<typeof sfsLine>>;
const total = () => amount('any').optional();

function sectionSchema(section: SfsSection<string>) {
  return record(
    { ...Object.fromEntries(section.lines.map((name) => [name, sfsLine().optional()])), [section.total]: total() },
    `the SFS ${section.key} section`,
  ).optional();
}

const sectionsSchema = (sections: readonly SfsSection<string>[], extra: z.ZodRawShape, expected: string) =>
  record({ ...Object.fromEntries(sections.map((s) => [s.key, sectionSchema(s)])), ...extra }, expected).optional();

export const SFS_DEBT_FIELDS = {
  creditor: text(),
  'amount-owed': amount(),
  'repayment-offer': amount().optional(),
  notes: text().optional(),
};
const employment = () =>
  list(oneOf(SFS_EMPLOYMENT_STATUSES, 'SFS employment status'), 'a list of employment statuses').optional();

/** The people and home an SFS document describes: the same fields in the data-entry and summary documents. */
export const SFS_HOUSEHOLD_FIELDS = {
  'client-name': text().optional(),
  'client-date-of-birth': text().optional(),
  'is-joint-application': flag(),
  'partner-name': text().optional(),
  'partner-date-of-birth': text().optional(),
  'client-address': text().optional(),
  'dependent-children-under-16': wholeNumber(0),
  'dependent-children-16-18': wholeNumber(0),
  'other-dependents': wholeNumber(0),
  'non-dependents': wholeNumber(0),
  'total-number-in-household': wholeNumber(1).optional(),
  vehicles: wholeNumber(0),
  'housing-tenure': oneOf(Object.keys(SFS_TENURES), 'SFS housing tenure'),
  'housing-tenure-other': text().optional(),
  'client-employment-status': employment(),
  'client-employment-status-other': text().optional(),
  'partner-employment-status': employment(),
  'partner-employment-status-other': text().optional(),
};

const sfsSchema = record(
  {
    ...SFS_HOUSEHOLD_FIELDS,
    'asset-use-considered': flag().optional(),
    overview: record(
      {
        'total-monthly-income': total(),
        'total-monthly-outgoings': total(),
        'income-minus-outgoings': total(),
        'savings-contribution': total(),
        'debt-admin-fee': total(),
        'total-available-for-priority-debts': total(),
        'total-available-for-non-priority-debts': total(),
      },
      'the SFS overview',
    ).optional(),
    'monthly-income': sectionsSchema(SFS_INCOME, { 'total-monthly-income': total() }, 'the SFS monthly income'),
    'monthly-outgoings': record(
      {
        'fixed-costs': sectionsSchema(
          SFS_FIXED,
          {
            [SFS_OTHER_ESSENTIAL.key]: record(
              {
                [SFS_OTHER_ESSENTIAL.list]: list(sfsLine(), 'a list of SFS lines').optional(),
                [SFS_OTHER_ESSENTIAL.total]: total(),
              },
              'the SFS other essential costs',
            ).optional(),
            'total-fixed-costs': total(),
          },
          'the SFS fixed costs',
        ),
        'flexible-costs': sectionsSchema(SFS_FLEXIBLE, { 'total-flexible-costs': total() }, 'the SFS flexible costs'),
        'total-monthly-outgoings': total(),
      },
      'the SFS monthly outgoings',
    ).optional(),
    savings: record(
      { 'savings-contribution': amount().optional(), 'savings-contribution-considered': flag().optional() },
      'the SFS savings',
    ).optional(),
    debts: record(
      {
        'debt-admin-fee': sfsLine().optional(),
        'total-available-for-priority-debts': total(),
        'priority-debts': list(record(SFS_DEBT_FIELDS, 'an SFS priority debt'), 'a list of priority debts').optional(),
        'total-priority-debts': total(),
        'total-priority-debt-offers': total(),
        'total-available-for-non-priority-debts': total(),
        'non-priority-debts': list(
          record({ ...SFS_DEBT_FIELDS, ccj: flag().optional() }, 'an SFS non-priority debt'),
          'a list of non-priority debts',
        ).optional(),
        'total-non-priority-debts': total(),
        'token-payments': total(),
      },
      'the SFS debts',
    ).optional(),
    'additional-notes': list(text(), 'a list of notes').optional(),
  },
  'an SFS statement',
);

type Sfs = z.output<typeof sfsSchema>;
type SfsObject = Readonly<Record<string, unknown>> | undefined;

/** A figure the document states, beside what fairplan makes of it. */
export interface TotalCheck {
  readonly path: string;
  readonly stated: Money | undefined;
  readonly computed: Money;
  readonly because: string;
}

interface Part<C extends string> {
  readonly lines: readonly Line<C>[];
  readonly total: Money;
  readonly checks: readonly TotalCheck[];
}

const ADD_UP = 'its lines add up to';
const shown = (m: Money): string => formatMoney(m, '');
const stated = (parent: SfsObject, key: string): Money | undefined => parent?.[key] as Money | undefined;

function lineOf<C extends string>(category: C, label: string, value: SfsLine | undefined): Line<C>[] {
  const monthly = value?.['monthly-amount'];
  if (monthly === undefined || (monthly.isZero() && value?.notes === undefined)) return [];
  return [
    {
      category,
      label,
      amount: monthly,
      frequency: 'monthly',
      ...(value?.notes === undefined ? {} : { note: value.notes }),
    },
  ];
}

/** The lines of one SFS section, and the check of the total it states. */
function readSection<C extends string>(section: SfsSection<C>, parent: SfsObject, path: string): Part<C> {
  const value = parent?.[section.key] as SfsObject;
  const lines = section.lines.flatMap((name) => lineOf(section.category, name, value?.[name] as SfsLine | undefined));
  const total = sum(lines.map((l) => l.amount));
  const check = {
    path: `${path}.${section.key}.${section.total}`,
    stated: stated(value, section.total),
    computed: total,
    because: ADD_UP,
  };
  return { lines, total, checks: [check] };
}

/** Several parts as one, checked against the total the document states for them all. */
function combine<C extends string>(
  parts: readonly Part<C>[],
  parent: SfsObject,
  path: string,
  totalKey: string,
): Part<C> {
  const total = sum(parts.map((p) => p.total));
  return {
    lines: parts.flatMap((p) => p.lines),
    total,
    checks: [
      ...parts.flatMap((p) => p.checks),
      { path: `${path}.${totalKey}`, stated: stated(parent, totalKey), computed: total, because: ADD_UP },
    ],
  };
}

function readIncome(sfs: Sfs): Part<IncomeCategory> {
  const income = sfs['monthly-income'] as SfsObject;
  return combine(
    SFS_INCOME.map((s) => readSection(s, income, 'monthly-income')),
    income,
    'monthly-income',
    'total-monthly-income',
  );
}

function readOtherEssential(fixed: SfsObject, path: string): Part<ExpenditureCategory> {
  const { key, list, category, total: totalKey } = SFS_OTHER_ESSENTIAL;
  const value = fixed?.[key] as SfsObject;
  const lines = ((value?.[list] ?? []) as SfsLine[]).flatMap((line) => lineOf(category, list, line));
  const total = sum(lines.map((l) => l.amount));
  return {
    lines,
    total,
    checks: [{ path: `${path}.${key}.${totalKey}`, stated: stated(value, totalKey), computed: total, because: ADD_UP }],
  };
}

function readOutgoings(sfs: Sfs): Part<ExpenditureCategory> {
  const outgoings = sfs['monthly-outgoings'] as SfsObject;
  const fixed = outgoings?.['fixed-costs'] as SfsObject;
  const flexible = outgoings?.['flexible-costs'] as SfsObject;
  const fixedPath = 'monthly-outgoings.fixed-costs';
  const flexiblePath = 'monthly-outgoings.flexible-costs';
  const fixedPart = combine(
    [...SFS_FIXED.map((s) => readSection(s, fixed, fixedPath)), readOtherEssential(fixed, fixedPath)],
    fixed,
    fixedPath,
    'total-fixed-costs',
  );
  const flexiblePart = combine(
    SFS_FLEXIBLE.map((s) => readSection(s, flexible, flexiblePath)),
    flexible,
    flexiblePath,
    'total-flexible-costs',
  );
  return combine([fixedPart, flexiblePart], outgoings, 'monthly-outgoings', 'total-monthly-outgoings');
}

/** What SFS says is left for the priority and the non-priority creditors, worked out from its figures. */
export function bottomLines(income: Money, outgoings: Money, savings: Money, fee: Money, priorityOffers: Money) {
  const surplus = subtract(income, outgoings);
  const forPriority = subtract(subtract(surplus, savings), fee);
  return { surplus, forPriority, forNonPriority: subtract(forPriority, priorityOffers) };
}

/** The budget's bottom lines, in the overview and in the debts section, worked out again. */
function budgetChecks(sfs: Sfs, income: Money, outgoings: Money): TotalCheck[] {
  const savings = sfs.savings?.['savings-contribution'] ?? ZERO;
  const fee = sfs.debts?.['debt-admin-fee']?.['monthly-amount'] ?? ZERO;
  const priority = sfs.debts?.['priority-debts'] ?? [];
  const nonPriority = sfs.debts?.['non-priority-debts'] ?? [];
  const priorityOffers = sum(priority.map((d) => d['repayment-offer'] ?? ZERO));
  const { surplus, forPriority, forNonPriority } = bottomLines(income, outgoings, savings, fee, priorityOffers);
  const overview = sfs.overview as SfsObject;
  const debts = sfs.debts as SfsObject;
  const check = (parent: SfsObject, path: string, key: string, computed: Money, because: string): TotalCheck => ({
    path: `${path}.${key}`,
    stated: stated(parent, key),
    computed,
    because,
  });
  // SFS states what is available twice, in the overview and in the debts section.
  const both = (key: string, computed: Money, because: string): TotalCheck[] => [
    check(overview, 'overview', key, computed, because),
    check(debts, 'debts', key, computed, because),
  ];
  return [
    check(overview, 'overview', 'total-monthly-income', income, 'the income lines add up to'),
    check(overview, 'overview', 'total-monthly-outgoings', outgoings, 'the outgoings lines add up to'),
    check(overview, 'overview', 'income-minus-outgoings', surplus, 'income minus outgoings is'),
    check(overview, 'overview', 'savings-contribution', savings, 'savings.savings-contribution is'),
    check(overview, 'overview', 'debt-admin-fee', fee, 'debts.debt-admin-fee is'),
    ...both('total-available-for-priority-debts', forPriority, 'income − outgoings − savings − debt admin fee is'),
    ...both(
      'total-available-for-non-priority-debts',
      forNonPriority,
      'available for priority debts − priority debt offers is',
    ),
    check(
      debts,
      'debts',
      'total-priority-debts',
      sum(priority.map((d) => d['amount-owed'])),
      'the priority debts add up to',
    ),
    check(debts, 'debts', 'total-priority-debt-offers', priorityOffers, 'the priority debt offers add up to'),
    check(
      debts,
      'debts',
      'total-non-priority-debts',
      sum(nonPriority.map((d) => d['amount-owed'])),
      'the non-priority debts add up to',
    ),
  ];
}

type SfsHousehold = Pick<Sfs, keyof typeof SFS_HOUSEHOLD_FIELDS>;

/** SFS counts people by role; fairplan by adults and children (dependants 16–18 are children). */
export function householdOf(sfs: SfsHousehold): { household: Household; problems: Problem[] } {
  const joint = sfs['is-joint-application'];
  const adults = 1 + (joint ? 1 : 0) + sfs['other-dependents'] + sfs['non-dependents'];
  const children = sfs['dependent-children-under-16'] + sfs['dependent-children-16-18'];
  const household = { adults, children, vehicles: sfs.vehicles, tenure: SFS_TENURES[sfs['housing-tenure']] ?? 'other' };
  const people = sfs['total-number-in-household'];
  const problems =
    people === undefined || people === adults + children
      ? []
      : [
          {
            path: 'total-number-in-household',
            message: `states ${people} but the client${joint ? ', partner' : ''}, dependants and non-dependants make ${adults + children}`,
          },
        ];
  return { household, problems };
}

const withNote = (note: string | undefined) => (note === undefined ? {} : { note });

type SfsDebt = z.output<z.ZodObject<typeof SFS_DEBT_FIELDS>>;

/** The debts of an SFS document (data-entry or summary), each offer a monthly payment. */
export function debtsOf(debts: { 'priority-debts'?: readonly SfsDebt[] | undefined; 'non-priority-debts'?: readonly (SfsDebt & { ccj?: boolean | undefined })[] | undefined } | undefined) {
  return {
    priorityDebts: (debts?.['priority-debts'] ?? []).map((d): PriorityDebt => ({
      creditor: d.creditor,
      balance: d['amount-owed'],
      payment: d['repayment-offer'] ?? ZERO,
      frequency: 'monthly',
      ...withNote(d.notes),
    })),
    debts: (debts?.['non-priority-debts'] ?? []).map((d): Debt => ({
      creditor: d.creditor,
      balance: d['amount-owed'],
      ...(d.ccj === undefined ? {} : { ccj: d.ccj }),
      ...withNote(d.notes),
    })),
  };
}

export function statementFromSfs(raw: RawValue): Statement {
  const parsed = sfsSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = problemsOf(parsed.error);
    throw new FairplanError('invalid-statement', `not a valid SFS statement: ${problems.length} problem(s)`, {
      problems,
    });
  }
  const sfs = parsed.data;
  const income = readIncome(sfs);
  const outgoings = readOutgoings(sfs);
  const { household, problems } = householdOf(sfs);
  for (const c of [...income.checks, ...outgoings.checks, ...budgetChecks(sfs, income.total, outgoings.total)]) {
    if (c.stated !== undefined && !c.stated.eq(c.computed)) {
      problems.push({ path: c.path, message: `states ${shown(c.stated)} but ${c.because} ${shown(c.computed)}` });
    }
  }
  if (problems.length > 0) {
    throw new FairplanError(
      'invalid-statement',
      `the SFS totals disagree with their lines: ${problems.length} problem(s)`,
      { problems },
    );
  }

  const savings = sfs.savings?.['savings-contribution'];
  const fee = sfs.debts?.['debt-admin-fee'];
  const notes = sfs['additional-notes'] ?? [];
  return {
    household,
    income: income.lines as IncomeLine[],
    expenditure: outgoings.lines as ExpenditureLine[],
    ...debtsOf(sfs.debts),
    ...(savings === undefined || savings.isZero()
      ? {}
      : { savings: { amount: savings, frequency: 'monthly' as const } }),
    ...(fee?.['monthly-amount'] === undefined || fee['monthly-amount'].isZero()
      ? {}
      : { debtAdminFee: { amount: fee['monthly-amount'], frequency: 'monthly' as const, ...withNote(fee.notes) } }),
    vulnerabilities: [],
    expectedChanges: [],
    // An SFS's notes were written for the creditors who receive it: they stay notes for creditors.
    ...(notes.length === 0 ? {} : { notesForCreditors: notes.join('\n') }),
  };
}
