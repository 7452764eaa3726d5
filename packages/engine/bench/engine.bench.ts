/**
 * Engine benchmark: `npm run bench -w packages/engine`. Prints the figures recorded in docs/PERFORMANCE.md.
 * Every input comes from a fixed seed, so two runs measure the same work. It measures the compiled engine in
 * dist/, the code that production runs.
 */
import { cpus } from 'node:os';
import { fullDeck, legalMoves, nextInt, type Play, type PlayType, RANKS, seedRng, shuffle, classify } from '../dist/index.js';
import { emptyStats, selfPlayMatch } from '../dist/selfplay.js';

const random = seedRng('bench');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/** Nanoseconds per call of `work`, timed over `repeats` calls in a row. */
function timePerCall(work: () => unknown, repeats: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < repeats; i++) work();
  return Number(process.hrtime.bigint() - start) / repeats;
}

function randomHand(): { hand: string[]; level: string } {
  const deck = shuffle(random, fullDeck());
  return { hand: deck.slice(0, 27), level: RANKS[nextInt(random, RANKS.length)] };
}

const hands = Array.from({ length: 1000 }, randomHand);

function classifyBench(): void {
  // A fixed set of valid plays: up to 60 of each type, drawn from the lead moves of random hands.
  const byType = new Map<PlayType, { play: Play; level: string }[]>();
  for (const { hand, level } of hands) {
    for (const play of legalMoves(hand, level, null)) {
      const list = byType.get(play.type) ?? [];
      if (list.length < 60 && nextInt(random, 8) === 0) list.push({ play, level });
      byType.set(play.type, list);
    }
  }
  byType.set('JokerBomb', [{ play: { type: 'JokerBomb', rank: 'JOKER', cards: ['SB', 'SB', 'HR', 'HR'] }, level: '2' }]);
  const samples = [...byType.values()].flat();
  for (const { play, level } of samples) timePerCall(() => classify(play.cards, level), 200);
  const perPlay = samples.map(({ play, level }) => timePerCall(() => classify(play.cards, level), 2000));
  const types = [...byType].map(([type, list]) => `${type} ${list.length}`).join(', ');
  console.log(`classify: median ${(median(perPlay) / 1000).toFixed(3)} µs per play, p99 ${(percentile(perPlay, 0.99) / 1000).toFixed(3)} µs (${samples.length} plays: ${types})`);
}

function leadBench(): void {
  for (const { hand, level } of hands.slice(0, 200)) legalMoves(hand, level, null);
  const times = hands.map(({ hand, level }) => timePerCall(() => legalMoves(hand, level, null), 20));
  const counts = hands.map(({ hand, level }) => legalMoves(hand, level, null).length);
  const withWilds = hands
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.hand.includes(`H${entry.level}`))
    .map(({ index }) => times[index]);
  console.log(
    `legalMoves on lead (27 cards): median ${(median(times) / 1000).toFixed(2)} µs, p99 ${(percentile(times, 0.99) / 1000).toFixed(2)} µs; ` +
      `moves per hand median ${median(counts)}, mean ${(counts.reduce((a, b) => a + b, 0) / counts.length).toFixed(0)}, max ${Math.max(...counts)}; ` +
      `hands holding a wild (${withWilds.length}): median ${(median(withWilds) / 1000).toFixed(2)} µs`,
  );
}

function followBench(): void {
  const cases = hands.map(({ hand, level }, index) => {
    const other = hands[(index + 1) % hands.length].hand;
    const options = legalMoves(other, level, null);
    return { hand, level, over: options[nextInt(random, options.length)] };
  });
  for (const { hand, level, over } of cases.slice(0, 200)) legalMoves(hand, level, over);
  const times = cases.map(({ hand, level, over }) => timePerCall(() => legalMoves(hand, level, over), 50));
  const counts = cases.map(({ hand, level, over }) => legalMoves(hand, level, over).length);
  console.log(
    `legalMoves following a random play (27 cards): median ${(median(times) / 1000).toFixed(2)} µs, p99 ${(percentile(times, 0.99) / 1000).toFixed(2)} µs; moves median ${median(counts)}`,
  );
}

function selfPlayBench(): void {
  selfPlayMatch({ seed: 'warm-up' }, emptyStats());
  const stats = emptyStats();
  const start = process.hrtime.bigint();
  for (let match = 0; stats.deals < 5000; match++) selfPlayMatch({ seed: `bench/${match}` }, stats);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `random self-play: ${(stats.deals / seconds).toFixed(0)} deals/s on one core (${stats.deals} deals in ${stats.matches} matches, ${(stats.actions / stats.deals).toFixed(0)} actions per deal, errors ${stats.errors})`,
  );
}

console.log(`engine bench · node ${process.version} · ${cpus()[0]?.model ?? 'unknown cpu'} · ${new Date().toISOString().slice(0, 10)}`);
classifyBench();
leadBench();
followBench();
selfPlayBench();
