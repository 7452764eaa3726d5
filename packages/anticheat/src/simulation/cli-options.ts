import { parseArgs } from 'node:util';
import { DEFAULT_SIMULATION, type SimulationOptions } from './run.js';

export const SIMULATE_USAGE = `usage: npm run simulate -w packages/anticheat -- [--honest N] [--games N] [--groups N] [--seed S] [--days N] [--workers N]
  --honest    honest accounts; default ${DEFAULT_SIMULATION.honest}
  --games     games each account plays; default ${DEFAULT_SIMULATION.gamesPerAccount}
  --groups    groups of each kind of cheater (pairs, rings, one person's accounts); default ${DEFAULT_SIMULATION.groups}
  --seed      seed of the run; default ${DEFAULT_SIMULATION.seed}
  --days      days the games are spread over; default ${DEFAULT_SIMULATION.days}
  --workers   threads that play the games; default 2`;

export interface SimulateCliOptions {
  simulation: SimulationOptions;
  workers: number;
  help: boolean;
}

function positiveInteger(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${flag} must be a positive integer, not ${value}`);
  return number;
}

/** Reads the command line; throws an Error with a readable message on bad input. */
export function parseSimulateArgs(args: readonly string[]): SimulateCliOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      honest: { type: 'string', default: String(DEFAULT_SIMULATION.honest) },
      games: { type: 'string', default: String(DEFAULT_SIMULATION.gamesPerAccount) },
      groups: { type: 'string', default: String(DEFAULT_SIMULATION.groups) },
      seed: { type: 'string', default: DEFAULT_SIMULATION.seed },
      days: { type: 'string', default: String(DEFAULT_SIMULATION.days) },
      workers: { type: 'string', default: '2' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const days = positiveInteger('--days', values.days);
  // Farmers play two whole days without stopping.
  if (days < 2) throw new Error('--days must be at least 2');
  return {
    simulation: {
      honest: positiveInteger('--honest', values.honest),
      gamesPerAccount: positiveInteger('--games', values.games),
      groups: positiveInteger('--groups', values.groups),
      seed: values.seed,
      days,
    },
    workers: positiveInteger('--workers', values.workers),
    help: values.help,
  };
}
