/**
 * The night script and crontab of docs/nightly.md (examples/nightly/, shipped in the package), run as
 * cron runs them: the crontab's own lines, their paths moved into a scratch folder, by /bin/sh with
 * nothing in the environment but what cron sets (PATH, HOME, SHELL, LOGNAME and the crontab's
 * variables), on six nights of fixtures/book/nightly/. The binary is this checkout's bin/fairplan.js
 * by its absolute path, as the guide has the installed one run. The sender is a stand-in that keeps
 * what it was handed and reports what the fixtures' sender reported. Figures as in
 * test/book/ten-nights.test.ts, worked out by hand from the fixtures.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { CronExpressionParser } from 'cron-parser';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, fixture } from '../helpers/cli.js';

type Row = Record<string, string>;
const SCRIPT = path.join(ROOT, 'examples', 'nightly', 'night.sh');
const CRONTAB = path.join(ROOT, 'examples', 'nightly', 'crontab');
const NIGHTLY = (name: string) => fixture('book', 'nightly', name);

/** The page's code blocks of one language, each as its text. */
function pageBlocks(language: string): string[] {
  const page = readFileSync(path.join(ROOT, 'docs', 'nightly.md'), 'utf8');
  return [...page.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map(([, body]) => body ?? '');
}

interface CronEntry {
  readonly schedule: string;
  readonly command: string;
}
/** A crontab's variables and entries, as cron reads them (crontab(5)). */
function readCrontab(text: string): { variables: Record<string, string>; entries: CronEntry[] } {
  const variables: Record<string, string> = {};
  const entries: CronEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const variable = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (variable) {
      variables[variable[1]!] = variable[2]!;
      continue;
    }
    const fields = line.trim().split(/\s+/);
    entries.push({ schedule: fields.slice(0, 5).join(' '), command: line.trim().split(/\s+/).slice(5).join(' ') });
  }
  return { variables, entries };
}

/** What cron hands the shell: `\%` is a %, and an unescaped % would end the command (none here). */
function cronCommand(command: string): string {
  expect(command.replace(/\\%/g, ''), 'an unescaped % in a crontab command').not.toContain('%');
  return command.replace(/\\%/g, '%');
}

function sh(command: string, env: Record<string, string>, cwd: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    // env is the whole environment, as cron's is: nothing of the test's own.
    const child = spawn('/bin/sh', ['-c', command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout }));
  });
}

const crontab = readCrontab(readFileSync(CRONTAB, 'utf8'));
const nightEntry = crontab.entries.find((entry) => entry.command.includes('night.sh'));
const backupEntry = crontab.entries.find((entry) => entry.command.includes(' book backup '));

describe('docs/nightly.md', () => {
  it('shows the night script and the crontab that examples/nightly/ ships, as they are', () => {
    expect(pageBlocks('bash').filter((block) => block.startsWith('#!'))).toEqual([readFileSync(SCRIPT, 'utf8')]);
    expect(pageBlocks('cron')).toEqual([readFileSync(CRONTAB, 'utf8')]);
    expect(statSync(SCRIPT).mode & 0o111, 'night.sh is executable').toBe(0o111);
    const files = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] }).files;
    expect(files).toContain('examples/nightly/');
  });
});

