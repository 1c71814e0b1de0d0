/**
 * Each account id a batch run has met, with the line it was first on: a row repeating an id is
 * rejected, naming that line, rather than the same account being planned twice (an export run
 * twice into one file, or a customer's rows listed again).
 *
 * A batch keeps nothing else for the whole run, so this is what makes its memory grow with the
 * file: it is kept as small as an exact answer allows. Each id is one entry in an arena of byte
 * blocks outside the garbage-collected heap (its UTF-8 length, its bytes and its first line, the
 * numbers as varints), found again through an open-addressing table of Uint32 places in the arena.
 * No hash, number or handle is kept per id: a probe compares the bytes themselves, from the last
 * (where ids such as ACC000123 differ), and growing the table hashes the arena's bytes again. At
 * 1,000,000 ids of 12 characters that is some 24 MB, against some 44 MB when they were kept as
 * follow-up keeps its ids (io/account-numbers.ts) beside a column of first lines (docs/performance.md).
 */
import { FairplanError } from '../core/errors.js';
import type { InputRecord } from '../io/read-records.js';

const BLOCK_BITS = 20;
const BLOCK = 1 << BLOCK_BITS;
/** A place (block × BLOCK + offset) plus one must fit a Uint32 slot: 4 GB of entries. */
const MAX_BLOCKS = 2 ** (32 - BLOCK_BITS);

export class RepeatedAccounts {
  private readonly lines = new FirstLines();

  /** `accountId`: the column of the account's id; without one there is nothing to compare. */
  constructor(private readonly accountId: number | undefined) {}

  /** The record as it goes to be planned: a row whose id was met before becomes an unreadable one, with why. */
  check(record: InputRecord): InputRecord {
    if (record.kind === 'unreadable' || this.accountId === undefined) return record;
    // Trimmed as the row's account is read (account.ts): " A1" and "A1" are one account.
    const id = (record.cells[this.accountId] ?? '').trim();
    if (!id) return record;
    const first = this.lines.firstLine(id, record.line);
    if (first === undefined) return record;
    const reason = `account ${id} is on line ${first} already: an account is planned from one row only`;
    return { kind: 'unreadable', line: record.line, reason, cells: record.cells, field: 'account_id', accountId: id, code: 'repeated-account' };
  }
}

/** Ids and the line each was first met on. */
class FirstLines {
  private readonly blocks: Buffer[] = [];
  private used = 0;
  /** Slots of an entry's place in the arena + 1 (0 is empty), at most half full. */
  private slots = new Uint32Array(1 << 12);
  private count = 0;
  private scratch = Buffer.allocUnsafe(256);
  private readonly encoder = new TextEncoder();

  /** The line `id` was first met on; the first time, undefined, and `line` is kept as its line. */
  firstLine(id: string, line: number): number | undefined {
    const length = this.encode(id);
    const mask = this.slots.length - 1;
    let slot = fnv1a(this.scratch, 0, length) & mask;
    for (let held = this.slots[slot] ?? 0; held !== 0; held = this.slots[slot] ?? 0) {
      const first = this.lineIfHeld(held - 1, length);
      if (first !== undefined) return first;
      slot = (slot + 1) & mask;
    }
    this.slots[slot] = this.add(length, line) + 1;
    this.count++;
    if (this.count * 2 > this.slots.length) this.grow();
    return undefined;
  }

  /** The line of the entry at `place` if its id is the scratch buffer's first `length` bytes. */
  private lineIfHeld(place: number, length: number): number | undefined {
    const block = this.blocks[place >>> BLOCK_BITS] as Buffer;
    let at = place & (BLOCK - 1);
    const held = readVarint(block, at);
    if (held.value !== length) return undefined;
    at = held.end;
    for (let i = length - 1; i >= 0; i--) if (block[at + i] !== this.scratch[i]) return undefined;
    return readVarint(block, at + length).value;
  }

  /** Keeps the scratch buffer's first `length` bytes and `line` as an entry; returns its place. */
  private add(length: number, line: number): number {
    const size = varintSize(length) + length + varintSize(line);
    let block = this.blocks[this.blocks.length - 1];
    if (!block || this.used + size > block.length) {
      if (this.blocks.length === MAX_BLOCKS) {
        throw new FairplanError('invalid-row', 'the file has more account ids than one run can hold (4 GB of them): split it and run each part', { line, field: 'account_id' });
      }
      // An entry larger than a block has a block of its own.
      block = Buffer.allocUnsafe(Math.max(BLOCK, size));
      this.blocks.push(block);
      this.used = 0;
    }
    const place = (this.blocks.length - 1) * BLOCK + this.used;
    let at = writeVarint(block, this.used, length);
    this.scratch.copy(block, at, 0, length);
    at = writeVarint(block, at + length, line);
    this.used = at;
    return place;
  }

  /** Puts `id`'s UTF-8 bytes in the scratch buffer; returns how many. */
  private encode(id: string): number {
    if (id.length * 3 > this.scratch.length) this.scratch = Buffer.allocUnsafe(id.length * 3);
    return this.encoder.encodeInto(id, this.scratch).written;
  }

  private grow(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (const held of this.slots) {
      if (held === 0) continue;
      const place = held - 1;
      const block = this.blocks[place >>> BLOCK_BITS] as Buffer;
      const { value: length, end } = readVarint(block, place & (BLOCK - 1));
      let slot = fnv1a(block, end, end + length) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = held;
    }
    this.slots = slots;
  }
}

/** FNV-1a over `bytes[start, end)`: cheap, and spreads ids that differ only in their last digits. */
function fnv1a(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ (bytes[i] ?? 0), 0x01000193);
  return hash;
}

/** Bytes of `value` as a varint: seven bits a byte, low first; a line past 2^31 as well. */
function varintSize(value: number): number {
  let size = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) size++;
  return size;
}

/** Writes `value` as a varint at `at`; returns where it ends. */
function writeVarint(bytes: Buffer, at: number, value: number): number {
  let rest = value;
  let end = at;
  while (rest >= 0x80) {
    bytes[end++] = (rest % 0x80) | 0x80;
    rest = Math.floor(rest / 0x80);
  }
  bytes[end++] = rest;
  return end;
}

function readVarint(bytes: Buffer, at: number): { value: number; end: number } {
  let value = 0;
  let scale = 1;
  let end = at;
  for (;;) {
    const byte = bytes[end++] ?? 0;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return { value, end };
    scale *= 0x80;
  }
}
