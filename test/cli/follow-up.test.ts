import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, runCliErrors } from '../helpers/cli.js';
import { FORMAT_VERSION } from '../../src/render/shared/format-version.js';

const BOOK = ['arrangements', 'payments', 'customers', 'contacts'].flatMap((name) => [`--${name}`, fixture('follow-up', `${name}.csv`)]);
const scratch = () => mkdtempSync(path.join(tmpdir(), 'fairplan-follow-up-'));
/** A CSV output as records by column name (the cells here hold no commas). */
function records(file: string): Record<string, string>[] {
  const [header = '', ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])));
}
const ndjson = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, string>);

async function run(asOf: string) {
  const dir = scratch();
  const out = (name: string) => path.join(dir, name);
  const result = await runCli(['follow-up', ...BOOK, '--as-of', asOf, '-o', out('status.csv'), '--messages', out('messages.csv'), '--errors', out('errors.csv'), '--summary', out('summary.json')]);
  return { ...result, dir, out };
}

describe('fairplan follow-up', () => {
  it('documents its inputs and exit codes in --help', async () => {
    const { code, stdout } = await runCli(['follow-up', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--arrangements');
    expect(stdout).toMatch(/1 +some rows were rejected/);
    expect(stdout.split('\n').filter((line) => line.length > 80)).toEqual([]);
  });

  it('gives every arrangement of the fixture book its status, rejects the three bad payments with line and reason (those for an account with no plan once the plans are read), and exits 1', async () => {
    const { code, stderr, out } = await run('2026-03-09');
    expect(code).toBe(1);
    expect(Object.fromEntries(records(out('status.csv')).map((r) => [r.account_id, r.status]))).toEqual({
      'FU-001': 'on-track', 'FU-002': 'ahead', 'FU-003': 'behind', 'FU-004': 'missed', 'FU-005': 'broken', 'FU-006': 'completed',
      'FU-007': 'paused', 'FU-008': 'review-due', 'FU-009': 'on-track', 'FU-010': 'on-track', 'FU-011': 'on-track', 'FU-012': 'missed',
      'FU-013': 'missed', 'FU-014': 'on-track', 'FU-015': 'on-track', 'FU-016': 'paused', 'FU-017': 'on-track',
    });
    // FU-003 paid £10.00 of the £25.00 due on 5 March: the rest is in arrears, still within the grace days.
    expect(records(out('status.csv')).find((r) => r.account_id === 'FU-003')).toMatchObject({ arrears_on_plan: '15.00', next_amount: '15.00', paid_to_date: '60.00' });
    expect(readFileSync(out('errors.csv'), 'utf8').trimEnd().split('\n').slice(1)).toEqual([
      expect.stringMatching(/payments\.csv,39,FU-001,bad-value,"amount: ""12\.345"" is not an amount in whole pence other than £0\.00 \(a refund or returned payment is negative\)"$/),
      expect.stringMatching(/payments\.csv,40,FU-004,bad-value,"paid_on: ""2026-02-30"" is not a date \(YYYY-MM-DD\)"$/),
      expect.stringMatching(/payments\.csv,38,FU-999,no-arrangement,"a payment for account FU-999, which has no arrangement"$/),
    ]);
    expect(stderr).toContain('17 arrangements: 7 on-track, 1 ahead, 1 behind, 3 missed, 1 broken, 1 completed, 2 paused, 1 review-due');
    // FU-004's payment on line 40 cannot be read: it is not told it missed instalment 3.
    expect(stderr).toContain('held back: 1 no-contact-details, 1 customer-opted-out, 1 protection-unreadable, 1 already-sent, 1 daily-limit, 1 weekly-limit');
    expect(stderr).toContain('3 rows rejected');
    expect(stderr).toContain('not used, as their accounts have no plan here: 1 customer row, 1 contact');
  });

  it('writes NDJSON messages whose kind, channel, review and hold follow the rules', async () => {
    const dir = scratch();
    const messages = path.join(dir, 'messages.ndjson');
    const { code } = await runCli(['follow-up', ...BOOK, '--as-of', '2026-03-09', '-o', path.join(dir, 'status.ndjson'), '--messages', messages, '--errors', path.join(dir, 'errors.ndjson'), '--json']);
    expect(code).toBe(1);
    const byAccount = Object.fromEntries(ndjson(messages).map((m) => [m.account_id, m]));
    expect(Object.keys(byAccount)).toEqual(['FU-004', 'FU-005', 'FU-006', 'FU-008', 'FU-009', 'FU-010', 'FU-011', 'FU-012', 'FU-013', 'FU-014', 'FU-015', 'FU-017']);
    // Its payment on line 40 of payments.csv cannot be read (2026-02-30): what it paid is not known.
    expect(byAccount['FU-004']).toMatchObject({ message_id: 'FU-004:missed-check-in:3:sms', kind: 'missed-check-in', held_back: 'protection-unreadable' });
    expect(byAccount['FU-005']).toMatchObject({ kind: 'review-invitation', channel: 'email' });
    expect(byAccount['FU-006']).toMatchObject({ kind: 'thank-you' });
    expect(byAccount['FU-008']).toMatchObject({ kind: 'review-invitation', channel: 'letter' });
    expect(byAccount['FU-009']).toMatchObject({ kind: 'reminder', channel: 'sms', sms_segments: 1 });
    expect(byAccount['FU-009']?.text).not.toMatch(/£|debt/i);
    expect(byAccount['FU-010']).toMatchObject({ kind: 'reminder', review: 'yes' });
    expect(byAccount['FU-010']?.text).toContain('£75.50');
    expect(byAccount['FU-011']).toMatchObject({ held_back: 'daily-limit' });
    expect(byAccount['FU-012']).toMatchObject({ held_back: 'weekly-limit' });
    expect(byAccount['FU-013']).toMatchObject({ held_back: 'already-sent' });
    expect(byAccount['FU-014']).toMatchObject({ held_back: 'customer-opted-out', text: null });
    expect(byAccount['FU-015']).toMatchObject({ held_back: 'no-contact-details' });
    // Quentin asked to be contacted on Tuesdays and Wednesdays, in the evening.
    expect(byAccount['FU-017']).toMatchObject({ kind: 'reminder', send_on: '2026-03-10', send_window: '18:00-20:00' });
  });

  it('writes the summary as JSON with --summary: plans by status, messages by kind and channel, held back by rule, amounts', async () => {
    const dir = scratch();
    const summary = path.join(dir, 'summary.json');
    await runCli(['follow-up', ...BOOK, '--as-of', '2026-03-09', '-o', path.join(dir, 'status.csv'), '--summary', summary, '-q']);
    const json = JSON.parse(readFileSync(summary, 'utf8'));
    const counts = {
      byStatus: { 'on-track': 7, ahead: 1, behind: 1, missed: 3, broken: 1, completed: 1, paused: 2, 'review-due': 1 },
      // FU-004's missed-check-in is held: a payment of its cannot be read.
      messagesByKind: { reminder: 3, 'missed-check-in': 0, 'review-invitation': 2, 'thank-you': 1 },
      messagesByChannel: { sms: 2, email: 3, letter: 1 },
      heldBack: { 'no-contact-details': 1, 'customer-opted-out': 1, 'already-sent': 1, 'daily-limit': 1, 'weekly-limit': 1, 'protection-unreadable': 1, 'unsafe-text': 0, 'too-late': 0, 'already-issued': 0 },
      forReview: 1,
      dueToDate: '1434.00',
      notUsed: { customers: 1, contacts: 1 },
      // No --messages: counted, not written.
      messagesWritten: false,
      contactsLog: true,
      // Only the firm's templates of rules.yaml use it.
      unknownCustomerColumns: ['preferred_name'],
      repeatedCustomerRows: 0,
      unattributedRows: 0,
    };
    // Format 2 still writes each key's 1.x snake_case name beside it, with the same value.
    const aliases = Object.fromEntries(Object.entries(counts).map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]));
    expect(json).toEqual({
      formatVersion: FORMAT_VERSION,
      arrangements: 17,
      ...counts,
      received: '1119.00',
      arrears: '345.00',
      rejected: 3,
      ...aliases,
      provenance: expect.any(Object),
    });
  });

  it('says in the summary what the night was worked out from: each input file by its SHA-256, the rules file, the date and calendar', async () => {
    const dir = scratch();
    const summary = path.join(dir, 'summary.json');
    const rules = fixture('follow-up', 'rules.yaml');
    await runCli(['follow-up', ...BOOK, '--rules', rules, '--as-of', '2026-03-09', '--calendar', 'scotland', '-o', path.join(dir, 'status.csv'), '--summary', summary, '-q']);
    const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
    const { provenance } = JSON.parse(readFileSync(summary, 'utf8'));
    expect(provenance).toMatchObject({ asOf: '2026-03-09', calendar: 'Scotland bank holidays', options: { '--calendar': 'scotland' } });
    expect(provenance.inputs).toEqual(
      [...['arrangements', 'payments', 'customers', 'contacts'].map((role) => [role, fixture('follow-up', `${role}.csv`)]), ['rules', rules]].map(([role, file]) => ({
        role,
        file,
        sha256: sha256(file as string),
      })),
    );
  });

  it('marks for a person to read first every message of a firm’s template that may threaten or pressure, naming the words', async () => {
    const dir = scratch();
    const rules = path.join(dir, 'rules.yaml');
    writeFileSync(rules, 'templates:\n  reminder:\n    sms:\n      text: "Hi {{name}}, your payment is due on {{next_due_date}}. Please pay immediately. {{signpost}}"\n');
    const messages = path.join(dir, 'messages.ndjson');
    await runCli(['follow-up', ...BOOK, '--rules', rules, '--as-of', '2026-03-09', '-o', path.join(dir, 'status.ndjson'), '--messages', messages, '--json', '-q']);
    const reminders = ndjson(messages).filter((m) => m.kind === 'reminder' && m.channel === 'sms');
    expect(reminders.length).toBeGreaterThan(0);
    for (const reminder of reminders) {
      expect(reminder.review).toBe('yes');
      expect(reminder.reason).toContain('a person reads it first: it says "immediately", which can read as a threat or pressure');
    }
  });

  it('refuses an arrangements file it cannot read before reading the others: one line, none of their rejected rows', async () => {
    const dir = scratch();
    const { code, stderr } = await runCli(['follow-up', '--arrangements', path.join(dir, 'nosuch.csv'), '--payments', fixture('follow-up', 'payments.csv'), '--no-contacts-log', '--as-of', '2026-03-09', '-o', path.join(dir, 'status.csv')]);
    expect(code).toBe(2);
    expect(stderr).toBe(`fairplan: ${path.join(dir, 'nosuch.csv')}: no such file\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('sends nothing on Easter Sunday or Easter Monday: the messages wait for the Tuesday', async () => {
    const dir = scratch();
    const messages = path.join(dir, 'messages.ndjson');
    await runCli(['follow-up', ...BOOK, '--as-of', '2026-04-05', '-o', path.join(dir, 'status.ndjson'), '--messages', messages, '--json']);
    const sendOn = new Set(ndjson(messages).map((m) => m.send_on));
    expect([...sendOn]).toEqual(['2026-04-07']);
  });

  it('gives byte-identical outputs for the same inputs and as-of day', async () => {
    const first = await run('2026-03-09');
    const again = await run('2026-03-09');
    for (const name of ['status.csv', 'messages.csv', 'errors.csv', 'summary.json']) expect(readFileSync(again.out(name))).toEqual(readFileSync(first.out(name)));
    expect(again.stderr).toBe(first.stderr);
  });

  it('rejects an NDJSON line longer than 1 MiB at its line, in one sentence, and goes on with the rest (exit 1)', async () => {
    const dir = scratch();
    const contacts = path.join(dir, 'contacts.ndjson');
    const contact = (id: string, messageId: string) => JSON.stringify({ account_id: id, sent_on: '2026-03-02', channel: 'sms', kind: 'reminder', message_id: messageId });
    writeFileSync(contacts, `${contact('FU-001', 'FU-001:reminder:2:sms')}
${contact('FU-002', 'x'.repeat(2 * 1024 * 1024))}
${contact('FU-013', 'FU-013:missed-check-in:3:email')}
`);
    const payments = path.join(dir, 'payments.csv');
    writeFileSync(payments, 'account_id,paid_on,amount\n');
    const args = ['--arrangements', fixture('follow-up', 'arrangements.csv'), '--payments', payments, '--customers', fixture('follow-up', 'customers.csv')];
    const { code, stderr } = await runCli(['follow-up', ...args, '--contacts', contacts, '--as-of', '2026-03-09', '-o', path.join(dir, 'status.csv'), '-q']);
    expect(stderr).toBe(`fairplan: ${contacts}:line 2: the line is longer than 1 MiB\n`);
    expect(code).toBe(1);
  });

  it('refuses an output that names one of its inputs, and writes nothing', async () => {
    const dir = scratch();
    const payments = path.join(dir, 'payments.csv');
    writeFileSync(payments, readFileSync(fixture('follow-up', 'payments.csv')));
    const { code, errors } = await runCliErrors(['follow-up', '--arrangements', fixture('follow-up', 'arrangements.csv'), '--payments', payments, '--no-contacts-log', '--as-of', '2026-03-09', '-o', path.join(dir, 'status.csv'), '--messages', payments]);
    expect(code).toBe(2);
    expect(errors).toEqual([expect.objectContaining({ code: 'invalid-argument', message: expect.stringContaining('--messages') })]);
    expect(readdirSync(dir)).toEqual(['payments.csv']);
    expect(readFileSync(payments)).toEqual(readFileSync(fixture('follow-up', 'payments.csv')));
  });

  it('stops with exit 2, writing nothing, when a file lacks a column', async () => {
    const dir = scratch();
    const payments = path.join(dir, 'payments.csv');
    writeFileSync(payments, 'account_id,amount\nFU-001,45.00\n');
    const { code, errors } = await runCliErrors(['follow-up', '--arrangements', fixture('follow-up', 'arrangements.csv'), '--payments', payments, '--no-contacts-log', '--as-of', '2026-03-09', '-o', path.join(dir, 'status.csv')]);
    expect(code).toBe(2);
    expect(errors).toEqual([expect.objectContaining({ code: 'invalid-argument', file: payments })]);
    expect(readdirSync(dir)).toEqual(['payments.csv']);
  });

  it('takes the firm\'s rules and templates from --rules', async () => {
    const dir = scratch();
    const messages = path.join(dir, 'messages.ndjson');
    const { code } = await runCli(['follow-up', ...BOOK, '--rules', fixture('follow-up', 'rules.yaml'), '--as-of', '2026-03-09', '-o', path.join(dir, 'status.csv'), '--messages', messages, '--json', '--errors', path.join(dir, 'errors.ndjson')]);
    expect(code).toBe(1);
    const status = ndjson(path.join(dir, 'status.csv'));
    // Three missed in a row before a plan is broken, and reminders two days ahead.
    expect(status.find((s) => s.account_id === 'FU-005')).toMatchObject({ status: 'missed' });
    const sent = ndjson(messages);
    expect(sent.find((m) => m.account_id === 'FU-010')).toBeUndefined();
    expect(sent.find((m) => m.account_id === 'FU-009')?.text).toMatch(/^Hi Immy, just a reminder that your next payment is due on 11 March 2026\./);
  });

  it('leaves out of a text a name column whose value is not plainly a name, and sends the text greeting without it', async () => {
    const dir = scratch();
    const customers = path.join(dir, 'customers.csv');
    writeFileSync(customers, readFileSync(fixture('follow-up', 'customers.csv'), 'utf8').replace(',Immy,', ',Immy (balance 80.00),'));
    const messages = path.join(dir, 'messages.ndjson');
    const args = ['--arrangements', fixture('follow-up', 'arrangements.csv'), '--payments', fixture('follow-up', 'payments.csv'), '--customers', customers];
    await runCli(['follow-up', ...args, '--no-contacts-log', '--rules', fixture('follow-up', 'rules.yaml'), '--as-of', '2026-03-09', '-o', path.join(dir, 'status.csv'), '--messages', messages, '--json', '-q']);
    const sent = ndjson(messages).find((m) => m.account_id === 'FU-009');
    expect(sent).toMatchObject({ channel: 'sms', held_back: null, review: 'no' });
    expect(sent?.text).toMatch(/^Hi, just a reminder that your next payment is due on 11 March 2026\./);
  });

  it('takes out of an NDJSON customer’s name what does not show, and normalises it, before it goes in a text', async () => {
    const dir = scratch();
    const customers = path.join(dir, 'customers.ndjson');
    const lines = records(fixture('follow-up', 'customers.csv')).map((row) => (row.account_id === 'FU-009' ? { ...row, preferred_name: 'I\u00ADm\u200Bm\u202Ey' } : row));
    writeFileSync(customers, lines.map((row) => JSON.stringify(row)).join('\n'));
    const messages = path.join(dir, 'messages.ndjson');
    const args = ['--arrangements', fixture('follow-up', 'arrangements.csv'), '--payments', fixture('follow-up', 'payments.csv'), '--customers', customers];
    await runCli(['follow-up', ...args, '--no-contacts-log', '--rules', fixture('follow-up', 'rules.yaml'), '--as-of', '2026-03-09', '-o', path.join(dir, 'status.csv'), '--messages', messages, '--json', '-q']);
    expect(ndjson(messages).find((m) => m.account_id === 'FU-009')?.text).toMatch(/^Hi Immy, just a reminder/);
  });

  it('stops with exit 2, writing nothing, at a text message template with a customers column not declared a name', async () => {
    const dir = scratch();
    const rules = path.join(dir, 'rules.yaml');
    writeFileSync(rules, 'templates:\n  reminder:\n    sms:\n      text: "Hi {{preferred_name}}, your payment is due on {{next_due_date}}. {{signpost}}"\n');
    const { code, stderr } = await runCli(['follow-up', ...BOOK, '--rules', rules, '--as-of', '2026-03-09', '-o', path.join(dir, 'status.csv'), '--messages', path.join(dir, 'messages.csv')]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${rules}: templates.reminder.sms.text: puts {{preferred_name}} in a text message`);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(['rules.yaml']);
  });

  it('marks for review a firm’s email that threatens in look-alike letters, naming the words', async () => {
    const dir = scratch();
    const rules = path.join(dir, 'rules.yaml');
    // "Сourt" and "bаiliff" with Cyrillic letters; "sued" as a form of "sue".
    writeFileSync(rules, 'templates:\n  missed-check-in:\n    email:\n      subject: "About your plan"\n      text: "Hello {{name}}, we may go to \\u0421ourt or send a b\\u0430iliff; others were sued. {{signpost}}"\n');
    const messages = path.join(dir, 'messages.ndjson');
    await runCli(['follow-up', ...BOOK, '--rules', rules, '--as-of', '2026-03-09', '-o', path.join(dir, 'status.csv'), '--messages', messages, '--json', '-q']);
    const emails = ndjson(messages).filter((m) => m.kind === 'missed-check-in' && m.channel === 'email');
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) {
      expect(email.review).toBe('yes');
      expect(email.reason).toContain('"sue", "court", "bailiff"');
    }
  });

  it('stops with exit 2, writing nothing, at a template with an unknown placeholder, naming both', async () => {
    const dir = scratch();
    const rules = path.join(dir, 'rules.yaml');
    writeFileSync(rules, 'templates:\n  thank-you:\n    email:\n      subject: Thank you\n      text: "Dear {{title}} {{surname}}"\n');
    const { code, stderr } = await runCli(['follow-up', ...BOOK, '--rules', rules, '--as-of', '2026-03-09', '-o', path.join(dir, 'status.csv'), '--messages', path.join(dir, 'messages.csv')]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${rules}: templates.thank-you.email.text: uses the unknown placeholder {{title}}`);
    expect(readdirSync(dir)).toEqual(['rules.yaml']);
  });

  it('follows up the plans that batch --schedules wrote, as they were written', async () => {
    const dir = scratch();
    const schedules = path.join(dir, 'schedules.csv');
    const batch = await runCli(['batch', fixture('accounts', 'sample-accounts.csv'), '-o', path.join(dir, 'results.csv'), '--errors', path.join(dir, 'rejected.csv'), '--schedules', schedules, '--as-of', '2026-01-05', '-q']);
    expect(batch.code).toBe(1);
    const instalments = records(schedules);
    const [first, second] = [...new Set(instalments.map((i) => i.account_id))];
    // The first account pays every instalment on its day up to 9 April 2026; the second pays nothing.
    const paid = instalments.filter((i) => i.account_id === first && (i.due ?? '') <= '2026-04-09');
    writeFileSync(path.join(dir, 'payments.csv'), ['account_id,paid_on,amount', ...paid.map((i) => `${i.account_id},${i.due},${i.amount}`)].join('\n'));
    const { code } = await runCli(['follow-up', '--arrangements', schedules, '--payments', path.join(dir, 'payments.csv'), '--no-contacts-log', '--as-of', '2026-04-09', '-o', path.join(dir, 'status.csv')]);
    expect(code).toBe(0);
    const status = records(path.join(dir, 'status.csv'));
    expect(status).toHaveLength(new Set(instalments.map((i) => i.account_id)).size);
    expect(status.find((s) => s.account_id === first)).toMatchObject({ status: 'on-track', arrears_on_plan: '0.00' });
    expect(status.find((s) => s.account_id === second)).toMatchObject({ status: 'broken', paid_to_date: '0.00' });
  });
});

describe('fairplan follow-up after batch --json', () => {
  it('reads the NDJSON schedules as it reads the CSV ones', async () => {
    const dir = scratch();
    const sample = fixture('accounts', 'sample-accounts.csv');
    await runCli(['batch', sample, '-o', path.join(dir, 'r.csv'), '--schedules', path.join(dir, 'schedules.csv'), '--as-of', '2026-01-05', '-q']);
    await runCli(['batch', sample, '-o', path.join(dir, 'r.ndjson'), '--schedules', path.join(dir, 'schedules.ndjson'), '--json', '--as-of', '2026-01-05', '-q']);
    const payments = fixture('follow-up', 'sample-payments.csv');
    for (const schedules of ['schedules.csv', 'schedules.ndjson']) {
      const { code } = await runCli(['follow-up', '--arrangements', path.join(dir, schedules), '--payments', payments, '--no-contacts-log', '--as-of', '2026-03-09', '-o', path.join(dir, `${schedules}.status.csv`), '-q']);
      expect(code).toBe(0);
    }
    expect(readFileSync(path.join(dir, 'schedules.ndjson.status.csv'), 'utf8')).toBe(readFileSync(path.join(dir, 'schedules.csv.status.csv'), 'utf8'));
  });
});

/** follow-up over one of fixtures/hostile/follow-up/ (see its README), in NDJSON: statuses, messages and rejected rows. */
async function hostile(set: string, asOf: string, extra: readonly string[] = []) {
  const dir = scratch();
  const input = (name: string) => fixture('hostile', 'follow-up', set, `${name}.csv`);
  const inputs = ['arrangements', 'payments', 'customers'].flatMap((name) => (existsSync(input(name)) ? [`--${name}`, input(name)] : []));
  const out = (name: string) => path.join(dir, `${name}.ndjson`);
  const result = await runCli(['follow-up', ...inputs, '--no-contacts-log', '--as-of', asOf, ...extra, '-o', out('status'), '--messages', out('messages'), '--errors', out('errors'), '--json', '-q']);
  const read = (name: string) => (readFileSync(out(name), 'utf8') === '' ? [] : ndjson(out(name)));
  return { code: result.code, stderr: result.stderr, status: read('status'), messages: read('messages'), errors: read('errors') };
}

describe('fairplan follow-up on hostile payments, plans and calendars (fixtures/hostile/follow-up/)', () => {
  it('duplicate-reference: counts a payment exported twice under one reference once, naming both lines', async () => {
    const { code, status, errors } = await hostile('duplicate-reference', '2026-04-10');
    expect(code).toBe(1);
    expect(errors).toEqual([expect.objectContaining({ line: 3, account_id: 'DR-1', reason: 'reference BANK-7781 is paid twice for account DR-1 (lines 2 and 3): counted once' })]);
    // £40.00 paid of £80.00 due: instalment 2 (1 April) is missed, not paid twice over.
    expect(status).toEqual([expect.objectContaining({ account_id: 'DR-1', status: 'missed', paid_to_date: '40.00', arrears_on_plan: '40.00' })]);
  });

  it('returned-payment: applies a returned direct debit, reducing what was paid, and still refuses a payment of 0.00', async () => {
    const { code, status, errors } = await hostile('returned-payment', '2026-04-03');
    expect(code).toBe(1);
    expect(errors).toEqual([expect.objectContaining({ line: 5, reason: expect.stringContaining('"0.00" is not an amount in whole pence other than £0.00') })]);
    // 40.00 - 40.00 + 40.00 of the 80.00 due: one instalment behind, not on track.
    expect(status).toEqual([expect.objectContaining({ account_id: 'RP-1', status: 'behind', paid_to_date: '40.00', arrears_on_plan: '40.00', last_paid_on: '2026-04-01' })]);
  });

  it('paid-before-agreed: does not count, and reports, a payment before agreed_on or, without it, before the first instalment\'s period', async () => {
    const { code, status, errors } = await hostile('paid-before-agreed', '2026-03-03');
    expect(code).toBe(1);
    expect(errors.map((e) => [e.line, e.reason])).toEqual([
      [2, "paid on 2026-02-10, before account PB-1's plan was agreed on 2026-02-20: not counted toward it"],
      // 2 March less the 30 days to 1 April.
      [3, "paid on 2026-01-20, before account PB-2's plan began on 2026-01-31 (one instalment interval before its first due date): not counted toward it"],
    ]);
    expect(status.map((s) => [s.account_id, s.status, s.paid_to_date])).toEqual([
      ['PB-1', 'behind', '0.00'],
      ['PB-2', 'behind', '0.00'],
    ]);
  });

  it('huge-sums: leaves out, in a plain sentence, an account whose instalments or payments add up past what fairplan adds exactly', async () => {
    const { code, status, errors } = await hostile('huge-sums', '2026-03-03');
    expect(code).toBe(1);
    expect(errors.map((e) => e.reason)).toEqual([
      'account HS-1 is left out: its instalments add up to more than £90,071,992,547,409.91, the most fairplan adds exactly',
      'account HS-2 is left out: its payments add up to more than £90,071,992,547,409.91, the most fairplan adds exactly',
    ]);
    expect(status.map((s) => s.account_id)).toEqual(['HS-3']);
  });

  it('zero-creditor-part: reads the real plan --csv of a statement whose plan gives one creditor £0.00 a payment', async () => {
    const set = (name: string) => fixture('hostile', 'follow-up', 'zero-creditor-part', name);
    const plan = await runCli(['plan', set('statement.json'), '--as-of', '2026-03-01', '--csv', '--schedule', 'affordable']);
    const [header, ...rows] = plan.stdout.trimEnd().split('\n');
    // The fixture is that output with the account added, as the README says to do.
    expect(readFileSync(set('arrangements.csv'), 'utf8')).toBe(`${[`account_id,${header}`, ...rows.map((row) => `ZC-1,${row}`)].join('\n')}\n`);
    expect(rows.filter((row) => row.includes(',0.00,0.00,0.00,0.30,Lumen Shopping')).length).toBeGreaterThan(0);
    const { code, status, errors } = await hostile('zero-creditor-part', '2027-02-10');
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    expect(status).toEqual([expect.objectContaining({ account_id: 'ZC-1', status: 'on-track', next_due: '2027-03-01', next_amount: '129.78' })]);
  });

  it('late-reminder: holds back as too late a reminder that a bank holiday or the customer\'s contact days would send on its due date', async () => {
    // Easter Sunday 2026: Monday 6 April is a bank holiday.
    const { messages } = await hostile('late-reminder', '2026-04-05');
    expect(messages.map((m) => [m.account_id, m.kind, m.send_on, m.held_back])).toEqual([
      ['LR-1', 'reminder', '2026-04-07', 'too-late'],
      ['LR-2', 'reminder', '2026-04-08', 'too-late'],
      ['LR-3', 'reminder', '2026-04-07', null],
    ]);
  });

  it('breathing-space-resume: does not count missed what fell due in Breathing Space, and says when the plan resumes', async () => {
    const { status, messages } = await hostile('breathing-space-resume', '2026-05-18');
    // BS-1 paid March; April and May fell in the moratorium ending 15 May: April's instalment is due 15 June (15 May and 31 days).
    expect(status).toEqual([
      expect.objectContaining({ account_id: 'BS-1', status: 'on-track', missed_in_a_row: 0, arrears_on_plan: '0.00', next_due: '2026-06-15', reason: expect.stringContaining('due 75 days later than planned') }),
      // BS-2's crisis moratorium ended 10 April with nothing paid: instalment 1 moved to 11 May (and 2 to 11 June), and was missed then.
      expect.objectContaining({ account_id: 'BS-2', status: 'missed', missed_in_a_row: 1, next_due: '2026-05-11' }),
    ]);
    expect(messages.map((m) => [m.account_id, m.kind])).toEqual([['BS-2', 'missed-check-in']]);
  });

  it('christmas: sends nothing on Christmas Day, Boxing Day or New Year\'s Day, even with --calendar none', async () => {
    const christmas = await hostile('christmas', '2026-12-25', ['--calendar', 'none']);
    expect(christmas.messages).toEqual([expect.objectContaining({ kind: 'missed-check-in', send_on: '2026-12-28', held_back: null })]);
    const newYear = await hostile('christmas', '2027-01-01', ['--calendar', 'none']);
    expect(newYear.messages).toEqual([expect.objectContaining({ kind: 'missed-check-in', send_on: '2027-01-02' })]);
  });
});

describe('fairplan follow-up on a messy export (fixtures/hostile/follow-up/messy-export)', () => {
  const messy = (name: string) => fixture('hostile', 'follow-up', 'messy-export', name);
  const night = async (customers: string) => {
    const dir = scratch();
    const messages = path.join(dir, 'messages.ndjson');
    const summary = path.join(dir, 'summary.json');
    const args = ['--arrangements', messy('arrangements.csv'), '--payments', messy('payments.csv'), '--customers', messy(customers), '--contacts', messy('contacts.csv')];
    const result = await runCli(['follow-up', ...args, '--as-of', '2026-03-09', '-o', path.join(dir, 'status.ndjson'), '--messages', messages, '--summary', summary, '--json', '-q']);
    const byAccount: Record<string, Record<string, string>> = Object.fromEntries(ndjson(messages).map((m) => [m.account_id, m]));
    return { ...result, messages: byAccount, summary: JSON.parse(readFileSync(summary, 'utf8')) as Record<string, unknown> };
  };

  for (const customers of ['customers.csv', 'customers.ndjson']) {
    it(`lets no message out to a customer who opted out, is in Breathing Space, may be vulnerable or cannot be read, and one a night to a person (${customers})`, async () => {
      const { code, messages, summary } = await night(customers);
      expect(code).toBe(1);
      const sent = Object.values(messages).filter((m) => m.held_back === null);
      // M-2 was exported twice, opted out in the second row; M-3 is in Breathing Space (paused: nothing planned).
      expect(messages['M-2']).toMatchObject({ held_back: 'customer-opted-out' });
      expect(messages['M-3']).toBeUndefined();
      // "Yes" in a Vulnerable column: a person reads it first.
      expect(messages['M-4']).toMatchObject({ held_back: null, review: 'yes' });
      // One person, two accounts: one message tonight.
      expect([messages['M-5']?.held_back, messages['M-6']?.held_back].sort()).toEqual(['daily-limit', null]);
      // "unsure" is not a no.
      expect(messages['M-7']).toMatchObject({ held_back: 'protection-unreadable' });
      // Texted at 08:15 UTC today; a contacts row with a date that cannot be read.
      expect(messages['M-8']).toMatchObject({ held_back: 'daily-limit' });
      expect(messages['M-9']).toMatchObject({ held_back: 'protection-unreadable' });
      expect(sent.map((m) => m.account_id).sort()).toEqual(['M-1', 'M-4', expect.stringMatching(/^M-[56]$/)]);
      expect(summary).toMatchObject({ repeated_customer_rows: 1, unattributed_rows: 0 });
    });
  }

  it('refuses to run without a contacts log unless told it is a first night, and says so in the summary', async () => {
    const dir = scratch();
    const args = ['--arrangements', messy('arrangements.csv'), '--payments', messy('payments.csv'), '--customers', messy('customers.csv'), '--as-of', '2026-03-09', '-o', path.join(dir, 'status.csv')];
    const refused = await runCli(['follow-up', ...args]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--no-contacts-log');
    expect(readdirSync(dir)).toEqual([]);
    const first = await runCli(['follow-up', ...args, '--no-contacts-log']);
    expect(first.stderr).toContain('no contacts log was read');
    expect(first.stderr).toContain('no message was written');
  });

  it('names a customers column it does not read, and refuses it with --strict', async () => {
    const dir = scratch();
    const customers = path.join(dir, 'customers.csv');
    writeFileSync(customers, 'account_id,channel,mobile,vulnerabel\nM-1,sms,07700900101,yes\n');
    const args = ['--arrangements', messy('arrangements.csv'), '--payments', messy('payments.csv'), '--customers', customers, '--no-contacts-log', '--as-of', '2026-03-09', '-o', path.join(dir, 'status.csv')];
    expect((await runCli(['follow-up', ...args])).stderr).toContain('customers columns not read and used by no template: vulnerabel');
    const strict = await runCli(['follow-up', ...args, '-o', path.join(dir, 'strict.csv'), '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('"vulnerabel"');
    expect(readdirSync(dir).sort()).toEqual(['customers.csv', 'status.csv']);
  });

});

describe('fairplan follow-up: what cannot be read holds the messages it may speak for', () => {

  describe('a customers row that cannot be read', () => {
    const RULES = fixture('follow-up', 'rules.yaml');
    /** follow-up on 10 March 2026 of the fixture book, with `customers` for its customers file. */
    async function night(name: string, customers: string) {
      const dir = scratch();
      const out = (file: string) => path.join(dir, file);
      writeFileSync(out(name), customers);
      const inputs = ['arrangements', 'payments', 'contacts'].flatMap((input) => [`--${input}`, fixture('follow-up', `${input}.csv`)]);
      const result = await runCli(['follow-up', ...inputs, '--customers', out(name), '--rules', RULES, '--as-of', '2026-03-10', '-o', out('status.csv'), '--messages', out('messages.ndjson'), '--errors', out('errors.ndjson'), '--summary', out('summary.json'), '--json', '-q']);
      const byAccount = Object.fromEntries(ndjson(out('messages.ndjson')).map((m) => [m.account_id, m]));
      const summary = JSON.parse(readFileSync(out('summary.json'), 'utf8')) as { heldBack: Record<string, number>; rejected: number };
      return { ...result, byAccount, errors: ndjson(out('errors.ndjson')), summary };
    }
    const rows = (...records: object[]) => `${records.map((record) => JSON.stringify(record)).join('\n')}\n`;
    // FU-005 (missed) and FU-010 (a reminder due): both sent from these rows alone.
    const FU005 = { account_id: 'FU-005', name: 'Ewa Nowak', preferred_name: 'Ewa', channel: 'email', email: 'ewa.nowak@example.com', vulnerable: 'no' };
    const FU010 = { account_id: 'FU-010', name: 'Jo Bell', preferred_name: 'Jo', channel: 'email', email: 'jo.bell@example.com', vulnerable: 'no' };

    it('sends the missed-check-in and the reminder when the customers rows can be read', async () => {
      const { byAccount } = await night('customers.ndjson', rows(FU005, FU010));
      expect(byAccount['FU-005']).toMatchObject({ kind: 'missed-check-in', held_back: null });
      expect(byAccount['FU-010']).toMatchObject({ kind: 'reminder', held_back: null });
    });

    it('holds an account\'s messages (protection-unreadable) for a later NDJSON row of it holding a list, or naming a column twice, and counts them in the summary', async () => {
      const { code, byAccount, errors, summary } = await night(
        'customers.ndjson',
        `${rows(FU005, FU010, { account_id: 'FU-005', channel: 'email', vulnerable: ['yes'] })}{"account_id":"FU-010","channel":"none","Channel":"email"}\n`,
      );
      expect(code).toBe(1);
      expect(byAccount['FU-005']).toMatchObject({ kind: 'missed-check-in', held_back: 'protection-unreadable' });
      expect(byAccount['FU-010']).toMatchObject({ kind: 'reminder', held_back: 'protection-unreadable' });
      expect(errors.filter((e) => String(e.file).endsWith('customers.ndjson')).map((e) => [e.line, e.account_id, e.code])).toEqual([
        [3, 'FU-005', 'protection-unreadable'],
        [4, 'FU-010', 'protection-unreadable'],
      ]);
      expect(summary.heldBack['protection-unreadable']).toBe(2);
    });

    it('holds every message for a CSV row that cannot be split, as it may be anyone\'s', async () => {
      const { byAccount, summary } = await night('customers.csv', 'account_id,name,preferred_name,channel,email,vulnerable\nFU-005,Ewa Nowak,Ewa,email,ewa.nowak@example.com,no\nFU-010,Jo Bell,Jo,email,jo.bell@example.com,no\n"FU-005,none,,\n');
      expect(byAccount['FU-005']).toMatchObject({ held_back: 'protection-unreadable' });
      expect(byAccount['FU-010']).toMatchObject({ held_back: 'protection-unreadable' });
      expect(summary.heldBack['protection-unreadable']).toBe(2);
    });
  });

  it('holds the messages of an account one of whose payments cannot be read: it may have paid what it would be told it missed', async () => {
    const dir = scratch();
    const messages = path.join(dir, 'messages.ndjson');
    await runCli(['follow-up', ...BOOK, '--as-of', '2026-03-09', '-o', path.join(dir, 'status.csv'), '--messages', messages, '--json', '-q']);
    const byAccount = Object.fromEntries(ndjson(messages).map((m) => [m.account_id, m]));
    // payments.csv line 40 is FU-004's, paid_on 2026-02-30: by the payments read, FU-004 missed instalment 3.
    expect(byAccount['FU-004']).toMatchObject({ kind: 'missed-check-in', held_back: 'protection-unreadable', reason: expect.stringContaining('line 40 of the payments file') });
  });
  it('holds the messages of an account for a customers row or payment whose account_id differs from its only in case or look-alike characters', async () => {
    const dir = scratch();
    const out = (file: string) => path.join(dir, file);
    // fu-009 is FU-009's opt-out and FU\u2011012 (a non-breaking hyphen) FU-012's payment of 1 March, as typed by hand.
    writeFileSync(out('customers.csv'), `${readFileSync(fixture('follow-up', 'customers.csv'), 'utf8')}fu-009,,none,,,no,,,,,,\n`);
    writeFileSync(out('payments.csv'), `${readFileSync(fixture('follow-up', 'payments.csv'), 'utf8')}FU\u2011012,2026-03-01,15.00,SO-012-20260301\n`);
    const inputs = ['arrangements', 'contacts'].flatMap((input) => [`--${input}`, fixture('follow-up', `${input}.csv`)]);
    const { code } = await runCli(['follow-up', ...inputs, '--customers', out('customers.csv'), '--payments', out('payments.csv'), '--as-of', '2026-03-09', '-o', out('status.ndjson'), '--messages', out('messages.ndjson'), '--errors', out('errors.ndjson'), '--json', '-q']);
    expect(code).toBe(1);
    const byAccount = Object.fromEntries(ndjson(out('messages.ndjson')).map((m) => [m.account_id, m]));
    expect(byAccount['FU-009']).toMatchObject({ channel: 'sms', held_back: 'protection-unreadable', reason: expect.stringContaining('"fu-009"') });
    expect(byAccount['FU-012']).toMatchObject({ kind: 'missed-check-in', held_back: 'protection-unreadable', reason: expect.stringContaining('"FU\u2011012"') });
    const errors = ndjson(out('errors.ndjson')).map((e) => [path.basename(e.file ?? ''), e.line, e.account_id, e.code]);
    expect(errors).toEqual(expect.arrayContaining([
      ['payments.csv', 41, 'FU\u2011012', 'protection-unreadable'],
      ['customers.csv', 19, 'fu-009', 'protection-unreadable'],
    ]));
  });
});

describe('fairplan follow-up: one person across accounts', () => {
  /** follow-up on 10 March 2026 of the fixture book, FU-010's reminder due, with FU-005 in Breathing Space on `mobile`. */
  async function night(mobile: string, customerIds: [string, string] = ['', '']) {
    const dir = scratch();
    const out = (file: string) => path.join(dir, file);
    const customers = [
      { account_id: 'FU-005', customer_id: customerIds[0], name: 'Ewa Nowak', preferred_name: 'Ewa', channel: 'sms', mobile, vulnerable: 'no', breathing_space: 'standard', breathing_space_end: '2026-05-01' },
      { account_id: 'FU-010', customer_id: customerIds[1], name: 'Jo Bell', preferred_name: 'Jo', channel: 'sms', mobile: '07700900210', vulnerable: 'no' },
    ];
    writeFileSync(out('customers.ndjson'), `${customers.map((row) => JSON.stringify(row)).join('\n')}\n`);
    const inputs = ['arrangements', 'payments', 'contacts'].flatMap((input) => [`--${input}`, fixture('follow-up', `${input}.csv`)]);
    await runCli(['follow-up', ...inputs, '--customers', out('customers.ndjson'), '--rules', fixture('follow-up', 'rules.yaml'), '--as-of', '2026-03-10', '-o', out('status.ndjson'), '--messages', out('messages.ndjson'), '--json', '-q']);
    return Object.fromEntries(ndjson(out('messages.ndjson')).map((m) => [m.account_id, m]));
  }

  it('reminds FU-010 on its own phone when FU-005, in Breathing Space, has another number', async () => {
    expect((await night('07700900299'))['FU-010']).toMatchObject({ kind: 'reminder', channel: 'sms', held_back: null });
  });

  it.each(['447700900210', '+44 (0)7700 900210', '0044 7700.900.210', '7700900210', '07700/900210'])('sends FU-010 nothing while FU-005 on the same phone written %j is in Breathing Space', async (mobile) => {
    expect((await night(mobile))['FU-010']).toBeUndefined();
  });

  it('sends FU-010 nothing while FU-005, its customer_id written in another case, is in Breathing Space', async () => {
    expect((await night('07700900299', ['CUST-1', ' cust-1']))['FU-010']).toBeUndefined();
  });
});
