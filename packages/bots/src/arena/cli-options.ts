import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Rules } from '@guandan/engine';
import { BOT_LEVELS, type BotLevel } from '../bot.js';

export const ARENA_USAGE = `usage: npm run arena -w packages/bots -- --a LEVEL --b LEVEL [--matches N] [--seed S] [--rules FILE]
  --a, --b     bot levels of side A and side B: ${BOT_LEVELS.join(', ')}
  --matches    matches in all, even (each seed is played twice, teams swapped); default 200
  --seed       seed of the run; default 1
  --rules      JSON file of rule options (a partial Rules), relative to the directory npm was started in`;

export interface ArenaCliOptions {
  a: BotLevel;
  b: BotLevel;
  matches: number;
  seed: string;
  rules: Partial<Rules>;
  help: boolean;
}

/** Reads the command line; throws an Error with a readable message on bad input. */
export function parseArenaArgs(args: readonly string[], workingDirectory: string): ArenaCliOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      a: { type: 'string' },
      b: { type: 'string' },
      matches: { type: 'string', default: '200' },
      seed: { type: 'string', default: '1' },
      rules: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return { a: 'random', b: 'random', matches: 0, seed: '', rules: {}, help: true };
  return {
    a: botLevel('--a', values.a),
    b: botLevel('--b', values.b),
    matches: evenCount(values.matches),
    seed: values.seed,
    rules: values.rules === undefined ? {} : readRules(resolve(workingDirectory, values.rules)),
    help: false,
  };
}

function botLevel(flag: string, value: string | undefined): BotLevel {
  if (value === undefined) throw new Error(`${flag} is required`);
  if (!(BOT_LEVELS as readonly string[]).includes(value)) throw new Error(`${flag} must be one of ${BOT_LEVELS.join(', ')}, not ${value}`);
  return value as BotLevel;
}

function evenCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 2 || count % 2 !== 0) {
    throw new Error(`--matches must be an even number of at least 2 (each seed is played twice), not ${value}`);
  }
  return count;
}

function readRules(path: string): Partial<Rules> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read rules from ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${path} must hold a JSON object of rule options`);
  // The engine checks every option and value when the matches start.
  return parsed as Partial<Rules>;
}
