/**
 * The SFS summary the creditor letters enclose, laid out for a person as the familiar SFS sections
 * (household, overview, income, fixed and flexible costs, priority and non-priority debts, notes),
 * for the pack's DOCX and PDF. It is read from the very sfs-summary.json sent beside it, so the two
 * can never differ.
 */
import { formatMoney, money } from '../../core/money.js';
import { parseJsonExact } from '../../statement/json-exact.js';
import { NumberLiteral, type RawObject, type RawValue } from '../../statement/raw.js';
import type { Block, LetterDocument, TableRow } from '../letter/document.js';

/** What the SFS calls its fields, where their key does not say it plainly. */
const LABELS: Readonly<Record<string, string>> = {
  'council-tax-rates': 'Council tax / rates',
  'other-home-contents': 'Other home and contents',
  'other-utilities': 'Other utilities',
  'secured-loans': 'Secured loans',
  'total-water': 'Water',
  'total-care-health': 'Care and health',
  'total-transport-travel': 'Transport and travel',
  'total-school': 'School costs',
  'total-pensions-insurances': 'Pensions and insurance',
  'total-professional': 'Professional costs',
  'total-other-essential': 'Other essential costs',
  'total-communications-leisure': 'Communications and leisure',
  'total-food-housekeeping': 'Food and housekeeping',
  'total-personal': 'Personal costs',
  'total-earnings': 'Earnings',
  'total-benefits': 'Benefits',
  'total-pensions': 'Pensions',
  'total-other-income': 'Other income',
  'total-available-for-priority-debts': 'Available for priority debts',
  'total-available-for-non-priority-debts': 'Available for non-priority debts',
};

const TOTALS = new Set(['total-monthly-income', 'total-monthly-outgoings', 'total-fixed-costs', 'total-flexible-costs', 'total-priority-debts', 'total-non-priority-debts']);

const label = (key: string): string => {
  const plain = LABELS[key] ?? key.replace(/-/g, ' ');
  return plain.charAt(0).toUpperCase() + plain.slice(1);
};

const pounds = (value: RawValue | undefined): string => (value instanceof NumberLiteral ? formatMoney(money(value.source)) : '');

const isObject = (value: RawValue | undefined): value is RawObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof NumberLiteral);

/** The figures of an SFS section, each beside its label, its totals set apart. */
function figures(section: RawValue | undefined): TableRow[] {
  if (!isObject(section)) return [];
  return Object.entries(section).flatMap(([key, value]) => (value instanceof NumberLiteral ? [{ label: label(key), figures: [pounds(value)], total: TOTALS.has(key) }] : []));
}

function debts(list: RawValue | undefined, total: RawValue | undefined): TableRow[] {
  const rows = (Array.isArray(list) ? (list as readonly RawValue[]) : []).filter(isObject).map((debt) => ({
    label: `${typeof debt.creditor === 'string' ? debt.creditor : ''}${debt.ccj === true ? ' (County Court Judgment)' : ''}`,
    figures: [pounds(debt['amount-owed']), pounds(debt['repayment-offer'])],
  }));
  return [...rows, { label: 'Total', figures: [pounds(total), ''], total: true }];
}

const text = (value: RawValue | undefined): string => (typeof value === 'string' ? value : value instanceof NumberLiteral ? value.source : '');

const section = (heading: string, block: Block): Block[] => [{ kind: 'heading', text: heading }, block];

/** The summary `sfsSummaryJson` (toSfsSummaryJson's output) as a document. */
export function sfsSummaryDocument(sfsSummaryJson: string): LetterDocument {
  const sfs = parseJsonExact(sfsSummaryJson) as RawObject;
  const outgoings = isObject(sfs['monthly-outgoings']) ? sfs['monthly-outgoings'] : {};
  const owed = isObject(sfs.debts) ? sfs.debts : {};
  const notes = Array.isArray(sfs.notes) ? (sfs.notes as readonly RawValue[]).map(text).filter(Boolean) : [];
  const employment = Array.isArray(sfs['client-employment-status']) ? (sfs['client-employment-status'] as readonly RawValue[]).map(text) : [];
  const household: TableRow[] = [
    ['Name', text(sfs['client-name']) || 'not given'],
    ['Address', text(sfs['client-address']) || 'not given'],
    ['Joint application', sfs['is-joint-application'] === true ? 'Yes' : 'No'],
    ['Dependent children under 16', text(sfs['dependent-children-under-16'])],
    ['Dependent children aged 16 to 18', text(sfs['dependent-children-16-18'])],
    ['Other dependants', text(sfs['other-dependents'])],
    ['Non-dependants', text(sfs['non-dependents'])],
    ['People in the household', text(sfs['total-number-in-household'])],
    ['Vehicles', text(sfs.vehicles)],
    ['Housing', text(sfs['housing-tenure'])],
    ['Employment', [...employment.filter((e) => e !== 'Other'), ...(employment.includes('Other') ? [text(sfs['client-employment-status-other'])] : [])].join(', ')],
  ].map(([name, value]) => ({ label: name ?? '', figures: [value ?? ''] }));
  const blocks: Block[] = [
    { kind: 'title', text: 'Standard Financial Statement (summary)' },
    { kind: 'paragraph', lines: ['Monthly figures. The offer to each creditor is under Non-priority debts.'] },
    ...section('Household', { kind: 'table', rows: household }),
    ...section('Overview', { kind: 'table', rows: figures(sfs.overview) }),
    ...section('Monthly income', { kind: 'table', rows: figures(sfs['monthly-income']) }),
    ...section('Fixed costs', { kind: 'table', rows: figures(outgoings['fixed-costs']) }),
    ...section('Flexible costs', { kind: 'table', rows: figures(outgoings['flexible-costs']) }),
    { kind: 'table', rows: [{ label: 'Total monthly outgoings', figures: [pounds(outgoings['total-monthly-outgoings'])], total: true }] },
    ...section('Priority debts', { kind: 'table', columns: ['Owed', 'Payment'], rows: debts(owed['priority-debts'], owed['total-priority-debts']) }),
    ...section('Non-priority debts', { kind: 'table', columns: ['Owed', 'Offer'], rows: debts(owed['non-priority-debts'], owed['total-non-priority-debts']) }),
    ...(notes.length > 0 ? section('Notes', { kind: 'paragraph', lines: notes }) : []),
  ];
  return { title: 'Standard Financial Statement (summary)', blocks };
}
