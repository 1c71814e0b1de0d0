/** SHA-256 of input files, for provenance: the same digest `sha256sum` prints. */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { readFailure } from './read-failure.js';

/** The SHA-256 of the file `file` (as the user named it, from `cwd`), in hex. */
export async function sha256File(file: string, cwd = process.cwd()): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(resolve(cwd, file))) hash.update(chunk as Buffer);
  } catch (error) {
    throw readFailure(file, error);
  }
  return hash.digest('hex');
}

/**
 * `input` as it is read, hashed on the way: for standard input, which can be read only once. The
 * digest is the hash's once the stream has ended.
 */
export function hashedWhileRead(input: Readable): { readonly stream: Readable; readonly hash: Hash } {
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  // A failure reading the input is the input's, reported by whoever reads the stream.
  input.on('error', (error) => tap.destroy(error));
  return { stream: input.pipe(tap), hash };
}
