import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBook, type Account, type BookFiles } from '../../src/follow-up/book.js';
import type { Rejection } from '../../src/follow-up/table.js';

/** Every account read, and the rejections as `file:line: reason`; the templates here use every customer column. */
async function readAll(files: BookFiles) {
  const accounts = new Map<string, Account>();
  const rejected: Rejection[] = [];
  const report = await readBook(files, { columns: (columns) => new Set(columns), account: (a) => void accounts.set(a.id, a), reject: (r) => void rejected.push(r) });
  return { accounts, rejected, notUsed: report.notUsed, report };
}

const SCHEDULE_HEADER = 'account_id,plan,n,due,moved_from,amount,interest,principal,balance_after';

async function book(files: { arrangements: string; payments?: string; customers?: string; contacts?: string }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-book-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, `${name}.csv`);
    writeFileSync(file, text);
    return file;
  };
  const { accounts, rejected, notUsed, report } = await readAll({
    arrangements: write('arrangements', files.arrangements),
    payments: write('payments', files.payments ?? 'account_id,paid_on,amount\n'),
    ...(files.customers ? { customers: write('customers', files.customers) } : {}),
    ...(files.contacts ? { contacts: write('contacts', files.contacts) } : {}),
  });
  return { read: { accounts }, rejected: rejected.map((r) => `${path.basename(r.file)}:${r.line}: ${r.reason}`), notUsed, report };
}

