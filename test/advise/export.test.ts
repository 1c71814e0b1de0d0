import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADVISE_FILES, ADVISE_STATEMENT_FILES, adviseFiles } from '../../src/advise/export-files.js';
import { folderExporter, type ExportBundle } from '../../src/advise/export.js';
import { ABOVE_BUDGET, withOverrideNote } from '../../src/advise/override.js';
import { indexOfChoice, proposeFor } from '../../src/advise/plans.js';
import { assessAffordability } from '../../src/core/affordability/assess.js';
import { parseIsoDate } from '../../src/core/date.js';
import { money } from '../../src/core/money.js';
import type { Statement } from '../../src/core/statement.js';
import { letterReference, provenanceReference } from '../../src/core/provenance.js';
import { ADVICE_SIGNPOST } from '../../src/core/signpost.js';
import { parseStatementText } from '../../src/statement/load.js';
import { asOrdinaryUser, readOnlyFolder } from '../helpers/read-only.js';
import { sfsValidator } from '../helpers/sfs-schema.js';
import { FAMILY, SESSION } from './statements.js';
import { ROOT } from '../helpers/cli.js';

/** An export's plan.json is plan --json's document with the option agreed: schema/plan.schema.json holds it. */
const planSchema = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(path.join(ROOT, 'schema', 'plan.schema.json'), 'utf8')));
const schemaErrors = (plan: unknown) => (planSchema(plan) ? [] : planSchema.errors!.map((e) => `${e.instancePath} ${e.message}`));

let folder: string;
beforeEach(() => {
  folder = path.join(mkdtempSync(path.join(tmpdir(), 'fairplan-export-')), 'fairplan-export-2026-11-25');
});
afterEach(() => rmSync(path.dirname(folder), { recursive: true, force: true }));

/** The family's statement with the affordable plan agreed. */
function agreed(): ExportBundle {
  const asOf = parseIsoDate('2026-11-25');
  const affordability = assessAffordability(FAMILY, { asOf });
  const proposal = proposeFor(affordability, { asOf });
  const optionIndex = indexOfChoice(proposal, { kind: 'affordable' }) ?? -1;
  return { statement: FAMILY, affordability, proposal, optionIndex, asOf, session: SESSION };
}

describe('what the export sends creditors of the customer’s circumstances', () => {
  const HEALTH = 'Severe depression, under the crisis team';
  const FOR_CREDITORS = 'Please write rather than phone.';
  const sent = async (vulnerabilityConsent?: Statement['vulnerabilityConsent']): Promise<Record<string, string>> => {
    const statement: Statement = {
      ...FAMILY,
      vulnerabilities: [{ driver: 'health', note: HEALTH, forCreditors: FOR_CREDITORS }],
      ...(vulnerabilityConsent ? { vulnerabilityConsent } : {}),
    };
    const asOf = parseIsoDate('2026-11-25');
    const affordability = assessAffordability(statement, { asOf });
    const proposal = proposeFor(affordability, { asOf });
    const optionIndex = indexOfChoice(proposal, { kind: 'affordable' }) ?? -1;
    await folderExporter(ADVISE_FILES).export(folder, { statement, affordability, proposal, optionIndex, asOf, session: SESSION, overrideReason: 'Customer asked for this plan after review' });
    const files = readdirSync(folder).filter((name) => name.startsWith('letter-') || name === 'sfs-summary.json');
    return Object.fromEntries(files.map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]));
  };

  it('sends no health note in the SFS summary or a creditor’s letter without consent to share', async () => {
    for (const consent of [undefined, { toRecord: true, toShare: false }]) {
      const files = await sent(consent);
      expect(Object.keys(files)).toContain('sfs-summary.json');
      for (const [name, text] of Object.entries(files)) {
        expect(text, name).not.toContain(HEALTH);
        expect(text, name).not.toContain(FOR_CREDITORS);
      }
      rmSync(folder, { recursive: true });
    }
  });

  it('with consent to share, sends what is noted for creditors and still not the note for the file', async () => {
    const files = await sent({ toRecord: true, toShare: true });
    expect(JSON.parse(files['sfs-summary.json'] ?? '{}').notes).toContain(FOR_CREDITORS);
    for (const [name, text] of Object.entries(files)) expect(text, name).not.toContain(HEALTH);
  });
});

