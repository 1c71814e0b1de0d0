/** A worker thread of a batch run: works on the chunks of rows it is sent, one at a time (see pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { processChunk, type ChunkResult } from './chunk.js';
import { chunkSettings, type WorkerSetup } from './pool.js';
import type { InputRecord } from './read.js';

const settings = chunkSettings(workerData as WorkerSetup);

// Output goes back as UTF-8 bytes, handed over rather than copied: encoding it here keeps that work
// off the main thread, which reads and writes for every worker.
const encoder = new TextEncoder();

parentPort?.on('message', async ({ id, records }: { id: number; records: InputRecord[] }) => {
  try {
    const done = processChunk(records, await settings);
    const bytes = (text: string | Uint8Array): Uint8Array => (typeof text === 'string' ? encoder.encode(text) : text);
    const result: ChunkResult = {
      ...done,
      results: bytes(done.results),
      schedules: bytes(done.schedules),
      errors: bytes(done.errors),
    };
    const handed = [result.results, result.schedules, result.errors] as Uint8Array[];
    parentPort?.postMessage({ id, result }, handed.map((b) => b.buffer as ArrayBuffer));
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
