import { type Rules, resolveRules } from '@guandan/engine';
import type { DetectorOptions } from '../detectors/detector.js';
import type { AccountFacts, GameObservation } from '../observations.js';
import { DETECTORS, runDetectors } from '../run-detectors.js';
import { DEFAULT_FLAG_THRESHOLD, type Signal } from '../signal.js';
import { type Confusion, confusion } from './confusion.js';
import { payRewards } from './economy.js';
import { accountFacts } from './facts.js';
import type { AccountKind, GameSpec } from './model.js';
import { type PlayedGame, playGame } from './play-game.js';
import { buildPopulation, type Population } from './population.js';
import { Random } from './random.js';
import { buildSchedule } from './schedule.js';

export interface SimulationOptions {
  honest: number;
  gamesPerAccount: number;
  /** Groups of each kind of cheater. */
  groups: number;
  seed: string;
  days: number;
  detectorOptions?: DetectorOptions;
}

export const DEFAULT_SIMULATION: Readonly<SimulationOptions> = { honest: 400, gamesPerAccount: 50, groups: 5, seed: '1', days: 14 };

/** Monday 5 January 2026, 00:00 UTC: the simulated fortnight's first day (any fixed date would do). */
const START = Date.UTC(2026, 0, 5);

/**
 * Two deals a game: enough decisions against each opponent for the detectors, at a fifth of a whole match's cost.
 * The second deal brings tribute and return into play.
 */
export const SIMULATED_RULES: Rules = resolveRules({ matchEnd: { kind: 'deals', deals: 2 } });

/** A run before its games are played: who is who, and the games to play. */
export interface SimulationPlan {
  options: SimulationOptions;
  population: Population;
  games: GameSpec[];
  facts: AccountFacts[];
}

export interface SimulationResult {
  plan: SimulationPlan;
  games: GameObservation[];
  signals: Signal[];
  confusion: Confusion;
}

export function planSimulation(options: SimulationOptions): SimulationPlan {
  const random = new Random(`anticheat-simulation:${options.seed}`);
  const population = buildPopulation({ honest: options.honest, groups: options.groups, start: START }, random);
  const schedule = buildSchedule(population, { start: START, days: options.days, gamesPerAccount: options.gamesPerAccount, seed: options.seed }, random);
  return { options, population, games: schedule.games, facts: accountFacts(population.accounts, schedule.signIns) };
}

export function playPlannedGames(games: readonly GameSpec[]): PlayedGame[] {
  return games.map((spec) => playGame(spec, SIMULATED_RULES));
}

/** What the detectors see of the played games, rewards paid; in game order whatever thread played what. */
export function observations(played: readonly PlayedGame[]): GameObservation[] {
  return payRewards([...played].sort((a, b) => a.observation.gameId.localeCompare(b.observation.gameId)));
}

/** Pays the rewards, runs every detector and scores them against the ground truth. */
export function judgeSimulation(plan: SimulationPlan, played: readonly PlayedGame[]): SimulationResult {
  const games = observations(played);
  const signals = runDetectors(games, plan.facts, plan.options.detectorOptions);
  const truth = new Map<string, AccountKind>(plan.population.accounts.map((account) => [account.id, account.kind]));
  return { plan, games, signals, confusion: confusion(signals, truth, Object.keys(DETECTORS), DEFAULT_FLAG_THRESHOLD) };
}

/** A whole run in this thread (the command line plays the games on worker threads instead). */
export function runSimulation(options: SimulationOptions): SimulationResult {
  const plan = planSimulation(options);
  return judgeSimulation(plan, playPlannedGames(plan.games));
}
