// One time slice of a dataset, written on a worker thread (see writeDatasetInParallel).
import { parentPort, workerData } from 'node:worker_threads';
import { Simulator, type SimulatorOptions } from '../simulator.ts';
import { writeDataset, type DatasetOptions } from './write-dataset.ts';

const { simulator, slice } = workerData as { simulator: SimulatorOptions; slice: DatasetOptions };
const summary = await writeDataset(new Simulator(simulator), { ...slice, enrichment: false });
parentPort!.postMessage(summary);
