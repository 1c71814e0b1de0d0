/** Small households for the advise tests, with round figures so the expected sums are easy to check by hand. */
import { newDraft, type Draft } from '../../src/advise/draft.js';
import type { SessionProvenance } from '../../src/advise/export.js';
import { money } from '../../src/core/money.js';
import type { Statement } from '../../src/core/statement.js';

/**
 * One adult, two children, renting. A month: wages 1,800.00; rent 700.00, energy 150.00;
 * food 400.00, phone 50.00: 500.00 left before debts. Owes Acme Bank 3,000.00 and Lender Ltd 1,000.00.
 */
export const FAMILY: Statement = {
  household: { adults: 1, children: 2, vehicles: 0, tenure: 'tenant-private' },
  income: [{ category: 'earnings', label: 'Wages', amount: money('1800.00'), frequency: 'monthly' }],
  expenditure: [
    { category: 'home', label: 'Rent', amount: money('700.00'), frequency: 'monthly' },
    { category: 'food-housekeeping', label: 'Food', amount: money('400.00'), frequency: 'monthly' },
    { category: 'utilities', label: 'Energy', amount: money('150.00'), frequency: 'monthly' },
    { category: 'communications-leisure', label: 'Phone', amount: money('50.00'), frequency: 'monthly' },
  ],
  priorityDebts: [],
  debts: [
    { creditor: 'Acme Bank', balance: money('3000.00') },
    { creditor: 'Lender Ltd', balance: money('1000.00') },
  ],
  vulnerabilities: [],
  expectedChanges: [],
};

export const draftAt = (step: Draft['step'], statement: Statement = FAMILY): Draft => ({ ...newDraft(), step, statement });

/** A session started with no options: what its exports' provenance is made from. */
export const SESSION: SessionProvenance = { fairplanVersion: '0.1.0', options: {}, inputs: [] };
