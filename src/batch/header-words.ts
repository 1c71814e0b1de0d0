/**
 * What a header's words say it holds: the field it names (`--init-map` guesses a mapping from
 * them) and whether it names an income or outgoing at all (unmapped.ts reads whole numbers under
 * such a header as money).
 */
import { columnKey } from '../io/column-names.js';
import { AMOUNT_FIELDS, ALL_FIELDS, type Field } from './fields.js';

// Words that name a field, compared as whole words of the header (after columnKey's tidying).
const WORDS: Readonly<Record<Field, readonly string[]>> = {
  account_id: ['account id', 'account ref', 'account reference', 'account number', 'account no', 'account', 'ref', 'reference'],
  customer_name: ['customer name', 'client name', 'name', 'customer', 'client', 'debtor'],
  balance: ['balance', 'amount owed', 'owed', 'outstanding', 'debt', 'total due', 'arrears'],
  apr: ['apr', 'interest rate', 'rate'],
  monthly_income: ['income', 'wage', 'wages', 'salary', 'pay', 'earnings', 'benefit', 'benefits', 'pension'],
  housing: ['housing', 'rent', 'mortgage', 'board', 'lodging'],
  council_tax: ['council tax', 'council'],
  utilities: ['utilities', 'utility', 'gas', 'electric', 'electricity', 'energy', 'water', 'phone', 'broadband', 'internet', 'mobile', 'tv licence', 'tv'],
  food: ['food', 'groceries', 'grocery', 'housekeeping', 'supermarket'],
  transport: ['transport', 'travel', 'fuel', 'petrol', 'car', 'bus', 'train', 'fares'],
  other_expenses: ['other expenses', 'other outgoings', 'other costs', 'other', 'childcare', 'insurance', 'clothing'],
  pay_frequency: ['pay frequency', 'frequency', 'paid', 'pay cycle'],
  next_pay_date: ['next pay date', 'next payday', 'next pay day', 'payday', 'pay date'],
  breathing_space_end: ['breathing space end', 'breathing space', 'moratorium end'],
  last_payment_date: ['last payment date', 'date of last payment', 'last payment', 'last paid'],
  adults: ['adults', 'adult', 'number of adults', 'no of adults', 'adults in household'],
  children: ['children', 'dependants', 'dependents', 'dependent children', 'number of children', 'no of children', 'kids'],
  tenure: ['tenure', 'housing tenure', 'housing status', 'residential status', 'home status', 'homeowner'],
  jurisdiction: ['jurisdiction', 'nation', 'country', 'legal system'],
};

/** The header in words: `Gas_&_Electric` is " gas electric ", with a space at each end for whole-word matching. */
export const words = (header: string): string => ` ${columnKey(header).replace(/_/g, ' ').replace(/[^a-z0-9 ]+/g, ' ').replace(/ +/g, ' ').trim()} `;

/** The word of `field` the header names, if any. */
export const named = (header: string, field: Field): string | undefined => WORDS[field].find((word) => words(header).includes(` ${word} `));

/** Whether the header names an income, an outgoing or a balance ("Water", "Weekly wage", "Amount Owed"). */
export const namesAnAmount = (header: string): boolean => ALL_FIELDS.some((field) => AMOUNT_FIELDS.has(field) && named(header, field) !== undefined);
