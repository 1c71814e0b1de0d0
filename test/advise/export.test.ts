import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADVISE_FILES } from '../../src/advise/export-files.js';
import { folderExporter } from '../../src/advise/export.js';
import { ABOVE_BUDGET, withOverrideNote } from '../../src/advise/override.js';
import { indexOfChoice, proposeFor } from '../../src/advise/plans.js';
import { assessAffordability } from '../../src/core/affordability/assess.js';
import { parseIsoDate } from '../../src/core/date.js';
import { money } from '../../src/core/money.js';
import { ADVICE_SIGNPOST } from '../../src/core/signpost.js';
import { parseStatementText } from '../../src/statement/load.js';
import { FAMILY } from './statements.js';

let folder: string;
beforeEach(() => {
  folder = path.join(mkdtempSync(path.join(tmpdir(), 'fairplan-export-')), 'fairplan-export-2026-11-25');
});
afterEach(() => rmSync(path.dirname(folder), { recursive: true, force: true }));

describe('the export at the end of a session', () => {
  it('writes the statement, the agreed schedule, payment reminders and the letter into the folder named', async () => {
    const asOf = parseIsoDate('2026-11-25');
    const affordability = assessAffordability(FAMILY, { asOf });
    const proposal = proposeFor(affordability, { asOf });
    const optionIndex = indexOfChoice(proposal, { kind: 'affordable' }) ?? -1;
    const written = await folderExporter(ADVISE_FILES).export(folder, { statement: FAMILY, affordability, proposal, optionIndex, asOf });

    expect(written.map((w) => path.basename(w.path))).toEqual([
      'statement.json', 'statement-sfs.json', 'schedule.csv', 'plan.json', 'payments.ics', 'letter.txt',
    ]);
    expect(readdirSync(folder).sort()).toEqual(['letter.txt', 'payments.ics', 'plan.json', 'schedule.csv', 'statement-sfs.json', 'statement.json']);

    const statement = parseStatementText(readFileSync(path.join(folder, 'statement.json'), 'utf8'), 'statement.json');
    expect(statement.debts.map((d) => [d.creditor, d.balance.toFixed(2)])).toEqual([['Acme Bank', '3000.00'], ['Lender Ltd', '1000.00']]);

    // The SFS document reads back as the same household: 1,800.00 income, 4,000.00 owed to others.
    const sfs = parseStatementText(readFileSync(path.join(folder, 'statement-sfs.json'), 'utf8'), 'statement-sfs.json');
    expect(sfs.income.map((l) => l.amount.toFixed(2))).toEqual(['1800.00']);
    expect(sfs.debts.map((d) => d.balance.toFixed(2))).toEqual(['3000.00', '1000.00']);

    // 4,000.00 at 500.00 a month: 8 instalments, the first on 25 November 2026.
    const csv = readFileSync(path.join(folder, 'schedule.csv'), 'utf8').trim().split(/\r?\n/);
    expect(csv).toHaveLength(1 + 8);
    expect(csv[1]).toContain('2026-11-25');
    expect(csv[1]).toContain('500.00');
    // The agreed plan needed no override: its column is there, empty.
    expect(csv[0]).toMatch(/,override_reason$/);
    expect(csv[1]).toMatch(/,$/);
    const plan = JSON.parse(readFileSync(path.join(folder, 'plan.json'), 'utf8'));
    expect(plan.agreed).toEqual({ index: optionIndex, key: 'affordable', label: proposal.options[optionIndex]?.label, affordable: true });
    const ics = readFileSync(path.join(folder, 'payments.ics'), 'utf8');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(8);
    const letter = readFileSync(path.join(folder, 'letter.txt'), 'utf8').replace(/\s+/g, ' ');
    expect(letter).toContain('8 monthly payments of £500.00');
    expect(letter).toContain(ADVICE_SIGNPOST);
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
    await folderExporter(ADVISE_FILES).export(folder, { statement, affordability, proposal, optionIndex, asOf, overrideReason: reason });
    const read = (name: string) => readFileSync(path.join(folder, name), 'utf8');

    expect(JSON.parse(read('statement.json')).notes).toBe(
      'Plan agreed all the same although the payments are above what the budget shows is affordable. Reason given: =Partner starts work in January, see file',
    );
    expect(JSON.parse(read('statement-sfs.json'))['additional-notes']).toContainEqual(expect.stringContaining(`Reason given: ${reason}`));
    expect(JSON.parse(read('plan.json')).agreed).toMatchObject({ key: 'fixed-term-12', affordable: false, overrideReason: reason });
    const rows: Record<string, string>[] = parse(read('schedule.csv'), { columns: true });
    expect(rows).toHaveLength(12);
    // A spreadsheet would run a reason starting with = as a formula: it is kept as text.
    expect(new Set(rows.map((row) => row.override_reason))).toEqual(new Set([`'${reason}`]));
    expect(read('letter.txt').replace(/\s+/g, ' ')).toContain('these payments are more than your budget shows you can afford');
  });
});
