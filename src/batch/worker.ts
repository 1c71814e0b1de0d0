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

// Only the rejected rows come as text; results and schedules are bytes already.
const encoded = (text: string | Uint8Array): Uint8Array => (typeof text === 'string' ? encoder.encode(text) : text);

parentPort?.on('message', async (request: Request) => {
  if ('spare' in request) {
    for (const buffer of request.spare) pool.give(buffer);
    return;
  }
  const { id, records } = request;
  try {
    const done = processChunk(records, await settings, pool);
    const errors = encoded(done.errors);
    const result: ChunkResult = { ...done, errors };
    parentPort?.postMessage({ id, result }, [result.results, result.schedules, errors].map((b) => b.buffer as ArrayBuffer));
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
