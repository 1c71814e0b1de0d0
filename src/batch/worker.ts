/** A worker thread of a batch run: works on the chunks of rows it is sent, one at a time (see pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { processChunk } from './chunk.js';
import { chunkSettings, type WorkerSetup } from './pool.js';
import type { InputRecord } from './read.js';

const settings = chunkSettings(workerData as WorkerSetup);

parentPort?.on('message', async ({ id, records }: { id: number; records: InputRecord[] }) => {
  try {
    parentPort?.postMessage({ id, result: processChunk(records, await settings) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
