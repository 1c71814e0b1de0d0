/**
 * `fairplan check --json`: the affordability check for scripts. Money is a string with two decimals,
 * never a float. Monthly figures are the core's whole pence (each line rounded half up once, every
 * total the sum of its lines), so they add up as given; offers add up to `offersTotal`. Amounts as
 * entered (`amount`, `balance`, `payment`) are shown rounded half up. `flags` is the list of codes;
 * `flagDetails` carries the reasons.
 */
import type { Affordability, MonthlyLine } from '../../core/affordability/types.js';
import { sumPennies, toFixed2 } from '../../core/money.js';
import type { Provenance } from '../../core/provenance.js';
import { ADVICE_SIGNPOST } from '../../core/signpost.js';
import type { StatementWarning } from '../../statement/warnings.js';
import { FORMAT_VERSION } from '../shared/format-version.js';

function lineJson({ line, monthly }: MonthlyLine<string>) {
  return {
    category: line.category,
    label: line.label,
    amount: toFixed2(line.amount),
    frequency: line.frequency,
    monthly: toFixed2(monthly),
    ...(line.note ? { note: line.note } : {}),
  };
}

export function checkJson(result: Affordability, warnings: readonly StatementWarning[] = [], provenance?: Provenance) {
  const { statement, totals } = result;
  return {
    formatVersion: FORMAT_VERSION,
    asOf: result.asOf,
    currency: statement.currency ?? 'GBP',
    household: statement.household,
    income: {
      total: toFixed2(totals.income),
      sections: Object.fromEntries(Object.entries(result.incomeBySection).map(([k, v]) => [k, toFixed2(v)])),
      lines: result.income.map(lineJson),
    },
    expenditure: {
      total: toFixed2(totals.expenditure),
      fixed: toFixed2(totals.fixed),
      flexible: toFixed2(totals.flexible),
      sections: Object.fromEntries(Object.entries(result.expenditureBySection).map(([k, v]) => [k, toFixed2(v)])),
      lines: result.expenditure.map(lineJson),
    },
    surplus: toFixed2(totals.surplus),
    savings: toFixed2(totals.savings),
    debtAdminFee: toFixed2(totals.debtAdminFee),
    availableForPriority: toFixed2(totals.availableForPriority),
    priorityDebts: {
      total: toFixed2(totals.priorityPayments),
      debts: result.priorityDebts.map(({ debt, monthly }) => ({
        creditor: debt.creditor,
        balance: toFixed2(debt.balance),
        payment: toFixed2(debt.payment),
        frequency: debt.frequency,
        monthly: toFixed2(monthly),
      })),
    },
    available: toFixed2(totals.available),
    offers: result.offers.map((o) => ({
      creditor: o.debt.creditor,
      balance: toFixed2(o.debt.balance),
      offer: toFixed2(o.offer),
      ...(o.debt.ccj ? { ccj: true } : {}),
    })),
    offersTotal: toFixed2(sumPennies(result.offers.map((o) => o.offer))),
    guidelines: result.guidelines
      ? {
          name: result.guidelines.source.name,
          version: result.guidelines.source.version,
          effectiveFrom: result.guidelines.source.effectiveFrom,
          official: result.guidelines.source.official,
          household: result.guidelines.household,
          checks: result.guidelines.checks.map((c) => ({
            category: c.category,
            spent: toFixed2(c.spent),
            guideline: toFixed2(c.guideline),
            over: toFixed2(c.over),
            status: c.status,
            explained: c.explained,
          })),
        }
      : null,
    flags: result.flags.map((f) => f.code),
    flagDetails: result.flags.map((f) => ({ code: f.code, reason: f.reason, review: f.review, details: f.details ?? [] })),
    warnings: warnings.map((w) => ({ code: w.code, path: w.path, ...(w.stated ? { stated: toFixed2(w.stated) } : {}), ...(w.computed ? { computed: toFixed2(w.computed) } : {}), message: w.message })),
    signpost: ADVICE_SIGNPOST,
    ...(provenance ? { provenance } : {}),
  };
}

/**
 * `warnings`: what the statement file states that fairplan did not take as written (an SFS summary's
 * wrong totals). `provenance`: what the check was made from (the command line always gives it).
 */
export const renderCheckJson = (result: Affordability, warnings: readonly StatementWarning[] = [], provenance?: Provenance): string =>
  `${JSON.stringify(checkJson(result, warnings, provenance), null, 2)}\n`;
