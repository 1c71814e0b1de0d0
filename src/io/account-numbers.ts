/**
 * Each account id met in a run, numbered from 0 in the order first met: the stores of payments,
 * customers and contacts keep their records by number, in typed arrays. The ids themselves are kept
 * as UTF-8 bytes in a text arena and found again by an open-addressing hash table of typed arrays,
 * all outside the garbage-collected heap. With a million ids as strings in a Map, the heap held
 * enough for the collector to let it grow far before taking back a run's garbage: at 1,000,000 plans
 * the run peaked at 617 MB with the Map and at 371 MB without.
 */
import { NumberColumn } from './number-column.js';
import { TextArena } from './text-arena.js';

const EMPTY = 0;

export class AccountNumbers {
  private readonly ids = new TextArena();
  /** Each number's hash, to grow the table without hashing again. */
  private readonly hashes = new NumberColumn(Int32Array);
  /** Slots of account number + 1 (0 is empty), at most half full. */
  private slots = new Int32Array(1 << 16);
  private count = 0;
  private scratch = Buffer.allocUnsafe(256);
  private readonly encoder = new TextEncoder();
  /** The last id looked up, as the same account is asked for several times in a row. */
  private lastId = '';
  private lastNumber: number | undefined;
  /** Where the last id that find() did not find would go: its hash and its free slot. */
  private missedHash = 0;
  private missedSlot = 0;

  /** The account's number, given it now if it has none. */
  number(id: string): number {
    const found = this.find(id);
    if (found !== undefined) return found;
    const number = this.ids.add(id);
    this.hashes.set(number, this.missedHash);
    this.count++;
    if (this.count * 2 > this.slots.length) this.grow();
    else this.slots[this.missedSlot] = number + 1;
    this.lastId = id;
    this.lastNumber = number;
    return number;
  }

  find(id: string): number | undefined {
    if (id === this.lastId && this.lastNumber !== undefined) return this.lastNumber;
    const length = this.encode(id);
    const hash = fnv1a(this.scratch, length);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const held = this.slots[slot] ?? EMPTY;
      if (held === EMPTY) break;
      if (this.hashes.get(held - 1) === hash && this.ids.holds(held - 1, this.scratch, length)) {
        this.lastId = id;
        this.lastNumber = held - 1;
        return held - 1;
      }
      slot = (slot + 1) & mask;
    }
    // Where a new id would go, for number() to use.
    this.missedHash = hash;
    this.missedSlot = slot;
    return undefined;
  }

  /** How many ids have a number. */
  get size(): number {
    return this.count;
  }

  idOf(number: number): string {
    return this.ids.get(number);
  }

  /** The id's UTF-8 bytes, read in place: to look at a million ids without making a string of each. */
  idBytes(number: number): Buffer {
    return this.ids.bytes(number);
  }

  /** Puts `id`'s UTF-8 bytes in the scratch buffer; returns how many. */
  private encode(id: string): number {
    if (id.length * 3 > this.scratch.length) this.scratch = Buffer.allocUnsafe(id.length * 3);
    return this.encoder.encodeInto(id, this.scratch).written;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let number = 0; number < this.count; number++) {
      let slot = this.hashes.get(number) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = number + 1;
    }
    this.slots = slots;
  }
}

/** FNV-1a over `length` bytes, as a signed 32-bit number (as an Int32Array keeps it): cheap, and spreads ids that differ only in their last digits. */
function fnv1a(bytes: Uint8Array, length: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < length; i++) hash = Math.imul(hash ^ (bytes[i] ?? 0), 0x01000193);
  return hash;
}
