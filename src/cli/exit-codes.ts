import { FairplanError } from '../core/errors.js';

/** Exit codes, documented in `fairplan --help` and docs/exit-codes.md. */
export const EXIT = {
  ok: 0,
  /** Batch, follow-up: some rows were rejected (see their `--help`). */
  rowsRejected: 1,
  /** Bad arguments, invalid input file, or a file that could not be read or written. */
  usage: 2,
  /**
   * Batch, follow-up: nothing usable. Every row was rejected (no account written, no arrangement
   * read), or the run stopped over `--max-rejects` or `--strict` and wrote no file: a nightly job
   * must not go on as after 1, which leaves files to use.
   */
  nothingUsable: 3,
  /**
   * `batch --init-map`: the mapping was written, but it leaves needed fields "?" for the analyst to
   * decide, so a run cannot use it as it is: a script must not go on as after 0.
   */
  mappingToDecide: 4,
  /** A fault in fairplan itself, not in what it was given. */
  internal: 70,
  /**
   * An output could not be written whole: the disk is full, or a file passed the size limit
   * (`ulimit -f`). As sysexits' EX_IOERR. Files written before are as they were.
   */
  noSpace: 74,
  /**
   * The book is in use by another run, which did not finish in time: nothing was recorded, and the
   * same command may be run again later. As sysexits' EX_TEMPFAIL.
   */
  busy: 75,
  /** Stopped because the terminal closed: 128 + SIGHUP. No output file is left. */
  hungUp: 129,
  /** Interrupted (Ctrl-C): 128 + SIGINT. No output file is left. */
  interrupted: 130,
  /** The reader of the output went away (`| head`): 128 + SIGPIPE, as a shell reports it. */
  closedPipe: 141,
  /** Stopped by `kill` or a scheduler (SIGTERM): 128 + SIGTERM. No output file is left. */
  terminated: 143,
} as const;

/** The exit code for an error that ended a command. */
export function exitCodeFor(error: unknown): number {
  if (!(error instanceof FairplanError)) return EXIT.internal;
  return error.code === 'no-space' ? EXIT.noSpace : error.code === 'busy' ? EXIT.busy : EXIT.usage;
}
