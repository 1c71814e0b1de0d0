/**
 * fairplan batch in a real pseudo-terminal, as an analyst runs it: the progress bar is on screen
 * while the file is read, and gone, with nothing of it left behind, once the summary is written or
 * the run is interrupted.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accountsCsv } from '../helpers/accounts.js';
import { BIN } from '../helpers/cli.js';
import { hasTmux, Terminal } from '../helpers/tmux.js';

// Enough rows for the bar to be on screen for a moment (it is first drawn at 1,000 rows), few
// enough for a run of a second or two.
const ROWS = 12_000;
// Generous: a busy machine can take seconds to start node.
const PATIENCE = 20_000;
const BAR = /\[[#-]+\] +\d+%  [\d,]+ rows  [\d,]+ rows\/s  ~.+ left/;
/** Anything a bar drawn at 80 columns, whole or in part, would leave on the screen. */
const BAR_REMAINS = /\[[#-]*#|#-|-\]|\d%|rows\/s  |elapsed|left$/m;

let dir: string;
let accounts: string;
let terminal: Terminal | undefined;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fairplan-batch-terminal-'));
  accounts = path.join(dir, 'accounts.csv');
  writeFileSync(accounts, accountsCsv(ROWS));
});

afterEach(() => {
  terminal?.close();
  terminal = undefined;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const start = (output: string): Terminal =>
  new Terminal(`node ${BIN} batch ${accounts} -o ${output} --as-of 2026-01-05`, {
    cwd: dir,
    env: { NO_COLOR: '1' },
    width: 80,
    height: 24,
  });

describe.skipIf(!hasTmux())('fairplan batch at a terminal', () => {
  it('shows a progress bar with a percent while it reads a file, and only the summary once it is done', async () => {
    terminal = start(path.join(dir, 'results.csv'));
    const during = await terminal.waitFor(BAR, PATIENCE);
    expect(during.split('\n').filter((line) => BAR.test(line))).toHaveLength(1);
    const after = await terminal.waitFor('[exit 0]', PATIENCE);
    expect(after).toContain(`${ROWS.toLocaleString('en-GB')} rows read: ${ROWS.toLocaleString('en-GB')} written, 0 rejected`);
    expect(after).toContain('MoneyHelper');
    expect(after).not.toMatch(BAR_REMAINS);
  });

  it('takes the bar away when interrupted with Ctrl-C, and writes no file', async () => {
    const output = path.join(dir, 'interrupted', 'results.csv');
    mkdirSync(path.dirname(output));
    terminal = start(output);
    await terminal.waitFor(BAR, PATIENCE);
    terminal.press('C-c');
    const after = await terminal.waitFor('[exit 130]', PATIENCE);
    expect(after).toMatch(/^fairplan: interrupted; no output file was written$/m);
    expect(after).not.toMatch(BAR_REMAINS);
    expect(readdirSync(path.dirname(output))).toEqual([]);
  });
});
