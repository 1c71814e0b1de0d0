/**
 * A disk that fills up, for the tests of what fairplan does when an output does not fit: a small
 * tmpfs, where the tests may mount one (as root, in a container that allows it), and otherwise the
 * reason there is none, for the test to skip with. `ulimit -f` (see underFileSizeLimit) needs no
 * privilege and is tried everywhere (runUnderFileSizeLimit).
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN } from './cli.js';

export interface SmallDisk {
  readonly folder: string;
  unmount(): void;
}

/** Tried once: the reason no tmpfs can be mounted here, or undefined when one can. */
export const noSmallDisk: string | undefined = (() => {
  try {
    mountSmallDisk(16).unmount();
    return undefined;
  } catch (error) {
    const said = error instanceof Error ? (error as { stderr?: Buffer }).stderr?.toString().trim() || error.message : String(error);
    return `no tmpfs can be mounted here (${said.split('\n')[0]})`;
  }
})();

/** A tmpfs of `kib` KiB on a new folder. */
export function mountSmallDisk(kib: number): SmallDisk {
  const folder = mkdtempSync(path.join(tmpdir(), 'fairplan-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', folder], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    folder,
    unmount() {
      execFileSync('umount', [folder]);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Runs the built fairplan under `ulimit -f blocks` (blocks of 1 KiB in bash): a write past it gets
 * SIGXFSZ, which would end the process unseen unless ignored, and then fails with EFBIG.
 * `unlimited` runs it as a shell would, to send its standard output to a file on a small disk.
 * `stdout`: a file standard output is sent to (`> file`), or piped back when not given.
 */
export function runUnderFileSizeLimit(
  blocks: number | 'unlimited',
  args: readonly string[],
  options: { cwd: string; stdout?: string },
): Promise<{ code: number; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const stdout = options.stdout === undefined ? 'pipe' : openSync(options.stdout, 'w');
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `ulimit -f ${blocks}; exec "$0" "$@"`, process.execPath, BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', stdout, 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (typeof stdout === 'number') closeSync(stdout);
      resolve({ code: code ?? -1, signal, stdout: out, stderr: err });
    });
  });
}

/** Fills the disk `folder` is on, to the last byte. */
export function fillUp(folder: string): void {
  const fd = openSync(path.join(folder, 'filler'), 'w');
  const block = Buffer.alloc(4096, 120);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}
