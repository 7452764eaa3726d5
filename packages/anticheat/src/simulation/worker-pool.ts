import { Worker } from 'node:worker_threads';
import type { GameSpec } from './model.js';
import type { PlayedGame } from './play-game.js';

/**
 * Plays the games on `workers` threads. Games are dealt round-robin so each thread gets a like mix of cheap and
 * costly games; every game is seeded by itself, so the result is the same for any number of threads.
 */
export async function playOnWorkers(games: readonly GameSpec[], workers: number): Promise<PlayedGame[]> {
  const shares = Array.from({ length: workers }, (_, worker) => games.filter((_, index) => index % workers === worker));
  const played = await Promise.all(
    shares.map(
      (share) =>
        new Promise<PlayedGame[]>((resolve, reject) => {
          const worker = new Worker(new URL('./play-worker.js', import.meta.url), { workerData: share });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`a simulation worker stopped with code ${code}`))));
        }),
    ),
  );
  return played.flat();
}
