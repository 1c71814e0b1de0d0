/**
 * A folder fairplan may not write into. Root may write anywhere, so when the tests run as root the
 * writing is done as an ordinary user (nobody): by the CLI spawned as that user, or in this process
 * with the effective user switched for the time the work takes.
 */
import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

/** A folder that can be read and entered by anyone, and written by no ordinary user. */
export function readOnlyFolder(): string {
  const parent = mkdtempSync(path.join(tmpdir(), 'fairplan-read-only-'));
  chmodSync(parent, 0o755);
  const folder = path.join(parent, 'read-only');
  mkdirSync(folder);
  chmodSync(folder, 0o555);
  return folder;
}

/** runCli options that run the CLI as an ordinary user. */
export const AS_ORDINARY_USER: { uid?: number; gid?: number } = isRoot ? { uid: NOBODY, gid: NOBODY } : {};

/** Runs `work` in this process as an ordinary user. */
export async function asOrdinaryUser<T>(work: () => Promise<T>): Promise<T> {
  const { seteuid, setegid } = process;
  if (!isRoot || !seteuid || !setegid) return work();
  setegid(NOBODY);
  seteuid(NOBODY);
  try {
    return await work();
  } finally {
    seteuid(0);
    setegid(0);
  }
}
