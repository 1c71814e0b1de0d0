/**
 * The SFS data-entry field of each statement line (SFS Data Definition Specification v1.1): the
 * fields each fairplan category may use, read from sfs-layout.ts, and a guess from a line's label
 * for a statement that does not record one. A guess is only ever a suggestion, said as such.
 */
import type { ExpenditureCategory, IncomeCategory, Statement } from '../core/statement.js';
import { closest } from '../core/suggest.js';
import { SFS_FIXED, SFS_FLEXIBLE, SFS_INCOME, SFS_OTHER_ESSENTIAL } from './sfs-layout.js';
import { SFS_FIELD_EMPTY, SFS_FIELD_GUESSED, type StatementWarning } from './warnings.js';

const SECTIONS = [...SFS_INCOME, ...SFS_FIXED, ...SFS_FLEXIBLE];

/** The SFS fields a line of `category` may record. */
export function sfsFieldsOf(category: IncomeCategory | ExpenditureCategory): readonly string[] {
  if (category === SFS_OTHER_ESSENTIAL.category) return [SFS_OTHER_ESSENTIAL.list];
  return SECTIONS.find((s) => s.category === category)?.lines ?? [];
}

/**
 * A field that holds what has no field of its own: it needs a note saying what the money is for.
 * Not the other essential costs, a list whose every item keeps its own label.
 */
export const isOtherField = (field: string): boolean => field.startsWith('other-') && field !== SFS_OTHER_ESSENTIAL.list;

