/**
 * fairplan report --outcomes, end to end on the built binary: a book of a few hundred arrangements is
 * made deterministically by the book commands (agreements over fourteen months, renegotiations,
 * payments that stop, returned payments, customers whose circumstances change, Breathing Spaces);
 * every figure of the report is then checked against a computation of this test's own over the
 * CSV files of `fairplan book export`, written from the rules as follow-up documents them (grace 5
 * days, broken after 2 misses in a row), not with fairplan's code.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/book.js';
import { runCli } from '../helpers/cli.js';

// ---- a deterministic book ------------------------------------------------------------------

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const ms = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const iso = (time: number): string => new Date(time).toISOString().slice(0, 10);
const plusDays = (day: string, days: number): string => iso(ms(day) + days * DAY);
/** `months` months after `day`, on the same day or the last of a shorter month. */
function plusMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return iso(Date.UTC(year, month, Math.min(d, last)));
}
const pounds = (pence: number): string => `${pence < 0 ? '-' : ''}${Math.floor(Math.abs(pence) / 100)}.${String(Math.abs(pence) % 100).padStart(2, '0')}`;

const AS_OF = '2026-06-30';
/** The 3rd of each month from January 2025 to February 2026. */
const DAYS = Array.from({ length: 14 }, (_, i) => plusMonths('2025-01-03', i));
const PER_DAY = 32;

interface Made {
  readonly schedules: Map<string, string[]>;
  readonly payments: string[];
  readonly customers: string[];
}

function makeBook(): Made {
  const next = random(22);
  const schedules = new Map<string, string[]>(DAYS.map((day) => [day, ['account_id,plan,n,due,amount']]));
  const payments = ['account_id,paid_on,amount,reference'];
  const customers = ['account_id,customer_id,name,channel,mobile,email,vulnerable,breathing_space,breathing_space_end,region,effective_on'];
  let n = 0;
  DAYS.forEach((day, d) => {
    for (let i = 0; i < PER_DAY; i++) {
      const id = `OC-${String(++n).padStart(4, '0')}`;
      const vulnerable = next() < 0.3;
      const region = next() < 0.5 ? 'North' : 'South';
      const channel = ['sms', 'email', 'letter'][Math.floor(next() * 3)] as string;
      const roll = next();
      const plan = roll < 0.6 ? 'affordable' : roll < 0.8 ? 'token' : 'fixed-term-12';
      const count = plan === 'fixed-term-12' ? 12 : plan === 'token' ? 6 : 9;
      const amount = 1000 + Math.floor(next() * 5000);
      const firstDue = plusDays(day, 14);
      const dues = Array.from({ length: count }, (_, k) => plusMonths(firstDue, k));
      for (const [k, due] of dues.entries()) schedules.get(day)?.push(`${id},${plan},${k + 1},${due},${pounds(amount)}`);
      // How the customer pays: vulnerable customers' plans stop more often (a difference the report should find).
      const stops = next() < (vulnerable ? 0.55 : 0.25) ? 1 + Math.floor(next() * 5) : count;
      const late = next() < 0.15;
      for (let k = 0; k < stops; k++) {
        const paidOn = plusDays(dues[k] as string, late ? 3 + Math.floor(next() * 8) : 0);
        payments.push(`${id},${paidOn},${pounds(amount)},P-${id}-${k + 1}`);
        // A returned direct debit, now and then.
        if (next() < 0.04) payments.push(`${id},${plusDays(paidOn, 2)},${pounds(-amount)},P-${id}-${k + 1}`);
      }
      // A payment before the plan was agreed counts toward no plan.
      if (next() < 0.1) payments.push(`${id},${plusDays(day, -20)},${pounds(amount)},EARLY-${id}`);
      if (next() < 0.05) continue; // no customer record
      const bs = next() < 0.05;
      customers.push(`${id},C-${id},Customer ${n},${channel},07700900${String(n % 1000).padStart(3, '0')},c${n}@example.com,${vulnerable ? 'yes' : 'no'},,,${region},${day}`);
      // Later news: recorded from then on, and not the customer as they were when they agreed.
      if (next() < 0.1) customers.push(`${id},C-${id},Customer ${n},${channel},07700900${String(n % 1000).padStart(3, '0')},c${n}@example.com,${vulnerable ? 'no' : 'yes'},,,${region},${plusDays(day, 40)}`);
      if (bs) customers.push(`${id},C-${id},Customer ${n},${channel},07700900${String(n % 1000).padStart(3, '0')},c${n}@example.com,${vulnerable ? 'yes' : 'no'},standard,2027-12-31,${region},${plusDays(day, 100)}`);
      // A renegotiation some weeks on: a new plan from a later day.
      const later = d + 1 + Math.floor(next() * 3);
      if (next() < 0.12 && later < DAYS.length) {
        const newDay = DAYS[later] as string;
        const newAmount = Math.max(100, Math.floor(amount / 2));
        for (let k = 0; k < 8; k++) schedules.get(newDay)?.push(`${id},affordable,${k + 1},${plusMonths(plusDays(newDay, 10), k)},${pounds(newAmount)}`);
        for (let k = 0; k < 8 && next() < 0.85; k++) payments.push(`${id},${plusMonths(plusDays(newDay, 10), k)},${pounds(newAmount)},R-${id}-${k + 1}`);
      }
    }
  });
  return { schedules, payments, customers };
}

