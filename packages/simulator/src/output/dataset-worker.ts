// A worker of writeDatasetInParallel: writes each time slice it is sent and
// answers with its summary; null means there is no more work.
import { parentPort, workerData } from 'node:worker_threads';
import { Simulator, type SimulatorOptions } from '../simulator.ts';
import { writeDataset, type DatasetOptions } from './write-dataset.ts';

const simulator = new Simulator((workerData as { simulator: SimulatorOptions }).simulator);
const port = parentPort!;
port.on('message', (slice: DatasetOptions | null) => {
  if (slice === null) {
    port.close();
    return;
  }
  // A failure is left unhandled: it ends the worker, and the pool reports it.
  void writeDataset(simulator, { ...slice, enrichment: false }).then((summary) => port.postMessage(summary));
});
