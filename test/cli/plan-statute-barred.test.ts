/**
 * `plan` and a debt past the limitation period (domain notes 2.9), on the bundled
 * possibly-statute-barred.json: Sam Carter has £320.00 a month for Harbour Bank (£4,800.00),
 * Lumen Shopping (£1,600.00) and Quickline Loans (£1,200.00, last paid 14 March 2019, more than
 * six years before 7 December 2026).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fixture } from '../helpers/cli.js';
import { docxText, hasPdftotext, pdfText, wordsOf } from '../helpers/letter-text.js';

const STATEMENT = fixture('statements', 'possibly-statute-barred.json');
const SENDER = fixture('letters', 'sender.yaml');
const PLAN = ['plan', STATEMENT, '--as-of', '2026-12-07'];
const REASON = 'Customer paid Quickline in 2023 from a joint account';
// What must never reach the other creditors.
const LIMITATION_WORDS = /statute|barred|limitation|prescri|time has run out/i;

async function runMain(args: readonly string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(['node', 'fairplan', ...args], {
    stdout: { write: (chunk: string) => stdout.push(chunk) },
    stderr: { write: (chunk: string) => stderr.push(chunk) },
    stdin: process.stdin,
    env: { NO_COLOR: '1' },
    cwd,
    now: () => new Date(2026, 11, 7, 12),
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

const folder = () => mkdtempSync(path.join(tmpdir(), 'fairplan-barred-'));
const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8');
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The statement under another nation's law, in a folder of its own. */
function inJurisdiction(jurisdiction: string): { dir: string; file: string } {
  const dir = folder();
  const file = path.join(dir, `${jurisdiction}.json`);
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(STATEMENT, 'utf8')), jurisdiction }));
  return { dir, file };
}

interface CreditorJson {
  creditor: string;
  share: string;
  instalments: { n: number; amount: string }[];
}
interface OptionJson {
  key: string;
  instalments: { n: number; amount: string }[];
  creditors: CreditorJson[];
}

const pence = (amount: string) => Math.round(Number(amount.replace('.', '')));

