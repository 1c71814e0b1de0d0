/**
 * Checks a command's outputs before it opens any of them or reads a row: each must go into a folder
 * that exists and can be written, none may be a folder, none may be a file the command reads (the
 * input, in any spelling: `./in.csv`, `sub/../in.csv`, a symbolic or hard link to it), and no two
 * may be one file. A run refused here has written nothing and changed nothing.
 */
import { constants, fstatSync, type Stats } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';
import { FairplanError } from '../core/errors.js';
import { CANNOT_WRITE_HERE, cannotWrite, IS_A_FOLDER, NO_SUCH_FOLDER } from './write-failure.js';

/** A file a command reads, with what it is to the person running it ("the input file"). */
export interface ReadFile {
  readonly path: string;
  readonly what: string;
}

/** A file a command writes, with the option that named it ("-o", "--errors"); `-` is standard output. */
export interface WrittenFile {
  readonly path: string;
  readonly option: string;
}

/** The open files of the process that a command may read from or write to. */
interface Descriptor {
  /** The file descriptor (0 for standard input, 1 for standard output), when there is one. */
  readonly fd?: number;
}

export interface PlannedOutputs {
  /** Where relative paths start (default: the process's working folder). */
  readonly cwd?: string;
  readonly reads: readonly ReadFile[];
  readonly writes: readonly WrittenFile[];
  /** Standard input, when the command reads it. */
  readonly stdin?: Descriptor & { readonly what: string };
  /** Standard output, when the command writes to it (a report, or an output named `-`). */
  readonly stdout?: Descriptor;
}

/** Device and inode: the same for every name of one file. */
const identity = (stats: Stats): string => `${stats.dev}:${stats.ino}`;

async function identityOf(path: string): Promise<string | undefined> {
  const stats = await stat(path).catch(() => undefined);
  return stats && identity(stats);
}

/** A regular file open on `fd` (a shell's `< file` or `>> file`); not a terminal or a pipe. */
function identityOfDescriptor(fd: number | undefined): string | undefined {
  if (fd === undefined) return undefined;
  try {
    const stats = fstatSync(fd);
    return stats.isFile() ? identity(stats) : undefined;
  } catch {
    return undefined;
  }
}

/** Where a file will be written: an existing file, or a name in a folder that exists and can be written. */
interface Place {
  /** Set when the file exists already. */
  readonly identity?: string;
  /** The folder's real path and the name: the same for every spelling of a file not yet made. */
  readonly canonical: string;
}

async function placeOf(file: WrittenFile, cwd = '.'): Promise<Place> {
  const target = resolve(cwd, file.path);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw cannotWrite(file.path, IS_A_FOLDER);
  // A device or a pipe (/dev/null) is written to where it is, not replaced: its folder does not matter.
  if (existing && !existing.isFile()) return { identity: identity(existing), canonical: target };
  // `out/` names a folder, which a file cannot be.
  if (!existing && /[\\/]$/.test(file.path)) throw cannotWrite(file.path, NO_SUCH_FOLDER);
  const folder = dirname(target);
  const folderStats = await stat(folder).catch(() => undefined);
  if (!folderStats?.isDirectory()) throw cannotWrite(file.path, NO_SUCH_FOLDER);
  try {
    await access(folder, constants.W_OK | constants.X_OK);
  } catch {
    throw cannotWrite(file.path, CANNOT_WRITE_HERE);
  }
  return { ...(existing ? { identity: identity(existing) } : {}), canonical: `${await realpath(folder)}${sep}${basename(target)}` };
}

const refuse = (file: string, message: string) => new FairplanError('invalid-argument', message, { file });

/** Throws, with one plain sentence, at the first output that cannot or must not be written. */
export async function checkOutputs(planned: PlannedOutputs): Promise<void> {
  const toStdout = planned.writes.filter((file) => file.path === '-');
  if (toStdout.length > 1) {
    throw new FairplanError('invalid-argument', `${toStdout.map((o) => o.option).join(' and ')} both go to standard output; give each its own file`);
  }
  const reads = await Promise.all(
    planned.reads.map(async (read) => ({ ...read, identity: await identityOf(resolve(planned.cwd ?? '.', read.path)) })),
  );
  const stdin = planned.stdin && identityOfDescriptor(planned.stdin.fd);
  if (planned.stdin && stdin) reads.push({ path: 'standard input', what: planned.stdin.what, identity: stdin });

  const stdout = identityOfDescriptor(planned.stdout?.fd);
  const overwritten = stdout && reads.find((read) => read.identity === stdout);
  if (overwritten) {
    // A shell's > empties the file before fairplan starts: saying it "would be" overwritten would mislead.
    const emptied = planned.stdout?.fd !== undefined && fstatSync(planned.stdout.fd).size === 0;
    throw refuse(
      'standard output',
      emptied
        ? `goes to ${overwritten.what} (${overwritten.path}), which the shell emptied before fairplan started (> empties its file first); restore it from a copy and send the output to another file`
        : `goes to ${overwritten.what} (${overwritten.path}), which would be overwritten; send it to another file`,
    );
  }

  const seen: (WrittenFile & Place)[] = [];
  for (const file of planned.writes) {
    if (file.path === '-') continue;
    const place = await placeOf(file, planned.cwd);
    const read = place.identity && reads.find((r) => r.identity === place.identity);
    if (read) throw refuse(file.path, `${file.option} names ${read.what} (${read.path}), which would be overwritten; name another file`);
    const twin = seen.find((other) => other.canonical === place.canonical || (place.identity && other.identity === place.identity));
    if (twin) throw refuse(file.path, `${twin.option} and ${file.option} name the same file; give each its own`);
    if (place.identity && place.identity === stdout) {
      throw refuse(file.path, `${file.option} names the file standard output goes to; give it its own`);
    }
    seen.push({ ...file, ...place });
  }
}
