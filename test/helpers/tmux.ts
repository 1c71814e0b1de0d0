/**
 * Drives a command in a real pseudo-terminal through tmux, as a person at a keyboard would:
 * type with `send`, read the screen with `screen`, wait for text with `waitFor`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasTmux = (): boolean => spawnSync('tmux', ['-V']).status === 0;

export interface TerminalOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly width?: number;
  readonly height?: number;
}

export class Terminal {
  private readonly session = `fairplan-test-${randomUUID().slice(0, 8)}`;
  // A tmux server of its own: closing one terminal cannot take down the server another is starting
  // on ("server exited unexpectedly"), nor can other tmux users on the machine get in the way.
  private readonly socketPath = join(tmpdir(), `${this.session}.tmux`);
  private readonly socket = ['-S', this.socketPath];

  constructor(command: string, options: TerminalOptions) {
    const env = Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${shellQuote(v)}`).join(' ');
    // Keep the pane open after the program exits so its last screen and exit status can be read.
    execFileSync('tmux', [
      ...this.socket,
      'new-session', '-d', '-s', this.session,
      '-x', String(options.width ?? 80), '-y', String(options.height ?? 24),
      '-c', options.cwd,
      `env ${env} ${command}; echo "[exit $?]"; sleep 600`,
    ]);
  }

  /** Types literal text (no key names interpreted). */
  type(text: string): void {
    execFileSync('tmux', [...this.socket, 'send-keys', '-t', this.session, '-l', text]);
  }

  /** Presses named keys: 'Enter', 'Down', 'Up', 'C-c', 'BSpace', 'Space', 'Tab'. */
  press(...keys: string[]): void {
    execFileSync('tmux', [...this.socket, 'send-keys', '-t', this.session, ...keys]);
  }

  /** The visible screen as plain text. */
  screen(): string {
    return execFileSync('tmux', [...this.socket, 'capture-pane', '-p', '-t', this.session], { encoding: 'utf8' });
  }

  /** Everything shown since the start, the lines scrolled off the top included, as plain text. */
  history(): string {
    return execFileSync('tmux', [...this.socket, 'capture-pane', '-p', '-S', '-', '-t', this.session], { encoding: 'utf8' });
  }

  /** Waits until the screen matches, or fails with the last screen so the test output shows why. */
  async waitFor(pattern: string | RegExp, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      last = this.screen();
      if (typeof pattern === 'string' ? last.includes(pattern) : pattern.test(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting for ${String(pattern)}; the screen was:\n${last}`);
  }

  close(): void {
    spawnSync('tmux', [...this.socket, 'kill-server']);
    rmSync(this.socketPath, { force: true });
  }
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