describe('plan leaves a debt past the limitation period out of the offers by default', () => {
  it('shares all that is affordable among the other creditors, footing exactly, and says the debt is left out and why', async () => {
    const { code, stdout } = await runMain([...PLAN, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    // 4,800.00 + 1,600.00, without Quickline Loans' 1,200.00.
    expect(json.balance).toBe('6400.00');
    expect(json.affordable).toBe('320.00');
    expect(json.possiblyStatuteBarred).toEqual([
      expect.objectContaining({ creditor: 'Quickline Loans', accountReference: 'QL-448120', balance: '1200.00', lastPaymentOn: '2019-03-14', status: 'unchecked', leftOut: true, offer: '0.00' }),
    ]);
    expect(json.possiblyStatuteBarred[0].note).toContain('Left out of the offers until a person has checked it');
    const affordable = json.options.find((o: OptionJson) => o.key === 'affordable') as OptionJson;
    // £320.00 shared 4,800 : 1,600 = 3 : 1: £240.00 and £80.00.
    expect(affordable.creditors.map((c) => [c.creditor, c.share])).toEqual([
      ['Harbour Bank (credit card)', '240.00'],
      ['Lumen Shopping (catalogue)', '80.00'],
    ]);
    for (const option of json.options as OptionJson[]) {
      expect(option.creditors.map((c) => c.creditor)).not.toContain('Quickline Loans');
      // Every payment is the creditors' parts, to the penny.
      for (const instalment of option.instalments) {
        const parts = option.creditors.flatMap((c) => c.instalments.filter((i) => i.n === instalment.n).map((i) => pence(i.amount)));
        expect(parts.reduce((a, b) => a + b, 0), `${option.key} #${instalment.n}`).toBe(pence(instalment.amount));
      }
    }
  });

  it('writes no schedule row for its creditor', async () => {
    const { stdout } = await runMain([...PLAN, '--csv']);
    const rows = parse(stdout, { columns: true }) as { creditor: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.creditor))).toEqual(new Set(['Harbour Bank (credit card)', 'Lumen Shopping (catalogue)']));
  });

  it('says so on screen, as a note for the file', async () => {
    const { stdout } = await runMain(PLAN);
    expect(flat(stdout)).toContain('Debts that may be statute-barred (a note for the file: never sent to the other creditors)');
    expect(flat(stdout)).toContain('Quickline Loans, £1,200.00, last payment 2019-03-14: Left out of the offers');
  });

  it('writes no letter to its creditor, offers it 0.00 in the SFS, tells the customer not to pay, sign or promise anything, and tells the others nothing of it', async () => {
    const dir = folder();
    const { code, stderr } = await runMain([...PLAN, '--letters', 'out', '--letter-formats', 'txt'], dir);
    expect(code).toBe(0);
    expect(stderr).toContain('wrote 2 creditor letters');
    const out = path.join(dir, 'out');
    expect(readdirSync(out).sort()).toEqual([
      'letter-01-harbour-bank-credit-card.txt',
      'letter-02-lumen-shopping-catalogue.txt',
      'letter-customer.txt',
      'sfs-summary.json',
      'sfs-summary.txt',
    ]);
    const sfs = JSON.parse(read(out, 'sfs-summary.json'));
    expect(sfs.debts['non-priority-debts'].map((d: { creditor: string; 'repayment-offer': number }) => [d.creditor, d['repayment-offer']])).toEqual([
      ['Harbour Bank (credit card)', 240],
      ['Lumen Shopping (catalogue)', 80],
      ['Quickline Loans', 0],
    ]);
    for (const name of ['letter-01-harbour-bank-credit-card.txt', 'letter-02-lumen-shopping-catalogue.txt', 'sfs-summary.json', 'sfs-summary.txt']) {
      expect(read(out, name), name).not.toMatch(LIMITATION_WORDS);
    }
    // The SFS lists the debt (at 0.00); the other creditors' letters do not name it.
    for (const name of ['letter-01-harbour-bank-credit-card.txt', 'letter-02-lumen-shopping-catalogue.txt']) expect(read(out, name), name).not.toContain('Quickline');
    const customer = flat(read(out, 'letter-customer.txt'));
    expect(customer).toContain('Nothing is offered to Quickline Loans (last payment 14 March 2019).');
    expect(customer).toContain('Please do not pay, sign or promise anything to Quickline Loans until it has been checked');
  });

  it("words the customer's warning from the customer template, so an organisation's own template words it too", async () => {
    const dir = folder();
    const own = path.join(dir, 'own');
    mkdirSync(own);
    writeFileSync(
      path.join(own, 'customer.mustache'),
      '# Your plan\n\n{{#unchecked_creditors}}\nHold off paying {{.}}: we are checking whether it can still be enforced.\n\n{{/unchecked_creditors}}\n{{signpost}}\n',
    );
    const { code } = await runMain([...PLAN, '--letters', 'out', '--letter-formats', 'txt', '--templates', 'own'], dir);
    expect(code).toBe(0);
    const customer = flat(read(path.join(dir, 'out'), 'letter-customer.txt'));
    expect(customer).toContain('Hold off paying Quickline Loans: we are checking whether it can still be enforced.');
    expect(customer).not.toContain('Please do not pay, sign or promise');
  });
});

