/** The fixed seed of CI runs; FUZZ_SEED=<integer> replays another run (each run prints the seed it used). */
const DEFAULT_SEED = 20_261_205;

export function fuzzSeed(): number {
  const raw = process.env.FUZZ_SEED;
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got ${raw}`);
  return seed;
}

/**
 * A seed of its own for each key (an operation, a phase), so adding a route or a phase does not change what the
 * others generate under the same run seed (FNV-1a over the key, mixed with the run seed).
 */
export function seedFor(runSeed: number, key: string): number {
  let hash = 0x811c9dc5 ^ (runSeed | 0);
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/** How to replay a failing run, printed with the seed. */
export function replayHint(file: string, seed: number): string {
  return `fuzz seed ${seed}: replay with FUZZ_SEED=${seed} node --import tsx --test test/security/${file}`;
}