/** The field's name in plain English, for a list an advisor chooses from: `council-tax-rates` is "Council tax rates". */
export const plainFieldName = (field: string): string => {
  const words = field.replace(/-/g, ' ').replace(/\btv\b/, 'TV').replace(/\bmot\b/, 'MOT');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

// What a label's words say about its field, most specific first: a caseworker's reading of the
// usual labels ("Council tax (band D)", "Gas and electricity", "Weekly bus ticket").
const WORDS: readonly (readonly [RegExp, string])[] = [
  [/council tax|\brates\b/i, 'council-tax-rates'],
  [/tv licen[cs]e/i, 'tv-licence'],
  [/ground rent|service charge/i, 'ground-rent-service-charges'],
  [/endowment/i, 'mortgage-endowment'],
  [/secured loan/i, 'secured-loans'],
  [/mortgage/i, 'mortgage'],
  [/\brent\b/i, 'rent'],
  [/electric/i, 'electricity'],
  [/\bgas\b|dual fuel|energy|heating/i, 'gas'],
  [/sewer|waste water/i, 'water-supply'],
  [/water/i, 'water-supply'],
  [/child ?care|nursery|after.school|breakfast club/i, 'childcare-costs'],
  [/prescription|medicine/i, 'prescriptions-medicines'],
  [/dentist|optician/i, 'dentistry-opticians'],
  [/carer|care worker|support worker/i, 'adult-care-costs'],
  [/hire purchase|car finance|car payment|conditional sale/i, 'hire-purchase-conditional-sale-vehicle'],
  [/(car|auto|motor) insurance/i, 'car-insurance'],
  [/road tax|vehicle tax/i, 'road-tax'],
  [/\bmot\b|servic|repairs to the car/i, 'mot-ongoing-maintenance'],
  [/breakdown/i, 'breakdown-cover'],
  [/fuel|petrol|diesel|parking|gas for the car/i, 'fuel-parking-toll-road-charges'],
  [/school trip|clubs?\b/i, 'after-school-clubs-school-trips'],
  [/swim|lessons/i, 'hobbies-leisure-sport'],
  [/bus|train|tram|taxi|travel ?card|public transport/i, 'public-transport'],
  [/uniform/i, 'school-uniform'],
  [/life insurance/i, 'life-insurance'],
  [/buildings|contents insurance/i, 'buildings-contents-insurance'],
  [/health insurance/i, 'health-insurance'],
  [/pension/i, 'pension-payments'],
  [/broadband|internet|landline|home phone|phones?,? broadband/i, 'home-phone-internet-tv'],
  [/mobile|cell ?phone/i, 'mobile-phone'],
  [/leisure|hobb|sport|gym|cinema|football|days out/i, 'hobbies-leisure-sport'],
  [/food|grocer|housekeeping|shopping/i, 'groceries'],
  [/nappies|baby/i, 'nappies-baby-items'],
  [/launder|dry clean/i, 'laundry-dry-cleaning'],
  [/repair|maintenance/i, 'house-repairs-maintenance'],
  [/cloth|shoes|footwear/i, 'clothing-footwear'],
  [/hair/i, 'hairdressing'],
  [/toiletr/i, 'toiletries'],
  [/universal credit|tax credit/i, 'tax-credits-universal-credit'],
  [/child benefit/i, 'child-benefit'],
  [/personal independence|\bpip\b|disability|attendance allowance/i, 'disability-benefits'],
  [/carer'?s allowance/i, 'carers-allowance'],
  [/state pension/i, 'state-pensions'],
  [/partner|her wages|wife|husband/i, 'partner-salary-or-wages'],
  [/wage|salary|earnings/i, 'client-salary-or-wages'],
  [/maintenance|child support/i, 'maintenance-child-support'],
  [/lodger|boarder/i, 'boarders-lodgers'],
];

/**
 * The field a label suggests among those of `category`: by its words, then by the field's own name
 * spelt nearly so; its section's "other" field only when nothing fits (`fallback` then says so).
 */
export function guessSfsField(category: IncomeCategory | ExpenditureCategory, label: string): { field: string; fallback: boolean } {
  const fields = sfsFieldsOf(category);
  // A label that is a field's own name (as imported SFS lines are labelled) is that field.
  const named = label.trim().toLowerCase().replace(/\s+/g, '-');
  const byWords = WORDS.find(([words, field]) => fields.includes(field) && words.test(label))?.[1];
  const found = fields.includes(named) ? named : (byWords ?? closest(named, fields));
  if (found) return { field: found, fallback: false };
  return { field: fields.find(isOtherField) ?? fields.at(-1) ?? SFS_OTHER_ESSENTIAL.list, fallback: true };
}

/**
 * The category and field a label suggests among several categories (a section of the statement, as
 * advise asks it): a field's own name, then the label's words, then a field spelt nearly so.
 * Undefined when nothing fits: the advisor chooses, never an "other" field silently.
 */
export function guessSfsFieldAmong<C extends IncomeCategory | ExpenditureCategory>(categories: readonly C[], label: string): { category: C; field: string } | undefined {
  const all = categories.flatMap((category) => sfsFieldsOf(category).map((field) => ({ category, field })));
  const named = label.trim().toLowerCase().replace(/\s+/g, '-');
  const byWords = WORDS.find(([words, field]) => words.test(label) && all.some((f) => f.field === field))?.[1];
  const field = all.some((f) => f.field === named) ? named : (byWords ?? closest(named, all.map((f) => f.field)));
  return all.find((f) => f.field === field);
}

/** The field a line records, or the one its label suggests. */
export const sfsFieldOfLine = (line: { category: IncomeCategory | ExpenditureCategory; label: string; sfs?: string }): string =>
  line.sfs ?? guessSfsField(line.category, line.label).field;

/** Essential fields a creditor reads as "pays nothing" when 0.00, and the labels that suggest them. */
const ESSENTIAL: readonly (readonly [string, RegExp])[] = [['council-tax-rates', /council tax|\brates\b/i]];

/**
 * Each line with no SFS field, and the one its label suggests; then each essential field left at
 * 0.00 while a line's label suggests it, as warnings naming the line.
 */
export function sfsFieldWarnings(statement: Statement): StatementWarning[] {
  // The SFS is a UK format: a statement in dollars has no SFS fields to record.
  if ((statement.currency ?? 'GBP') !== 'GBP') return [];
  const lines = [
    ...statement.income.map((line, i) => ({ line, path: `income[${i}]` })),
    ...statement.expenditure.map((line, i) => ({ line, path: `expenditure[${i}]` })),
  ];
  const guessed: StatementWarning[] = lines
    .filter(({ line }) => line.sfs === undefined)
    .map(({ line, path }) => {
      const { field, fallback } = guessSfsField(line.category, line.label);
      const why = fallback ? `nothing in its label names an SFS field, so it goes to "${field}"` : `its label suggests "${field}"`;
      return { code: SFS_FIELD_GUESSED, path, message: `"${line.label}" records no SFS field: ${why}; record the field as "sfs" to be sure` };
    });
  const empty: StatementWarning[] = ESSENTIAL.flatMap(([field, words]) => {
    const held = statement.expenditure.filter((l) => sfsFieldOfLine(l) === field && !l.amount.isZero());
    if (held.length > 0) return [];
    return lines
      .filter(({ line }) => words.test(line.label) && sfsFieldOfLine(line) !== field)
      .map(({ line, path }) => ({
        code: SFS_FIELD_EMPTY,
        path,
        message: `the SFS field "${field}" is 0.00, but "${line.label}" is in "${sfsFieldOfLine(line)}": creditors would read that the household pays none`,
      }));
  });
  return [...guessed, ...empty];
}