describe('plan --time-run-out CREDITOR', () => {
  it('writes the "time has run out" letter to that creditor, for England and Wales, and still offers it nothing', async () => {
    const dir = folder();
    const { code, stderr } = await runMain([...PLAN, '--letters', 'out', '--time-run-out', 'Quickline Loans', '--sender', SENDER], dir);
    expect(code).toBe(0);
    expect(stderr).toContain('wrote 3 creditor letters');
    const out = path.join(dir, 'out');
    const text = read(out, 'letter-03-quickline-loans-time-run-out.txt');
    // Headed as the offer letters are: who sends it, then the date (the plan's as-of day), then to whom and whose account.
    expect(text.startsWith('Riverside Money Advice\n12 Market Street\nLlanbadarn Fawr\nAberystwyth SY23 3AA\nTelephone: 01970 000000\nEmail: advice@riverside.example\n\n7 December 2026\n')).toBe(true);
    const letter = flat(text);
    expect(letter).toContain('Quickline Loans Your account: QL-448120 Customer: Sam Carter');
    expect(letter).toContain('Time has run out to recover this debt');
    expect(letter).toContain('I do not admit any liability for this debt.');
    expect(letter).toContain('section 5 of the Limitation Act 1980');
    expect(letter).toContain('in the last six years');
    expect(letter).toContain('(CONC 7.15.4)');
    expect(letter).toContain('(CONC 7.15.8)');
    expect(letter).toContain('please send me evidence of it');
    expect(letter).toContain('Please confirm in writing that you have closed this matter');
    // No offer, and no figure that could be read as one.
    expect(letter).not.toMatch(/£|offer/i);
    expect(JSON.parse(read(out, 'sfs-summary.json')).debts['non-priority-debts'][2]['repayment-offer']).toBe(0);
    for (const name of ['letter-01-harbour-bank-credit-card.txt', 'letter-02-lumen-shopping-catalogue.txt', 'sfs-summary.json']) {
      expect(read(out, name), name).not.toMatch(LIMITATION_WORDS);
    }
    const customer = flat(read(out, 'letter-customer.txt'));
    expect(customer).toContain('The letter to Quickline Loans (last payment 14 March 2019) says that time has run out');
    expect(customer).toContain('Please do not pay, sign or promise anything to this creditor');
    // The same letter as DOCX and PDF, word for word.
    const words = wordsOf(text);
    expect(wordsOf(docxText(readFileSync(path.join(out, 'letter-03-quickline-loans-time-run-out.docx'))))).toEqual(words);
    // A PDF line may break after the hyphen of "statute-barred".
    if (hasPdftotext()) expect(wordsOf(pdfText(readFileSync(path.join(out, 'letter-03-quickline-loans-time-run-out.pdf'))).replace(/-\n/g, '-'))).toEqual(words);
  });

  it('is written in the formats --letter-formats asks for, and an organisation may word it with its own time-run-out.mustache', async () => {
    const dir = folder();
    const own = path.join(dir, 'own');
    mkdirSync(own);
    writeFileSync(path.join(own, 'time-run-out.mustache'), '{{date}}\n\n{{creditor}}\n\n# Time has run out\n\n{{law}}\n\n{{customer_name}}\n');
    const { code } = await runMain([...PLAN, '--letters', 'out', '--time-run-out', 'Quickline Loans', '--letter-formats', 'pdf', '--templates', 'own'], dir);
    expect(code).toBe(0);
    const files = readdirSync(path.join(dir, 'out'));
    expect(files.filter((f) => f.includes('time-run-out'))).toEqual(['letter-03-quickline-loans-time-run-out.pdf']);
    if (hasPdftotext()) {
      const pdf = flat(pdfText(readFileSync(path.join(dir, 'out', 'letter-03-quickline-loans-time-run-out.pdf'))));
      expect(pdf).toContain('7 December 2026 Quickline Loans Time has run out I have not made any payment');
      expect(pdf).not.toContain('CONC 7.15.4');
    }
  });

  it('quotes the law of Scotland (five years, the debt extinguished) and of Northern Ireland', async () => {
    const scotland = inJurisdiction('scotland');
    expect((await runMain(['plan', scotland.file, '--as-of', '2026-12-07', '--letters', 'out', '--letter-formats', 'txt', '--time-run-out', 'Quickline Loans'], scotland.dir)).code).toBe(0);
    const scottish = flat(read(path.join(scotland.dir, 'out'), 'letter-03-quickline-loans-time-run-out.txt'));
    expect(scottish).toContain('section 6 of the Prescription and Limitation (Scotland) Act 1973');
    expect(scottish).toContain('in the last five years');
    expect(scottish).toContain('extinguished');
    expect(scottish).not.toContain('Limitation Act 1980');
    const ni = inJurisdiction('northern-ireland');
    expect((await runMain(['plan', ni.file, '--as-of', '2026-12-07', '--letters', 'out', '--letter-formats', 'txt', '--time-run-out', 'Quickline Loans'], ni.dir)).code).toBe(0);
    const irish = flat(read(path.join(ni.dir, 'out'), 'letter-03-quickline-loans-time-run-out.txt'));
    expect(irish).toContain('Limitation (Northern Ireland) Order 1989');
    expect(irish).toContain('in the last six years');
  });

  it('records the decision in the JSON and its provenance', async () => {
    const json = JSON.parse((await runMain([...PLAN, '--json', '--time-run-out', 'Quickline Loans'])).stdout);
    expect(json.possiblyStatuteBarred[0]).toMatchObject({ status: 'time-run-out', leftOut: true, offer: '0.00' });
    expect(json.provenance.options['--time-run-out']).toBe('Quickline Loans');
  });

  it('refuses a creditor whose debt is not past the limitation period, naming the option, with a suggestion', async () => {
    const { code, stdout, stderr } = await runMain([...PLAN, '--json', '--time-run-out', 'Quickline Loan']);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.trim()).toBe('fairplan: --time-run-out: "Quickline Loan" is not a debt past the limitation period: only "Quickline Loans" is; did you mean "Quickline Loans"?');
  });
});

