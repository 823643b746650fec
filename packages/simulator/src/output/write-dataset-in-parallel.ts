import { Worker } from 'node:worker_threads';
import { Simulator, type SimulatorOptions } from '../simulator.ts';
import { ALB_INTERVAL_MS } from './alb-object-key.ts';
import { writeEnrichment, type DatasetOptions, type DatasetSummary } from './write-dataset.ts';

// The simulator makes many short-lived strings and objects; a young
// generation this size keeps them from being promoted and collected twice.
const YOUNG_GENERATION_MB = 96;

/**
 * Writes a dataset with one worker thread per time slice (slices cut on
 * 5-minute boundaries, as ALB objects are). The ALB objects come out byte
 * for byte as writeDataset writes them, and so do the X-Ray and CLEF files,
 * whatever the number of workers.
 *
 * @example
 * await writeDatasetInParallel({ estate: { seed: 7 }, genesis }, { outDir, from, to }, availableParallelism());
 */
export async function writeDatasetInParallel(simulator: SimulatorOptions, dataset: Omit<DatasetOptions, 'onProgress'>, workers: number): Promise<DatasetSummary> {
  const slices = sliceWindow(dataset.from, dataset.to, Math.max(1, Math.floor(workers)));
  const summaries = await Promise.all(
    slices.map(
      ([from, to], index) =>
        new Promise<DatasetSummary>((resolve, reject) => {
          const slice: DatasetOptions = { ...dataset, from, to };
          const worker = new Worker(new URL('./dataset-worker.mjs', import.meta.url), { workerData: { simulator, slice }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`dataset worker ${index} exited with ${code}`))));
        }),
    ),
  );
  if (dataset.enrichment !== false) writeEnrichment(new Simulator(simulator), dataset.outDir, dataset.to);
  const total: DatasetSummary = { requests: 0, segments: 0, logs: 0, albFiles: 0, records: 0 };
  for (const s of summaries) {
    total.requests += s.requests;
    total.segments += s.segments;
    total.logs += s.logs;
    total.albFiles += s.albFiles;
    total.records += s.records;
  }
  return total;
}

/** Contiguous slices of [from, to), cut on ALB interval boundaries when the window is long enough. */
function sliceWindow(from: number, to: number, count: number): [number, number][] {
  const step = Math.max(ALB_INTERVAL_MS, Math.ceil((to - from) / count / ALB_INTERVAL_MS) * ALB_INTERVAL_MS);
  const slices: [number, number][] = [];
  for (let start = from; start < to; start = Math.floor(start / ALB_INTERVAL_MS) * ALB_INTERVAL_MS + step) {
    slices.push([start, Math.min(to, Math.floor(start / ALB_INTERVAL_MS) * ALB_INTERVAL_MS + step)]);
  }
  return slices;
}