describe('the export at the end of a session', () => {
  it('writes the statement, the agreed schedule, payment reminders, the letter and a letter to each creditor into the folder named', async () => {
    const { proposal, optionIndex, ...bundle } = agreed();
    const written = await folderExporter(ADVISE_FILES).export(folder, { proposal, optionIndex, ...bundle });

    // Each letter, and the SFS summary laid out, as text, DOCX and PDF; the customer's letter is the pack's.
    const formats = (name: string) => [`${name}.txt`, `${name}.docx`, `${name}.pdf`];
    expect(written.map((w) => path.basename(w.path))).toEqual([
      'statement.json', 'statement-sfs.json', 'schedule.csv', 'plan.json', 'payments.ics',
      ...formats('letter-01-acme-bank'), ...formats('letter-02-lender-ltd'), ...formats('letter'), ...formats('sfs-summary'), 'sfs-summary.json',
    ]);
    expect(readdirSync(folder).sort()).toEqual(written.map((w) => path.basename(w.path)).sort());

    const statement = parseStatementText(readFileSync(path.join(folder, 'statement.json'), 'utf8'), 'statement.json');
    expect(statement.debts.map((d) => [d.creditor, d.balance.toFixed(2)])).toEqual([['Acme Bank', '3000.00'], ['Lender Ltd', '1000.00']]);

    // The SFS document reads back as the same household: 1,800.00 income, 4,000.00 owed to others.
    const sfs = parseStatementText(readFileSync(path.join(folder, 'statement-sfs.json'), 'utf8'), 'statement-sfs.json');
    expect(sfs.income.map((l) => l.amount.toFixed(2))).toEqual(['1800.00']);
    expect(sfs.debts.map((d) => d.balance.toFixed(2))).toEqual(['3000.00', '1000.00']);

    // The customer's budget, and any note shared with the creditors, readable by the advisor alone.
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(folder)) expect(statSync(path.join(folder, name)).mode & 0o777, name).toBe(0o600);

    // 4,000.00 at 500.00 a month: 8 instalments, the first on 25 November 2026, each shared by the two
    // creditors (3,000.00 and 1,000.00 owed): a row for each creditor's part, 375.00 and 125.00.
    const csv = readFileSync(path.join(folder, 'schedule.csv'), 'utf8').trim().split(/\r?\n/);
    expect(csv).toHaveLength(1 + 8 * 2);
    expect(csv[1]).toContain('2026-11-25');
    expect(csv[1]).toMatch(/375\.00.*Acme Bank/);
    expect(csv[2]).toMatch(/125\.00.*Lender Ltd/);
    // The agreed plan needed no override: its column is there, empty.
    expect(csv[0]).toMatch(/,override_reason$/);
    expect(csv[1]).toMatch(/,$/);
    const plan = JSON.parse(readFileSync(path.join(folder, 'plan.json'), 'utf8'));
    expect(plan.agreed).toEqual({ index: optionIndex, key: 'affordable', label: proposal.options[optionIndex]?.label, affordable: true });
    expect(schemaErrors(plan)).toEqual([]);
    const ics = readFileSync(path.join(folder, 'payments.ics'), 'utf8');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(8);
    const letter = readFileSync(path.join(folder, 'letter.txt'), 'utf8').replace(/\s+/g, ' ');
    expect(letter).toContain('8 monthly payments of £500.00');
    expect(letter).toContain(ADVICE_SIGNPOST);
    // Each creditor's letter offers them their share of the 500.00, with the signpost.
    const acme = readFileSync(path.join(folder, 'letter-01-acme-bank.txt'), 'utf8').replace(/\s+/g, ' ');
    expect(acme).toContain('We offer you £375.00 a month, your share of the customer’s payment of £500.00 a month');
    expect(acme).toContain(ADVICE_SIGNPOST);
    const lender = readFileSync(path.join(folder, 'letter-02-lender-ltd.txt'), 'utf8').replace(/\s+/g, ' ');
    expect(lender).toContain('We offer you £125.00 a month');
    const summary = JSON.parse(readFileSync(path.join(folder, 'sfs-summary.json'), 'utf8'));
    expect(summary.debts['non-priority-debts'].map((d: Record<string, unknown>) => [d.creditor, d['repayment-offer']])).toEqual([
      ['Acme Bank', 375],
      ['Lender Ltd', 125],
    ]);
  });

  it('keeps the reason of an override in the statement, the plan JSON and the schedule, and the letter says the payments are above the budget', async () => {
    const asOf = parseIsoDate('2026-11-25');
    // Wages of 1,400.00 leave 100.00 a month; 12 months of 4,000.00 needs 333.34 a month.
    const tight = { ...FAMILY, income: [{ ...FAMILY.income[0]!, amount: money('1400.00') }] };
    const affordability = assessAffordability(tight, { asOf });
    const proposal = proposeFor(affordability, { asOf });
    const optionIndex = indexOfChoice(proposal, { kind: 'fixed-term', termMonths: 12 }) ?? -1;
    const reason = '=Partner starts work in January, see file';
    const statement = withOverrideNote(tight, [ABOVE_BUDGET], reason);
    await folderExporter(ADVISE_FILES).export(folder, { statement, affordability, proposal, optionIndex, asOf, session: SESSION, overrideReason: reason });
    const read = (name: string) => readFileSync(path.join(folder, name), 'utf8');

    expect(JSON.parse(read('statement.json')).notes).toBe(
      'Plan agreed all the same although the payments are above what the budget shows is affordable. Reason given: =Partner starts work in January, see file',
    );
    // The override's note is for the advisor's file (it may name a review flag such as a vulnerability); the letters state the reason.
    expect(read('statement-sfs.json')).not.toContain('Reason given');
    expect(JSON.parse(read('plan.json')).agreed).toMatchObject({ key: 'fixed-term-12', affordable: false, overrideReason: reason });
    expect(schemaErrors(JSON.parse(read('plan.json')))).toEqual([]);
    const rows: Record<string, string>[] = parse(read('schedule.csv'), { columns: true });
    // 12 payments, each shared by the two creditors: a row for each creditor's part.
    expect(rows).toHaveLength(12 * 2);
    // A spreadsheet would run a reason starting with = as a formula: it is kept as text.
    expect(new Set(rows.map((row) => row.override_reason))).toEqual(new Set([`'${reason}`]));
    expect(read('letter.txt').replace(/\s+/g, ' ')).toContain('these payments are more than your budget shows you can afford');
  });
});

