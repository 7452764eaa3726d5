import { Worker } from 'node:worker_threads';
import type { DetectorOptions } from './detectors/detector.js';
import type { AccountFacts, GameObservation } from './observations.js';
import type { Signal } from './signal.js';

/**
 * `runDetectors` on a thread of its own: replaying thousands of games takes seconds, which a server must not spend on
 * the thread that runs its tables.
 */
export function runDetectorsInWorker(games: readonly GameObservation[], accounts: readonly AccountFacts[], options: DetectorOptions = {}): Promise<Signal[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./detect-worker.js', import.meta.url), { workerData: { games, accounts, options } });
    worker.once('message', (signals: Signal[]) => resolve(signals));
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`the detectors' worker stopped with code ${code}`))));
  });
}
