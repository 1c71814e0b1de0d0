/**
 * Writing a statement in fairplan's format. Amounts are written as strings at full precision
 * (Decimal's own text, never a float), so the file reads back as exactly the same statement.
 */
import type { Money } from '../core/money.js';
import type { Line, RegularAmount, Statement } from '../core/statement.js';

const exact = (m: Money): string => m.toFixed();

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

const line = (l: Line<string>) => ({
  category: l.category,
  label: l.label,
  amount: exact(l.amount),
  frequency: l.frequency,
  ...optional('sfs', l.sfs),
  ...optional('note', l.note),
});

const regular = (r: RegularAmount | undefined) =>
  r && { amount: exact(r.amount), frequency: r.frequency, ...optional('note', r.note) };

export function toFairplanJson(statement: Statement): string {
  const document = {
    ...optional('currency', statement.currency),
    ...optional('jurisdiction', statement.jurisdiction),
    ...optional('customer', statement.customer),
    household: statement.household,
    income: statement.income.map(line),
    expenditure: statement.expenditure.map(line),
    priorityDebts: statement.priorityDebts.map((d) => ({
      creditor: d.creditor,
      balance: exact(d.balance),
      payment: exact(d.payment),
      frequency: d.frequency,
      ...optional('note', d.note),
    })),
    debts: statement.debts.map((d) => ({
      creditor: d.creditor,
      balance: exact(d.balance),
      ...optional('interest', d.interest && (d.interest.kind === 'frozen' ? { kind: 'frozen' } : { kind: 'continuing', rate: d.interest.annualRatePercent.toString() })),
      ...optional('ccj', d.ccj),
      ...optional('lastPaymentOn', d.lastPaymentOn),
      ...optional('accountReference', d.accountReference),
      ...optional('owner', d.owner),
      ...optional('note', d.note),
    })),
    ...optional('savings', regular(statement.savings)),
    ...optional('debtAdminFee', regular(statement.debtAdminFee)),
    vulnerabilities: statement.vulnerabilities,
    ...optional('vulnerabilityConsent', statement.vulnerabilityConsent),
    ...optional('pay', statement.pay),
    expectedChanges: statement.expectedChanges.map((c) => ({
      from: c.from,
      monthlyChange: exact(c.monthlyChange),
      note: c.note,
    })),
    ...optional('takenOn', statement.takenOn),
    ...optional('breathingSpace', statement.breathingSpace),
    ...optional('notes', statement.notes),
    ...optional('notesForCreditors', statement.notesForCreditors),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
