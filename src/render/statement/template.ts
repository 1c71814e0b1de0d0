/**
 * The commented statement `fairplan new` writes for an advisor to fill in: a line for every
 * category and SFS field, each at 0.00, built from the category lists and the SFS layout the
 * reader uses, so that a new category or field appears here without anyone remembering to add it.
 * As written it is a valid statement (a household with nothing in and nothing out); what is optional
 * is commented out, with what it means.
 */
import type { IsoDate } from '../../core/date.js';
import { FREQUENCIES, PAYMENT_FREQUENCIES } from '../../core/frequency.js';
import { EXPENDITURE_CATEGORIES, FLEXIBLE_CATEGORIES, INCOME_CATEGORIES, JURISDICTIONS, TENURES, VULNERABILITY_DRIVERS, type Tenure } from '../../core/statement.js';
import { isOtherField, plainFieldName, sfsFieldsOf } from '../../statement/sfs-fields.js';
import { CATEGORY_NAMES } from '../labels.js';

// Only a starting point: the comment beside it lists the others.
const TENANT: Tenure = 'tenant-private';

type Category = (typeof INCOME_CATEGORIES)[number] | (typeof EXPENDITURE_CATEGORIES)[number];

const or = (words: readonly string[]): string => `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;

/**
 * The lines of one category: one for each of its SFS fields. A field for "other" money needs a note
 * saying what it is for, which only the advisor can write, so it is described rather than written.
 */
function categoryLines(category: Category): string[] {
  const fields = sfsFieldsOf(category);
  const others = fields.filter(isOtherField);
  const flexible = (FLEXIBLE_CATEGORIES as readonly string[]).includes(category) ? ' (compared with the spending guidelines)' : '';
  return [
    `  # ${CATEGORY_NAMES[category]}${flexible}`,
    ...fields
      .filter((field) => !isOtherField(field))
      .map((field) => `  - { category: ${category}, label: ${plainFieldName(field)}, amount: 0.00, frequency: monthly, sfs: ${field} }`),
    ...others.map((field) => `  #   anything else: a line with "sfs: ${field}" and a note saying what it is for`),
  ];
}

export function statementTemplate(takenOn: IsoDate): string {
  return [
    "# An income and expenditure statement for fairplan, in the sections of the UK Standard Financial",
    '# Statement (SFS). Written by `fairplan new`; the manual: `fairplan help statement`.',
    '#',
    '# Fill in every amount that applies, at the frequency it is paid or received:',
    `# ${or(FREQUENCIES)}.`,
    '# fairplan makes each a monthly figure (weekly x 52 / 12, never x 4). A line left at 0.00 counts as nothing: delete the lines that do',
    '# not apply, or leave them. Change a label to say what the money is; "sfs" is the SFS field the',
    '# line goes to. A note ("note: ...") explains a line, e.g. spending above a guideline.',
    '#',
    '# Then check it: fairplan check statement.yaml. As written it is a valid statement of a household',
    '# with nothing coming in and nothing going out: read the figures the check shows.',
    '',
    `# Where the customer lives: ${or(JURISDICTIONS)}.`,
    `jurisdiction: ${JURISDICTIONS[0]}`,
    '',
    '# The day the budget was taken with the customer (YYYY-MM-DD); after 12 months it is flagged',
    '# as out of date.',
    `takenOn: ${takenOn}`,
    '',
    '# customer:                   # optional: heads each letter to a creditor',
    '#   name: Firstname Lastname',
    '#   reference: CASE-0001',
    '',
    'household:',
    '  adults: 1                   # at least 1',
    '  children: 0',
    '  vehicles: 0',
    `  tenure: ${TENANT}      # ${or(TENURES)}`,
    '',
    '# How often the customer is paid, so that plans fall on payday:',
    '# pay:',
    `#   frequency: monthly        # ${or(PAYMENT_FREQUENCIES)}`,
    '#   nextPayDate: YYYY-MM-DD',
    '',
    'income:',
    ...INCOME_CATEGORIES.flatMap(categoryLines),
    '',
    'expenditure:',
    ...EXPENDITURE_CATEGORIES.flatMap(categoryLines),
    '',
    '# Savings put by, and a fee paid to a debt management company (both taken before the debts):',
    '# savings: { amount: 0.00, frequency: monthly }',
    '# debtAdminFee: { amount: 0.00, frequency: monthly }',
    '',
    '# Priority debts (rent or mortgage arrears, council tax, energy, fines...): paid first.',
    'priorityDebts: []',
    '#  - { creditor: Council tax arrears, balance: 0.00, payment: 0.00, frequency: monthly }',
    '',
    '# Other debts (cards, loans, catalogues...): they share what is left, pro rata.',
    'debts: []',
    '#  - creditor: Creditor name',
    '#    balance: 0.00',
    '#    accountReference: the creditor\'s account number   # optional',
    '#    interest: { kind: frozen }        # or { kind: continuing, rate: 24.9 }',
    '#    lastPaymentOn: YYYY-MM-DD         # the last payment or written acknowledgement',
    '',
    '# A change expected in what the household can afford (a job starting, a loan ending):',
    '# expectedChanges:',
    '#   - { from: YYYY-MM-DD, monthlyChange: 0.00, note: why }',
    '',
    '# A Breathing Space moratorium (England and Wales): standard or mental-health-crisis.',
    '# breathingSpace: { kind: standard, start: YYYY-MM-DD, end: YYYY-MM-DD }',
    '',
    "# The customer's circumstances, only with their consent to record them (toRecord) and, for",
    `# what goes to creditors (forCreditors), to share them (toShare). Drivers: ${or([...VULNERABILITY_DRIVERS, 'other'])}.`,
    '# vulnerabilityConsent: { toRecord: true, toShare: false, on: YYYY-MM-DD }',
    '# vulnerabilities:',
    '#   - { driver: health, note: what the advisor needs to know }',
    '',
    "# notes: for the advisor's file, never sent",
    '# notesForCreditors: sent to creditors with the SFS',
    '',
  ].join('\n');
}
