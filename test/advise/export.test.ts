import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADVISE_FILES } from '../../src/advise/export-files.js';
import { folderExporter, type ExportBundle } from '../../src/advise/export.js';
import { indexOfChoice, proposeFor } from '../../src/advise/plans.js';
import { assessAffordability } from '../../src/core/affordability/assess.js';
import { parseIsoDate } from '../../src/core/date.js';
import { ADVICE_SIGNPOST } from '../../src/core/signpost.js';
import { parseStatementText } from '../../src/statement/load.js';
import { asOrdinaryUser, readOnlyFolder } from '../helpers/read-only.js';
import { FAMILY } from './statements.js';

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
  return { statement: FAMILY, affordability, proposal, optionIndex, asOf };
}

describe('the export at the end of a session', () => {
  it('writes the statement, the agreed schedule, payment reminders and the letter into the folder named', async () => {
    const written = await folderExporter(ADVISE_FILES).export(folder, agreed());

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

    // 4,000.00 at 500.00 a month: 8 instalments, the first on 25 November 2026.
    const csv = readFileSync(path.join(folder, 'schedule.csv'), 'utf8').trim().split(/\r?\n/);
    expect(csv).toHaveLength(1 + 8);
    expect(csv[1]).toContain('2026-11-25');
    expect(csv[1]).toContain('500.00');
    const ics = readFileSync(path.join(folder, 'payments.ics'), 'utf8');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(8);
    const letter = readFileSync(path.join(folder, 'letter.txt'), 'utf8').replace(/\s+/g, ' ');
    expect(letter).toContain('8 monthly payments of £500.00');
    expect(letter).toContain(ADVICE_SIGNPOST);
  });
});

describe('a folder the export cannot go into: one plain sentence, and nothing written', () => {
  const exportInto = (target: string) => folderExporter(ADVISE_FILES).export(target, agreed());

  it('a folder inside one that does not exist: no such folder (only the folder named is made)', async () => {
    const target = path.join(folder, 'customer');
    await expect(exportInto(target)).rejects.toMatchObject({ message: 'no such folder', context: { file: target } });
    expect(existsSync(folder)).toBe(false);
  });

  it('a file given as the folder: no such folder, and the file is left alone', async () => {
    writeFileSync(folder, 'notes\n');
    await expect(exportInto(folder)).rejects.toMatchObject({ message: 'no such folder', context: { file: folder } });
    expect(readFileSync(folder, 'utf8')).toBe('notes\n');
  });

  it('a folder that cannot be made, or cannot be written: cannot write here', async () => {
    const readOnly = readOnlyFolder();
    const inside = path.join(readOnly, 'fairplan-export-2026-11-25');
    await expect(asOrdinaryUser(() => exportInto(inside))).rejects.toMatchObject({ message: 'cannot write here', context: { file: inside } });
    await expect(asOrdinaryUser(() => exportInto(readOnly))).rejects.toMatchObject({ message: 'cannot write here' });
    expect(readdirSync(readOnly)).toEqual([]);
  });

  it('a folder holding a folder where a file of the export goes: is a folder, and no file is written', async () => {
    mkdirSync(folder);
    mkdirSync(path.join(folder, 'letter.txt'));
    await expect(exportInto(folder)).rejects.toMatchObject({ message: 'is a folder', context: { file: path.join(folder, 'letter.txt') } });
    expect(readdirSync(folder)).toEqual(['letter.txt']);
  });

  it('a folder where the export would overwrite the statement the session started from: refused, the statement kept', async () => {
    mkdirSync(folder);
    const statement = path.join(folder, 'statement.json');
    writeFileSync(statement, '{"from": "the customer"}\n');
    const exporter = folderExporter(ADVISE_FILES, [{ path: statement, what: 'the statement' }]);
    await expect(exporter.export(folder, agreed())).rejects.toMatchObject({
      message: `the export (statement.json) names the statement (${statement}), which would be overwritten; name another file`,
    });
    expect(readdirSync(folder)).toEqual(['statement.json']);
    expect(readFileSync(statement, 'utf8')).toBe('{"from": "the customer"}\n');
  });
});
