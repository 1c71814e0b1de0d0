import { chmodSync, closeSync, existsSync, linkSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { accountsCsv } from '../helpers/accounts.js';
import { BIN, fixture, ROOT, runCli, runCliErrors, runWithStdoutTo } from '../helpers/cli.js';
import { AS_ORDINARY_USER, readOnlyFolder } from '../helpers/read-only.js';
import { FORMAT_VERSION } from '../../src/render/shared/format-version.js';

const SAMPLE = fixture('accounts', 'sample-accounts.csv');
const BANK = fixture('accounts', 'bank-export-semicolon.csv');
const GROUPED = fixture('accounts', 'grouped-accounts.csv');
const BREATHING_SPACE = fixture('accounts', 'breathing-space-accounts.csv');
// The sample export's results as fairplan wrote them before --group-by existed.
const SAMPLE_RESULTS = fixture('accounts', 'sample-accounts.results.csv');
const BANK_MAP = fixture('accounts', 'bank-export.map.json');
const AS_OF = ['--as-of', '2026-01-05'];
const HEADER = 'account_id,customer_name,balance,apr,monthly_income,housing,council_tax,utilities,food,transport,other_expenses,pay_frequency,next_pay_date';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'fairplan-batch-cli-'));
const csvRows = (text: string) => text.trimEnd().split('\n');
/** The rejected rows of a --json --errors file, by what a script reads: line, field and code. */
const rejectedRows = (file: string) =>
  csvRows(readFileSync(file, 'utf8')).map((line) => {
    const row = JSON.parse(line) as { rejected_line: number; rejected_field: string | null; rejected_code: string };
    return [row.rejected_line, row.rejected_field, row.rejected_code];
  });

