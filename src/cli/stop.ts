/**
 * How fairplan stops before its work is done: Ctrl-C (SIGINT), `kill` or a job scheduler's timeout
 * (SIGTERM), a terminal or SSH session that closes (SIGHUP), or a reader of its output that goes
 * away (`| head`, a closed pipe). Each is handled the same way, at once, whatever the run is waiting
 * for: the temporary files of outputs not yet published are removed, so earlier outputs stay as
 * they were and no half-written file is left, and the process exits with 128 + the signal's number,
 * as a shell reports it.
 */
import { abandonTemporaryFiles } from '../io/atomic-file.js';
import { writeFailure } from '../io/write-failure.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { renderError } from '../render/shared/error.js';

/** The signals that stop fairplan, their exit codes, and what fairplan says when one does. */
const STOP_SIGNALS = {
  SIGINT: { code: EXIT.interrupted, message: 'interrupted' },
  SIGTERM: { code: EXIT.terminated, message: 'stopped (SIGTERM)' },
  SIGHUP: { code: EXIT.hungUp, message: 'stopped: the terminal closed (SIGHUP)' },
} as const;

// Things to put right on the screen before the message (a progress bar to take away).
const beforeStopping = new Set<() => void>();

/** Runs `tidy` if fairplan is stopped before the returned function is called. */
export function whenStopped(tidy: () => void): () => void {
  beforeStopping.add(tidy);
  return () => beforeStopping.delete(tidy);
}

/** Ends the process now: temporary files removed, `message` (if any) said, exit with `code`. */
function stop(code: number, message?: string): never {
  for (const tidy of beforeStopping) tidy();
  const abandoned = abandonTemporaryFiles();
  if (message) process.stderr.write(`fairplan: ${message}${abandoned ? '; no output file was written' : ''}\n`);
  process.exit(code);
}

/** Installs the handlers: once, by the program's entry point (bin/fairplan.js). */
export function stopOnSignalsAndClosedPipes(): void {
  for (const [signal, { code, message }] of Object.entries(STOP_SIGNALS)) process.on(signal, () => stop(code, message));
  // Past a file-size limit (ulimit -f) the system sends SIGXFSZ, which would end the process with
  // no word said: ignored, the write fails with EFBIG instead and is reported like a full disk.
  // (Node ignores it at start-up too; fairplan does not rely on that.)
  process.on('SIGXFSZ', () => undefined);
  for (const [stream, name] of [
    [process.stdout, 'standard output'],
    [process.stderr, 'standard error'],
  ] as const) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // Nobody is reading any more: nothing to say, and nowhere to say it.
      if (error.code === 'EPIPE') stop(EXIT.closedPipe);
      // A device that takes no more (> /dev/full) or another failure: said once, with its code (a
      // file is written by processIo, which says so itself). When standard error is what failed,
      // there is nowhere to say it.
      const failure = writeFailure(name, error);
      stop(exitCodeFor(failure), stream === process.stderr ? undefined : renderError(failure).join('; '));
    });
  }
}
