/**
 * Schedules as CSV in long format, one row per instalment per option, for spreadsheets and scripts.
 * Money is two-decimal text (toFixed2); text cells are made safe from formula injection.
 */
import { stringify } from 'csv-stringify/sync';
import { toFixed2 } from '../../core/money.js';
import type { Instalment, PlanProposal } from '../../core/plan/types.js';
import { csvSafeText } from '../shared/csv-safe.js';
import { optionKey } from './select.js';

export const SCHEDULE_CSV_COLUMNS = [
  'option_kind',
  'option_key',
  'option_label',
  'affordable',
  'n',
  'date',
  'moved_from',
  'amount',
  'interest',
  'principal',
  'balance',
  'creditor',
] as const;

/** One instalment as CSV cells: n, due, moved from, amount, interest, principal, balance after. */
function instalmentCells(instalment: Instalment): string[] {
  return [
    String(instalment.n),
    instalment.due,
    instalment.movedFrom ?? '',
    toFixed2(instalment.amount),
    toFixed2(instalment.interest),
    toFixed2(instalment.principal),
    toFixed2(instalment.balanceAfter),
  ];
}

/**
 * Every option's schedule, or only those at `optionIndexes`, with a header row. With several
 * creditors, one row per instalment per creditor (their part of it), named in `creditor`. An agreed
 * plan (the advise export) gives `overrideReason`, '' when none was needed: it fills an
 * `override_reason` column.
 */
export function renderScheduleCsv(proposal: PlanProposal, optionIndexes?: readonly number[], overrideReason?: string): string {
  const chosen = optionIndexes ? proposal.options.filter((_, i) => optionIndexes.includes(i)) : proposal.options;
  const rows = chosen.flatMap((option) => {
    const cells = (instalment: Instalment, creditor: string) => [
      option.kind,
      optionKey(option),
      csvSafeText(option.label),
      option.affordable ? 'true' : 'false',
      ...instalmentCells(instalment),
      csvSafeText(creditor),
      ...(overrideReason === undefined ? [] : [csvSafeText(overrideReason)]),
    ];
    if (!option.creditors) return option.instalments.map((instalment) => cells(instalment, ''));
    const byCreditor = option.creditors.map((creditor) => new Map(creditor.instalments.map((instalment) => [instalment.n, instalment])));
    return option.instalments.flatMap((instalment) =>
      (option.creditors ?? []).flatMap((creditor, i) => {
        const part = byCreditor[i]?.get(instalment.n);
        return part ? [cells(part, creditor.creditor)] : [];
      }),
    );
  });
  const columns = overrideReason === undefined ? SCHEDULE_CSV_COLUMNS : [...SCHEDULE_CSV_COLUMNS, 'override_reason'];
  return stringify(rows, { header: true, columns: [...columns] });
}

/** The schedule CSV of no plan at all (a moratorium with no end): the header, and no rows. */
export const renderNoScheduleCsv = (): string => stringify([], { header: true, columns: [...SCHEDULE_CSV_COLUMNS] });
