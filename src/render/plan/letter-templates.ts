/**
 * fairplan's own words for the letters of a pack, as Mustache templates (see ../letter/document.ts
 * for how their output is read: `# ` heads the letter, `## ` a section, `- ` a list item). An
 * organisation words any of them its own way with `--templates DIR`, a file of the same name each;
 * docs/letters.md lists what each may use. Sentences that depend on the plan (the offer, how it was
 * worked out) come ready-made, so a template stays logic-less.
 */
import type { LetterSpec } from '../letter/template.js';
import { LETTERHEAD_LISTS, LETTERHEAD_PLACEHOLDERS } from './letterhead.js';

const LETTERHEAD = `{{sender_organisation}}
{{#sender_address}}
{{.}}
{{/sender_address}}
Telephone: {{sender_phone}}
{{#sender_email}}
Email: {{sender_email}}
{{/sender_email}}

{{date}}
`;

/**
 * The head of a letter to a creditor: who sends it, the date, whose account it is, the salutation.
 * Composed here, not a Mustache partial: a letter's template may not include another
 * (../letter/template.ts refuses partials), so each creditor's letter is written with it in place.
 */
const TO_CREDITOR = `${LETTERHEAD}
{{creditor}}

Your account: {{account_reference}}
Customer: {{customer_name}}
{{#customer_address}}
{{.}}
{{/customer_address}}
{{#customer_reference}}
Our reference: {{customer_reference}}
{{/customer_reference}}

Dear Sir or Madam
`;

/** The offer to one creditor of a plan, with the SFS summary enclosed. */
export const CREDITOR_OFFER: LetterSpec = {
  file: 'creditor-offer.mustache',
  placeholders: [
    ...LETTERHEAD_PLACEHOLDERS,
    'creditor',
    'account_reference',
    'heading',
    'offer',
    'limitation',
    'how_worked_out',
    'token',
    'token_reason',
    'review_date',
    'interest_notes',
    'payments',
    'first_payment_date',
    'signpost',
    'reference',
  ],
  lists: [...LETTERHEAD_LISTS, 'limitation', 'interest_notes'],
  text: `${TO_CREDITOR}
# {{heading}}

We act for the customer named above, who has asked us to help with their debts. We write to offer you payment.

## The offer
{{offer}}

{{#limitation}}
{{.}}

{{/limitation}}
## How the offer was worked out
{{how_worked_out}}

{{#token}}
## Why this is a token payment
{{token_reason}} We will review the customer’s budget by {{review_date}} and write to you again then.

{{/token}}
## Interest, charges and recovery action
{{#interest_notes}}
{{.}}

{{/interest_notes}}
We ask you to freeze interest and charges while the customer keeps to this arrangement, and to hold any recovery action, as forbearance for a customer in financial difficulty (CONC 7.3.5G).

## Payments
{{payments}}

Please confirm that you accept this offer. Payments will start on {{first_payment_date}} whether or not we have heard from you.

## Enclosed
The customer’s Standard Financial Statement (SFS), showing their income, their outgoings and what is offered to each creditor.

## Free debt advice
{{signpost}}

Yours faithfully

{{sender_adviser}}
{{sender_organisation}}
{{#reference}}

{{reference}}
{{/reference}}
`,
};

/**
 * The customer’s own letter: what they pay, to whom, how and when; the priority debts to keep
 * paying; what to do if things change. In a pack (\`pack\`) it is headed as a letter sent by post;
 * printed alone (\`plan --letter\`) it is the body only.
 */
