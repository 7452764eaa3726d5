import type { Seat } from '@guandan/engine';
import { DAY_MS, MINUTE_MS, type SignInBook, sessions, signInBefore, slotTimes } from './calendar.js';
import type { ScheduleOptions, SeatPlan, SimAccount } from './model.js';
import type { Population, Scheme } from './population.js';
import type { Random } from './random.js';
import { type Draft, fair, facingSeats, QUICK_BET, seatTable, withRole } from './tables.js';

/** The share of a cheating pair's games played together in its scheme; the rest are ordinary games. */
const SCHEME_SHARE = 0.6;
/** The share of a friend's games played in the group's custom rooms. */
const FRIENDS_SHARE = 0.3;
const FRIENDS_BET = 50;
/** Coin dumpers raise the stake: the point is to move coins. */
const DUMP_BET = 200;
/** Farmers run two days without stopping, a game every quarter hour or so at each of their tables. */
const FARM_DAYS = 2;
const FARM_GAMES_PER_DAY = 100;
/** And a few ordinary games, like anyone. */
const FARMER_ORDINARY_GAMES = 10;

/** Farmers: their ring of four at one table, round the clock for two days. */
function farmGames(members: readonly SimAccount[], options: ScheduleOptions, random: Random, book: SignInBook): Draft[] {
  const first = options.start + random.int(options.days - FARM_DAYS + 1) * DAY_MS + random.int(DAY_MS);
  const spacing = DAY_MS / FARM_GAMES_PER_DAY;
  for (let day = 0; day < FARM_DAYS; day++) for (const member of members) book.add(member.id, first + day * DAY_MS - MINUTE_MS);
  return Array.from({ length: FARM_DAYS * FARM_GAMES_PER_DAY }, (_, i) => ({
    startedAt: Math.round(first + i * spacing + random.int(MINUTE_MS)),
    mode: 'quick' as const,
    baseBet: QUICK_BET,
    seats: seatTable(members, random),
  }));
}

/**
 * A cheating pair's games together, at sittings they both sign in for: colluders soft-play each other at quick
 * match tables (two strangers with them), a coin dumper throws custom games with a high stake to its beneficiary
 * (bots as partners), win traders meet in ranked and take turns losing.
 */
function pairGames(scheme: Scheme, [a, b]: readonly SimAccount[], honest: readonly SimAccount[], options: ScheduleOptions, random: Random, book: SignInBook): Draft[] {
  const times: number[] = [];
  for (const session of sessions(a.peakHour, Math.round(SCHEME_SHARE * options.gamesPerAccount), random, options)) {
    for (const member of [a, b]) book.add(member.id, signInBefore(session.start, random, 5));
    times.push(...slotTimes(session, random));
  }
  const strangers = (): SeatPlan[] => random.shuffled(honest).slice(0, 2).map(fair);
  const soft = (account: SimAccount) => (accomplice: Seat): SeatPlan => withRole(account, { kind: 'soft-play', accomplice, blatancy: scheme.blatancy });
  const throwing = (account: SimAccount) => (): SeatPlan => withRole(account, { kind: 'throw' });
  const fairly = (account: SimAccount) => (): SeatPlan => fair(account);
  return times
    .sort((x, y) => x - y)
    .map((startedAt, meeting): Draft => {
      if (scheme.kind === 'colluder') return { startedAt, mode: 'quick', baseBet: QUICK_BET, seats: facingSeats(soft(a), soft(b), strangers(), random) };
      if (scheme.kind === 'coin-dumper') return { startedAt, mode: 'custom', baseBet: DUMP_BET, seats: facingSeats(throwing(a), fairly(b), [], random) };
      // Win traders take turns losing, in the order they meet.
      const [loser, winner] = meeting % 2 === 0 ? [a, b] : [b, a];
      return { startedAt, mode: 'ranked', baseBet: 0, seats: facingSeats(throwing(loser), fairly(winner), strangers(), random) };
    });
}

/** The games a scheme plays together (multi-accounters and scripted accounts have none: they play ordinary games). */
export function schemeGames(scheme: Scheme, population: Population, options: ScheduleOptions, random: Random, book: SignInBook): Draft[] {
  const members = scheme.members.map((id) => population.accounts.find((account) => account.id === id) as SimAccount);
  const honest = population.accounts.filter((account) => account.kind === 'honest');
  switch (scheme.kind) {
    case 'reward-farmer':
      return farmGames(members, options, random, book);
    case 'colluder':
    case 'coin-dumper':
    case 'win-trader':
      return pairGames(scheme, members, honest, options, random, book);
    default:
      return [];
  }
}

/** Friends sit down together for a few games at a time: custom rooms, random seats, a stake. */
export function friendGames(members: readonly SimAccount[], options: ScheduleOptions, random: Random, book: SignInBook): Draft[] {
  const drafts: Draft[] = [];
  for (const session of sessions(members[0].peakHour, Math.round(FRIENDS_SHARE * options.gamesPerAccount), random, options)) {
    for (const member of members) book.add(member.id, signInBefore(session.start, random, 5));
    for (const startedAt of slotTimes(session, random)) drafts.push({ startedAt, mode: 'custom', baseBet: FRIENDS_BET, seats: seatTable(members, random) });
  }
  return drafts;
}

/** Ordinary games an account plays outside its scheme or group of friends. */
export function ordinaryGames(account: SimAccount, options: ScheduleOptions, friends: ReadonlySet<string>): number {
  if (friends.has(account.id)) return options.gamesPerAccount - Math.round(FRIENDS_SHARE * options.gamesPerAccount);
  switch (account.kind) {
    case 'colluder':
    case 'coin-dumper':
    case 'win-trader':
      return options.gamesPerAccount - Math.round(SCHEME_SHARE * options.gamesPerAccount);
    case 'reward-farmer':
      return FARMER_ORDINARY_GAMES;
    default:
      return options.gamesPerAccount;
  }
}
