/** A worker that fails is reported as the user should hear it. */
import { describe, expect, it } from 'vitest';
import { isFairplanError } from '../../src/core/errors.js';
import { workerFailure } from '../../src/batch/pool.js';

describe('workerFailure', () => {
  it('tells the user a worker ran out of memory, and what to do, as an error of theirs to act on (exit 2)', () => {
    const outOfMemory = Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), {
      code: 'ERR_WORKER_OUT_OF_MEMORY',
    });
    const failure = workerFailure(outOfMemory);
    expect(isFairplanError(failure)).toBe(true);
    expect(failure.message).toBe(
      "a batch worker ran out of memory (it may use 1024 MB); --workers 0 plans in this thread, where Node's own limit applies, or split the file",
    );
  });

  it('leaves any other failure as it was: a fault in fairplan', () => {
    const fault = new TypeError('cannot read properties of undefined');
    expect(workerFailure(fault)).toBe(fault);
  });
});
