import type { Rules } from '@guandan/engine';
import type { DecisionTimer } from './decision-timer.js';
import { playArenaMatch } from './play-match.js';
import type { BotFactory, DuplicatePair, Lineup, TransitionObserver } from './types.js';

export interface DuplicatePairOptions {
  seed: string;
  lineup: Lineup;
  rules?: Partial<Rules>;
  timer?: DecisionTimer;
  createBot?: BotFactory;
  observe?: TransitionObserver;
}

/**
 * The duplicate format: one match seed played twice with the teams swapped, side A at seats 0 and 2 first, then at
 * seats 1 and 3. Luck of the cards then falls on both sides alike.
 *
 * Why the k-th deal of both matches has the same cards: the engine's RNG lives in the match state, is seeded from
 * the match seed alone, and is drawn from only when a deal starts (the shuffle, which always takes the same number
 * of draws, and in deal 1 the first leader) and, under `equalDoubleTribute: 'random'`, when a double tribute has
 * two equal cards. So with that option at its default ('next-player') both matches draw exactly the same numbers
 * deal after deal, and seat s holds the same 27 cards in deal k of both matches (the engine sorts a hand by the
 * deal's level, so only the order may differ after deal 1). In the first match those cards are side A's, in the
 * second side B's. With `equalDoubleTribute: 'random'`, the decks part from the first deal that draws for an equal
 * double tribute in one match and not in the other. Bots' own random choices come from their own seeds, never
 * from the match RNG. The test suite checks the dealt hands.
 */
export function playDuplicatePair(options: DuplicatePairOptions): DuplicatePair {
  const aAtEvenSeats = playArenaMatch({ ...options, aTeam: 0 });
  const aAtOddSeats = playArenaMatch({ ...options, aTeam: 1 });
  return { seed: options.seed, matches: [aAtEvenSeats, aAtOddSeats] };
}
