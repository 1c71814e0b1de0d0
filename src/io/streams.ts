import { fstatSync, writeSync } from 'node:fs';
import { writeFailure } from './write-failure.js';
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

/**
 * Standard output sent to a file (`> out.csv`), written with every byte accounted for: Node's own
 * stream takes a short write (a disk that filled up, a file-size limit) as done and drops the rest
 * unseen. Here the rest is written again, and the error that then comes is thrown, in the same
 * sentence as for any output file.
 */
function stdoutToFile(fd: number): Output {
  return {
    fd,
    write(chunk) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      try {
        for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
      } catch (error) {
        throw writeFailure('standard output', error);
      }
      return true;
    },
  };
}

const isFile = (fd: number): boolean => {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
};

export function processIo(): Io {
  return {
    stdout: isFile(process.stdout.fd) ? stdoutToFile(process.stdout.fd) : process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}
