/** A worker thread of a batch run: works on the chunks of rows it is sent, one at a time (see pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { BufferPool } from './buffer-pool.js';
import { processChunk, type ChunkResult } from './chunk.js';
import { chunkSettings, type Request, type WorkerSetup } from './pool.js';

const settings = chunkSettings(workerData as WorkerSetup);
const pool = new BufferPool();

// Output goes back as UTF-8 bytes, handed over rather than copied, and its buffers come back once
// written (see buffer-pool.ts): encoding it here keeps that work off the main thread, which reads
// and writes for every worker.
const encoder = new TextEncoder();

function encoded(text: string | Uint8Array): Uint8Array {
  if (typeof text !== 'string') return text;
  if (text === '') return new Uint8Array(0);
  // Nearly all output is ASCII, a byte a character: a buffer of that size is tried first.
  const buffer = new Uint8Array(pool.take(text.length));
  const { read, written } = encoder.encodeInto(text, buffer);
  if (read === text.length) return buffer.subarray(0, written);
  pool.give(buffer.buffer);
  return encoder.encode(text);
}

parentPort?.on('message', async (request: Request) => {
  if ('spare' in request) {
    for (const buffer of request.spare) pool.give(buffer);
    return;
  }
  const { id, records } = request;
  try {
    const done = processChunk(records, await settings, pool);
    const result: ChunkResult = {
      ...done,
      results: encoded(done.results),
      schedules: encoded(done.schedules),
      errors: encoded(done.errors),
    };
    const handed = [result.results, result.schedules, result.errors] as Uint8Array[];
    parentPort?.postMessage({ id, result }, handed.map((b) => b.buffer as ArrayBuffer));
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