export const CUSTOMER_LETTER: LetterSpec = {
  file: 'customer.mustache',
  placeholders: [
    ...LETTERHEAD_PLACEHOLDERS,
    'pack',
    'heading',
    'paused',
    'what_you_pay',
    'shared',
    'sharing',
    'creditor_payments',
    'has_priority_debts',
    'priority_debts',
    'interest',
    'has_older_debts',
    'has_unchecked_debts',
    'unchecked_debts',
    'unchecked_creditors',
    'limitation_why',
    'older_debts',
    'circumstances',
    'signpost',
    'reference',
  ],
  lists: [...LETTERHEAD_LISTS, 'paused', 'what_you_pay', 'creditor_payments', 'priority_debts', 'unchecked_creditors', 'older_debts'],
  text: `{{#pack}}
${LETTERHEAD}
{{customer_name}}
{{#customer_address}}
{{.}}
{{/customer_address}}
{{#customer_reference}}
Our reference: {{customer_reference}}
{{/customer_reference}}

Dear {{customer_name}}

{{/pack}}
# {{heading}}

Thank you for going through your budget with us. This letter sets out what we discussed, based on the income and outgoings you told us about.

## What you pay
{{#paused}}
{{.}}

{{/paused}}
{{#what_you_pay}}
{{.}}

{{/what_you_pay}}
{{#shared}}
## How each payment is shared
{{sharing}}

{{^pack}}
{{#creditor_payments}}
- {{.}}
{{/creditor_payments}}

{{/pack}}
{{/shared}}
{{#pack}}
## Paying each creditor
Pay each creditor directly, by standing order or in the way they ask, quoting your account number with them. Make each payment on or just after your payday:

{{#creditor_payments}}
- {{.}}
{{/creditor_payments}}

{{/pack}}
{{#has_priority_debts}}
## Keep paying your priority debts
Keep paying these first, as you do now: missing them can mean losing your home or your energy supply, or court action.

{{#priority_debts}}
- {{.}}
{{/priority_debts}}

{{/has_priority_debts}}
## Interest and charges
{{interest}}

{{#has_older_debts}}
## Older debts
{{#has_unchecked_debts}}
Nothing is offered to {{unchecked_debts}}. {{limitation_why}}

{{/has_unchecked_debts}}
{{#unchecked_creditors}}
Please do not pay, sign or promise anything to {{.}} until it has been checked: if the time limit has not yet run out, a payment or a signed letter would start it again. If they contact you, tell us, or a free debt adviser.

{{/unchecked_creditors}}
{{#older_debts}}
{{.}}

{{/older_debts}}
{{/has_older_debts}}
## If your circumstances change
{{circumstances}}

## Free debt advice
{{signpost}}
{{#pack}}

Yours sincerely

{{sender_adviser}}
{{sender_organisation}}
{{/pack}}
{{#reference}}

{{reference}}
{{/reference}}
`,
};

/**
 * The "time has run out" letter to the creditor of a debt past the limitation period
 * (\`plan --time-run-out\`): headed as the offer letters are (who sends it, the date, whose account),
 * worded as from the customer and signed by them. It makes no offer and states no balance.
 */
export const TIME_RUN_OUT: LetterSpec = {
  file: 'time-run-out.mustache',
  placeholders: [...LETTERHEAD_PLACEHOLDERS, 'creditor', 'account_reference', 'law', 'reference'],
  lists: [...LETTERHEAD_LISTS],
  text: `${TO_CREDITOR}
# Time has run out to recover this debt

I am writing about the account above. I do not admit any liability for this debt.

{{law}}

The Financial Conduct Authority’s rules say that a firm must not try to recover a statute-barred debt if it was not in contact with the customer during the limitation period (CONC 7.15.4), and must not continue to ask for payment once the customer has said that they will not pay because the debt is statute-barred (CONC 7.15.8).

I will not be making any payment towards this debt. If you believe that I made a payment or acknowledged the debt in writing within that period, please send me evidence of it.

Please confirm in writing that you have closed this matter and that you will not contact me about it again.

Yours faithfully

{{customer_name}}
{{#reference}}

{{reference}}
{{/reference}}
`,
};

/** Every letter a \`--templates\` folder may word its own way. */
export const LETTER_SPECS: readonly LetterSpec[] = [CREDITOR_OFFER, CUSTOMER_LETTER, TIME_RUN_OUT];
