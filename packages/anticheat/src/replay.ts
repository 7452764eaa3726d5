import { type Action, applyAction, type MatchState, startMatch } from '@guandan/engine';
import type { GameObservation } from './observations.js';

/** One action of a game with the match as it stood just before it: what the acting seat held and faced. */
export interface DecisionPoint {
  /** The action's replay position in `GameObservation.actions`. */
  index: number;
  action: Action;
  before: MatchState;
}

/**
 * Replays a game through the engine, yielding each action with the state it was taken in. A record the engine
 * refuses is not a game that was played: that is reported, not skipped, so a broken record is seen.
 */
export function* decisionPoints(game: GameObservation): Generator<DecisionPoint> {
  let state = startMatch({ seed: game.seed, rules: game.rules }).state;
  for (let index = 0; index < game.actions.length; index++) {
    const action = game.actions[index];
    yield { index, action, before: state };
    try {
      state = applyAction(state, action).state;
    } catch (error) {
      throw new Error(`game ${game.gameId} does not replay at action ${index}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
