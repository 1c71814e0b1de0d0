/** Output buffers are written into again once written out; only a few small ones are kept. */
import { describe, expect, it } from 'vitest';
import { BufferPool } from '../../src/batch/buffer-pool.js';

describe('BufferPool', () => {
  it('gives a buffer of at least the size asked for, a new one when none is spare', () => {
    const pool = new BufferPool();
    expect(pool.take(10).byteLength).toBeGreaterThanOrEqual(10);
    expect(pool.take(200_000).byteLength).toBeGreaterThanOrEqual(200_000);
  });

  it('gives back a buffer it was given, when it is large enough', () => {
    const pool = new BufferPool();
    const small = new ArrayBuffer(64 * 1024);
    const large = new ArrayBuffer(256 * 1024);
    pool.give(small);
    pool.give(large);
    expect(pool.take(100_000)).toBe(large);
    expect(pool.take(1_000)).toBe(small);
    expect(pool.take(1_000)).not.toBe(small);
  });

  it('keeps neither a buffer too large to hold on to, nor more than a few', () => {
    const pool = new BufferPool();
    const huge = new ArrayBuffer(8 * 1024 * 1024);
    pool.give(huge);
    expect(pool.take(1_000)).not.toBe(huge);

    const given = Array.from({ length: 20 }, () => new ArrayBuffer(64 * 1024));
    for (const buffer of given) pool.give(buffer);
    const taken = Array.from({ length: 20 }, () => pool.take(1_000));
    const reused = taken.filter((buffer) => given.includes(buffer));
    expect(reused.length).toBeGreaterThan(0);
    expect(reused.length).toBeLessThan(given.length);
  });
});
