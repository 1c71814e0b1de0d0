/**
 * What the plan's outputs for the advisor (table, JSON) say of each debt past the limitation
 * period: a note for the file, never sent to the other creditors (domain notes 2.9).
 */
import type { Statement } from '../../core/statement.js';
import { limitationFor, type PossiblyBarredDebt } from '../../core/time-limits.js';

/** Why the debt is left out of the offers (or included all the same), in a sentence or two. */
export function possiblyBarredNote({ status, reason }: PossiblyBarredDebt, statement: Pick<Statement, 'jurisdiction'> | undefined): string {
  const { years, law } = limitationFor(statement ?? {});
  const old = `the last payment or written acknowledgement was more than ${years} years ago, so the debt may be statute-barred (${law}; CONC 7.15)`;
  switch (status) {
    case 'unchecked':
      return `Left out of the offers until a person has checked it: ${old}. Nothing is offered and no letter is written to this creditor.`;
    case 'time-run-out':
      return `Left out of the offers: ${old}, and a person is reasonably sure nothing was paid or acknowledged in writing in that time. The "time has run out" letter goes to this creditor instead of an offer.`;
    case 'included':
      return `Offered money all the same, although ${old}. Reason given: ${reason ?? ''}`;
  }
}