describe('the provenance of an export', () => {
  it('names the statement saved beside the plan by its SHA-256, every reminder carries the plan’s reference and every letter one of its own', async () => {
    const session = { fairplanVersion: '0.1.0', options: { '--calendar': 'scotland' }, inputs: [] };
    await folderExporter(ADVISE_FILES).export(folder, { ...agreed(), session });
    const read = (name: string) => readFileSync(path.join(folder, name), 'utf8');

    const { provenance } = JSON.parse(read('plan.json'));
    expect(provenance.inputs).toEqual([{ role: 'statement', file: 'statement.json', sha256: createHash('sha256').update(read('statement.json')).digest('hex') }]);
    expect(provenance).toMatchObject({ fairplan: '0.1.0', asOf: '2026-11-25', options: { '--calendar': 'scotland', agreed: 'affordable' } });
    const reference = provenanceReference(provenance);
    // Each letter ends with its own reference: of this provenance and the letter's text above it.
    const letters = ['letter.txt', 'letter-01-acme-bank.txt', 'letter-02-lender-ltd.txt'].map(read);
    for (const letter of letters) {
      const last = letter.trimEnd().split('\n').at(-1) ?? '';
      expect(last).toBe(letterReference(provenance, letter.slice(0, letter.lastIndexOf(`\n${last}`))));
    }
    expect(new Set(letters.map((letter) => letter.trimEnd().split('\n').at(-1))).size).toBe(3);
    expect(read('payments.ics').replace(/\r?\n[ \t]/g, '')).toContain(reference);
  });
});