// ---- the independent computation, over book export's CSV ---------------------------------

type Rows = Record<string, string>[];
const read = (dir: string, table: string): Rows => parse(readFileSync(path.join(dir, `${table}.csv`)), { columns: true }) as Rows;

const OUTCOMES = ['kept', 'broken', 'renegotiated', 'completed', 'paused'] as const;
const HORIZONS = [3, 6, 12] as const;
type Tally = { agreed: number; at: Record<string, number>[] };
const tally = (): Tally => ({ agreed: 0, at: HORIZONS.map(() => ({ arrangements: 0, kept: 0, broken: 0, renegotiated: 0, completed: 0, paused: 0 })) });

function expected(dir: string) {
  const agreements = read(dir, 'agreements');
  const instalments = read(dir, 'instalments');
  const payments = read(dir, 'payments');
  const circumstances = read(dir, 'circumstances').sort((a, b) => (a.effective_on ?? '').localeCompare(b.effective_on ?? '') || Number(a.id) - Number(b.id));
  const all = tally();
  const cohorts = new Map<string, Tally>();
  const by: Record<string, Map<string, Tally>> = { vulnerability: new Map(), channel: new Map(), 'plan kind': new Map(), region: new Map() };
  const add = (map: Map<string, Tally>, key: string): Tally => map.get(key) ?? (map.set(key, tally()), map.get(key) as Tally);

  for (const agreement of agreements) {
    const agreedOn = agreement.agreed_on as string;
    const account = agreement.account_id;
    const own = instalments.filter((i) => i.agreement_id === agreement.id).map((i) => ({ due: i.due as string, amount: Number(i.amount) }));
    own.sort((a, b) => a.due.localeCompare(b.due));
    const mine = circumstances.filter((c) => c.account_id === account);
    const at = (day: string) => mine.filter((c) => (c.effective_on as string) <= day).at(-1);
    const customer = at(agreedOn) ?? mine[0];
    const month = agreedOn.slice(0, 7);
    const groups = [
      all,
      add(cohorts, month),
      add(by.vulnerability as Map<string, Tally>, customer ? (customer.vulnerable === '1' ? 'vulnerable' : 'not vulnerable') : 'no customer record'),
      add(by.channel as Map<string, Tally>, customer ? (customer.channel as string) : 'no customer record'),
      add(by['plan kind'] as Map<string, Tally>, agreement.plan === 'fixed-term-12' ? 'fixed-term' : (agreement.plan as string)),
      add(by.region as Map<string, Tally>, customer ? (JSON.parse(customer.columns as string) as Record<string, string>).region || '(blank)' : 'no customer record'),
    ];
    for (const group of groups) group.agreed++;
    HORIZONS.forEach((months, h) => {
      // The month is old enough when its last day, `months` on, is on or before the day of the report.
      const [y, m] = month.split('-').map(Number) as [number, number];
      const lastDay = iso(Date.UTC(y, m - 1 + months + 1, 0));
      if (lastDay > AS_OF) return;
      const day = plusMonths(agreedOn, months);
      let outcome: (typeof OUTCOMES)[number];
      const space = at(day);
      const paid = Math.max(0, payments.filter((p) => p.account_id === account && (p.paid_on as string) >= agreedOn && (p.paid_on as string) <= day).reduce((sum, p) => sum + Number(p.amount), 0));
      const total = own.reduce((sum, i) => sum + i.amount, 0);
      let running = 0;
      const missed = own.filter((i) => {
        running += i.amount;
        return i.due < plusDays(day, -5) && running > paid;
      }).length;
      if (agreement.superseded_on && (agreement.superseded_on as string) <= day) outcome = 'renegotiated';
      else if (space?.breathing_space && (space.breathing_space_end as string) >= day) outcome = 'paused';
      else if (paid >= total) outcome = 'completed';
      else if (missed >= 2) outcome = 'broken';
      else outcome = 'kept';
      for (const group of groups) {
        const counts = group.at[h] as Record<string, number>;
        counts.arrangements = (counts.arrangements ?? 0) + 1;
        counts[outcome] = (counts[outcome] ?? 0) + 1;
      }
    });
  }
  const json = (t: Tally) => ({ agreed: t.agreed, at: HORIZONS.map((months, h) => ({ months, ...t.at[h] })) });
  const sorted = (map: Map<string, Tally>) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, t]) => [k, json(t)]));
  return { all: json(all), cohorts: sorted(cohorts), by: Object.fromEntries(Object.entries(by).map(([k, map]) => [k, sorted(map)])) };
}

