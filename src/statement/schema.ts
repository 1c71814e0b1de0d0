/**
 * The fairplan statement format (JSON or YAML) as a zod schema whose output is a Statement. Every
 * amount carries its own frequency; optional lists may be left out. The published JSON Schema
 * (schema/fairplan-statement.schema.json) is generated from this one.
 */
import { BREATHING_SPACE_ALIASES, BREATHING_SPACE_KINDS } from '../core/breathing-space.js';
import { PAYMENT_FREQUENCIES } from '../core/frequency.js';
import type { InterestTreatment } from '../core/plan/types.js';
import {
  CURRENCIES,
  DEBT_OWNERS,
  EMPLOYMENT_STATUSES,
  JURISDICTIONS,
  CURRENCY_SYMBOLS,
  EXPENDITURE_CATEGORIES,
  INCOME_CATEGORIES,
  TENURES,
  VULNERABILITY_DRIVERS,
  type ExpenditureCategory,
  type IncomeCategory,
  type Tenure,
} from '../core/statement.js';
import { closest } from '../core/suggest.js';
import { guessSfsField, isOtherField, sfsFieldsOf } from './sfs-fields.js';
import { amount, anyFrequency, balance, creditorName, flag, frequency, isoDate, letterText, list, oneOf, percent, record, text, wholeNumber } from './fields.js';

// Everyday words people write for a category, so the hint names the category they meant.
const INCOME_WORDS: Readonly<Record<string, IncomeCategory>> = {
  wages: 'earnings',
  wage: 'earnings',
  salary: 'earnings',
  pay: 'earnings',
  'self-employment': 'earnings',
  benefit: 'benefits',
  'universal-credit': 'benefits',
  'child-benefit': 'benefits',
  pip: 'benefits',
  pension: 'pensions',
  'state-pension': 'pensions',
};

const EXPENDITURE_WORDS: Readonly<Record<string, ExpenditureCategory>> = {
  rent: 'home',
  mortgage: 'home',
  'council-tax': 'home',
  housing: 'home',
  gas: 'utilities',
  electricity: 'utilities',
  energy: 'utilities',
  food: 'food-housekeeping',
  groceries: 'food-housekeeping',
  housekeeping: 'food-housekeeping',
  phone: 'communications-leisure',
  mobile: 'communications-leisure',
  broadband: 'communications-leisure',
  leisure: 'communications-leisure',
  clothing: 'personal',
  clothes: 'personal',
  toiletries: 'personal',
  travel: 'transport',
  car: 'transport',
  fuel: 'transport',
  childcare: 'care-health',
  health: 'care-health',
  insurance: 'pensions-insurance',
};

const TENURE_WORDS: Readonly<Record<string, Tenure>> = {
  homeowner: 'owner',
  renting: 'tenant-private',
  tenant: 'tenant-private',
  council: 'tenant-social',
  'housing-association': 'tenant-social',
  parents: 'living-with-parents',
};

const line = <C extends IncomeCategory | ExpenditureCategory>(categories: readonly C[], noun: string, words: Readonly<Record<string, C>>, symbol: string) =>
  record(
    {
      category: oneOf(categories, noun, words),
      label: text(),
      amount: amount('non-negative', symbol),
      frequency: anyFrequency(),
      sfs: text().optional(),
      note: text().optional(),
    },
    `an ${noun.replace(' category', '')} line`,
  ).superRefine((value, ctx) => {
    if (value.sfs === undefined) return;
    const fields = sfsFieldsOf(value.category);
    if (!fields.includes(value.sfs)) {
      const near = closest(value.sfs, [...fields]) ?? guessSfsField(value.category, value.label).field;
      ctx.addIssue({ code: 'custom', path: ['sfs'], message: `"${value.sfs}" is not an SFS field of ${value.category}; did you mean "${near}"? (expected one of ${fields.join(', ')})`, input: value.sfs });
    } else if (isOtherField(value.sfs) && !value.note?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: `missing (the SFS field "${value.sfs}" needs a note saying what the money is for)`, input: undefined });
    }
  });

const regularAmount = (expected: string, symbol: string) =>
  record({ amount: amount('non-negative', symbol), frequency: anyFrequency(), note: text().optional() }, expected);

const INTEREST_WORDS: Readonly<Record<string, 'frozen' | 'continuing'>> = {
  charging: 'continuing',
  charged: 'continuing',
  accruing: 'continuing',
  'no-interest': 'frozen',
  none: 'frozen',
};

/** `{"kind": "frozen"}`, or `{"kind": "continuing", "rate": "24.9"}`: a nominal annual rate. */
const debtInterest = record(
  { kind: oneOf(['frozen', 'continuing'] as const, 'kind of interest', INTEREST_WORDS), rate: percent().optional() },
  'the interest (kind frozen, or continuing with a rate)',
)
  .superRefine((value, ctx) => {
    if (value.kind === 'continuing' && value.rate === undefined) {
      ctx.addIssue({ code: 'custom', path: ['rate'], message: 'missing (expected the annual rate of continuing interest, e.g. "24.9")', input: undefined });
    }
    if (value.kind === 'frozen' && value.rate !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['rate'], message: 'frozen interest has no rate (expected kind "continuing" with a rate)', input: value.rate });
    }
  })
  .transform(
    (value): InterestTreatment =>
      value.kind === 'continuing' && value.rate !== undefined ? { kind: 'continuing', annualRatePercent: value.rate } : { kind: 'frozen' },
  );

