import type { ChalkInstance } from 'chalk';
import { makeChalk } from './colour.js';
import type { Io } from '../io/streams.js';

/** Shared by every command: the outside world and the exit code the run will end with. */
export class CommandContext {
  exitCode = 0;

  constructor(readonly io: Io) {}

  /** Colours for text written to stdout (reports), decided by that stream and NO_COLOR. */
  stdoutChalk(noColorFlag = false): ChalkInstance {
    return makeChalk({ isTTY: Boolean(this.io.stdout.isTTY), env: this.io.env, noColorFlag });
  }

  /** Colours for messages written to stderr. */
  stderrChalk(noColorFlag = false): ChalkInstance {
    return makeChalk({ isTTY: Boolean(this.io.stderr.isTTY), env: this.io.env, noColorFlag });
  }

  out(text: string): void {
    this.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  err(text: string): void {
    this.io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}
