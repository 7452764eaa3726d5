import { legalActions } from './match/match.js';
import { legalMoves } from './moves.js';
import { isBomb } from './play.js';
import { actorsOf, applyAction } from './match/apply.js';
import { startMatch } from './match/match.js';
import type { Action, MatchEvent, MatchState } from './match/types.js';
import { nextInt, type RngState, seedRng } from './rng.js';
import type { Rules } from './rules.js';

/** Tallies over self-played matches. */
export interface SelfPlayStats {
  matches: number;
  deals: number;
  actions: number;
  singleTributes: number;
  doubleTributes: number;
  antiTributes: number;
  bombs: number;
  wins: [number, number];
  draws: number;
  errors: number;
  /** The first few error messages, for the report. */
  errorMessages: string[];
}

export function emptyStats(): SelfPlayStats {
  return {
    matches: 0,
    deals: 0,
    actions: 0,
    singleTributes: 0,
    doubleTributes: 0,
    antiTributes: 0,
    bombs: 0,
    wins: [0, 0],
    draws: 0,
    errors: 0,
    errorMessages: [],
  };
}

function count(stats: SelfPlayStats, event: MatchEvent): void {
  if (event.kind === 'dealEnded') stats.deals++;
  else if (event.kind === 'dealStarted') {
    if (event.tribute === 'single') stats.singleTributes++;
    else if (event.tribute === 'double') stats.doubleTributes++;
    else if (event.tribute === 'anti') stats.antiTributes++;
  } else if (event.kind === 'played') {
    if (isBomb(event.play.type)) stats.bombs++;
  } else if (event.kind === 'matchEnded') {
    stats.matches++;
    if (event.winner === null) stats.draws++;
    else stats.wins[event.winner]++;
  }
}

/**
 * A uniformly random legal action for the first seat that must act. Plays are drawn from `legalMoves` directly so
 * that only the chosen one becomes an action.
 */
export function randomAction(state: MatchState, random: RngState): Action {
  const seat = actorsOf(state)[0];
  if (state.phase !== 'play') {
    const choices = legalActions(state, seat);
    return choices[nextInt(random, choices.length)];
  }
  const over = state.deal.trick.lastPlay;
  const moves = legalMoves(state.deal.hands[seat], state.deal.level, over, state.rules);
  const choice = nextInt(random, moves.length + (over === null ? 0 : 1));
  if (choice === moves.length) return { kind: 'pass', seat };
  const { type, rank, cards } = moves[choice];
  return { kind: 'play', seat, cards, reading: { type, rank } };
}

function recordError(stats: SelfPlayStats, message: string): void {
  stats.errors++;
  if (stats.errorMessages.length < 10) stats.errorMessages.push(message);
}

export interface SelfPlayOptions {
  seed: string | number;
  rules?: Partial<Rules>;
  /** Stops a match after this many actions (a guard; a correct engine never reaches it). */
  maxActions?: number;
  onEvent?: (event: MatchEvent, state: MatchState) => void;
}

/**
 * Plays one full match between random legal players and adds it to `stats`. An engine error (a listed action
 * that the reducer refuses, or a match that does not end) counts as an error and ends the match.
 */
export function selfPlayMatch(options: SelfPlayOptions, stats: SelfPlayStats): MatchState {
  const random = seedRng(`players:${options.seed}`);
  const start = startMatch({ seed: options.seed, rules: options.rules });
  let state = start.state;
  const report = (events: MatchEvent[]): void => {
    for (const event of events) {
      count(stats, event);
      options.onEvent?.(event, state);
    }
  };
  report(start.events);
  const maxActions = options.maxActions ?? 200_000;
  while (state.phase !== 'over') {
    if (state.actionCount >= maxActions) {
      recordError(stats, `match ${String(options.seed)} did not end within ${maxActions} actions`);
      break;
    }
    try {
      const transition = applyAction(state, randomAction(state, random));
      state = transition.state;
      stats.actions++;
      report(transition.events);
    } catch (error) {
      recordError(stats, `match ${String(options.seed)}, action ${state.actionCount}: ${String(error)}`);
      break;
    }
  }
  return state;
}
