import { type Action, type Rules, teamOf } from '@guandan/engine';
import type { GameRecord } from '@guandan/protocol';
import type { Db } from '../platform/db/database.js';
import type { GameRecordsTable } from '../platform/db/schema.js';
import { transactionOf, type UnitOfWork } from '../platform/db/unit-of-work.js';
import { enqueueEvent } from '../platform/outbox.js';
import { type FinishedGame, GAME_ENDED, type GameEnded, humanSeats } from './finished-game.js';

/**
 * Writes a finished game inside the caller's transaction (the one that writes the table's final snapshot): its
 * record, one participant row per person, and the `GameEnded` outbox row, all keyed by the game id. Either all of
 * it commits with the game's end or none of it does; a second call for the same game writes nothing.
 * After the commit, kick the outbox relay so the consumers run at once instead of at the next sweep.
 */
export async function recordFinishedGame(work: UnitOfWork, game: FinishedGame): Promise<void> {
  const trx = transactionOf(work);
  await trx
    .insertInto('game_records')
    .values({
      id: game.gameId,
      room_id: game.roomId,
      game_mode: game.gameMode,
      record: JSON.stringify(toGameRecord(game)),
      seed: game.seed,
      rules: JSON.stringify(game.rules),
      actions: JSON.stringify(game.actions),
      ended_at: game.endedAt,
    })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
  const participants = humanSeats(game).map((seat) => ({
    game_id: game.gameId,
    user_id: seat.userId,
    seat: seat.seat,
    team: teamOf(seat.seat),
    won: game.winningTeam === teamOf(seat.seat) ? 1 : 0,
    ended_at: game.endedAt,
  }));
  if (participants.length > 0) {
    await trx
      .insertInto('game_participants')
      .values(participants)
      .onConflict((conflict) => conflict.columns(['game_id', 'user_id']).doNothing())
      .execute();
  }
  await enqueueEvent(work, { id: game.gameId, kind: GAME_ENDED, payload: gameEnded(game) });
}

function gameEnded({ seed: _seed, rules: _rules, actions: _actions, ...event }: FinishedGame): GameEnded {
  return event;
}

export function toGameRecord(game: FinishedGame): GameRecord {
  return {
    game_id: game.gameId,
    room_id: game.roomId,
    game_mode: game.gameMode,
    players: game.seats.map((seat) => ({
      seat: seat.seat,
      user_id: seat.userId,
      username: seat.username,
      is_bot: seat.userId === null,
      team: teamOf(seat.seat),
    })),
    winning_team: game.winningTeam,
    deals: game.deals.map((deal) => ({
      number: deal.number,
      level: deal.level,
      order: deal.order,
      winning_team: deal.team,
      rise: deal.rise,
      levels: deal.levels,
    })),
    started_at: game.startedAt,
    ended_at: game.endedAt,
    duration_ms: Date.parse(game.endedAt) - Date.parse(game.startedAt),
    ...(game.endedEarly === undefined ? {} : { ended_early: { reason: game.endedEarly.reason } }),
  };
}

export type StoredGame = Pick<GameRecordsTable, 'record' | 'seed' | 'rules' | 'actions'>;

export async function findStoredGame(db: Db, gameId: string): Promise<StoredGame | undefined> {
  return db.selectFrom('game_records').select(['record', 'seed', 'rules', 'actions']).where('id', '=', gameId).executeTakeFirst();
}

/** A user's finished games, newest first. */
export async function recordsOfUser(db: Db, userId: string, page: number, limit: number): Promise<GameRecord[]> {
  const rows = await db
    .selectFrom('game_participants')
    .innerJoin('game_records', 'game_records.id', 'game_participants.game_id')
    .select('game_records.record')
    .where('game_participants.user_id', '=', userId)
    .orderBy('game_participants.ended_at', 'desc')
    .orderBy('game_participants.game_id', 'desc')
    .offset((page - 1) * limit)
    .limit(limit)
    .execute();
  return rows.map((row) => parseRecord(row.record));
}

/** A finished game with everything a replay needs: what the anti-cheat's detectors read. */
export interface ReplayableGame {
  gameId: string;
  gameMode: GameRecord['game_mode'];
  /** The person at each seat, by seat; null for a bot. */
  seats: (string | null)[];
  seed: string;
  rules: Rules;
  actions: Action[];
  startedAt: string;
  endedAt: string;
  winningTeam: 0 | 1 | null;
}

/** The games that ended at or after `since`, the newest `limit` of them, oldest first. */
export async function gamesEndedSince(db: Db, since: string, limit: number): Promise<ReplayableGame[]> {
  const rows = await db
    .selectFrom('game_records')
    .select(['id', 'record', 'seed', 'rules', 'actions', 'ended_at'])
    .where('ended_at', '>=', since)
    .orderBy('ended_at', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().map((row) => {
    const record = parseRecord(row.record);
    const seats: (string | null)[] = [null, null, null, null];
    for (const player of record.players) seats[player.seat] = player.user_id;
    return {
      gameId: row.id,
      gameMode: record.game_mode,
      seats,
      seed: row.seed,
      rules: JSON.parse(row.rules) as Rules,
      actions: JSON.parse(row.actions) as Action[],
      startedAt: record.started_at,
      endedAt: row.ended_at,
      winningTeam: record.winning_team as 0 | 1 | null,
    };
  });
}

/** How many finished games the user played. */
export async function recordCountOfUser(db: Db, userId: string): Promise<number> {
  const row = await db.selectFrom('game_participants').select((eb) => eb.fn.countAll<number | string>().as('total')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return Number(row.total);
}

export function parseRecord(json: string): GameRecord {
  return JSON.parse(json) as GameRecord;
}

/** What the tables domain calls when a game ends. */
export interface RecordsService {
  recordFinishedGame(work: UnitOfWork, game: FinishedGame): Promise<void>;
  /** Call after the commit: publishes the `GameEnded` event now rather than at the relay's next sweep. */
  kick(): Promise<void>;
}
