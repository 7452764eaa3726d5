import { parentPort, workerData } from 'node:worker_threads';
import type { GameSpec } from './model.js';
import { playPlannedGames } from './run.js';

// A worker thread of the simulation command: plays its share of the games and hands them back.
parentPort?.postMessage(playPlannedGames(workerData as GameSpec[]));
