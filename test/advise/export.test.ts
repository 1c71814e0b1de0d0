import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADVISE_FILES } from '../../src/advise/export-files.js';
import { folderExporter } from '../../src/advise/export.js';
import { indexOfChoice, proposeFor } from '../../src/advise/plans.js';
import { assessAffordability } from '../../src/core/affordability/assess.js';
import { parseIsoDate } from '../../src/core/date.js';
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
      'statement.json', 'statement-sfs.json', 'schedule.csv', 'payments.ics', 'letter.txt',
    ]);
    expect(readdirSync(folder).sort()).toEqual(['letter.txt', 'payments.ics', 'schedule.csv', 'statement-sfs.json', 'statement.json']);

    const statement = parseStatementText(readFileSync(path.join(folder, 'statement.json'), 'utf8'), 'statement.json');
    expect(statement.debts.map((d) => [d.creditor, d.balance.toFixed(2)])).toEqual([['Acme Bank', '3000.00'], ['Lender Ltd', '1000.00']]);

    // The SFS document reads back as the same household: 1,800.00 income, 4,000.00 owed to others.
    const sfs = parseStatementText(readFileSync(path.join(folder, 'statement-sfs.json'), 'utf8'), 'statement-sfs.json');
    expect(sfs.income.map((l) => l.amount.toFixed(2))).toEqual(['1800.00']);
    expect(sfs.debts.map((d) => d.balance.toFixed(2))).toEqual(['3000.00', '1000.00']);

    // 4,000.00 at 500.00 a month: 8 instalments, the first on 25 November 2026, each shared by the two
    // creditors (3,000.00 and 1,000.00 owed): a row for each creditor's part, 375.00 and 125.00.
    const csv = readFileSync(path.join(folder, 'schedule.csv'), 'utf8').trim().split(/\r?\n/);
    expect(csv).toHaveLength(1 + 8 * 2);
    expect(csv[1]).toContain('2026-11-25');
    expect(csv[1]).toMatch(/375\.00.*Acme Bank/);
    expect(csv[2]).toMatch(/125\.00.*Lender Ltd/);
    const ics = readFileSync(path.join(folder, 'payments.ics'), 'utf8');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(8);
    const letter = readFileSync(path.join(folder, 'letter.txt'), 'utf8').replace(/\s+/g, ' ');
    expect(letter).toContain('8 monthly payments of £500.00');
    expect(letter).toContain(ADVICE_SIGNPOST);
  });
});