const currencyField = oneOf(CURRENCIES, 'currency');

/** The statement whose amounts are in the currency of `symbol`. */
const statementIn = (symbol: string) => record(
  {
    currency: currencyField.optional(),
    jurisdiction: oneOf(JURISDICTIONS, 'jurisdiction').optional(),
    customer: record(
      {
        name: letterText("the customer's name"),
        address: list(letterText("a line of the customer's address"), "the customer's address, a line each").optional(),
        reference: letterText("the customer's reference").optional(),
        employment: oneOf(EMPLOYMENT_STATUSES, 'SFS employment status').optional(),
      },
      'the customer (name, address, reference, employment)',
    ).optional(),
    household: record(
      {
        adults: wholeNumber(1),
        children: wholeNumber(0),
        vehicles: wholeNumber(0),
        tenure: oneOf(TENURES, 'tenure', TENURE_WORDS),
      },
      'the household (adults, children, vehicles, tenure)',
    ),
    income: list(line(INCOME_CATEGORIES, 'income category', INCOME_WORDS, symbol), 'a list of income lines').default([]),
    expenditure: list(
      line(EXPENDITURE_CATEGORIES, 'expenditure category', EXPENDITURE_WORDS, symbol),
      'a list of expenditure lines',
    ).default([]),
    priorityDebts: list(
      record(
        {
          creditor: creditorName(),
          balance: balance(symbol),
          payment: amount('non-negative', symbol),
          frequency: anyFrequency(),
          note: text().optional(),
        },
        'a priority debt',
      ),
      'a list of priority debts',
    ).default([]),
    debts: list(
      record(
        {
          creditor: creditorName(),
          balance: balance(symbol),
          interest: debtInterest.optional(),
          ccj: flag().optional(),
          lastPaymentOn: isoDate().optional(),
          accountReference: letterText('an account reference').optional(),
          owner: oneOf(DEBT_OWNERS, 'whose name the debt is in').optional(),
          note: text().optional(),
        },
        'a debt',
      ),
      'a list of debts',
    ).default([]),
    savings: regularAmount('a savings contribution', symbol).optional(),
    debtAdminFee: regularAmount('a debt admin fee', symbol).optional(),
    vulnerabilities: list(
      record(
        { driver: oneOf([...VULNERABILITY_DRIVERS, 'other'] as const, 'vulnerability driver'), note: text(), forCreditors: text().optional() },
        'a vulnerability',
      ),
      'a list of vulnerabilities',
    ).default([]),
    vulnerabilityConsent: record(
      { toRecord: flag(), toShare: flag(), creditors: list(creditorName(), 'a list of the creditors that may be told').optional(), on: isoDate().optional() },
      'the consent about vulnerabilities (toRecord, toShare, creditors, on)',
    ).optional(),
    pay: record({ frequency: frequency(PAYMENT_FREQUENCIES), nextPayDate: isoDate() }, 'a pay schedule').optional(),
    expectedChanges: list(
      record({ from: isoDate(), monthlyChange: amount('any', symbol), note: text() }, 'an expected change'),
      'a list of expected changes',
    ).default([]),
    takenOn: isoDate().optional(),
    breathingSpace: record(
      { kind: oneOf(BREATHING_SPACE_KINDS, 'Breathing Space kind', {}, BREATHING_SPACE_ALIASES), start: isoDate(), end: isoDate().optional() },
      'a Breathing Space',
    )
      .superRefine((value, ctx) => {
        // An end before the start is a typo; read as written it is a moratorium already over, and the customer would be asked to pay.
        if (value.end !== undefined && value.end < value.start) {
          ctx.addIssue({ code: 'custom', path: ['end'], message: `${value.end} is before the Breathing Space's start, ${value.start}`, input: value.end });
        }
      })
      .optional(),
    notes: text().optional(),
    notesForCreditors: text().optional(),
  },
  'a fairplan statement',
).superRefine((value, ctx) => {
  const consent = value.vulnerabilityConsent;
  // Health is special category data: without consent to record it, none of it may be kept.
  if (consent && !consent.toRecord && value.vulnerabilities.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['vulnerabilities'], message: 'the customer did not consent to recording their circumstances (vulnerabilityConsent.toRecord is false): remove these notes', input: value.vulnerabilities });
  }
  const unknown = consent?.creditors?.find((name) => !value.debts.some((d) => d.creditor === name));
  if (unknown !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['vulnerabilityConsent', 'creditors'], message: `"${unknown}" is not a creditor of the statement's debts (expected the name of one)`, input: unknown });
  }
  if (consent && !consent.toRecord && consent.toShare) {
    ctx.addIssue({ code: 'custom', path: ['vulnerabilityConsent', 'toShare'], message: 'nothing can be shared that the customer did not consent to recording (expected false when toRecord is false)', input: true });
  }
});

const SCHEMAS = { GBP: statementIn(CURRENCY_SYMBOLS.GBP), USD: statementIn(CURRENCY_SYMBOLS.USD) } as const;

/** The fairplan statement format; its JSON Schema is the published one. */
export const statementSchema = SCHEMAS.GBP;

/**
 * The schema a statement is read with: the one whose amounts are in the currency it names (pounds
 * when it names none or one that is not a currency, which its own check then reports).
 */
export function statementSchemaFor(raw: unknown): typeof statementSchema {
  const named = currencyField.safeParse((raw as { currency?: unknown } | null)?.currency);
  return named.success ? SCHEMAS[named.data] : SCHEMAS.GBP;
}
