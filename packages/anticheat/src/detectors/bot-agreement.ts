import { type BotLevel, createBot } from '@guandan/bots';
import { type Action, legalActions, nextUint32, seedRng, viewFor } from '@guandan/engine';
import type { GameObservation } from '../observations.js';
import { decisionPoints } from '../replay.js';

/** How often an account's own choices matched the reference bot's, on a sample of decisions with a real choice. */
export interface Agreement {
  sampled: number;
  agreed: number;
  /** Replay positions where the account and the bot chose differently (a few, for the evidence). */
  differences: { gameId: string; index: number }[];
}

const DIFFERENCES_KEPT = 5;

/** A fixed pseudo-random order of decisions, so the sample is the same on every run and unbiased by game order. */
function sampleOrder(gameId: string, index: number): number {
  return nextUint32(seedRng(`${gameId}:${index}`));
}

/** The rank letters of some cards: two plays of the same ranks and shape are the same choice whatever the suits. */
function rankKey(cards: readonly string[]): string {
  return cards.map((card) => (card === 'SB' || card === 'HR' ? card : card[1])).sort().join('');
}

export function sameDecision(mine: Action, theirs: Action): boolean {
  if (mine.kind === 'pass' || theirs.kind === 'pass') return mine.kind === theirs.kind;
  if (mine.kind !== 'play' || theirs.kind !== 'play') return false;
  if (mine.reading !== undefined && theirs.reading !== undefined) {
    if (mine.reading.type !== theirs.reading.type || mine.reading.rank !== theirs.reading.rank) return false;
  }
  return rankKey(mine.cards) === rankKey(theirs.cards);
}

interface Candidate {
  game: GameObservation;
  index: number;
  account: string;
  order: number;
}

/**
 * Compares up to `sampleSize` play-phase decisions of each account with what `level` would have done from the
 * seat's own view. Twice the sample is replayed, since some sampled decisions turn out to have had one choice only.
 */
export function botAgreement(games: readonly GameObservation[], level: BotLevel, sampleSize: number): Map<string, Agreement> {
  const byAccount = new Map<string, Candidate[]>();
  for (const game of games) {
    game.actions.forEach((action, index) => {
      if ((action.kind !== 'play' && action.kind !== 'pass') || game.decisionMs[index] === null) return;
      const account = game.seats[action.seat];
      if (account === null) return;
      const own = byAccount.get(account) ?? [];
      own.push({ game, index, account, order: sampleOrder(game.gameId, index) });
      byAccount.set(account, own);
    });
  }
  const chosen = new Map<GameObservation, Map<number, Candidate>>();
  for (const candidates of byAccount.values()) {
    candidates.sort((a, b) => a.order - b.order);
    for (const candidate of candidates.slice(0, 2 * sampleSize)) {
      const inGame = chosen.get(candidate.game) ?? new Map<number, Candidate>();
      inGame.set(candidate.index, candidate);
      chosen.set(candidate.game, inGame);
    }
  }

  const bot = createBot(level, { seed: 'anticheat-reference' });
  const judged: { candidate: Candidate; agreed: boolean }[] = [];
  for (const [game, inGame] of chosen) {
    const last = Math.max(...inGame.keys());
    for (const { index, action, before } of decisionPoints(game)) {
      if (index > last) break;
      const candidate = inGame.get(index);
      if (candidate === undefined || action.kind === 'timeUp') continue;
      if (legalActions(before, action.seat).length < 2) continue;
      judged.push({ candidate, agreed: sameDecision(action, bot.decide(viewFor(before, action.seat))) });
    }
  }

  const results = new Map<string, Agreement>();
  judged.sort((a, b) => a.candidate.order - b.candidate.order);
  for (const { candidate, agreed } of judged) {
    const result = results.get(candidate.account) ?? { sampled: 0, agreed: 0, differences: [] };
    if (result.sampled >= sampleSize) continue;
    result.sampled++;
    if (agreed) result.agreed++;
    else if (result.differences.length < DIFFERENCES_KEPT) result.differences.push({ gameId: candidate.game.gameId, index: candidate.index });
    results.set(candidate.account, result);
  }
  return results;
}