describe('fairplan batch', () => {
  it('documents its exit codes and columns in --help, with examples', async () => {
    const { code, stdout } = await runCli(['batch', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:');
    expect(stdout).toMatch(/0 +every row was written/);
    expect(stdout).toMatch(/1 +some rows were rejected/);
    expect(stdout).toMatch(/2 +bad arguments/);
    expect(stdout.split('\n').filter((line) => line.length > 80)).toEqual([]);
  });

  it('writes every good row of the sample export, rejects the six bad ones with line, field and reason, and exits 1', async () => {
    const dir = scratch();
    const results = path.join(dir, 'results.csv');
    const rejected = path.join(dir, 'rejected.csv');
    const { code, stderr } = await runCli(['batch', SAMPLE, '-o', results, '--errors', rejected, ...AS_OF]);
    expect(code).toBe(1);
    // 207 data rows in the file: 201 usable, 6 deliberately bad.
    expect(stderr).toContain('207 rows read: 201 written, 6 rejected');
    expect(csvRows(readFileSync(results, 'utf8'))).toHaveLength(1 + 201);
    const errors = csvRows(readFileSync(rejected, 'utf8'));
    expect(errors[0]).toBe(`rejected_line,rejected_field,rejected_reason,rejected_code,${HEADER}`);
    expect(errors.slice(1).map((line) => line.split(',').slice(0, 2).join(','))).toEqual([
      '13,balance',
      '47,monthly_income',
      '81,balance',
      '115,pay_frequency',
      '149,next_pay_date',
      '183,',
    ]);
    expect(errors[1]).toBe('13,balance,balance is missing,missing-value,BAD000000001,Missing Balance,,19.90,2100.00,700.00,120.00,90.00,250.00,60.00,50.00,monthly,2026-01-28');
    expect(errors[6]).toBe('183,,the row has 6 fields; the header has 13,wrong-field-count,BAD000000006,Short Row,1200.00,,1600.00,500.00');
  });

  it('gives each rejected row the same line, field, reason and code in --json as in the CSV, by the CSV\'s names, with the 2.1 names beside them until 3.0', async () => {
    const dir = scratch();
    await runCli(['batch', SAMPLE, '-o', path.join(dir, 'results.csv'), '--errors', path.join(dir, 'rejected.csv'), ...AS_OF]);
    await runCli(['batch', SAMPLE, '--json', '-o', path.join(dir, 'results.ndjson'), '--errors', path.join(dir, 'rejected.ndjson'), ...AS_OF]);
    const csv = csvRows(readFileSync(path.join(dir, 'rejected.csv'), 'utf8')).slice(1);
    const json = csvRows(readFileSync(path.join(dir, 'rejected.ndjson'), 'utf8')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(json).toHaveLength(csv.length);
    expect(json.map((row) => row.rejected_code)).toEqual(['missing-value', 'invalid-amount', 'negative-amount', 'invalid-frequency', 'invalid-date', 'wrong-field-count']);
    for (const row of json) {
      expect(row).toMatchObject({ formatVersion: FORMAT_VERSION, line: row.rejected_line, field: row.rejected_field, reason: row.rejected_reason, code: row.rejected_code });
    }
    expect(json[0]).toMatchObject({ rejected_line: 13, rejected_field: 'balance', account_id: 'BAD000000001', cells: csv[0]!.split(',').slice(4) });
    expect(json[5]).toMatchObject({ rejected_line: 183, rejected_field: null, account_id: 'BAD000000006' });
  });

  it('reads quoted amounts with pound signs and thousands separators', async () => {
    const { stdout } = await runCli(['batch', SAMPLE, '--quiet', ...AS_OF]);
    const row = csvRows(stdout).find((line) => line.startsWith('ACC900000001,'));
    // Income 2,150.00; outgoings 700 + 120 + 95.50 + 250 + 55 + 40 = 1,260.50; surplus 889.50.
    expect(row).toMatch(/^ACC900000001,2150\.00,1260\.50,889\.50,889\.50,advice,no,affordable,889\.50,monthly,2,2026-01-30,2026-03-02,1234\.50,repaid,/);
  });

  it('shows rejected rows on stderr when there is no errors file', async () => {
    const { code, stderr } = await runCli(['batch', SAMPLE, '-q', '-o', path.join(scratch(), 'r.csv'), ...AS_OF]);
    expect(code).toBe(1);
    expect(stderr).toContain('sample-accounts.csv:line 115: account BAD000000004: pay_frequency "montly" is not a frequency; did you mean "monthly"?');
    expect(stderr).toContain('sample-accounts.csv:line 149: account BAD000000005: next_pay_date "2026-02-30" is not a date that exists');
  });

  it('exits 0 when every row is written', async () => {
    const input = `${HEADER}\nACC1,Mary,1000.00,,2000.00,700.00,100.00,100.00,200.00,50.00,50.00,monthly,2026-01-30\n`;
    const { code, stdout, stderr } = await runCli(['batch', '-', ...AS_OF], { input });
    expect(code).toBe(0);
    // 2000 − 1200 = 800 a month: 1000 is repaid in 800 + 200. Saturday 28 February moves to Monday 2 March.
    expect(csvRows(stdout)[1]).toMatch(/^ACC1,2000\.00,1200\.00,800\.00,800\.00,advice,no,affordable,800\.00,monthly,2,2026-01-30,2026-03-02,1000\.00,repaid,/);
    expect(stderr).toContain('1 rows read: 1 written, 0 rejected');
    expect(stderr).not.toContain('\r');
    expect(stderr).toContain('MoneyHelper');
  });

  it('reads a semicolon export with a BOM, CRLF line ends, other headers and a mapping file, carrying extra columns', async () => {
    const { code, stdout } = await runCli(['batch', BANK, '--map', BANK_MAP, '-q', ...AS_OF]);
    expect(code).toBe(0);
    const rows = csvRows(stdout);
    expect(rows[0]).toMatch(/^account_id,Branch,Notes,monthly_income,/);
    expect(rows).toHaveLength(1 + 12);
    expect(rows[5]).toBe(rows[5]?.replace('\r', ''));
    expect(rows[5]).toMatch(/^ACC000000005,Cardiff,Promise to pay; called 3 times,4311\.73,/);
  });

  it('neutralises formula cells in text columns and leaves negative amounts alone', async () => {
    const { stdout } = await runCli(['batch', BANK, '--map', BANK_MAP, '-q', ...AS_OF]);
    const rows = csvRows(stdout);
    expect(rows[7]).toContain(`ACC000000007,Leeds,"'=HYPERLINK(""http://example.invalid"",""click"")",`);
    expect(rows[9]).toMatch(/^ACC000000009,Bristol,'@SUM\(A1:A9\),1003\.75,1155\.99,-152\.24,-152\.24,deficit;token-payment;dro-indicator;advice,yes,token,1\.00,/);
  });

  it('rejects an account id a spreadsheet would run, rather than change it in the results, and neutralises formulas in rejected rows', async () => {
    const input = `${HEADER}\n=1+2,Mary,1000.00,,2000.00,700.00,100.00,100.00,200.00,50.00,50.00,monthly,2026-01-30\nX1,"=cmd|' /C calc'!A0",,,1,1,1,1,1,1,1,monthly,2026-01-30\n`;
    const dir = scratch();
    const { stdout } = await runCli(['batch', '-', '-q', '--errors', path.join(dir, 'e.csv'), ...AS_OF], { input });
    expect(csvRows(stdout)).toHaveLength(1);
    const rejected = csvRows(readFileSync(path.join(dir, 'e.csv'), 'utf8'));
    expect(rejected[1]).toMatch(/^2,account_id,"?account_id would run as a spreadsheet formula .*,'=1\+2,Mary,/);
    expect(rejected[2]).toBe(`3,balance,balance is missing,missing-value,X1,'=cmd|' /C calc'!A0,,,1,1,1,1,1,1,1,monthly,2026-01-30`);
  });

  it('maps columns with --column, suggesting a header when one is missing, and exits 2', async () => {
    const headers = HEADER.replace('balance', 'Amount Owed').replace('monthly_income', 'Income');
    const input = `${headers}\nACC1,Mary,1000.00,,2000.00,700.00,100.00,100.00,200.00,50.00,50.00,monthly,2026-01-30\n`;
    const missing = await runCli(['batch', '-', '--column', 'balance=Amount Owed', ...AS_OF], { input });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('fairplan: stdin:line 1: monthly_income: missing column "monthly_income" (did you mean "Income"?)');
    expect(missing.stdout).toBe('');
    const mapped = await runCli(['batch', '-', '-q', '--column', 'balance=Amount Owed', '--column', 'monthly_income=income', ...AS_OF], { input });
    expect(mapped.code).toBe(0);
    expect(csvRows(mapped.stdout)[1]).toMatch(/^ACC1,2000\.00,1200\.00,/);
  });

  it('refuses an unknown field in --column with a suggestion', async () => {
    const { code, stderr } = await runCli(['batch', SAMPLE, '--column', 'balanse=Owed']);
    expect(code).toBe(2);
    expect(stderr).toContain('"balanse" is not a field (did you mean "balance"?)');
  });

  it.each(['"', '\n', '\r'])('refuses --delimiter %j with exit code 2 and one line, before reading a row', async (delimiter) => {
    const { code, stdout, stderr } = await runCli(['batch', SAMPLE, '--delimiter', delimiter]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect((await runCliErrors(['batch', SAMPLE, '--delimiter', delimiter])).errors).toEqual([expect.objectContaining({ code: 'invalid-argument', field: '--delimiter' })]);
  });

  it('refuses a quote or line break as a mapping file\'s delimiter, by the same rule', async () => {
    const map = path.join(scratch(), 'quote.map.json');
    writeFileSync(map, JSON.stringify({ delimiter: '"' }));
    const quote = await runCliErrors(['batch', SAMPLE, '--map', map]);
    expect(quote.code).toBe(2);
    expect(quote.errors).toEqual([expect.objectContaining({ code: 'invalid-mapping', file: map, field: 'delimiter' })]);
    writeFileSync(map, JSON.stringify({ delimiter: '\r\n' }));
    expect((await runCliErrors(['batch', SAMPLE, '--map', map])).errors).toEqual([expect.objectContaining({ code: 'invalid-mapping', file: map, field: 'delimiter' })]);
  });

  it('reports a mapping file\'s mistakes with their paths', async () => {
    const dir = scratch();
    const map = path.join(dir, 'bad.map.json');
    writeFileSync(map, JSON.stringify({ columns: { balanse: 'Owed' }, carry: 'Branch' }));
    const { code, stderr } = await runCli(['batch', SAMPLE, '--map', map]);
    expect(code).toBe(2);
    expect(stderr).toContain('bad.map.json: columns.balanse: "balanse" is not a field (did you mean "balance"?)');
    const { errors } = await runCliErrors(['batch', SAMPLE, '--map', map]);
    expect(errors.map((error) => [error.code, error.file, error.field]).sort()).toEqual([
      ['invalid-mapping', map, 'carry'],
      ['invalid-mapping', map, 'columns.balanse'],
    ]);
  });

  it('numbers lines as the file does, after quoted line breaks and blank lines in a CRLF file', async () => {
    const input = [HEADER, 'ACC1,"Jones,\r\nMary",1000.00,,2000.00,700.00,100.00,100.00,200.00,50.00,50.00,monthly,2026-01-30', '', 'ACC2,Bad,x,,1,1,1,1,1,1,1,monthly,2026-01-30', ''].join('\r\n');
    const errors = path.join(scratch(), 'e.ndjson');
    await runCli(['batch', '-', '-q', '--json', '-o', path.join(scratch(), 'r.ndjson'), '--errors', errors, ...AS_OF], { input });
    expect(rejectedRows(errors)).toEqual([[5, 'balance', 'invalid-amount']]);
  });

  it('rejects a record whose quote is never closed, in its place, and goes on', async () => {
    const input = `${HEADER}\nACC1,Mary,1000.00,,2000.00,700.00,100.00,100.00,200.00,50.00,50.00,monthly,2026-01-30\nACC2,"Unclosed,1,1\n`;
    const errors = path.join(scratch(), 'e.ndjson');
    const { code, stdout, stderr } = await runCli(['batch', '-', '--json', '--errors', errors, ...AS_OF], { input });
    expect(code).toBe(1);
    expect(csvRows(stdout)).toHaveLength(1);
    expect(rejectedRows(errors)).toEqual([[3, null, 'unreadable-row']]);
    expect(stderr).toContain('2 rows read: 1 written, 1 rejected');
  });

  describe('hostile input (fixtures/hostile)', () => {
    const hostile = (name: string) => fixture('hostile', name);
    const ids = (stdout: string) => csvRows(stdout).slice(1).map((row) => row.split(',')[0]);

    it('rejects the row whose quote is never closed and writes the accounts after it with their own figures (stray-quote-merge.csv)', async () => {
      const { code, stdout, stderr } = await runCli(['batch', hostile('stray-quote-merge.csv'), ...AS_OF]);
      expect(code).toBe(1);
      expect(stderr).toContain('3 rows read: 2 written, 1 rejected');
      const dir = scratch();
      await runCli(['batch', hostile('stray-quote-merge.csv'), '--json', '-q', '-o', path.join(dir, 'r.ndjson'), '--errors', path.join(dir, 'e.ndjson'), ...AS_OF]);
      expect(rejectedRows(path.join(dir, 'e.ndjson'))).toEqual([[2, null, 'unreadable-row']]);
      const [a2, a3] = csvRows(stdout).slice(1);
      // A2's income is 2,000.00 and A3's 1,308.59: neither takes the other's, nor A1's.
      expect(a2).toMatch(/^A2,2000\.00,/);
      expect(a3).toMatch(/^A3,1308\.59,/);
    });

    it('reads every line of a file that mixes CRLF and LF line ends (mixed-line-endings.csv)', async () => {
      const { code, stdout, stderr } = await runCli(['batch', hostile('mixed-line-endings.csv'), ...AS_OF]);
      expect(code).toBe(0);
      expect(ids(stdout)).toEqual(['A1', 'A2', 'A3', 'A4']);
      expect(stderr).toContain('4 rows read: 4 written, 0 rejected');
    });

    it('rejects each row whose id is not valid UTF-8, with the byte offset, rather than reading two accounts as one id (invalid-utf8-id.csv)', async () => {
      const dir = scratch();
      const { code, stdout, stderr } = await runCli(['batch', hostile('invalid-utf8-id.csv'), '--errors', path.join(dir, 'e.csv'), ...AS_OF]);
      expect(code).toBe(1);
      expect(ids(stdout)).toEqual(['A3']);
      expect(stdout).not.toContain('\uFFFD');
      const rejected = csvRows(readFileSync(path.join(dir, 'e.csv'), 'utf8')).slice(1);
      expect(rejected.map((row) => row.split(',').slice(0, 3).join(','))).toEqual([
        '2,,not valid UTF-8 (byte offset 141 in the file)',
        '3,,not valid UTF-8 (byte offset 224 in the file)',
      ]);
      expect(stderr).toContain('3 rows read: 1 written, 2 rejected');
    });

    it.each([
      ['utf16le.csv', 'UTF-16 (little-endian)', 'UTF-16LE'],
      ['utf16be-no-bom.csv', 'UTF-16 (big-endian)', 'UTF-16BE'],
    ])('refuses a UTF-16 file (%s) with one line naming its encoding, and exits 2', async (name, encoding, iconv) => {
      const { code, stdout, stderr } = await runCli(['batch', hostile(name), ...AS_OF]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toEqual([`fairplan: ${hostile(name)}: the file is ${encoding} text; fairplan reads UTF-8: save it as "CSV UTF-8" (or convert it, e.g. iconv -f ${iconv} -t UTF-8)`]);
    });

    it('refuses a header naming a column twice before any output, and exits 2 (duplicate-header.csv)', async () => {
      const { code, stdout, stderr } = await runCli(['batch', hostile('duplicate-header.csv'), ...AS_OF]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      // The sentence names both places of the column, for a person to find them.
      expect(stderr).toContain('duplicate-header.csv:line 1: the header names column "Balance" twice (columns 3 and 14)');
      expect((await runCliErrors(['batch', hostile('duplicate-header.csv'), ...AS_OF])).errors).toEqual([
        expect.objectContaining({ code: 'invalid-argument', file: hostile('duplicate-header.csv'), line: 1 }),
      ]);
    });

    it('rejects control characters in fields, and shows the terminal no escape sequence from the file (control-chars.csv)', async () => {
      const dir = scratch();
      const { code, stdout, stderr } = await runCli(['batch', hostile('control-chars.csv'), '-o', path.join(dir, 'r.csv'), ...AS_OF]);
      expect(code).toBe(1);
      // Rows holding a control character are rejected as unreadable, the rest as any row is.
      await runCli(['batch', hostile('control-chars.csv'), '--json', '-q', '-o', path.join(dir, 'r.ndjson'), '--errors', path.join(dir, 'e.ndjson'), ...AS_OF]);
      expect(rejectedRows(path.join(dir, 'e.ndjson')).slice(0, 3)).toEqual([
        [2, null, 'unreadable-row'],
        [3, null, 'unreadable-row'],
        [4, 'balance', 'invalid-amount'],
      ]);
      // A right-to-left override is text, not a control character: shown escaped, not obeyed.
      expect(stderr).toContain('control-chars.csv:line 4: account A3\\u202E9: balance "x100.00" is not an amount');
      expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
      expect(stdout).toBe('');
      expect(ids(readFileSync(path.join(dir, 'r.csv'), 'utf8'))).toEqual(['A4']);
    });

    it('neutralises carried column names a spreadsheet would run as formulas (formula-headers.csv)', async () => {
      const { stdout } = await runCli(['batch', hostile('formula-headers.csv'), '--carry-all', '-q', ...AS_OF]);
      expect(csvRows(stdout)[0]).toMatch(/^account_id,"'=HYPERLINK\(""http:\/\/example\.invalid""\)",'@SUM\(A1\),monthly_income,/);
    });
  });

  it('writes newline-delimited JSON with --json, in input order', async () => {
    const { stdout } = await runCli(['batch', SAMPLE, '--json', '-q', ...AS_OF]);
    const records = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { formatVersion: string; line: number; account_id: string; available: string });
    expect(records).toHaveLength(201);
    expect(new Set(records.map((r) => r.formatVersion))).toEqual(new Set([FORMAT_VERSION]));
    expect(records.map((r) => r.line)).toEqual([...records.map((r) => r.line)].sort((a, b) => a - b));
    expect(records[0]?.account_id).toBe('ACC000000001');
    expect(typeof records[0]?.available).toBe('string');
  });

  it('lays out the recommended plan instalment by instalment with --schedules', async () => {
    const input = `${HEADER}\nACC1,Mary,1000.00,,2000.00,700.00,100.00,100.00,200.00,50.00,50.00,monthly,2026-01-30\n`;
    const dir = scratch();
    const schedules = path.join(dir, 'schedules.csv');
    await runCli(['batch', '-', '-q', '--schedules', schedules, ...AS_OF], { input });
    expect(csvRows(readFileSync(schedules, 'utf8'))).toEqual([
      'account_id,plan,n,due,moved_from,amount,interest,principal,balance_after',
      'ACC1,affordable,1,2026-01-30,,800.00,0.00,800.00,200.00',
      'ACC1,affordable,2,2026-03-02,2026-02-28,200.00,0.00,200.00,0.00',
    ]);
  });

  it('continues the account\'s APR with --interest apr', async () => {
    const input = `${HEADER}\nACC1,Mary,1000.00,12.00,2000.00,700.00,100.00,100.00,200.00,50.00,50.00,monthly,2026-01-30\n`;
    const { stdout } = await runCli(['batch', '-', '-q', '--interest', 'apr', '--json', ...AS_OF], { input });
    // 1% a month: 800 pays 10.00 interest and 790 off; 210 + 2.10 interest = 212.10 is the last.
    const { recommended } = JSON.parse(stdout) as { recommended: { total: string; interest: string } };
    expect(recommended).toMatchObject({ total: '1012.10', interest: '12.10' });
  });

  it('flags food spending above a spending guideline for review, and refuses guidelines not yet in force', async () => {
    const guidelines = fixture('guidelines', 'example-guidelines.yaml');
    // The example table allows 300.00 a month of food & housekeeping for one adult; 350.00 is over.
    const input = `${HEADER}\nACC1,Mary,1000.00,,2000.00,700.00,100.00,100.00,350.00,50.00,50.00,monthly,2026-04-30\n`;
    const flagged = await runCli(['batch', '-', '-q', '--guidelines', guidelines, '--as-of', '2026-04-10'], { input });
    expect(csvRows(flagged.stdout)[1]).toMatch(/^ACC1,2000\.00,1350\.00,650\.00,650\.00,guideline-over;advice,yes,/);
    const early = await runCliErrors(['batch', '-', '-q', '--guidelines', guidelines, '--as-of', '2026-01-05'], { input });
    expect(early.code).toBe(2);
    expect(early.errors).toEqual([expect.objectContaining({ code: 'invalid-guidelines' })]);
    expect(early.stdout).toBe('');
  });

  it('stops and writes no file once more rows than --max-rejects are rejected', async () => {
    const dir = scratch();
    const { code, stderr } = await runCli(
      ['batch', SAMPLE, '-o', path.join(dir, 'results.csv'), '--errors', path.join(dir, 'rejected.csv'), '--schedules', path.join(dir, 's.csv'), '--max-rejects', '3', ...AS_OF],
    );
    // Nothing usable: a job must not go on as after 1, which leaves the night's files.
    expect(code).toBe(3);
    expect(stderr).toContain('stopped: more than 3 rows rejected; no output file was written');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stops at the first rejected row with --strict', async () => {
    const dir = scratch();
    const { code, stderr } = await runCli(['batch', SAMPLE, '-o', path.join(dir, 'results.csv'), '--strict', ...AS_OF]);
    expect(code).toBe(3);
    expect(stderr).toContain('12 rows read: 11 written, 1 rejected');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('judges --max-rejects P% against every row read, before any file takes its name: 6 of 207 rows is 2.90%', async () => {
    const dir = scratch();
    const results = path.join(dir, 'results.csv');
    writeFileSync(results, 'yesterday\n');
    const over = await runCli(['batch', SAMPLE, '-o', results, '--max-rejects', '2.8%', ...AS_OF]);
    expect(over.code).toBe(3);
    expect(over.stderr).toContain('stopped: more than 2.8% of the rows read rejected; no output file was written');
    expect(readdirSync(dir)).toEqual(['results.csv']);
    expect(readFileSync(results, 'utf8')).toBe('yesterday\n');
    const within = await runCli(['batch', SAMPLE, '-o', results, '--max-rejects', '2.9%', ...AS_OF]);
    expect(within.code).toBe(1);
    expect(csvRows(readFileSync(results, 'utf8'))).toHaveLength(1 + 201);
  });

  it('exits 3, nothing usable, when every row is rejected, though it writes the results header and the rejected rows', async () => {
    const dir = scratch();
    const input = path.join(dir, 'accounts.csv');
    writeFileSync(input, `${HEADER}\nA1,Ann,,0,1500.00,650.00,110.00,80.00,220.00,40.00,30.00,monthly,2026-01-30\nA2,Bob,900.00,0,lots,650.00,110.00,80.00,220.00,40.00,30.00,monthly,2026-01-30\n`);
    const { code } = await runCli(['batch', input, '-q', '-o', path.join(dir, 'results.csv'), '--errors', path.join(dir, 'rejected.csv'), ...AS_OF]);
    expect(code).toBe(3);
    expect(csvRows(readFileSync(path.join(dir, 'results.csv'), 'utf8'))).toHaveLength(1);
    expect(csvRows(readFileSync(path.join(dir, 'rejected.csv'), 'utf8'))).toHaveLength(3);
  });

  it('removes its temporary files and exits 130 when interrupted', async () => {
    const dir = scratch();
    const child = spawn(process.execPath, [BIN, 'batch', '-', '-q', '-o', path.join(dir, 'results.csv'), ...AS_OF], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // stdin stays open, so the run is still going when Ctrl-C arrives; its temporary file shows it has started.
    child.stdin.write(`${HEADER}\nACC1,Mary,1000.00,,2000.00,700.00,100.00,100.00,200.00,50.00,50.00,monthly,2026-01-30\n`);
    while (readdirSync(dir).length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('fairplan: interrupted; no output file was written');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves no results file when another output cannot be written, and exits 2', async () => {
    const dir = scratch();
    const results = path.join(dir, 'results.csv');
    // The errors file would go inside a regular file, which cannot be a folder.
    const rejected = path.join(SAMPLE, 'rejected.csv');
    const { code, stderr } = await runCli(['batch', SAMPLE, '-o', results, '--errors', rejected, ...AS_OF]);
    expect(code).toBe(2);
    expect(stderr).toBe(`fairplan: ${rejected}: no such folder\n`);
    expect(existsSync(results)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  describe('outputs: nothing overwritten that was not asked for, nothing written by a run that fails', () => {
    const ROW = 'ACC1,Mary,1000.00,,2000.00,700.00,100.00,100.00,200.00,50.00,50.00,monthly,2026-01-30';
    /** A folder holding the input in.csv, a folder sub/, a symbolic and a hard link to the input in it. */
    function place() {
      const dir = scratch();
      const input = path.join(dir, 'in.csv');
      writeFileSync(input, `${HEADER}\n${ROW}\n`);
      mkdirSync(path.join(dir, 'sub'));
      symlinkSync(input, path.join(dir, 'sub', 'link.csv'));
      linkSync(input, path.join(dir, 'sub', 'hard.csv'));
      const before = readFileSync(input, 'utf8');
      const listing = () => readdirSync(dir).concat(readdirSync(path.join(dir, 'sub')).map((f) => `sub/${f}`)).sort();
      return { dir, input, before, listing, unchanged: listing() };
    }

    it.each([
      ['-o', './in.csv'],
      ['--errors', 'sub/../in.csv'],
      ['--schedules', 'sub/link.csv'],
      ['-o', 'sub/hard.csv'],
      ['--summary', 'sub/../in.csv'],
    ])('refuses %s naming the input as %s before reading a row, and exits 2', async (option, spelling) => {
      const { dir, input, before, listing, unchanged } = place();
      const other = option === '--errors' ? ['--schedules', 'schedules.csv'] : ['--errors', 'errors.csv'];
      const { code, stdout, stderr } = await runCli(['batch', 'in.csv', option, spelling, ...other, ...AS_OF], { cwd: dir });
      expect(code).toBe(2);
      expect(stderr).toBe(`fairplan: ${spelling}: ${option} names the input file (in.csv), which would be overwritten; name another file\n`);
      expect(stdout).toBe('');
      expect(readFileSync(input, 'utf8')).toBe(before);
      expect(listing()).toEqual(unchanged);
    });

    it('refuses an output naming the file standard input comes from (< in.csv)', async () => {
      const { dir, input, before, listing, unchanged } = place();
      const stdin = openSync(input, 'r');
      const child = spawn(process.execPath, [BIN, 'batch', '-', '--errors', 'in.csv', ...AS_OF], { cwd: dir, stdio: [stdin, 'pipe', 'pipe'] });
      closeSync(stdin);
      let stderr = '';
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      expect(await new Promise((resolve) => child.on('close', resolve))).toBe(2);
      expect(stderr).toBe('fairplan: in.csv: --errors names the input (standard input), which would be overwritten; name another file\n');
      expect(readFileSync(input, 'utf8')).toBe(before);
      expect(listing()).toEqual(unchanged);
    });

    it('refuses results on standard output appended to the input (>> in.csv)', async () => {
      const { input, before } = place();
      const { code, stderr } = await runWithStdoutTo(input, ['batch', input, ...AS_OF]);
      expect(code).toBe(2);
      expect(stderr).toBe(`fairplan: standard output: goes to the input file (${input}), which would be overwritten; send it to another file\n`);
      expect(readFileSync(input, 'utf8')).toBe(before);
    });

    it.each([
      [['-o', 'out.csv', '--errors', './out.csv'], 'fairplan: ./out.csv: -o and --errors name the same file; give each its own'],
      [['--schedules', 'out.csv', '--errors', 'sub/../out.csv'], 'fairplan: sub/../out.csv: --schedules and --errors name the same file; give each its own'],
      [['-o', 'sub/out.csv', '--schedules', 'sub/./out.csv'], 'fairplan: sub/./out.csv: -o and --schedules name the same file; give each its own'],
      [['-o', 'out.csv', '--summary', './out.csv'], 'fairplan: ./out.csv: -o and --summary name the same file; give each its own'],
      [['-o', '-', '--schedules', '-'], 'fairplan: -o and --schedules both go to standard output; give each its own file'],
    ])('refuses two outputs naming one file (%j), writing nothing and leaving an earlier file as it was', async (outputs, message) => {
      const { dir, listing } = place();
      writeFileSync(path.join(dir, 'out.csv'), 'yesterday\n');
      const unchanged = listing();
      const { code, stderr } = await runCli(['batch', 'in.csv', ...outputs, ...AS_OF], { cwd: dir });
      expect(code).toBe(2);
      expect(stderr).toBe(`${message}\n`);
      expect(listing()).toEqual(unchanged);
      expect(readFileSync(path.join(dir, 'out.csv'), 'utf8')).toBe('yesterday\n');
    });

    it.each([
      ['a folder', 'sub', 'is a folder'],
      ['a folder that does not exist', 'missing/results.csv', 'no such folder'],
    ])('-o naming %s: one plain sentence, exit 2, and not one output file written', async (_, target, sentence) => {
      const { dir, listing, unchanged } = place();
      const { code, stderr } = await runCli(['batch', 'in.csv', '-o', target, '--errors', 'errors.csv', '--schedules', 'schedules.csv', ...AS_OF], { cwd: dir });
      expect(code).toBe(2);
      expect(stderr).toBe(`fairplan: ${target}: ${sentence}\n`);
      expect(listing()).toEqual(unchanged);
    });

    it('-o in a folder that cannot be written: cannot write here, exit 2, and not one output file written', async () => {
      const dir = scratch();
      chmodSync(dir, 0o755);
      const folder = readOnlyFolder();
      const target = path.join(folder, 'results.csv');
      const args = ['batch', SAMPLE, '-o', target, '--errors', path.join(dir, 'errors.csv'), ...AS_OF];
      const { code, stderr } = await runCli(args, AS_ORDINARY_USER);
      expect(code).toBe(2);
      expect(stderr).toBe(`fairplan: ${target}: cannot write here\n`);
      expect(readdirSync(dir)).toEqual([]);
      expect(readdirSync(folder)).toEqual([]);
    });

    it('writes into a device such as /dev/null where it is, never replacing it with a file', async () => {
      const dir = scratch();
      chmodSync(dir, 0o777);
      const errors = path.join(dir, 'errors.csv');
      const { code, stderr } = await runCli(['batch', SAMPLE, '-q', '-o', '/dev/null', '--errors', errors, ...AS_OF], AS_ORDINARY_USER);
      expect(stderr).toBe('');
      expect(code).toBe(1);
      expect(csvRows(readFileSync(errors, 'utf8'))).toHaveLength(1 + 6);
      expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    });

    describe.each([
      ['SIGINT', 130, 'interrupted'],
      ['SIGTERM', 143, 'stopped (SIGTERM)'],
      ['SIGHUP', 129, 'stopped: the terminal closed (SIGHUP)'],
    ] as const)('stopped by %s mid-run', (signal, exitCode, said) => {
      it(`exits ${exitCode}, removes its temporary files and leaves the previous outputs as they were`, async () => {
        const dir = scratch();
        const input = path.join(dir, 'accounts.csv');
        writeFileSync(input, accountsCsv(60_000));
        const results = path.join(dir, 'results.csv');
        const schedules = path.join(dir, 'schedules.csv');
        writeFileSync(results, 'yesterday\'s results\n');
        writeFileSync(schedules, 'yesterday\'s schedules\n');
        const args = [BIN, 'batch', input, '-q', '-o', results, '--schedules', schedules, ...AS_OF];
        const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
        // Mid-run: the schedules have started to reach their temporary file.
        const started = () => readdirSync(dir).some((f) => f.endsWith('.tmp') && f.startsWith('.schedules') && statSync(path.join(dir, f)).size > 0);
        while (!started()) await new Promise((resolve) => setTimeout(resolve, 20));
        child.kill(signal);
        expect(await exited).toBe(exitCode);
        expect(stderr).toBe(`fairplan: ${said}; no output file was written\n`);
        expect(readdirSync(dir).sort()).toEqual(['accounts.csv', 'results.csv', 'schedules.csv']);
        expect(readFileSync(results, 'utf8')).toBe('yesterday\'s results\n');
        expect(readFileSync(schedules, 'utf8')).toBe('yesterday\'s schedules\n');
      });
    });
  });

  it('names an input it cannot read in one plain sentence, without an errno code, and exits 2', async () => {
    const missing = await runCli(['batch', 'no-such-file.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('fairplan: no-such-file.csv: no such file\n');
    const folder = await runCli(['batch', 'fixtures']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe('fairplan: fixtures: this is a folder, not a file\n');
    const map = await runCli(['batch', SAMPLE, '--map', 'no-such-map.json']);
    expect(map.code).toBe(2);
    expect(map.stderr).toBe('fairplan: no-such-map.json: no such file\n');
  });

  it('refuses an empty file', async () => {
    const { code, errors } = await runCliErrors(['batch', '-'], { input: '' });
    expect(code).toBe(2);
    expect(errors).toEqual([expect.objectContaining({ code: 'invalid-argument', file: 'stdin' })]);
  });

  describe('with stderr piped (not a terminal)', () => {
    // 2,500 rows: the run reports progress at 1,000 and 2,000, which a terminal would show as a bar.
    const input = accountsCsv(2_500);

    it('shows no progress bar, only the summary', async () => {
      const dir = scratch();
      const file = path.join(dir, 'accounts.csv');
      writeFileSync(file, input);
      const { code, stderr } = await runCli(['batch', file, '-o', path.join(dir, 'results.csv'), ...AS_OF]);
      expect(code).toBe(0);
      expect(stderr.split('\n')[0]).toMatch(/^2,500 rows read: 2,500 written, 0 rejected \(/);
      expect(stderr).not.toContain('\r');
      expect(stderr).not.toContain('\u001b');
      expect(stderr).not.toContain('%');
    });

    it('says nothing at all with --quiet', async () => {
      const { code, stdout, stderr } = await runCli(['batch', '-', '--quiet', ...AS_OF], { input });
      expect(code).toBe(0);
      expect(csvRows(stdout)).toHaveLength(1 + 2_500);
      expect(stderr).toBe('');
    });
  });

  describe('with worker threads', () => {
    // Six copies of the sample: 1,242 rows, more than two chunks of 500, with six bad rows in each copy;
    // each copy's ids made its own (K1…, K2…), as an id met twice is rejected.
    const [header, ...rows] = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    const copies = [1, 2, 3, 4, 5, 6].flatMap((copy) => rows.map((row) => (/^[^,"]/.test(row) ? `K${copy}${row}` : row)));
    const input = `${[header, ...copies].join('\n')}\n`;

    it('writes the same results, schedules and rejected rows, in input order, as one thread', async () => {
      const dir = scratch();
      const outputs = (workers: string) => ['--schedules', path.join(dir, `s${workers}.csv`), '--errors', path.join(dir, `e${workers}.csv`)];
      const one = await runCli(['batch', '-', '-q', '--workers', '0', ...outputs('0'), ...AS_OF], { input });
      const two = await runCli(['batch', '-', '-q', '--workers', '2', ...outputs('2'), ...AS_OF], { input });
      expect(two.code).toBe(1);
      expect(csvRows(two.stdout)).toHaveLength(1 + 6 * 201);
      expect(two.stdout).toBe(one.stdout);
      expect(readFileSync(path.join(dir, 's2.csv'), 'utf8')).toBe(readFileSync(path.join(dir, 's0.csv'), 'utf8'));
      expect(csvRows(readFileSync(path.join(dir, 'e2.csv'), 'utf8'))).toHaveLength(1 + 6 * 6);
      expect(readFileSync(path.join(dir, 'e2.csv'), 'utf8')).toBe(readFileSync(path.join(dir, 'e0.csv'), 'utf8'));
    });

    it('stops at the row that goes over --max-rejects, and writes no file', async () => {
      const dir = scratch();
      const { code, stderr } = await runCli(['batch', '-', '--workers', '2', '--max-rejects', '10', '-o', path.join(dir, 'r.csv'), ...AS_OF], { input });
      expect(code).toBe(3);
      // Bad rows are data rows 12, 46, 80, 114, 148 and 182 of every 207; the 11th is row 207 + 148.
      expect(stderr).toContain('355 rows read: 344 written, 11 rejected');
      expect(readdirSync(dir)).toEqual([]);
    });
  });

  it('gives the same output for the same --as-of', async () => {
    const first = await runCli(['batch', SAMPLE, '-q', ...AS_OF]);
    const second = await runCli(['batch', SAMPLE, '-q', ...AS_OF]);
    expect(first.stdout).toBe(second.stdout);
  });

  it('stops quietly with exit code 141 when the reader of its output stops early (| head), leaving no file', async () => {
    const dir = scratch();
    const input = path.join(dir, 'accounts.csv');
    writeFileSync(input, accountsCsv(20_000));
    const args = [BIN, 'batch', input, '-q', '--schedules', path.join(dir, 'schedules.csv'), ...AS_OF];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Like head: read the first lines, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(141);
    expect(stderr).toBe('');
    expect(readdirSync(dir)).toEqual(['accounts.csv']);
  });
});

describe('fairplan batch with a breathing_space_end column', () => {
  it('flags an account in Breathing Space for review and asks for nothing before it ends; a bad date rejects the row', async () => {
    const dir = scratch();
    const results = path.join(dir, 'results.csv');
    const rejected = path.join(dir, 'rejected.csv');
    const schedules = path.join(dir, 'schedules.csv');
    const { code } = await runCli(['batch', BREATHING_SPACE, '-o', results, '--errors', rejected, '--schedules', schedules, '--interest', 'apr', '-q', ...AS_OF]);
    expect(code).toBe(1);
    const [header = '', ...rows] = csvRows(readFileSync(results, 'utf8'));
    const columns = header.split(',');
    const byId = new Map(rows.map((row) => [row.split(',')[0], Object.fromEntries(row.split(',').map((cell, i) => [columns[i], cell]))]));
    // In Breathing Space until 24 February: flagged, for review, first paid on the next payday after it.
    expect(byId.get('BS-1')).toMatchObject({ flags: 'breathing-space;advice', review: 'yes', first_date: '2026-02-25' });
    // A moratorium that ended before the as-of date, and none: planned as usual (the 25th is a Sunday).
    expect(byId.get('BS-2')).toMatchObject({ flags: 'advice', review: 'no', first_date: '2026-01-26' });
    expect(byId.get('BS-3')).toMatchObject({ flags: 'advice', review: 'no', first_date: '2026-01-26' });
    // The first instalment after the moratorium is charged one day's interest of its 31-day period, not a month's.
    const first = csvRows(readFileSync(schedules, 'utf8')).find((line) => line.startsWith('BS-1,'));
    expect(first).toMatch(/^BS-1,affordable,1,2026-02-25,,600\.00,0\.77,/);
    expect(csvRows(readFileSync(rejected, 'utf8'))[1]).toMatch(/^5,breathing_space_end,"?breathing_space_end .*YYYY-MM-DD/);
  });

  it('takes the column under another name with --column', async () => {
    const input = readFileSync(BREATHING_SPACE, 'utf8').replace('breathing_space_end', 'Moratorium Ends');
    const { stdout } = await runCli(['batch', '-', '--column', 'breathing_space_end=Moratorium Ends', '-q', ...AS_OF], { input });
    expect(csvRows(stdout)[1]).toContain(',breathing-space;advice,yes,');
  });
});

describe('fairplan batch --group-by', () => {
  const money = (text: string) => Math.round(Number(text) * 100);

  it('writes the sample export as it always has without --group-by: every earlier column, cell for cell', async () => {
    const dir = scratch();
    const results = path.join(dir, 'results.csv');
    await runCli(['batch', SAMPLE, '-o', results, '-q', ...AS_OF]);
    // Columns added since (balance, review_reasons, plan_months, one set per option) are left out;
    // no cell of the sample holds a comma.
    const [earlier = '', ...before] = csvRows(readFileSync(SAMPLE_RESULTS, 'utf8'));
    const [header = '', ...now] = csvRows(readFileSync(results, 'utf8'));
    const keep = earlier.split(',').map((column) => header.split(',').indexOf(column));
    expect(keep).not.toContain(-1);
    expect(now.map((row) => keep.map((i) => row.split(',')[i]).join(','))).toEqual(before);
  });

  it("plans each customer's accounts on one budget: each row its share, the budget figures the household's", async () => {
    const dir = scratch();
    const results = path.join(dir, 'results.csv');
    const { code } = await runCli(['batch', GROUPED, '--group-by', 'customer_id', '-o', results, '-q', ...AS_OF]);
    expect(code).toBe(1);
    const [header = '', ...rows] = csvRows(readFileSync(results, 'utf8'));
    const columns = header.split(',');
    const byId = new Map(rows.map((row) => [row.split(',')[0], Object.fromEntries(row.split(',').map((cell, i) => [columns[i], cell]))]));
    expect([...byId.keys()]).toEqual(['CARD-1001', 'LOAN-1002', 'CARD-2001', 'LOAN-2002', 'CAT-2003', 'CARD-3001', 'CARD-4001', 'LOAN-5001', 'CARD-6001']);
    // Olivia Brown: £600.00 available a month, shared 1,200 : 3,600 between her card and her loan.
    expect(byId.get('CARD-1001')).toMatchObject({ available: '600.00', instalment: '150.00', total: '1200.00', last_date: '2026-08-25' });
    expect(byId.get('LOAN-1002')).toMatchObject({ available: '600.00', instalment: '450.00', total: '3600.00', last_date: '2026-08-25' });
    // Noah Lee: three accounts share £212.30 a fortnight (£460.00 a month), each repaid in full.
    const noah = ['CARD-2001', 'LOAN-2002', 'CAT-2003'].map((id) => byId.get(id) ?? {});
    expect(noah.reduce((total, row) => total + money(row.instalment ?? ''), 0)).toBe(21230);
    expect(noah.map((row) => row.total)).toEqual(['450.00', '2550.00', '75.00']);
    for (const row of noah) expect(row).toMatchObject({ monthly_income: '1800.00', expenditure: '1340.00', surplus: '460.00', available: '460.00' });
    // A customer with one account is planned as without --group-by.
    expect(byId.get('CARD-3001')).toMatchObject({ available: '270.00', instalment: '270.00', total: '980.00' });
  });

  it('rejects a customer whose rows are apart, and an account whose budget disagrees, naming both lines', async () => {
    const dir = scratch();
    const rejected = path.join(dir, 'rejected.csv');
    const { code, stderr } = await runCli(['batch', GROUPED, '--group-by', 'customer_id', '-o', path.join(dir, 'r.csv'), '--errors', rejected, ...AS_OF]);
    expect(code).toBe(1);
    expect(stderr).toContain('11 rows read: 9 written, 2 rejected');
    const errors = csvRows(readFileSync(rejected, 'utf8')).slice(1);
    expect(errors[0]).toMatch(/^10,customer_id,rows of customer C004 are not together: sort the export by customer_id,customer-rows-apart,C004,LOAN-4002,/);
    expect(errors[1]).toContain(
      '12,monthly_income,"monthly_income is 1950.00 on line 12 but 1900.00 on line 11, an account of the same customer C006: a customer\'s accounts share one budget",budget-disagrees,C006,LOAN-6002,',
    );
  });

  it('takes customer ids written in another case or with spaces as one customer: one budget, never planned twice over', async () => {
    const dir = scratch();
    const [header = '', ...rows] = csvRows(readFileSync(GROUPED, 'utf8'));
    // Olivia Brown's card and loan (C001), the loan's id written `c001 ` as another system exports it.
    const olivia = rows.filter((row) => row.startsWith('C001,'));
    const input = `${header}\n${olivia[0]}\n${olivia[1]?.replace(/^C001,/, '" c001 ",')}\n`;
    const results = path.join(dir, 'results.csv');
    expect((await runCli(['batch', '-', '--group-by', 'customer_id', '-o', results, '-q', ...AS_OF], { input })).code).toBe(0);
    const [columns = '', ...written] = csvRows(readFileSync(results, 'utf8'));
    const at = columns.split(',').indexOf('instalment');
    // The £600.00 a month she has is shared between the two, as when both say C001.
    expect(written.map((row) => row.split(',')[at])).toEqual(['150.00', '450.00']);
  });

  it('takes customer ids with another dash, an invisible character or full-width letters as one customer: one budget', async () => {
    const dir = scratch();
    const [header = '', ...rows] = csvRows(readFileSync(GROUPED, 'utf8'));
    const olivia = rows.filter((row) => row.startsWith('C001,'));
    // C-001 for her card; her loan's id as another system or a hand types it: a non-breaking hyphen,
    // a zero-width space after it, full-width letters and digits.
    for (const other of ['C\u2011001', 'C-001\u200b', '\uff23\uff0d\uff10\uff10\uff11']) {
      const input = `${header}\n${olivia[0]?.replace(/^C001,/, 'C-001,')}\n${olivia[1]?.replace(/^C001,/, `${other},`)}\n`;
      const results = path.join(dir, 'results.csv');
      expect((await runCli(['batch', '-', '--group-by', 'customer_id', '-o', results, '-q', ...AS_OF], { input })).code, other).toBe(0);
      const [columns = '', ...written] = csvRows(readFileSync(results, 'utf8'));
      const at = columns.split(',').indexOf('instalment');
      // The £600.00 a month she has is shared between the two, not planned for each in full.
      expect(written.map((row) => row.split(',')[at]), other).toEqual(['150.00', '450.00']);
    }
  });

  it('writes the same grouped results on worker threads as in this thread', async () => {
    const dir = scratch();
    const lines = [`customer_id,${HEADER}`];
    const row = csvRows(readFileSync(SAMPLE, 'utf8'))[1] ?? '';
    // Three accounts to a customer: the 167th customer's rows straddle the 500th row.
    for (let n = 0; n < 1_200; n++) lines.push(`C${Math.floor(n / 3)},A${n}${row.slice(row.indexOf(','))}`);
    const input = `${lines.join('\n')}\n`;
    const run = (workers: string) => runCli(['batch', '-', '-q', '--group-by', 'customer_id', '--workers', workers, '-o', path.join(dir, `r${workers}.csv`), ...AS_OF], { input });
    expect((await run('0')).code).toBe(0);
    expect((await run('2')).code).toBe(0);
    expect(readFileSync(path.join(dir, 'r2.csv'), 'utf8')).toBe(readFileSync(path.join(dir, 'r0.csv'), 'utf8'));
  });

  it('finds the --group-by column however its name is cased, as the fields’ columns are found', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-group-'));
    const [exact, cased] = [path.join(dir, 'exact.csv'), path.join(dir, 'cased.csv')];
    expect((await runCli(['batch', GROUPED, '--group-by', 'customer_id', '-q', '-o', exact, ...AS_OF])).code).toBe(1);
    expect((await runCli(['batch', GROUPED, '--group-by', 'Customer_ID', '-q', '-o', cased, ...AS_OF])).code).toBe(1);
    expect(readFileSync(cased, 'utf8')).toBe(readFileSync(exact, 'utf8'));
  });

  it('refuses a --group-by column the file does not have, and exits 2', async () => {
    const { code, stderr } = await runCli(['batch', GROUPED, '--group-by', 'customer', ...AS_OF]);
    expect(code).toBe(2);
    expect(stderr).toContain('--group-by: there is no column "customer"');
  });

  it('refuses an empty --group-by (an unset variable) rather than planning each account on the whole budget', async () => {
    for (const name of ['', ' ']) {
      const { code, stderr } = await runCli(['batch', GROUPED, '--group-by', name, ...AS_OF]);
      expect(code).toBe(2);
      expect(stderr).toContain('--group-by names no column');
    }
  });
});
