import { DEFAULT_RULES } from '@guandan/engine';
import type { GameMode, GameObservation, PerSeat } from '../../src/observations.js';
import { payRewards } from '../../src/simulation/economy.js';
import type { GameSpec, PlayStyle, SeatPlan, SeatRole, TimingModel } from '../../src/simulation/model.js';
import { playGame } from '../../src/simulation/play-game.js';
import { SIMULATED_RULES } from '../../src/simulation/run.js';

/** fast-check runs from a fixed seed so that every run of a test file checks the same cases. */
export const FC_SEED = 20260105;

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
export const START = Date.UTC(2026, 0, 5);

export const HUMAN_TIMING: TimingModel = { kind: 'human', medianMs: 2500, sigma: 0.6 };
export const PERSON: PlayStyle = { skill: 'normal', slipRate: 0.25 };

/** A person's seat: plays like `normal` with slips at a person's pace, unless told otherwise. */
export function person(accountId: string, options: { style?: PlayStyle; timing?: TimingModel; role?: SeatRole } = {}): SeatPlan {
  return { accountId, style: options.style ?? PERSON, timing: options.timing ?? HUMAN_TIMING, role: options.role ?? { kind: 'fair' } };
}

/** A game to play, one every 15 minutes from the start unless placed elsewhere. */
export function spec(n: number, seats: PerSeat<SeatPlan | null>, room: { mode?: GameMode; baseBet?: number; startedAt?: number } = {}): GameSpec {
  const gameId = `t-${String(n).padStart(4, '0')}`;
  return { gameId, seed: `test:${gameId}`, mode: room.mode ?? 'quick', baseBet: room.baseBet ?? 10, startedAt: room.startedAt ?? START + n * 15 * 60 * 1000, seats };
}

/** Plays games through the engine with the simulation's players, rewards paid. */
export function play(specs: readonly GameSpec[]): GameObservation[] {
  return payRewards(specs.map((game) => playGame(game, SIMULATED_RULES)));
}

/**
 * A game record that is never replayed, for the detectors that read only seats, times and results: its actions
 * are stand-ins, so it must not be given to a detector that replays games.
 */
export function record(gameId: string, seats: PerSeat<string | null>, fields: Partial<GameObservation> = {}): GameObservation {
  const actions = fields.actions ?? Array.from({ length: 150 }, () => ({ kind: 'pass' as const, seat: 0 as const }));
  return {
    gameId,
    mode: 'ranked',
    startedAt: START,
    endedAt: START + 10 * 60 * 1000,
    seats,
    seed: gameId,
    rules: DEFAULT_RULES,
    actions,
    decisionMs: actions.map(() => 2000),
    coinDelta: [0, 0, 0, 0],
    winningTeam: 0,
    ...fields,
  };
}
