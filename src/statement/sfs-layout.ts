/**
 * Where each fairplan section lives in an SFS data-entry document (SFS Data Definition
 * Specification v1.1, fixtures/sfs-schema): the SFS field names of its lines and of its total.
 * Import and export both read this one table.
 */
import { EMPLOYMENT_STATUSES, type ExpenditureCategory, type IncomeCategory, type Tenure } from '../core/statement.js';

export interface SfsSection<C extends string> {
  /** The SFS object holding the section, e.g. `earnings`. */
  readonly key: string;
  readonly category: C;
  readonly lines: readonly string[];
  /** The line that takes whatever has no SFS line of its own. */
  readonly other: string;
  readonly total: string;
}

export const SFS_INCOME: readonly SfsSection<IncomeCategory>[] = [
  {
    key: 'earnings',
    category: 'earnings',
    lines: ['client-salary-or-wages', 'partner-salary-or-wages', 'other-earnings'],
    other: 'other-earnings',
    total: 'total-earnings',
  },
  {
    key: 'benefits',
    category: 'benefits',
    lines: [
      'tax-credits-universal-credit',
      'jobseekers-allowance-income-based',
      'jobseekers-allowance-contribution-based',
      'income-support',
      'working-tax-credit',
      'child-tax-credit',
      'child-benefit',
      'employment-support-allowance',
      'disability-benefits',
      'carers-allowance',
      'local-housing-allowance',
      'council-tax-support',
      'other-benefits',
    ],
    other: 'other-benefits',
    total: 'total-benefits',
  },
  {
    key: 'pensions',
    category: 'pensions',
    lines: ['state-pensions', 'private-work-pensions', 'pension-credit', 'other-pensions'],
    other: 'other-pensions',
    total: 'total-pensions',
  },
  {
    key: 'other-income',
    category: 'other',
    lines: [
      'maintenance-child-support',
      'boarders-lodgers',
      'non-dependants-contributions',
      'student-loans-grants',
      'other-other-income',
    ],
    other: 'other-other-income',
    total: 'total-other-income',
  },
];

export const SFS_FIXED: readonly SfsSection<ExpenditureCategory>[] = [
  {
    key: 'home-contents',
    category: 'home',
    lines: [
      'rent',
      'ground-rent-service-charges',
      'mortgage',
      'mortgage-endowment',
      'secured-loans',
      'council-tax-rates',
      'appliance-furniture-rental',
      'tv-licence',
      'other-home-contents',
    ],
    other: 'other-home-contents',
    total: 'total-home-contents',
  },
  {
    key: 'utilities',
    category: 'utilities',
    lines: ['gas', 'electricity', 'other-utilities', 'other-utilities-expenditure'],
    other: 'other-utilities-expenditure',
    total: 'total-utilities',
  },
  {
    key: 'water',
    category: 'water',
    lines: ['water-supply', 'water-waste'],
    other: 'water-supply',
    total: 'total-water',
  },
  {
    key: 'care-health',
    category: 'care-health',
    lines: [
      'childcare-costs',
      'adult-care-costs',
      'child-maintenance-child-support',
      'prescriptions-medicines',
      'dentistry-opticians',
      'other-care-health',
    ],
    other: 'other-care-health',
    total: 'total-care-health',
  },
  {
    key: 'transport-travel',
    category: 'transport',
    lines: [
      'public-transport',
      'hire-purchase-conditional-sale-vehicle',
      'car-insurance',
      'road-tax',
      'mot-ongoing-maintenance',
      'breakdown-cover',
      'fuel-parking-toll-road-charges',
      'other-transport-travel',
    ],
    other: 'other-transport-travel',
    total: 'total-transport-travel',
  },
  {
    key: 'school',
    category: 'school',
    lines: ['school-uniform', 'after-school-clubs-school-trips', 'other-school'],
    other: 'other-school',
    total: 'total-school',
  },
  {
    key: 'pensions-insurance',
    category: 'pensions-insurance',
    lines: [
      'pension-payments',
      'life-insurance',
      'mortgage-payment-protection-insurance',
      'buildings-contents-insurance',
      'health-insurance',
      'other-pensions-insurances',
    ],
    other: 'other-pensions-insurances',
    total: 'total-pensions-insurances',
  },
  {
    key: 'professional',
    category: 'professional',
    lines: ['professional-courses', 'union-fees', 'professional-fees', 'other-professional'],
    other: 'other-professional',
    total: 'total-professional',
  },
];

/** SFS keeps other essential costs as a list of lines, not named fields. */
export const SFS_OTHER_ESSENTIAL = {
  key: 'other-essential',
  category: 'other-essential',
  list: 'other-essential-costs',
  total: 'total-other-essential',
} as const;

export const SFS_FLEXIBLE: readonly SfsSection<ExpenditureCategory>[] = [
  {
    key: 'communications-leisure',
    category: 'communications-leisure',
    lines: [
      'home-phone-internet-tv',
      'mobile-phone',
      'hobbies-leisure-sport',
      'gifts',
      'pocket-money',
      'newspapers-magazines-stationery-postage',
      'other-communications-leisure',
    ],
    other: 'other-communications-leisure',
    total: 'total-communications-leisure',
  },
  {
    key: 'food-housekeeping',
    category: 'food-housekeeping',
    lines: [
      'groceries',
      'nappies-baby-items',
      'school-work-meals',
      'laundry-dry-cleaning',
      'alcohol',
      'smoking-products',
      'vet-bills-pet-insurance',
      'house-repairs-maintenance',
      'other-food-housekeeping',
    ],
    other: 'other-food-housekeeping',
    total: 'total-food-housekeeping',
  },
  {
    key: 'personal',
    category: 'personal',
    lines: ['clothing-footwear', 'hairdressing', 'toiletries', 'other-personal'],
    other: 'other-personal',
    total: 'total-personal',
  },
];

export const SFS_TENURES: Readonly<Record<string, Tenure>> = {
  Owner: 'owner',
  Mortgage: 'mortgage',
  'Living with parents': 'living-with-parents',
  'Tenant - private sector': 'tenant-private',
  'Tenant - social': 'tenant-social',
  other: 'other',
};

export const SFS_EMPLOYMENT_STATUSES = EMPLOYMENT_STATUSES;
