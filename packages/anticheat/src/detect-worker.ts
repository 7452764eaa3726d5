import { parentPort, workerData } from 'node:worker_threads';
import type { DetectorOptions } from './detectors/detector.js';
import type { AccountFacts, GameObservation } from './observations.js';
import { runDetectors } from './run-detectors.js';

const { games, accounts, options } = workerData as { games: GameObservation[]; accounts: AccountFacts[]; options: DetectorOptions };
parentPort?.postMessage(runDetectors(games, accounts, options));