describe('the SFS documents of an agreed plan', () => {
  it('offer each creditor their pro-rata share of the agreed payment, not of what the check found affordable, as the letters do', async () => {
    const asOf = parseIsoDate('2026-11-25');
    const affordability = assessAffordability(FAMILY, { asOf });
    const choice = { kind: 'affordable' as const, frequency: 'fortnightly' as const, amount: money('100.00') };
    const proposal = proposeFor(affordability, { asOf }, choice);
    const optionIndex = indexOfChoice(proposal, choice) ?? -1;
    await folderExporter(ADVISE_FILES).export(folder, { statement: FAMILY, affordability, proposal, optionIndex, asOf, session: SESSION });

    const debts = JSON.parse(readFileSync(path.join(folder, 'statement-sfs.json'), 'utf8')).debts;
    // £100.00 a fortnight is £216.67 a month, shared 3 : 1 (the check's offers were 375.00 and 125.00).
    expect(debts['non-priority-debts'].map((d: Record<string, unknown>) => [d.creditor, d['repayment-offer']])).toEqual([
      ['Acme Bank', 162.5],
      ['Lender Ltd', 54.17],
    ]);
    // What was available stays the check's figure.
    expect(debts['total-available-for-non-priority-debts']).toBe(500);
    // The summary sent with the letters offers the same; the letters offer each their share a fortnight.
    const summary = JSON.parse(readFileSync(path.join(folder, 'sfs-summary.json'), 'utf8')).debts;
    expect(summary['non-priority-debts']).toEqual(debts['non-priority-debts']);
    expect(readFileSync(path.join(folder, 'letter-01-acme-bank.txt'), 'utf8').replace(/\s+/g, ' ')).toContain('We offer you £75.00 a fortnight');
  });
});

describe('a folder the export cannot go into: one plain sentence, and nothing written', () => {
  const exportInto = (target: string) => folderExporter(ADVISE_FILES).export(target, agreed());

  it('a folder inside one that does not exist: no such folder (only the folder named is made)', async () => {
    const target = path.join(folder, 'customer');
    await expect(exportInto(target)).rejects.toMatchObject({ message: 'no such folder', context: { file: target } });
    expect(existsSync(folder)).toBe(false);
  });

  it('a file given as the folder: is a file, and the file is left alone', async () => {
    writeFileSync(folder, 'notes\n');
    await expect(exportInto(folder)).rejects.toMatchObject({ message: 'is a file, not a folder', context: { file: folder } });
    expect(readFileSync(folder, 'utf8')).toBe('notes\n');
  });

  it('a folder that cannot be made, or cannot be written: cannot write here', async () => {
    const readOnly = readOnlyFolder();
    const inside = path.join(readOnly, 'fairplan-export-2026-11-25');
    await expect(asOrdinaryUser(() => exportInto(inside))).rejects.toMatchObject({ message: 'cannot write here', context: { file: inside } });
    await expect(asOrdinaryUser(() => exportInto(readOnly))).rejects.toMatchObject({ message: 'cannot write here' });
    expect(readdirSync(readOnly)).toEqual([]);
  });

  it('a folder that holds files already (another customer’s export, or the statement the session started from): refused, nothing written or overwritten', async () => {
    mkdirSync(folder);
    const statement = path.join(folder, 'statement.json');
    writeFileSync(statement, '{"from": "the customer"}\n');
    const exporter = folderExporter(ADVISE_FILES, [{ path: statement, what: 'the statement' }]);
    await expect(exporter.export(folder, agreed())).rejects.toMatchObject({
      message: 'holds files already: name a new or empty folder, so that no other plan’s letters are mixed with these',
      context: { file: folder },
    });
    expect(readdirSync(folder)).toEqual(['statement.json']);
    expect(readFileSync(statement, 'utf8')).toBe('{"from": "the customer"}\n');
    expect(await exporter.problem(folder)).toBe('holds files already: name a new or empty folder, so that no other plan’s letters are mixed with these');
  });
});

