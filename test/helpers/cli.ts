/** Runs the built fairplan binary as a user would, and captures what it says. */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'fairplan.js');
export const fixture = (...parts: string[]): string => path.join(ROOT, 'fixtures', ...parts);

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the binary without blocking the test worker: a synchronous spawn on a busy machine can hold
 * the worker long enough for vitest's own messages to time out.
 */
export function runCli(
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string; uid?: number; gid?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
      ...(options.uid === undefined ? {} : { uid: options.uid }),
      ...(options.gid === undefined ? {} : { gid: options.gid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** Runs the binary with its standard output appended to `file`, as a shell's `>> file` does. */
export async function runWithStdoutTo(file: string, args: readonly string[], flags: 'a' | 'w' = 'a'): Promise<{ code: number; stderr: string }> {
  // 'a' as a shell's >> opens the file, 'w' as its > does: emptied before the command starts.
  const stdout = openSync(file, flags);
  try {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', stdout, 'pipe'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (status) => resolve(status ?? -1));
    });
    return { code, stderr };
  } finally {
    closeSync(stdout);
  }
}

/** One error as a script reads it with FAIRPLAN_ERRORS=json (schema/error.schema.json). */
export interface CliError {
  readonly code: string;
  readonly file: string | null;
  readonly line: number | null;
  readonly field: string | null;
  readonly message: string;
}

/** Runs the binary with FAIRPLAN_ERRORS=json: its exit code and each error's stable code and place, to assert on rather than wording. */
export async function runCliErrors(args: readonly string[], options: Parameters<typeof runCli>[1] = {}): Promise<{ code: number; stdout: string; errors: CliError[] }> {
  const { code, stdout, stderr } = await runCli(args, { ...options, env: { ...options.env, FAIRPLAN_ERRORS: 'json' } });
  const errors = stderr.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as CliError);
  return { code, stdout, errors };
}
