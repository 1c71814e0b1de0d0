/**
 * The fields `fairplan batch` reads from each account row. Their default column names are those of
 * the accounts export fairplan was built against (bench/gen-accounts.mjs generates such exports); real
 * exports name them differently, hence the mapping (mapping.ts). The household's fields follow.
 */
export const FIELDS = [
  'account_id',
  'customer_name',
  'balance',
  'apr',
  'monthly_income',
  'housing',
  'council_tax',
  'utilities',
  'food',
  'transport',
  'other_expenses',
  'pay_frequency',
  'next_pay_date',
  'breathing_space_end',
  'last_payment_date',
] as const;

/**
 * The household a row records (statement.ts's names and values): what the DRO indicator, the
 * spending guidelines and the bank holidays of the due dates rest on. A row that records none of
 * them is taken as one adult, no children, tenure other and the run's jurisdiction, and its results
 * say so (defaults_used).
 */
export const HOUSEHOLD_FIELDS = ['adults', 'children', 'tenure', 'jurisdiction'] as const;
export type HouseholdField = (typeof HOUSEHOLD_FIELDS)[number];

/** Every field a mapping may name: the account's, then its household's. */
export const ALL_FIELDS = [...FIELDS, ...HOUSEHOLD_FIELDS] as const;
export type Field = (typeof ALL_FIELDS)[number];

/**
 * A file may leave these columns out: the name is never used for figures, a missing APR means none
 * recorded, a missing Breathing Space end means no moratorium, a missing last payment date no
 * limitation check, and a missing household field its default.
 */
export const OPTIONAL_FIELDS: ReadonlySet<Field> = new Set<Field>(['customer_name', 'apr', 'breathing_space_end', 'last_payment_date', ...HOUSEHOLD_FIELDS]);

/** Monthly outgoings, each a fixed or flexible SFS cost (see statement.ts for the sections). */
export const EXPENSE_FIELDS = ['housing', 'council_tax', 'utilities', 'food', 'transport', 'other_expenses'] as const;
export type ExpenseField = (typeof EXPENSE_FIELDS)[number];

export const isField = (name: string): name is Field => (ALL_FIELDS as readonly string[]).includes(name);

export const isHouseholdField = (name: string): name is HouseholdField => (HOUSEHOLD_FIELDS as readonly string[]).includes(name);

/** Fields read as amounts: one or several columns each, added up (see mapping.ts). */
export const AMOUNT_FIELDS: ReadonlySet<Field> = new Set<Field>(['balance', 'monthly_income', ...EXPENSE_FIELDS]);