describe('the export with no plan (a mental health crisis Breathing Space with no end)', () => {
  it('writes the statement as it is and the SFS data-entry document offering nothing, valid against its schema', async () => {
    const asOf = parseIsoDate('2026-11-25');
    const statement = { ...FAMILY, breathingSpace: { kind: 'mental-health-crisis' as const, start: parseIsoDate('2026-11-20') } };
    const affordability = assessAffordability(statement, { asOf });
    const written = await folderExporter(ADVISE_FILES, [], ADVISE_STATEMENT_FILES).exportStatement(folder, { statement, affordability, asOf });
    expect(written.map((w) => path.basename(w.path))).toEqual(['statement.json', 'statement-sfs.json']);
    expect(readdirSync(folder).sort()).toEqual(['statement-sfs.json', 'statement.json']);
    expect(parseStatementText(readFileSync(path.join(folder, 'statement.json'), 'utf8'), 'statement.json').breathingSpace).toEqual(statement.breathingSpace);
    const sfs = JSON.parse(readFileSync(path.join(folder, 'statement-sfs.json'), 'utf8'));
    const validate = await sfsValidator('sfs-data-entry-schema.json');
    expect(validate(sfs) ? [] : validate.errors).toEqual([]);
    // Every debt is there, each offered nothing while the moratorium lasts.
    const debts = sfs.debts['non-priority-debts'].map((debt: Record<string, unknown>) => [debt.creditor, debt['repayment-offer']]);
    expect(debts).toEqual(FAMILY.debts.map((debt) => [debt.creditor, 0]));
  });
});

describe('the letters of an export', () => {
  const SENDER = { organisation: 'Riverside Money Advice', adviser: 'Sam Patel', address: ['12 Market Street'], phone: '01970 000000' };

  it('come from the sender given to advise, and say nothing is missing when every detail is there', async () => {
    const bundle = agreed();
    const statement: Statement = {
      ...bundle.statement,
      customer: { name: 'Rhian Ŵyn', address: ['Tŷ Gwyn', 'Bangor LL57 2AB'] },
      debts: bundle.statement.debts.map((debt, i) => ({ ...debt, accountReference: `ACC-${i + 1}` })),
    };
    const written = await folderExporter(adviseFiles({ sender: SENDER })).export(folder, { ...bundle, statement, affordability: assessAffordability(statement, { asOf: parseIsoDate('2026-11-25') }) });
    expect(written.warnings).toEqual([]);
    const acme = readFileSync(path.join(folder, 'letter-01-acme-bank.txt'), 'utf8');
    expect(acme.startsWith('Riverside Money Advice\n12 Market Street\nTelephone: 01970 000000\n\n25 November 2026\n\nAcme Bank\n\nYour account: ACC-1\nCustomer: Rhian Ŵyn\nTŷ Gwyn\nBangor LL57 2AB\n')).toBe(true);
    expect(readFileSync(path.join(folder, 'letter.txt'), 'utf8')).toContain('\nDear Rhian Ŵyn\n');
  });

  it('without a sender or the customer’s details, tell the advisor what to fill in before sending', async () => {
    const written = await folderExporter(ADVISE_FILES).export(folder, agreed());
    expect(written.warnings?.map((w) => w.slice(w.lastIndexOf(': ') + 2))).toEqual([
      'give the sender’s details with --sender FILE (see docs/letters.md)',
      'add customer.name to the statement',
      'add customer.address to the statement',
      'add accountReference to each debt in the statement',
    ]);
  });
});
