import { Worker } from 'node:worker_threads';
import { Simulator, type SimulatorOptions } from '../simulator.ts';
import { ALB_INTERVAL_MS } from './alb-object-key.ts';
import { writeEnrichment, type DatasetOptions, type DatasetSummary } from './write-dataset.ts';

// The simulator makes many short-lived objects; a young generation this
// size keeps them from being promoted and collected twice.
const YOUNG_GENERATION_MB = 96;

/**
 * Writes a dataset with a pool of worker threads, each taking the next
 * 5-minute slice of the window (ALB's interval, so every file belongs to one
 * slice) until none is left: the workers stay busy to the end, whatever the
 * window's length. The files come out byte for byte as writeDataset writes
 * them, whatever the number of workers.
 *
 * @example
 * await writeDatasetInParallel({ estate: { seed: 7 }, genesis }, { outDir, from, to }, availableParallelism());
 */
export async function writeDatasetInParallel(simulator: SimulatorOptions, dataset: Omit<DatasetOptions, 'onProgress'>, workers: number): Promise<DatasetSummary> {
  const slices = sliceWindow(dataset.from, dataset.to).map(([from, to]): DatasetOptions => ({ ...dataset, from, to }));
  const total: DatasetSummary = { requests: 0, segments: 0, logs: 0, albFiles: 0, records: 0 };
  const count = Math.min(slices.length, Math.max(1, Math.floor(workers)));
  let next = 0;
  const pool: Worker[] = [];
  const finished = Array.from(
    { length: count },
    (_, index) =>
      new Promise<void>((resolve, reject) => {
        // Worker threads run without the parent's flags: the worker loads its TypeScript itself.
        const worker = new Worker(new URL('./dataset-worker.mjs', import.meta.url), { workerData: { simulator }, execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
        pool.push(worker);
        const sendNext = () => worker.postMessage(next < slices.length ? slices[next++] : null);
        worker.on('message', (summary: DatasetSummary) => {
          add(total, summary);
          sendNext();
        });
        worker.once('error', reject);
        worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`dataset worker ${index} exited with ${code}`))));
        sendNext();
      }),
  );
  try {
    await Promise.all(finished);
  } catch (error) {
    await Promise.all(pool.map((worker) => worker.terminate()));
    throw error;
  }
  if (dataset.enrichment !== false) writeEnrichment(new Simulator(simulator), dataset.outDir, dataset.to);
  return total;
}

function add(total: DatasetSummary, summary: DatasetSummary): void {
  total.requests += summary.requests;
  total.segments += summary.segments;
  total.logs += summary.logs;
  total.albFiles += summary.albFiles;
  total.records += summary.records;
}

/** [from, to) cut on ALB interval boundaries. */
function sliceWindow(from: number, to: number): [number, number][] {
  const slices: [number, number][] = [];
  for (let start = from; start < to; start = Math.floor(start / ALB_INTERVAL_MS) * ALB_INTERVAL_MS + ALB_INTERVAL_MS) {
    slices.push([start, Math.min(to, Math.floor(start / ALB_INTERVAL_MS) * ALB_INTERVAL_MS + ALB_INTERVAL_MS)]);
  }
  return slices;
}
