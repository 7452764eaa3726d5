import { EngineError } from './errors.js';

/** How a match ends: by winning at A (the default), after a fixed number of deals, or when the host calls time. */
export type MatchEnd = { kind: 'a-level' } | { kind: 'deals'; deals: number } | { kind: 'time' };

/** Seconds a seat has to act; the engine only carries them, the server enforces them. */
export interface Timers {
  tribute: number;
  return: number;
  firstLead: number;
  play: number;
}

/** The rule options of RULES.md ("Variants"). Every field has the competition default. */
export interface Rules {
  aWinRequires: 'first-and-second-or-third' | 'first-and-second';
  aMaxFailures: number | 'none';
  returnCap: 10 | 'any';
  equalDoubleTribute: 'next-player' | 'random';
  maxBombSize: 10 | 8;
  fullHouseJokerPair: boolean;
  matchEnd: MatchEnd;
  timers: Timers;
}

export const DEFAULT_RULES: Readonly<Rules> = Object.freeze({
  aWinRequires: 'first-and-second-or-third',
  aMaxFailures: 3,
  returnCap: 10,
  equalDoubleTribute: 'next-player',
  maxBombSize: 10,
  fullHouseJokerPair: true,
  matchEnd: Object.freeze({ kind: 'a-level' }) as MatchEnd,
  timers: Object.freeze({ tribute: 20, return: 40, firstLead: 40, play: 20 }),
});

function bad(message: string): never {
  throw new EngineError('BAD_RULES', message);
}

function oneOf<T>(name: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) bad(`${name} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`);
  return value as T;
}

function positiveInteger(name: string, value: unknown): number {
  if (!Number.isInteger(value) || (value as number) < 1) bad(`${name} must be a positive integer`);
  return value as number;
}

function matchEnd(value: unknown): MatchEnd {
  const kind = oneOf('matchEnd.kind', (value as { kind?: unknown })?.kind, ['a-level', 'deals', 'time'] as const);
  if (kind === 'deals') return { kind, deals: positiveInteger('matchEnd.deals', (value as { deals?: unknown }).deals) };
  return { kind };
}

function timers(value: unknown): Timers {
  if (typeof value !== 'object' || value === null) bad('timers must be an object');
  const given = value as Partial<Record<keyof Timers, unknown>>;
  const result = { ...DEFAULT_RULES.timers };
  for (const key of Object.keys(given)) {
    if (!(key in result)) bad(`unknown timer ${JSON.stringify(key)}`);
    result[key as keyof Timers] = positiveInteger(`timers.${key}`, given[key as keyof Timers]);
  }
  return result;
}

/** Fills in the defaults and checks every option; unknown options and bad values are BAD_RULES errors. */
export function resolveRules(options: Partial<Rules> = {}): Rules {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) bad('rules must be an object');
  const rules: Rules = { ...DEFAULT_RULES };
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    switch (key) {
      case 'aWinRequires':
        rules.aWinRequires = oneOf(key, value, ['first-and-second-or-third', 'first-and-second'] as const);
        break;
      case 'aMaxFailures':
        rules.aMaxFailures = value === 'none' ? 'none' : positiveInteger(key, value);
        break;
      case 'returnCap':
        rules.returnCap = oneOf(key, value, [10, 'any'] as const);
        break;
      case 'equalDoubleTribute':
        rules.equalDoubleTribute = oneOf(key, value, ['next-player', 'random'] as const);
        break;
      case 'maxBombSize':
        rules.maxBombSize = oneOf(key, value, [10, 8] as const);
        break;
      case 'fullHouseJokerPair':
        rules.fullHouseJokerPair = oneOf(key, value, [true, false] as const);
        break;
      case 'matchEnd':
        rules.matchEnd = matchEnd(value);
        break;
      case 'timers':
        rules.timers = timers(value);
        break;
      default:
        bad(`unknown rule option ${JSON.stringify(key)}`);
    }
  }
  return rules;
}

/** The two options that change what a set of cards is; the hot paths read only these. */
export interface CombinationRules {
  maxBombSize: number;
  fullHouseJokerPair: boolean;
}

export function combinationRules(rules: Partial<Rules> | undefined): CombinationRules {
  if (rules === undefined) return DEFAULT_RULES;
  if (typeof rules !== 'object' || rules === null) bad('rules must be an object');
  for (const key in rules) if (!(key in DEFAULT_RULES)) bad(`unknown rule option ${JSON.stringify(key)}`);
  const maxBombSize = rules.maxBombSize ?? DEFAULT_RULES.maxBombSize;
  const fullHouseJokerPair = rules.fullHouseJokerPair ?? DEFAULT_RULES.fullHouseJokerPair;
  if (maxBombSize !== 10 && maxBombSize !== 8) bad('maxBombSize must be one of 10, 8');
  if (typeof fullHouseJokerPair !== 'boolean') bad('fullHouseJokerPair must be one of true, false');
  return { maxBombSize, fullHouseJokerPair };
}