// ---- the tests --------------------------------------------------------------------------------

interface Report {
  asOf: string;
  all: unknown;
  cohorts: Record<string, unknown>;
  by: Record<string, Record<string, { at: { months: number; arrangements: number; kept: number }[] }>>;
  differences: { dimension: string; group: string; months: number; outcome: string; count: number; of: number; othersCount: number; othersOf: number; text: string }[];
}

describe.each(BACKENDS)('fairplan report --outcomes on a $name book', (backend) => {
  describe.skipIf(backend.missing)('a book of a few hundred arrangements', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-outcomes-'));
    let book = '';
    const run = (args: readonly string[]) => runCli(args, { env: { FAIRPLAN_BOOK: book }, cwd: dir });
    let report: Report;

    beforeAll(async () => {
      book = await backend.fresh();
      const made = makeBook();
      for (const [day, lines] of made.schedules) {
        const file = path.join(dir, `schedules-${day}.csv`);
        writeFileSync(file, `${lines.join('\n')}\n`);
        expect(await run(['book', 'agree', '--schedules', file, '--agreed-on', day])).toMatchObject({ code: 0, stderr: '' });
      }
      writeFileSync(path.join(dir, 'payments.csv'), `${made.payments.join('\n')}\n`);
      writeFileSync(path.join(dir, 'customers.csv'), `${made.customers.join('\n')}\n`);
      for (const args of [['payments', 'payments.csv'], ['customers', 'customers.csv'], ['export', 'export']]) {
        expect(await run(['book', ...args])).toMatchObject({ code: 0, stderr: '' });
      }
      const result = await run(['report', '--outcomes', '--as-of', AS_OF, '--by', 'region', '--json']);
      expect(result.stderr).toBe('');
      report = JSON.parse(result.stdout) as Report;
    }, 240_000);

    it('counts every arrangement, month and group as the export of the book says, at 3, 6 and 12 months', () => {
      const want = expected(path.join(dir, 'export'));
      expect(report.all).toEqual(want.all);
      expect(report.cohorts).toEqual(want.cohorts);
      expect(report.by).toEqual(want.by);
      // The book is big enough to say something at every horizon, in every outcome.
      const at = (report.all as { at: Record<string, number>[] }).at;
      for (const outcome of ['kept', 'broken', 'renegotiated', 'completed']) expect(at[1]?.[outcome]).toBeGreaterThan(0);
      expect(at[2]?.arrangements).toBeGreaterThan(100);
      // The months too young for 12 months are left out of it.
      expect(Object.entries(report.cohorts).filter(([month]) => month > '2025-06').every(([, c]) => (c as { at: { arrangements: number }[] }).at[2]?.arrangements === 0)).toBe(true);
    });

    it('points out that vulnerable customers’ plans were kept less often, with the figures of the export', () => {
      const groups = report.by.vulnerability ?? {};
      const six = (name: string) => groups[name]?.at[1] ?? { arrangements: 0, kept: 0 };
      const vulnerable = six('vulnerable');
      const others = ['not vulnerable', 'no customer record'].map(six).reduce((a, b) => ({ arrangements: a.arrangements + b.arrangements, kept: a.kept + b.kept }));
      const finding = report.differences.find((d) => d.dimension === 'vulnerability' && d.group === 'vulnerable' && d.months === 6 && d.outcome === 'kept');
      expect(finding).toMatchObject({ count: vulnerable.kept, of: vulnerable.arrangements, othersCount: others.kept, othersOf: others.arrangements });
      const pct = (a: number, b: number) => `${Math.round((a * 100) / b)}%`;
      expect(finding?.text).toBe(
        `Vulnerable customers’ arrangements were kept at 6 months by ${pct(vulnerable.kept, vulnerable.arrangements)} against ${pct(others.kept, others.arrangements)} for others (${vulnerable.arrangements} and ${others.arrangements} arrangements).`,
      );
      // Every difference pointed out is beyond the threshold, and none within it is.
      for (const d of report.differences) expect(Math.abs(d.count / d.of - d.othersCount / d.othersOf) * 100).toBeGreaterThan(10);
    });

    it('says no more when the threshold is higher than every difference, and writes the same figures as HTML and markdown', async () => {
      const quiet = JSON.parse((await run(['report', '--outcomes', '--as-of', AS_OF, '--threshold', '100', '--json'])).stdout) as Report;
      expect(quiet.differences).toEqual([]);
      const finding = report.differences[0]?.text ?? '';
      const md = await run(['report', '--outcomes', '--as-of', AS_OF, '--by', 'region', '--format', 'md']);
      expect(md.code).toBe(0);
      expect(md.stdout).toContain(finding.replace(/\|/g, '\\|'));
      expect(md.stdout).toContain('| month agreed | months | arrangements | kept | broken | renegotiated | completed | paused |');
      expect((await run(['report', '--outcomes', '--as-of', AS_OF, '--by', 'region', '-o', 'outcomes.html'])).code).toBe(0);
      const html = readFileSync(path.join(dir, 'outcomes.html'), 'utf8');
      expect(html).toContain(finding.replace(/’/g, '’'));
      // One chart a horizon for the months agreed and for each of the four splits.
      expect(html.match(/<svg\b/g)).toHaveLength(15);
      expect(html).not.toMatch(/<script|src=|href="http/);
    });

    it('refuses a customer column the book does not keep, naming those it does', async () => {
      const result = await run(['report', '--outcomes', '--as-of', AS_OF, '--by', 'postcode']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--by postcode');
      expect(result.stderr).toContain('region');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      // A split the report always makes is not a customers column.
      expect((await run(['report', '--outcomes', '--as-of', AS_OF, '--by', 'Channel'])).code).toBe(2);
    });
  });
});
