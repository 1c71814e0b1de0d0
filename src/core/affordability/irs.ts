/**
 * The IRS Collection Financial Standards, National Standards (food, housekeeping supplies, apparel
 * and services, personal care, miscellaneous), monthly, effective 21 April 2025.
 * Source: IRS tables as copied at danacole.prodsr.com "How much does the IRS let delinquent taxpayers
 * live on" (see the domain notes, section 3.2); check against irs.gov before relying on them.
 *
 * The IRS allows the national standards in full for the household size, as one total however it is
 * split, so fairplan checks them against the three flexible categories together ('all-flexible').
 * Totals are the sums of the five items (the source's stated one-person total is $1 higher than
 * the sum of its items; fairplan uses the items).
 */
import { money } from '../money.js';
import { parseIsoDate } from '../date.js';
import type { GuidelineRow, GuidelineTable } from './guidelines.js';

const BY_PERSONS: Readonly<Record<number, string>> = { 1: '838', 2: '1481', 3: '1753', 4: '2129' };
const PER_ADDITIONAL_PERSON = money('394');

// The table is by household size; every split of up to four people into adults and children.
const rows: GuidelineRow[] = [];
for (let adults = 1; adults <= 4; adults++) {
  for (let children = 0; adults + children <= 4; children++) {
    rows.push({ adults, children, amounts: { 'all-flexible': money(BY_PERSONS[adults + children] ?? '0') } });
  }
}

const IRS_NATIONAL_STANDARDS_2025: GuidelineTable = {
  source: {
    name: 'IRS Collection Financial Standards: National Standards',
    version: 'irs-2025',
    effectiveFrom: parseIsoDate('2025-04-21'),
    official: true,
    currency: 'USD',
    url: 'https://www.irs.gov/businesses/small-businesses-self-employed/national-standards-food-clothing-and-other-items',
    note: 'Food, housekeeping supplies, apparel and services, personal care and miscellaneous, allowed in full as one total',
  },
  rows,
  perAdditionalAdult: { 'all-flexible': PER_ADDITIONAL_PERSON },
  perAdditionalChild: { 'all-flexible': PER_ADDITIONAL_PERSON },
};

/** Built-in tables by the name `--guidelines` accepts. */
export const BUILT_IN_GUIDELINES: Readonly<Record<string, GuidelineTable>> = {
  'irs-2025': IRS_NATIONAL_STANDARDS_2025,
};
