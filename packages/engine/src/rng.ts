/**
 * The seeded random source of a match: sfc32, whose whole state is four 32-bit words kept in the match state, so
 * a saved state continues exactly where it stopped.
 */
export type RngState = [number, number, number, number];

/** Spreads any seed (number or text) over the four words with FNV-1a and splitmix32. */
export function seedRng(seed: string | number): RngState {
  let hash = 0x811c9dc5;
  for (const char of String(seed)) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    hash = (hash + 0x9e3779b9) | 0;
    let z = hash;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    words.push((z ^ (z >>> 16)) >>> 0);
  }
  const state = words as RngState;
  for (let i = 0; i < 12; i++) nextUint32(state);
  return state;
}

/** Advances the state in place and returns the next 32-bit value. */
export function nextUint32(state: RngState): number {
  let [a, b, c, d] = state;
  const t = (((a + b) | 0) + d) | 0;
  d = (d + 1) | 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  c = (c + t) | 0;
  state[0] = a >>> 0;
  state[1] = b >>> 0;
  state[2] = c >>> 0;
  state[3] = d >>> 0;
  return t >>> 0;
}

/** A uniform integer in [0, bound). */
export function nextInt(state: RngState, bound: number): number {
  return Math.floor((nextUint32(state) / 0x1_0000_0000) * bound);
}

/** Shuffles in place (Fisher–Yates). */
export function shuffle<T>(state: RngState, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = nextInt(state, i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
