import { type Action, actorsOf, applyAction, type Rules, startMatch, type Team, viewFor } from '@guandan/engine';
import type { GameObservation, PerSeat } from '../observations.js';
import type { GameSpec } from './model.js';
import { seatPlayer } from './seat-player.js';

/** Dealing, the deal's animations and the summary between deals. */
const DEAL_OVERHEAD_MS = 8000;

/** A simulated game: what the detectors will see (rewards are paid later, in order, under the daily cap) and its deals. */
export interface PlayedGame {
  observation: GameObservation;
  deals: { team: Team; rise: number }[];
}

/** Plays one game through the engine, every seat deciding from its own view. */
export function playGame(spec: GameSpec, rules: Rules): PlayedGame {
  const players = spec.seats.map((plan, seat) => seatPlayer(plan, `${spec.seed}:seat${seat}`));
  let state = startMatch({ seed: spec.seed, rules }).state;
  const actions: Action[] = [];
  const decisionMs: (number | null)[] = [];
  const deals: PlayedGame['deals'] = [];
  let elapsedMs = DEAL_OVERHEAD_MS;
  while (state.phase !== 'over') {
    const seat = actorsOf(state)[0];
    const decision = players[seat](viewFor(state, seat));
    const transition = applyAction(state, decision.action);
    actions.push(decision.action);
    decisionMs.push(decision.decisionMs);
    elapsedMs += decision.waitedMs;
    for (const event of transition.events) {
      if (event.kind !== 'dealEnded') continue;
      deals.push({ team: event.result.team, rise: event.result.rise });
      elapsedMs += DEAL_OVERHEAD_MS;
    }
    state = transition.state;
  }
  const seats = spec.seats.map((plan) => plan?.accountId ?? null) as PerSeat<string | null>;
  const coinDelta = seats.map((account, seat) => {
    if (account === null) return 0;
    return deals.reduce((sum, deal) => sum + (deal.team === seat % 2 ? 1 : -1) * spec.baseBet * deal.rise, 0);
  }) as PerSeat<number>;
  return {
    observation: {
      gameId: spec.gameId,
      mode: spec.mode,
      startedAt: spec.startedAt,
      endedAt: spec.startedAt + Math.round(elapsedMs),
      seats,
      seed: spec.seed,
      rules: state.rules,
      actions,
      decisionMs,
      coinDelta,
      winningTeam: state.winner,
    },
    deals,
  };
}
