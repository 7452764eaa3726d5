import { randomUUID } from 'node:crypto';
import { type BotLevel, createBot } from '@guandan/bots';
import { actorsOf, applyAction, type Action, type MatchState, type Seat, startMatch, viewFor } from '@guandan/engine';
import type { GameMode, Session } from '@guandan/protocol';
import { unitOfWork } from '../../src/platform/db/unit-of-work.js';
import type { FinishedGame, FinishedSeat } from '../../src/records/finished-game.js';
import type { TestServer } from './server.js';

/** A signed-in person, made through the real guest sign-up. */
export interface Player {
  userId: string;
  username: string;
  jwt: string;
}

export async function signUpGuest(t: TestServer, username: string): Promise<Player> {
  const response = await fetch(`${t.url}/v4/auth/guest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  if (response.status !== 200) throw new Error(`guest sign-up failed: ${response.status} ${await response.text()}`);
  const session = (await response.json()) as Session;
  return { userId: session.user.user_id, username: session.user.username, jwt: session.jwt };
}

export async function signUpGuests(t: TestServer, prefix: string, count: number): Promise<Player[]> {
  const players: Player[] = [];
  for (let index = 0; index < count; index++) players.push(await signUpGuest(t, `${prefix}${index}`));
  return players;
}

export interface GameOptions {
  seed: string;
  /** Seats 0..3: a person, or a bot of a level. */
  seats: (Player | BotLevel)[];
  deals?: number;
  gameMode?: GameMode;
  baseBet?: number;
  endedAt?: string;
}

/** A match really played to its end by normal bots, handed over as the tables domain would. */
export function playGame(options: GameOptions): FinishedGame {
  const rules = { matchEnd: { kind: 'deals' as const, deals: options.deals ?? 2 } };
  const bot = createBot('normal');
  const actions: Action[] = [];
  let state: MatchState = startMatch({ seed: options.seed, rules }).state;
  while (state.phase !== 'over') {
    const seat: Seat = actorsOf(state)[0];
    const action = bot.decide(viewFor(state, seat));
    actions.push(action);
    state = applyAction(state, action).state;
  }
  const endedAt = options.endedAt ?? new Date().toISOString();
  return {
    gameId: randomUUID(),
    roomId: randomUUID(),
    gameMode: options.gameMode ?? 'quick_match',
    baseBet: options.baseBet ?? 0,
    seats: options.seats.map((occupant, seat): FinishedSeat =>
      typeof occupant === 'string'
        ? { seat: seat as Seat, userId: null, username: `${occupant} bot`, botLevel: occupant }
        : { seat: seat as Seat, userId: occupant.userId, username: occupant.username, botLevel: null },
    ),
    winningTeam: state.winner,
    deals: state.history,
    seed: options.seed,
    rules: state.rules,
    actions,
    startedAt: new Date(Date.parse(endedAt) - 600_000).toISOString(),
    endedAt,
  };
}

/** The game of the first seed among `prefix-0`, `prefix-1`, ... that `wanted` accepts (e.g. a draw). */
export function findGame(prefix: string, base: Omit<GameOptions, 'seed'>, wanted: (game: FinishedGame) => boolean): FinishedGame {
  for (let index = 0; index < 200; index++) {
    const game = playGame({ ...base, seed: `${prefix}-${index}` });
    if (wanted(game)) return game;
  }
  throw new Error(`no seed ${prefix}-N gives the wanted game`);
}

/** Records a game as the tables domain will (in a transaction), then publishes its event at once. */
export async function recordGame(t: TestServer, game: FinishedGame): Promise<void> {
  await t.server.platform.db.transaction().execute((trx) => t.server.domains.records.recordFinishedGame(unitOfWork(trx), game));
  await t.server.domains.records.kick();
}

/** Redelivers a recorded game's `GameEnded` event, as a relay on another node or after a crash would. */
export async function redeliver(t: TestServer, game: FinishedGame): Promise<void> {
  const row = await t.server.platform.db.selectFrom('outbox').select(['kind', 'payload']).where('id', '=', game.gameId).executeTakeFirstOrThrow();
  await t.server.platform.bus.publish({ id: game.gameId, kind: row.kind, payload: JSON.parse(row.payload) });
}

export async function getJson<T>(t: TestServer, path: string, player?: Player): Promise<{ status: number; body: T }> {
  const response = await fetch(`${t.url}/v4${path}`, { headers: player === undefined ? {} : { authorization: `Bearer ${player.jwt}` } });
  return { status: response.status, body: (await response.json()) as T };
}
