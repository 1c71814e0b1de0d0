/** The words people see for fairplan's codes: SFS sections, frequencies, tenures, flags. */
import type { GuidelineCategory } from '../core/affordability/guidelines.js';
import type { FlagCode } from '../core/affordability/types.js';
import type { Frequency } from '../core/frequency.js';
import { PER } from '../core/plan/words.js';
import type { ExpenditureCategory, IncomeCategory, Tenure } from '../core/statement.js';

export const CATEGORY_NAMES: Readonly<Record<IncomeCategory | ExpenditureCategory | GuidelineCategory, string>> = {
  earnings: 'Earnings',
  benefits: 'Benefits',
  pensions: 'Pensions',
  other: 'Other income',
  home: 'Home and contents',
  utilities: 'Utilities',
  water: 'Water',
  'care-health': 'Care and health',
  transport: 'Transport and travel',
  school: 'School',
  'pensions-insurance': 'Pensions and insurance',
  professional: 'Professional costs',
  'other-essential': 'Other essential costs',
  'communications-leisure': 'Communications and leisure',
  'food-housekeeping': 'Food and housekeeping',
  personal: 'Personal costs',
  'all-flexible': 'Flexible costs together',
};

/** "£450.00 a week": the plan wording, with the frequencies only statements use. */
export const PER_FREQUENCY: Readonly<Record<Frequency, string>> = { ...PER, quarterly: 'a quarter', annual: 'a year' };

export const TENURE_NAMES: Readonly<Record<Tenure, string>> = {
  owner: 'owns the home outright',
  mortgage: 'buying with a mortgage',
  'living-with-parents': 'living with parents',
  'tenant-private': 'renting privately',
  'tenant-social': 'renting from a council or housing association',
  other: 'other housing',
};

export const FLAG_NAMES: Readonly<Record<FlagCode, string>> = {
  'breathing-space': 'Breathing Space',
  deficit: 'Budget shortfall',
  'token-payment': 'Token payment',
  'dro-indicator': 'Debt Relief Order',
  'guideline-over': 'Above a spending guideline',
  vulnerability: 'Vulnerability',
  'statement-stale': 'Budget out of date',
  'limitation-check': 'Limitation check',
  advice: 'Free debt advice',
};
