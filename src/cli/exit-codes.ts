/** Exit codes, documented in `fairplan --help` and the README. */
export const EXIT = {
  ok: 0,
  /** Batch: some rows were rejected (see `fairplan batch --help`). */
  rowsRejected: 1,
  /** Bad arguments, invalid input file, or a file that could not be read or written. */
  usage: 2,
  /** A fault in fairplan itself, not in what it was given. */
  internal: 70,
  /** Stopped because the terminal closed: 128 + SIGHUP. No output file is left. */
  hungUp: 129,
  /** Interrupted (Ctrl-C): 128 + SIGINT. No output file is left. */
  interrupted: 130,
  /** The reader of the output went away (`| head`): 128 + SIGPIPE, as a shell reports it. */
  closedPipe: 141,
  /** Stopped by `kill` or a scheduler (SIGTERM): 128 + SIGTERM. No output file is left. */
  terminated: 143,
} as const;