describe('readBook', () => {
  it('leaves out, and says so, an account with an instalment that cannot be read or appears twice', async () => {
    const { read, rejected } = await book({
      arrangements: `${SCHEDULE_HEADER}\nA,fixed,1,2026-03-01,,10.00,0,10.00,10.00\nA,fixed,2,2026-04-01,,ten,0,10.00,0\nB,fixed,1,2026-03-01,,10.00,0,10.00,0\nB,fixed,1,2026-03-01,,10.00,0,10.00,0\nC,fixed,1,2026-03-01,,10.00,0,10.00,0\n`,
    });
    expect([...read.accounts.keys()]).toEqual(['C']);
    expect(rejected).toEqual([
      'arrangements.csv:3: amount: "ten" is not an amount above £0.00',
      'arrangements.csv:3: account A is left out: an instalment of its plan (line 3) cannot be read',
      'arrangements.csv:5: instalment 1 appears twice',
      'arrangements.csv:5: account B is left out: an instalment of its plan (line 5) cannot be read',
    ]);
  });

  it('leaves out an account with an instalment of nothing (0.00 or -0), which would read as a plan kept in full', async () => {
    const { read, rejected } = await book({
      arrangements: `${SCHEDULE_HEADER}\nA,fixed,1,2026-03-01,,-0,0,0,0\nB,fixed,1,2026-03-01,,0.00,0,0,0\nC,fixed,1,2026-03-01,,10.00,0,10.00,0\n`,
    });
    expect([...read.accounts.keys()]).toEqual(['C']);
    expect(rejected).toEqual([
      'arrangements.csv:2: amount: "-0" is not an amount above £0.00',
      'arrangements.csv:2: account A is left out: an instalment of its plan (line 2) cannot be read',
      'arrangements.csv:3: amount: "0.00" is not an amount above £0.00',
      'arrangements.csv:3: account B is left out: an instalment of its plan (line 3) cannot be read',
    ]);
  });

  it('reads a plan --csv schedule with an account column, and leaves out an account for which it holds several plans', async () => {
    const header = 'account_id,option_kind,option_key,option_label,affordable,n,date,moved_from,amount,interest,principal,balance';
    const { read, rejected } = await book({
      arrangements: [
        header,
        'A,affordable,affordable,Affordable plan,true,1,2026-03-01,,30.00,0.00,30.00,70.00',
        'A,affordable,affordable,Affordable plan,true,2,2026-04-01,,30.00,0.00,30.00,40.00',
        'B,affordable,affordable,Affordable plan,true,1,2026-03-01,,30.00,0.00,30.00,70.00',
        'B,fixed-term,fixed-term-12,Fixed term,true,1,2026-03-01,,8.34,0.00,8.34,91.66',
      ].join('\n'),
    });
    expect(read.accounts.get('A')?.instalments).toEqual([
      { n: 1, due: '2026-03-01', amount: 3000 },
      { n: 2, due: '2026-04-01', amount: 3000 },
    ]);
    expect(read.accounts.has('B')).toBe(false);
    expect(rejected[0]).toBe('arrangements.csv:5: a second plan (fixed-term-12) for account B: keep only the rows of the plan agreed');
  });

  it('reads a plan --csv schedule of several creditors as one instalment per payment: the creditors’ parts added up', async () => {
    const header = 'account_id,option_kind,option_key,option_label,affordable,n,date,moved_from,amount,interest,principal,balance,creditor';
    const { read, rejected } = await book({
      arrangements: [
        header,
        'A,affordable,affordable,Affordable plan,true,1,2027-01-29,,64.89,0.00,64.89,1935.11,Harbour Bank',
        'A,affordable,affordable,Affordable plan,true,1,2027-01-29,,64.89,33.17,31.72,1968.28,Fairway Finance',
        'A,affordable,affordable,Affordable plan,true,2,2027-03-01,,64.89,0.00,64.89,1870.22,Harbour Bank',
        'A,affordable,affordable,Affordable plan,true,2,2027-03-01,,64.89,32.64,32.25,1936.03,Fairway Finance',
        'A,affordable,affordable,Affordable plan,true,2,2027-03-01,,1.00,0.00,1.00,0.00,Harbour Bank',
      ].join('\n'),
    });
    expect(rejected[0]).toBe('arrangements.csv:6: instalment 2 appears twice for Harbour Bank');
    expect(read.accounts.has('A')).toBe(false);
    const good = await book({ arrangements: [header, ...[1, 2].flatMap((n) => [`A,affordable,affordable,Affordable plan,true,${n},2027-0${n}-01,,64.89,0,64.89,0,Harbour Bank`, `A,affordable,affordable,Affordable plan,true,${n},2027-0${n}-01,,64.89,0,64.89,0,Fairway Finance`])].join('\n') });
    expect(good.rejected).toEqual([]);
    expect(good.read.accounts.get('A')?.instalments).toEqual([
      { n: 1, due: '2027-01-01', amount: 12978 },
      { n: 2, due: '2027-02-01', amount: 12978 },
    ]);
  });

  it('reads the schedules batch --schedules --json writes, amounts as written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-book-'));
    const arrangements = path.join(dir, 'schedules.ndjson');
    writeFileSync(arrangements, '{"account_id":"A","plan":"affordable","n":1,"due":"2026-03-01","amount":"30.10"}\n{"account_id":"A","plan":"affordable","n":2,"due":"2026-04-01","amount":0.30}\nnot json\n');
    const payments = path.join(dir, 'payments.csv');
    writeFileSync(payments, 'account_id,paid_on,amount\n');
    const { accounts, rejected } = await readAll({ arrangements, payments });
    const read = { accounts };
    expect(read.accounts.get('A')?.instalments.map((i) => i.amount)).toEqual([3010, 30]);
    expect(rejected).toMatchObject([{ line: 3, code: 'unreadable-row' }]);
  });

  it('rejects every payment for an account with no plan, after the plans are read', async () => {
    const { rejected } = await book({
      arrangements: `account_id,n,due,amount\nA,1,2026-03-01,5.00\n`,
      payments: 'account_id,paid_on,amount\nZ,2026-03-01,5.00\nA,2026-03-01,five\nZ,2026-03-02,5.00\n',
    });
    expect(rejected).toEqual([
      'payments.csv:3: amount: "five" is not an amount in whole pence other than £0.00 (a refund or returned payment is negative)',
      'payments.csv:2: a payment for account Z, which has no arrangement',
      'payments.csv:4: a payment for account Z, which has no arrangement',
    ]);
  });

  it('counts a payment reference once for an account, naming both lines, and applies a refund or returned payment; refuses a payment of nothing', async () => {
    const { read, rejected } = await book({
      arrangements: `account_id,n,due,amount\nA,1,2026-03-01,40.00\nB,1,2026-03-01,40.00\n`,
      payments: [
        'account_id,paid_on,amount,reference',
        'A,2026-03-01,40.00,DD-1',
        'A,2026-03-01,40.00,DD-1',
        'A,2026-03-04,-40.00,DD-1',
        'A,2026-03-05,0.00,X',
        'B,2026-03-01,40.00,DD-1',
        'A,2026-03-06,40.00,',
        'A,2026-03-06,40.00,',
      ].join('\n'),
    });
    expect(rejected).toEqual([
      'payments.csv:5: amount: "0.00" is not an amount in whole pence other than £0.00 (a refund or returned payment is negative)',
      'payments.csv:3: reference DD-1 is paid twice for account A (lines 2 and 3): counted once',
    ]);
    // The returned direct debit shares its payment's reference and is applied; payments without a reference are all counted.
    expect(read.accounts.get('A')?.payments).toEqual([
      { paidOn: '2026-03-01', amount: 4000 },
      { paidOn: '2026-03-04', amount: -4000 },
      { paidOn: '2026-03-06', amount: 4000 },
      { paidOn: '2026-03-06', amount: 4000 },
    ]);
    expect(read.accounts.get('B')?.payments).toEqual([{ paidOn: '2026-03-01', amount: 4000 }]);
  });

  it('reports a payment made before the plan was agreed (agreed_on) or, without it, before its first period began', async () => {
    const { read, rejected } = await book({
      arrangements: `account_id,n,due,amount,agreed_on\nA,1,2026-03-01,40.00,2026-02-20\nA,2,2026-04-01,40.00,2026-02-20\nB,1,2026-03-01,40.00,\nB,2,2026-04-01,40.00,\nC,1,2026-03-01,40.00,2026-02-20\nC,2,2026-04-01,40.00,2026-02-21\n`,
      payments: 'account_id,paid_on,amount\nA,2026-02-19,40.00\nA,2026-02-20,40.00\nB,2026-01-28,40.00\nB,2026-01-29,40.00\n',
    });
    expect(rejected).toEqual([
      "payments.csv:2: paid on 2026-02-19, before account A's plan was agreed on 2026-02-20: not counted toward it",
      // 1 March less the plan's 31 days between instalments.
      "payments.csv:4: paid on 2026-01-28, before account B's plan began on 2026-01-29 (one instalment interval before its first due date): not counted toward it",
      'arrangements.csv:7: agreed_on is 2026-02-21 here but 2026-02-20 on line 6: one plan is agreed on one day',
      'arrangements.csv:7: account C is left out: an instalment of its plan (line 7) cannot be read',
    ]);
    expect(read.accounts.get('A')?.agreedOn).toBe('2026-02-20');
    expect(read.accounts.get('B')?.agreedOn).toBeUndefined();
  });

  it('reads a plan --csv of several creditors in which one creditor\'s part is 0.00, and leaves out an instalment of 0.00 in all', async () => {
    const header = 'account_id,option_key,n,date,amount,creditor';
    const { read, rejected } = await book({
      arrangements: [header, 'A,affordable,1,2027-01-29,129.78,Harbour Bank', 'A,affordable,1,2027-01-29,0.00,Lumen Shopping', 'A,affordable,2,2027-03-01,0.00,Lumen Shopping', 'A,affordable,2,2027-03-01,129.78,Harbour Bank', 'B,affordable,1,2027-01-29,0.00,Harbour Bank', 'B,affordable,1,2027-01-29,0.00,Lumen Shopping', 'C,affordable,1,2027-01-29,-1.00,Lumen Shopping'].join('\n'),
    });
    expect(read.accounts.get('A')?.instalments).toEqual([
      { n: 1, due: '2027-01-29', amount: 12978 },
      { n: 2, due: '2027-03-01', amount: 12978 },
    ]);
    expect(rejected).toEqual([
      "arrangements.csv:6: amount: every creditor's part of instalment 1 is 0.00: an instalment must be above £0.00",
      'arrangements.csv:6: account B is left out: an instalment of its plan (line 6) cannot be read',
      'arrangements.csv:8: amount: "-1.00" is not an amount of £0.00 or more',
      'arrangements.csv:8: account C is left out: an instalment of its plan (line 8) cannot be read',
    ]);
  });

  it('leaves out, in a plain sentence, an account whose instalments or payments add up past what fairplan adds exactly', async () => {
    // 90,000,000,000,000.00 is 9e15 pence, itself exact; two of them are not.
    const { read, rejected } = await book({
      arrangements: `account_id,n,due,amount\nA,1,2026-03-01,90000000000000.00\nA,2,2026-04-01,90000000000000.00\nB,1,2026-03-01,5.00\nC,1,2026-03-01,5.00\n`,
      payments: 'account_id,paid_on,amount\nB,2026-03-01,90000000000000.00\nB,2026-03-02,90000000000000.00\nC,2026-03-01,90000000000000.00\n',
    });
    expect([...read.accounts.keys()]).toEqual(['C']);
    expect(rejected).toEqual([
      'arrangements.csv:2: account A is left out: its instalments add up to more than £90,071,992,547,409.91, the most fairplan adds exactly',
      'arrangements.csv:4: account B is left out: its payments add up to more than £90,071,992,547,409.91, the most fairplan adds exactly',
    ]);
  });

  it('stops at an account whose instalment rows are not together, naming the line', async () => {
    const error = await book({ arrangements: `account_id,n,due,amount\nA,1,2026-03-01,5.00\nB,1,2026-03-01,5.00\nA,2,2026-04-01,5.00\n` }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-argument', context: { line: 4 }, message: expect.stringContaining("account A's instalments are not together") });
  });

  it('puts instalments in due order whatever the order of the rows', async () => {
    const { read } = await book({ arrangements: `account_id,n,due,amount\nA,2,2026-04-01,5.00\nA,1,2026-03-01,5.00\n` });
    expect(read.accounts.get('A')?.instalments.map((i) => i.n)).toEqual([1, 2]);
  });

  it('rejects a customer row whose channel has no address, holding its messages back, and counts the customers and contacts with no plan, which it does not use', async () => {
    const { read, rejected, notUsed } = await book({
      arrangements: `account_id,n,due,amount\nA,1,2026-03-01,5.00\n`,
      customers: 'account_id,name,channel,mobile,email,vulnerable\nA,Ann,sms,,,no\nZ,Zed,email,,z@example.com,no\n',
      contacts: 'account_id,sent_on,message_id\nZ,2026-03-01,z1\nA,2026-03-02,a1\n',
    });
    expect(rejected).toEqual([expect.stringMatching(/^customers\.csv:2: channel is sms but mobile is empty: what the row protects is kept/)]);
    expect(read.accounts.get('A')?.doubts).toEqual([expect.stringContaining('customer row 2 cannot be read exactly')]);
    expect(read.accounts.get('A')?.contacts).toEqual([{ sentOn: '2026-03-02', messageId: 'a1' }]);
    expect(notUsed).toEqual({ customers: 1, contacts: 1 });
  });

  it('reads the customer\'s contact days and window, and rejects ones that cannot be kept', async () => {
    const { read, rejected } = await book({
      arrangements: `account_id,n,due,amount\nA,1,2026-03-01,5.00\nB,1,2026-03-01,5.00\nC,1,2026-03-01,5.00\nD,1,2026-03-01,5.00\n`,
      customers: [
        'account_id,channel,mobile,contact_days,contact_window,breathing_space,breathing_space_end',
        'A,sms,07700900001,"tue, Thursday",18:00-20:00,,',
        'B,sms,07700900002,fri-mon,,mental-health,',
        'C,sms,07700900003,sun,,,',
        'D,sms,07700900004,,20:00-18:00,standard,',
      ].join('\n'),
    });
    expect(read.accounts.get('A')?.customer).toMatchObject({ contactDays: new Set([2, 4]), contactWindow: '18:00-20:00' });
    expect(read.accounts.get('B')?.customer).toMatchObject({ contactDays: new Set([5, 6, 0, 1]), breathingSpace: { kind: 'mental-health-crisis' } });
    expect(rejected).toEqual([
      expect.stringMatching(/^customers\.csv:4: contact_days: "sun" is not days of the week from Monday to Saturday \(e\.g\. "tue, thu" or "mon-fri"\): what the row protects is kept/),
      expect.stringMatching(/^customers\.csv:5: breathing_space is standard but breathing_space_end is empty \(a standard one lasts 60 days\); contact_window: "20:00-18:00" is not a time of day such as 18:00-20:00: what the row protects is kept/),
    ]);
    // A Breathing Space that cannot be read exactly is taken to be in force.
    expect(read.accounts.get('D')?.breathingSpace).toMatchObject({ unreadable: expect.stringContaining('breathing_space_end is empty') });
    expect(read.accounts.get('C')?.doubts).not.toEqual([]);
  });
});