describe('the crontab', () => {
  it('has only five-field entries that a cron parser reads, and variables', () => {
    expect(crontab.entries).toHaveLength(2);
    for (const { schedule } of crontab.entries) {
      expect(schedule.split(' ')).toHaveLength(5);
      // Both run each night at a fixed time, the backup first.
      const next = CronExpressionParser.parse(schedule, { currentDate: new Date('2026-06-01T00:00:00Z'), tz: 'UTC' }).next().toISOString();
      expect(next?.slice(0, 10)).toBe('2026-06-01');
    }
    expect(backupEntry?.schedule).toBe('15 2 * * *');
    expect(nightEntry?.schedule).toBe('30 2 * * *');
    // cron's own PATH (/usr/bin:/bin) lacks /usr/local/bin, where an npm --global install puts node and fairplan.
    expect(crontab.variables.PATH?.split(':')).toEqual(expect.arrayContaining(['/usr/local/bin', '/usr/bin', '/bin']));
  });

  it('runs the script by its absolute path, setting what the script needs, and the backup by the binary\'s', () => {
    const script = readFileSync(SCRIPT, 'utf8');
    const required = [...script.matchAll(/\$\{(\w+):\?/g)].map(([, name]) => name);
    expect(required).toEqual(['FAIRPLAN_BOOK']);
    const words = nightEntry?.command.split(' ') ?? [];
    const run = words.findIndex((word) => word.endsWith('/night.sh'));
    expect(words[run]).toMatch(/^\/\S+\/night\.sh$/);
    const assignments = Object.fromEntries(words.slice(0, run).map((word) => word.split('=') as [string, string]));
    expect(Object.keys(assignments)).toEqual(expect.arrayContaining(required));
    expect(assignments.FAIRPLAN_BOOK).toMatch(/^\//);
    expect(assignments.FAIRPLAN).toMatch(/^\/\S+\/fairplan$/);
    const backup = backupEntry?.command.split(' ') ?? [];
    expect(backup.slice(0, 3)).toEqual([assignments.FAIRPLAN, 'book', 'backup']);
    expect(backup[3]).toMatch(/^\//);
    expect(backup.slice(-2)).toEqual(['--book', assignments.FAIRPLAN_BOOK]);
    expect(nightEntry?.command).not.toMatch(/npx/);
  });
});

describe('the night, as cron runs it', () => {
  const job = mkdtempSync(path.join(tmpdir(), 'fairplan-cron-'));
  const backups = path.join(job, 'backups');
  for (const folder of ['in', 'log', 'handed', 'backups']) mkdirSync(path.join(job, folder));
  copyFileSync(SCRIPT, path.join(job, 'night.sh'));
  // The firm's sender: keeps what it was handed, and writes what the fixtures' sender reported that night.
  writeFileSync(
    path.join(job, 'hand-to-sender.sh'),
    `#!/bin/sh\nnight=$(basename "$1" .csv | sed 's/^messages-//')\ncp "$1" "${job}/handed/$night-$(date +%s%N).csv"\n` +
      `if [ -e "${NIGHTLY('sent-')}$night.csv" ]; then cp "${NIGHTLY('sent-')}$night.csv" "$2"; fi\n`,
    { mode: 0o755 },
  );
  const moved = (command: string) =>
    cronCommand(command).replaceAll('/usr/local/bin/fairplan', BIN).replaceAll('/srv/collections', job).replaceAll('/srv/backups', backups);
  // What cron sets, the crontab's variables, and the night's date (cron's would be today's). Node must
  // be on the crontab's PATH: where this machine's node is not in one of its folders, it goes first.
  const nodeFolder = path.dirname(process.execPath);
  const cronPath = crontab.variables.PATH!.split(':').includes(nodeFolder) ? crontab.variables.PATH! : `${nodeFolder}:${crontab.variables.PATH!}`;
  const cronEnv = { HOME: job, LOGNAME: 'fairplan', SHELL: '/bin/sh', ...crontab.variables, PATH: cronPath };
  const book = path.join(job, 'book.sqlite');
  const fairplan = (args: readonly string[]) => sh([BIN, ...args].map((a) => `'${a}'`).join(' '), { ...cronEnv, FAIRPLAN_BOOK: book }, job);
  /** Runs the crontab's night line for `night`; what cron would mail, and the night's part of the log. */
  const runNight = async (night: string): Promise<{ mail: string; steps: string[] }> => {
    const logFile = path.join(job, 'log', 'night.log');
    const before = existsSync(logFile) ? readFileSync(logFile, 'utf8').length : 0;
    const { stdout } = await sh(moved(nightEntry!.command), { ...cronEnv, NIGHT: night }, job);
    const log = readFileSync(logFile, 'utf8').slice(before);
    // Each step's line as the script prints it before running it: the binary's, or the hand-off's.
    const steps = [...log.matchAll(new RegExp(`^fairplan ${night}: (\\S+)(?: (\\S+))?(?: (\\S+))?`, 'gm'))]
      .filter(([, first]) => first === BIN || first === 'hand-off')
      .map(([, first, second, third]) => (first === BIN ? `${second} ${second === 'book' ? third : ''}`.trim() : 'hand-off'));
    return { mail: stdout, steps };
  };
  const stage = (night: string, customers = true) => {
    copyFileSync(NIGHTLY(`payments-${night}.csv`), path.join(job, 'in', `payments-${night}.csv`));
    const file = NIGHTLY(`customers-${night}.csv`);
    // A night with no change of circumstances has a customers file all the same: header only.
    if (customers) writeFileSync(path.join(job, 'in', `customers-${night}.csv`), existsSync(file) ? readFileSync(file) : 'account_id,customer_id,channel,effective_on\n');
  };
  const handed = (night: string): Row[][] =>
    readdirSync(path.join(job, 'handed'))
      .filter((file) => file.startsWith(night))
      .sort()
      .map((file) => parse(readFileSync(path.join(job, 'handed', file), 'utf8'), { columns: true }) as Row[]);
  const toSend = (rows: Row[]): string[] => rows.filter((m) => m.held_back === '').map((m) => m.message_id ?? '');
  /** Every table of the book, as book export writes it. */
  let exports = 0;
  const snapshot = async (): Promise<Record<string, string>> => {
    const folder = path.join(job, `export-${(exports += 1)}`);
    expect((await fairplan(['book', 'export', folder])).code).toBe(0);
    return Object.fromEntries(readdirSync(folder).map((file) => [file, readFileSync(path.join(folder, file), 'utf8')]));
  };
  const FULL_NIGHT = ['book payments', 'book customers', 'follow-up', 'hand-off'];

  it('runs each night in order, payments, customers, follow-up, the hand-off, the sender\'s report, and says by exit code what needs a person', async () => {
    // Plans are agreed by day, outside the night.
    expect((await fairplan(['book', 'agree', '--schedules', NIGHTLY('schedules.csv'), '--agreed-on', '2026-05-01'])).code).toBe(0);
    const sentAll: string[] = [];
    for (const night of ['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04', '2026-06-05', '2026-06-06']) {
      stage(night);
      if (night === '2026-06-05') {
        const renegotiated = ['book', 'agree', '--schedules', NIGHTLY('schedules-renegotiated.csv'), '--accounts', NIGHTLY('renegotiated-accounts.csv'), '--agreed-on', night];
        expect((await fairplan(renegotiated)).code).toBe(0);
      }
      const { mail, steps } = await runNight(night);
      // The sender's report is recorded on the nights the fixtures' sender made one.
      expect(steps, night).toEqual(existsSync(NIGHTLY(`sent-${night}.csv`)) ? [...FULL_NIGHT, 'book sent'] : FULL_NIGHT);
      // 1 June: N-09's vulnerable "maybe" is recorded with the doubt (exit 1): the night goes on, and cron mails the code.
      expect(mail, night).toBe(night === '2026-06-01' ? 'fairplan night exited 1: see ' + path.join(job, 'log', 'night.log') + '\n' : '');
      const [rows = []] = handed(night);
      sentAll.push(...toSend(rows));
      if (night === '2026-06-06') {
        // A held message is handed over held, for the sender to leave: N-09's, whose protection the book could not read.
        expect(rows.find((m) => m.account_id === 'N-09')).toMatchObject({ held_back: 'protection-unreadable', review: 'yes' });
      }
    }
    // Each message once, nothing to the opted-out N-04 or the paused N-05.
    expect(sentAll).toEqual([
      'N-01:reminder:2:sms', 'N-02:reminder:2:email', 'N-06:reminder:2:sms', 'N-07:reminder:2:sms', 'N-11:reminder:2:email',
      'N-08:reminder:2:sms', 'N-11:thank-you:completed:email',
    ]);
    const book = await snapshot();
    expect(book['deliveries.csv']).toContain('N-07:reminder:2:sms');
    expect(existsSync(path.join(job, 'out', 'summary-2026-06-06.json'))).toBe(true);
  }, 180_000);

  it('run again the same night, hands the sender nothing it had and records nothing twice', async () => {
    const before = await snapshot();
    const { mail, steps } = await runNight('2026-06-05');
    expect(mail).toBe('');
    expect(steps).toEqual([...FULL_NIGHT, 'book sent']);
    const [first = [], second = []] = handed('2026-06-05');
    expect(toSend(first)).toEqual(['N-08:reminder:2:sms', 'N-11:thank-you:completed:email']);
    expect(toSend(second)).toEqual([]);
    const after = await snapshot();
    // The book holds the same payments, circumstances, messages and deliveries; only the log of imports may grow.
    for (const table of ['agreements.csv', 'instalments.csv', 'payments.csv', 'circumstances.csv', 'messages.csv', 'deliveries.csv']) {
      expect(after[table], table).toBe(before[table]);
    }
  }, 120_000);

  it('stops at a payments file it cannot read, before follow-up, with the book as it was', async () => {
    const night = '2026-06-07';
    stage(night);
    writeFileSync(path.join(job, 'in', `payments-${night}.csv`), 'account_id,paid_on,reference\nN-01,2026-06-07,X1\n');
    const before = await snapshot();
    const { mail, steps } = await runNight(night);
    expect(mail).toMatch(/^fairplan night exited 2: /);
    expect(steps).toEqual(['book payments']);
    expect(readFileSync(path.join(job, 'log', 'night.log'), 'utf8')).toContain(`fairplan ${night}: exit 2, the night stopped at: `);
    expect(existsSync(path.join(job, 'out', `status-${night}.csv`))).toBe(false);
    expect(handed(night)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 60_000);

  it('stops at a customers row it cannot tie to an account, before any message, and runs whole once it is put right', async () => {
    const night = '2026-06-07';
    stage(night);
    const customers = path.join(job, 'in', `customers-${night}.csv`);
    writeFileSync(customers, 'account_id,customer_id,channel,effective_on\nN-99,C-99,none,2026-06-07\n');
    const before = await snapshot();
    const stopped = await runNight(night);
    expect(stopped.mail).toMatch(/^fairplan night exited 2: /);
    expect(stopped.steps).toEqual(['book payments', 'book customers']);
    expect(existsSync(path.join(job, 'out', `messages-${night}.csv`))).toBe(false);
    const after = await snapshot();
    // The night's payments were recorded before the customers file was read; nothing of that file was.
    expect(after['circumstances.csv']).toBe(before['circumstances.csv']);
    expect(after['messages.csv']).toBe(before['messages.csv']);
    writeFileSync(customers, 'account_id,customer_id,channel,effective_on\n');
    const again = await runNight(night);
    expect(again.mail).toBe('');
    expect(again.steps).toEqual(FULL_NIGHT);
    expect((await snapshot())['payments.csv']).toBe(after['payments.csv']);
  }, 60_000);

  it('stops with 69 when the hand-off fails, the messages in the book as issued', async () => {
    const night = '2026-06-08';
    stage(night);
    const failing = path.join(job, 'failing-sender.sh');
    writeFileSync(failing, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    const { stdout } = await sh(moved(nightEntry!.command).replace(/ FAIRPLAN=/, ` FAIRPLAN_SENDER=${failing} FAIRPLAN=`), { ...cronEnv, NIGHT: night }, job);
    expect(stdout).toMatch(/^fairplan night exited 69: /);
    expect((await snapshot())['messages.csv']).toContain('N-02:missed-check-in:2:email');
  }, 60_000);

  it('backs the book up with the crontab\'s backup line, readable by its owner only', async () => {
    const { code } = await sh(moved(backupEntry!.command), cronEnv, job);
    expect(code).toBe(0);
    const [copy] = readdirSync(backups);
    expect(copy).toMatch(/^book-\d{4}-\d{2}-\d{2}\.sqlite$/);
    expect(statSync(path.join(backups, copy!)).mode & 0o777).toBe(0o600);
  }, 60_000);
});

describe('the night script, run late', () => {
  it('holds a customer\'s messages from the night their opt-out came in, when the export has no effective_on and the night is run on a later day', async () => {
    const job = mkdtempSync(path.join(tmpdir(), 'fairplan-late-night-'));
    for (const folder of ['in', 'handed']) mkdirSync(path.join(job, folder));
    copyFileSync(SCRIPT, path.join(job, 'night.sh'));
    writeFileSync(path.join(job, 'hand-to-sender.sh'), `#!/bin/sh\ncp "$1" "${job}/handed/messages.csv"\n`, { mode: 0o755 });
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: job, FAIRPLAN: BIN, FAIRPLAN_BOOK: path.join(job, 'book.sqlite') };
    const fairplan = (args: readonly string[]) => sh([BIN, ...args].map((a) => `'${a}'`).join(' '), env, job);
    expect((await fairplan(['book', 'agree', '--schedules', NIGHTLY('schedules.csv'), '--agreed-on', '2026-05-01'])).code).toBe(0);
    expect((await fairplan(['book', 'customers', NIGHTLY('customers-2026-06-01.csv')])).code).toBe(1);
    // 2 June, run on a later day (the test runs after it): N-07 (customer C-0607, with N-06) asked for no more contact.
    copyFileSync(NIGHTLY('payments-2026-06-02.csv'), path.join(job, 'in', 'payments-2026-06-02.csv'));
    writeFileSync(path.join(job, 'in', 'customers-2026-06-02.csv'), 'account_id,channel\nN-07,none\n');
    const { code } = await sh('./night.sh', { ...env, NIGHT: '2026-06-02' }, job);
    expect(code).toBe(0);
    const handed = parse(readFileSync(path.join(job, 'handed', 'messages.csv'), 'utf8'), { columns: true }) as Row[];
    const person = handed.filter((m) => m.account_id === 'N-06' || m.account_id === 'N-07');
    expect(person.length).toBeGreaterThan(0);
    expect(person.map((m) => m.held_back)).toEqual(person.map(() => 'customer-opted-out'));
  }, 60_000);
});
