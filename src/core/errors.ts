/**
 * The one error type fairplan throws. The core throws it at its edges; the CLI renders it once
 * (see src/cli/render-error.ts) and maps `code` to an exit code.
 */
export const ERROR_CODES = [
  'invalid-amount',
  'invalid-frequency',
  'invalid-date',
  'invalid-statement',
  'invalid-guidelines',
  /** A `batch --map` mapping file is not one (docs/batch-mapping.md). */
  'invalid-mapping',
  /** `follow-up --rules`: a rule or a template cannot be used (docs/follow-up-rules.md). */
  'invalid-rules',
  'invalid-argument',
  'invalid-row',
  'io',
  /** A file could not be written whole: the disk is full or the file passed a size limit. */
  'no-space',
  /** The book is in use by another run, which did not finish while this one waited. */
  'busy',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One thing wrong with an input, located by JSON path (`expenditure[3].frequency`) or field name. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** Where an error was found: the file, line and field, as far as they are known. */
export interface ErrorContext {
  /** The file the problem was found in, as the user named it. */
  readonly file?: string;
  /** 1-based line (or CSV record line) number. */
  readonly line?: number;
  /** Field or JSON path. */
  readonly field?: string;
  /** Every problem found, when validation reports more than one. */
  readonly problems?: readonly Problem[];
}

/**
 * Every error fairplan means to give: a stable `code` to act on (docs/json-output.md lists them), a
 * plain sentence, and where it was found. Anything else thrown is a defect.
 */
export class FairplanError extends Error {
  override readonly name = 'FairplanError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly context: ErrorContext = {},
  ) {
    super(message);
  }

  /** The same error, located in a file (and optionally a line): the core does not know file names. */
  inFile(file: string, line?: number): FairplanError {
    return new FairplanError(this.code, this.message, {
      ...this.context,
      file,
      ...(line === undefined ? {} : { line }),
    });
  }
}

/** Whether `error` is a {@link FairplanError}, to tell bad input from a defect. */
export function isFairplanError(error: unknown): error is FairplanError {
  return error instanceof FairplanError;
}
