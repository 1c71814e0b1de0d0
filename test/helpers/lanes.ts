/**
 * Runs chains of steps a few chains at a time, each chain's steps in order. A test that spawns the
 * CLI over and over mostly waits on one Node process starting, which on a 2-core CI box leaves the
 * second core idle; chains that share nothing (each its own folder) prove the same run side by side.
 */

/**
 * Starts `chains`, at most `lanes` at once, taken in the order given, and gives each step's result
 * as it comes, chain by chain. A step that fails does not stop its chain (its result rejects, for
 * the test that reads it). A test reading the results in the same order waits no longer than a step.
 */
export function inLanes<T>(chains: readonly (readonly (() => Promise<T>)[])[], lanes: number): Promise<T>[][] {
  const queue: (() => Promise<void>)[] = [];
  const results = chains.map((steps) => {
    const settles: { resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
    const promises = steps.map((_, i) => new Promise<T>((resolve, reject) => (settles[i] = { resolve, reject })));
    // Read, and reported, by the test that awaits it; not an unhandled rejection meanwhile.
    for (const promise of promises) promise.catch(() => undefined);
    queue.push(async () => {
      for (const [i, step] of steps.entries()) await Promise.resolve().then(step).then(settles[i]!.resolve, settles[i]!.reject);
    });
    return promises;
  });
  const lane = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) await next();
  };
  for (let i = 0; i < lanes; i++) void lane();
  return results;
}