describe('readBook: what protects a customer is read so that a doubt protects them', () => {
  const PLANS = `account_id,n,due,amount\nA,1,2026-03-01,5.00\nB,1,2026-03-01,5.00\nC,1,2026-03-01,5.00\n`;

  it('finds columns however the export cases or spaces them', async () => {
    const { read } = await book({
      arrangements: PLANS,
      customers: 'Account ID,CHANNEL,Mobile,Vulnerable,Breathing_Space_End\nA,sms,07700900001,Yes,\nB,sms,07700900002,no,2026-04-30\n',
    });
    expect(read.accounts.get('A')?.customer).toMatchObject({ channel: 'sms', vulnerable: true });
    expect(read.accounts.get('B')?.breathingSpace).toEqual({ kind: 'standard', end: '2026-04-30' });
  });

  it('stops at a customers column named twice, in another case or spacing too', async () => {
    await expect(book({ arrangements: PLANS, customers: 'account_id,channel,vulnerable,Vulnerable\nA,sms,no,yes\n' })).rejects.toMatchObject({
      code: 'invalid-argument',
      context: { field: 'Vulnerable' },
    });
  });

  it('reads two rows for one account together: any opt-out, any vulnerability, the Breathing Space ending last, and reports the second', async () => {
    const { read, rejected, report } = await book({
      arrangements: PLANS,
      customers: [
        'account_id,channel,mobile,vulnerable,breathing_space_end,review_on',
        'A,sms,07700900001,no,,2026-05-01',
        'A,none,07700900001,yes,,2026-06-01',
        'B,sms,07700900002,no,2026-04-01,',
        'B,sms,07700900002,no,2026-04-20,',
      ].join('\n'),
    });
    expect(read.accounts.get('A')?.customer).toMatchObject({ channel: 'none', vulnerable: true, reviewOn: '2026-06-01' });
    expect(read.accounts.get('B')?.breathingSpace).toMatchObject({ end: '2026-04-20' });
    expect(read.accounts.get('B')?.doubts).toEqual([]);
    expect(report.repeatedCustomerRows).toBe(2);
    expect(rejected).toEqual([
      expect.stringMatching(/^customers\.csv:3: a second customer row for account A \(the first is on line 2\)/),
      expect.stringMatching(/^customers\.csv:5: a second customer row for account B \(the first is on line 4\)/),
    ]);
  });

  it('holds back the messages of an account whose two rows disagree on where to send them', async () => {
    const { read } = await book({ arrangements: PLANS, customers: 'account_id,channel,mobile\nA,sms,07700900001\nA,sms,07700900009\n' });
    expect(read.accounts.get('A')?.doubts).toEqual([expect.stringContaining('disagree on mobile')]);
  });

  it('keeps what a rejected row protects: a vulnerable of "maybe" is vulnerable, an end date that cannot be read is a Breathing Space in force', async () => {
    const { read, rejected } = await book({
      arrangements: PLANS,
      customers: 'account_id,channel,mobile,vulnerable,breathing_space_end\nA,sms,07700900001,maybe,\nB,sms,07700900002,no,31/04/2026\nC,text,07700900003,no,\n',
    });
    expect(read.accounts.get('A')?.customer).toMatchObject({ vulnerable: true });
    expect(read.accounts.get('B')?.breathingSpace).toMatchObject({ unreadable: expect.stringContaining('31/04/2026') });
    for (const id of ['A', 'B', 'C']) expect(read.accounts.get(id)?.doubts).not.toEqual([]);
    expect(rejected).toHaveLength(3);
  });

  it('reads NDJSON values as what they are: true is yes, null is empty, a list is refused and holds the account back', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-book-'));
    const file = (name: string, text: string) => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const customers = [
      { account_id: 'A', channel: 'sms', mobile: '07700900001', vulnerable: true, breathing_space: null },
      { account_id: 'B', channel: 'sms', mobile: '07700900002', vulnerable: false },
      { account_id: 'C', channel: 'sms', mobile: '07700900003', vulnerable: ['yes'] },
    ].map((r) => JSON.stringify(r)).join('\n');
    const { accounts, rejected } = await readAll({
      arrangements: file('plans.csv', PLANS),
      payments: file('payments.csv', 'account_id,paid_on,amount\n'),
      customers: file('customers.ndjson', customers),
      contacts: file('contacts.csv', 'account_id,sent_on,message_id\n'),
    });
    expect(accounts.get('A')?.customer).toMatchObject({ vulnerable: true });
    expect(accounts.get('A')?.breathingSpace).toBeUndefined();
    expect(accounts.get('B')?.customer).toMatchObject({ vulnerable: false });
    expect(rejected).toEqual([expect.objectContaining({ line: 3, accountId: 'C', code: 'protection-unreadable' })]);
    expect(accounts.get('C')?.doubts).toEqual([expect.stringContaining('customer row 3 cannot be read exactly')]);
  });

  it('holds an account whose NDJSON payment record cannot be read at all, as one whose amount cannot: it may have paid what it would be told it missed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-book-'));
    const file = (name: string, text: string) => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const payments = [
      '{"account_id":"A","paid_on":"2026-03-01","amount":"5.00","Amount":"0.01"}',
      '{"account_id":"B","paid_on":"2026-03-01","amount":["5.00"]}',
      '{"account_id":"C","paid_on":"2026-03-01","amount":"5.00"}',
    ].join('\n');
    const { accounts, rejected } = await readAll({ arrangements: file('plans.csv', PLANS), payments: file('payments.ndjson', `${payments}\n`) });
    expect(rejected.map((r) => [r.line, r.accountId, r.code])).toEqual([
      [1, 'A', 'unreadable-row'],
      [2, 'B', 'unreadable-row'],
    ]);
    expect(accounts.get('A')?.doubts).toEqual([expect.stringContaining('line 1 of the payments file (account A) cannot be read')]);
    expect(accounts.get('B')?.doubts).toEqual([expect.stringContaining('line 2 of the payments file (account B) cannot be read')]);
    expect(accounts.get('C')?.doubts).toEqual([]);
  });

  it('holds an account, and its person\'s other accounts, for a later NDJSON row of it that cannot be read, and for one that is its first', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-book-'));
    const file = (name: string, text: string) => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const customers = [
      { account_id: 'C', channel: 'none', opted_out: ['yes'] },
      { account_id: 'A', customer_id: 'P1', channel: 'sms', mobile: '07700900001' },
      { account_id: 'B', customer_id: 'P1', channel: 'sms', mobile: '07700900001' },
      { account_id: 'A', channel: 'email', vulnerable: ['yes'] },
    ].map((r) => JSON.stringify(r)).join('\n');
    // One column named twice, as its names are read (its case and spaces aside).
    const twice = '{"account_id":"D","channel":"sms","vulnerable":"yes","Vulnerable":"no"}';
    const { accounts, rejected } = await readAll({
      arrangements: file('plans.csv', `${PLANS}D,1,2026-03-01,5.00\n`),
      payments: file('payments.csv', 'account_id,paid_on,amount\n'),
      customers: file('customers.ndjson', `${customers}\n${twice}\n`),
    });
    expect(rejected.map((r) => [r.line, r.accountId, r.code])).toEqual([
      [1, 'C', 'protection-unreadable'],
      [4, 'A', 'protection-unreadable'],
      [5, 'D', 'protection-unreadable'],
    ]);
    expect(accounts.get('A')?.doubts).toEqual([expect.stringContaining('customer row 4 cannot be read exactly')]);
    expect(accounts.get('B')?.doubts).toEqual([expect.stringContaining('customer row 4 cannot be read exactly')]);
    expect(accounts.get('C')?.doubts).toEqual([expect.stringContaining('customer row 1 cannot be read exactly')]);
    expect(accounts.get('D')?.doubts).toEqual([expect.stringMatching(/names column "vulnerable" twice/i)]);
  });

  it('counts a contact on the UK day it was made, from a time and zone, and holds back the customer of a contacts row it cannot read', async () => {
    const { read, rejected } = await book({
      arrangements: PLANS,
      customers: 'account_id,channel,mobile\nA,sms,07700900001\nB,sms,07700900002\n',
      contacts: 'account_id,sent_on,message_id\nA,2026-06-14T23:30:00Z,a1\nA,2026-01-14T23:30:00+00:00,a2\nA,2026-03-09 18:05,a3\nB,yesterday,b1\n',
    });
    expect(read.accounts.get('A')?.contacts.map((c) => c.sentOn)).toEqual(['2026-06-15', '2026-01-14', '2026-03-09']);
    expect(read.accounts.get('A')?.doubts).toEqual([]);
    expect(read.accounts.get('B')?.doubts).toEqual([expect.stringContaining('line 5 of the contacts log')]);
    expect(rejected).toEqual([expect.stringMatching(/^contacts\.csv:5: sent_on: "yesterday" is not a date/)]);
  });

  it('holds back every message for a customers or contacts row that cannot be tied to an account', async () => {
    const { read, report } = await book({
      arrangements: PLANS,
      customers: 'account_id,channel,mobile\nA,sms,07700900001\n,none,07700900002\n',
    });
    expect(report.unattributed).toBe(1);
    for (const id of ['A', 'B', 'C']) expect(read.accounts.get(id)?.doubts).toEqual([expect.stringContaining('line 3 of the customers file cannot be tied to an account')]);
  });

  it('makes one person of accounts sharing a customer_id, a mobile or an email, whose contacts and protections they share', async () => {
    const { read } = await book({
      arrangements: PLANS,
      customers: [
        'account_id,customer_id,channel,mobile,email,breathing_space_end',
        'A,P1,sms,07700 900001,,',
        'B,P1,email,,ann@example.com,2026-04-30',
        'C,,sms,+447700900001,,',
      ].join('\n'),
      contacts: 'account_id,sent_on,message_id\nA,2026-03-01,a1\nC,2026-03-02,c1\n',
    });
    expect(read.accounts.get('A')?.person.accounts).toEqual(expect.arrayContaining(['A', 'B', 'C']));
    expect(new Set(['A', 'B', 'C'].map((id) => read.accounts.get(id)?.person.key)).size).toBe(1);
    expect(read.accounts.get('B')?.contacts.map((c) => c.messageId).sort()).toEqual(['a1', 'c1']);
    // B's Breathing Space covers every debt of the person's.
    expect(read.accounts.get('A')?.breathingSpace).toMatchObject({ end: '2026-04-30' });
    expect(read.accounts.get('C')?.breathingSpace).toMatchObject({ end: '2026-04-30' });
  });
});
