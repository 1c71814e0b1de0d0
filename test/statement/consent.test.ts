/**
 * Health and other circumstances are special category data (UK GDPR Art. 9): recorded only with the
 * customer's consent, and sent to creditors only with a separate consent to share, and then only
 * what is noted for creditors, never the note for the advisor's file.
 */
import { describe, expect, it } from 'vitest';
import { assessAffordability } from '../../src/core/affordability/assess.js';
import { parseIsoDate } from '../../src/core/date.js';
import { notesForCreditors, type Statement } from '../../src/core/statement.js';
import { parseStatementText } from '../../src/statement/load.js';
import { toSfsJson } from '../../src/statement/sfs.js';
import { toSfsSummaryJson } from '../../src/statement/sfs-summary.js';

const FILE_NOTE = 'Bipolar disorder, in hospital in October';
const FOR_CREDITORS = 'Please allow extra time to reply to letters.';

const statementWith = (extra: Record<string, unknown>): string =>
  JSON.stringify({
    household: { adults: 1, children: 0, vehicles: 0, tenure: 'tenant-private' },
    income: [{ category: 'earnings', label: 'Wages', amount: '1500.00', frequency: 'monthly' }],
    expenditure: [{ category: 'home', label: 'Rent', amount: '600.00', frequency: 'monthly' }],
    debts: [{ creditor: 'Acme Bank', balance: '2000.00' }],
    vulnerabilities: [{ driver: 'health', note: FILE_NOTE, forCreditors: FOR_CREDITORS }],
    notes: 'Customer sounded anxious on the phone',
    ...extra,
  });

const read = (extra: Record<string, unknown>): Statement => parseStatementText(statementWith(extra), 'statement.json');

/** Every note both SFS documents carry, as one text. */
function sentToCreditors(statement: Statement): string {
  const affordability = assessAffordability(statement, { asOf: parseIsoDate('2027-01-04') });
  return [JSON.parse(toSfsSummaryJson(statement, affordability)).notes, JSON.parse(toSfsJson(statement, affordability))['additional-notes']].flat().join('\n');
}

describe('consent about the customer’s circumstances', () => {
  it('sends nothing of them without consent to share, nor from a statement written before consent was recorded', () => {
    for (const statement of [read({}), read({ vulnerabilityConsent: { toRecord: true, toShare: false, on: '2026-12-01' } })]) {
      const sent = sentToCreditors(statement);
      expect(sent).not.toContain(FILE_NOTE);
      expect(sent).not.toContain(FOR_CREDITORS);
      // The file keeps it: the plan still goes to a person for review.
      expect(statement.vulnerabilities).toHaveLength(1);
    }
  });

  it('sends, with consent to share, what is noted for creditors and never the note for the advisor’s file', () => {
    const sent = sentToCreditors(read({ vulnerabilityConsent: { toRecord: true, toShare: true, on: '2026-12-01' } }));
    expect(sent).toContain(FOR_CREDITORS);
    expect(sent).not.toContain(FILE_NOTE);
  });

  it('keeps the statement’s notes for the file and sends only its notes for creditors', () => {
    const sent = sentToCreditors(read({ notesForCreditors: 'Customer is paid on the last Friday of the month.' }));
    expect(sent).toContain('Customer is paid on the last Friday of the month.');
    expect(sent).not.toContain('anxious');
  });

  it('refuses circumstances recorded without consent to record them, and a consent to share what may not be recorded', () => {
    expect(() => read({ vulnerabilityConsent: { toRecord: false, toShare: false } })).toThrow(
      expect.objectContaining({ code: 'invalid-statement', context: expect.objectContaining({ problems: [expect.objectContaining({ path: 'vulnerabilities' })] }) }),
    );
    expect(() => read({ vulnerabilities: [], vulnerabilityConsent: { toRecord: false, toShare: true } })).toThrow(
      expect.objectContaining({ code: 'invalid-statement', context: expect.objectContaining({ problems: [expect.objectContaining({ path: 'vulnerabilityConsent.toShare' })] }) }),
    );
    expect(read({ vulnerabilities: [], vulnerabilityConsent: { toRecord: false, toShare: false } }).vulnerabilities).toEqual([]);
  });
});

describe('consent to share, creditor by creditor', () => {
  const two = (creditors: readonly string[]): Statement =>
    read({ debts: [{ creditor: 'Acme Bank', balance: '2000.00' }, { creditor: 'Lender Ltd', balance: '500.00' }], vulnerabilityConsent: { toRecord: true, toShare: true, creditors } });

  it('tells only the creditors named, and puts nothing of it in a document every creditor reads unless all of them are named', () => {
    const some = two(['Acme Bank']);
    expect(notesForCreditors(some, 'Acme Bank')).toContain(FOR_CREDITORS);
    expect(notesForCreditors(some, 'Lender Ltd')).not.toContain(FOR_CREDITORS);
    expect(sentToCreditors(some)).not.toContain(FOR_CREDITORS);
    expect(sentToCreditors(two(['Acme Bank', 'Lender Ltd']))).toContain(FOR_CREDITORS);
  });

  it('refuses a creditor named in the consent that the statement does not owe', () => {
    expect(() => two(['Acme Bnak'])).toThrow(
      expect.objectContaining({ code: 'invalid-statement', context: expect.objectContaining({ problems: [expect.objectContaining({ path: 'vulnerabilityConsent.creditors' })] }) }),
    );
  });
});