describe('plan --include-possibly-barred CREDITOR --override-reason "…"', () => {
  it('offers that debt its share with the reason recorded, the shares footing exactly', async () => {
    const { code, stdout } = await runMain([...PLAN, '--json', '--include-possibly-barred', 'Quickline Loans', '--override-reason', REASON]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.balance).toBe('7600.00');
    // 32,000p shared 4,800 : 1,600 : 1,200 → 20,210.53, 6,736.84, 5,052.63: the two pence over the
    // floors go to the largest remainders, Lumen (.84) and Quickline (.63).
    const affordable = json.options.find((o: OptionJson) => o.key === 'affordable') as OptionJson;
    expect(affordable.creditors.map((c) => c.share)).toEqual(['202.10', '67.37', '50.53']);
    expect(json.possiblyStatuteBarred[0]).toMatchObject({ creditor: 'Quickline Loans', status: 'included', leftOut: false, reason: REASON });
    expect(json.possiblyStatuteBarred[0]).not.toHaveProperty('offer');
    expect(json.provenance.options).toMatchObject({ '--include-possibly-barred': 'Quickline Loans', '--override-reason': REASON });
  });

  it('is refused without a reason, with one plain line and exit 2, and writes nothing', async () => {
    const dir = folder();
    const { code, stdout, stderr } = await runMain([...PLAN, '--letters', 'out', '--include-possibly-barred', 'Quickline Loans'], dir);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.trim()).toBe(
      'fairplan: --include-possibly-barred needs --override-reason "…": why money is offered on a debt that may be statute-barred, which the plan records',
    );
    expect(readdirSync(dir)).toEqual([]);
    const short = await runMain([...PLAN, '--include-possibly-barred', 'Quickline Loans', '--override-reason', 'x']);
    expect(short.code).toBe(2);
  });

  it('is refused when the same creditor is also given --time-run-out', async () => {
    const { code, stderr } = await runMain([...PLAN, '--include-possibly-barred', 'Quickline Loans', '--override-reason', REASON, '--time-run-out', 'Quickline Loans']);
    expect(code).toBe(2);
    expect(stderr).toContain('--include-possibly-barred: "Quickline Loans" cannot both get the "time has run out" letter and be offered money');
  });
});
