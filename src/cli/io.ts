/** What a command may touch of the outside world, passed in so tests can supply their own. */
export interface Output {
  /** Text, or UTF-8 bytes (a batch's output from its worker threads). */
  write(chunk: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
  /** The file descriptor, for the process's own streams (to tell when one is a file fairplan reads). */
  readonly fd?: number;
}

export interface Io {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean; readonly fd?: number };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** The clock, read only by the CLI (the core takes "today" as a parameter). */
  readonly now: () => Date;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}
