import { sql, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { GameFacts } from './game-facts.js';

/**
 * The analytics store's writes, each in the transaction of the event it rolls up (`consumeOnce`), so an event counts
 * once or not at all. With analytics-queries.ts, the only code that touches the analytics tables.
 */
type Trx = Transaction<Database>;

/** The days after signing up whose activity retention counts. */
export const RETENTION_DAYS = [1, 7, 30] as const;
type RetentionColumn = 'active_day_1' | 'active_day_7' | 'active_day_30';
const retentionColumn = (after: (typeof RETENTION_DAYS)[number]): RetentionColumn => `active_day_${after}`;

const NEW_ACCOUNT = {
  signed_up_day: null,
  games: 0,
  first_game_day: null,
  tenth_game_day: null,
  wallet_day: null,
  first_reward_day: null,
  active_day_1: 0,
  active_day_7: 0,
  active_day_30: 0,
};

/** Adds one game to its day and mode. */
export async function addGame(trx: Trx, day: number, gameMode: string, facts: GameFacts): Promise<void> {
  const summed = (column: string) => sql<number>`${sql.ref(`analytics_game_days.${column}`)} + ${sql.ref(`excluded.${column}`)}`;
  await trx
    .insertInto('analytics_game_days')
    .values({
      day,
      game_mode: gameMode,
      games: facts.games,
      deals: facts.deals,
      human_seats: facts.humanSeats,
      bot_seats: facts.botSeats,
      quit_seats: facts.quitSeats,
      auto_play_seats: facts.autoPlaySeats,
      match_ms: facts.matchMs,
    })
    .onConflict((conflict) =>
      conflict.columns(['day', 'game_mode']).doUpdateSet({
        games: summed('games'),
        deals: summed('deals'),
        human_seats: summed('human_seats'),
        bot_seats: summed('bot_seats'),
        quit_seats: summed('quit_seats'),
        auto_play_seats: summed('auto_play_seats'),
        match_ms: summed('match_ms'),
      }),
    )
    .execute();
}

/** Marks a person active on a day; the day's count of active players goes up the first time only. */
export async function markActive(trx: Trx, day: number, userId: string): Promise<void> {
  const marked = await trx
    .insertInto('analytics_player_days')
    .values({ day, user_id: userId })
    .onConflict((conflict) => conflict.columns(['day', 'user_id']).doNothing())
    .executeTakeFirst();
  if (marked.numInsertedOrUpdatedRows === 0n) return;
  await trx
    .insertInto('analytics_days')
    .values({ day, active_players: 1 })
    .onConflict((conflict) => conflict.column('day').doUpdateSet({ active_players: sql<number>`analytics_days.active_players + 1` }))
    .execute();
}

/** Counts a game for an account: its first game, its tenth, and whether it came back 1, 7 or 30 days after signing up. */
export async function accountPlayed(trx: Trx, userId: string, day: number): Promise<void> {
  await trx
    .insertInto('analytics_accounts')
    .values({ ...NEW_ACCOUNT, user_id: userId, games: 1, first_game_day: day })
    .onConflict((conflict) =>
      conflict.column('user_id').doUpdateSet({
        games: sql<number>`analytics_accounts.games + 1`,
        first_game_day: sql<number>`coalesce(analytics_accounts.first_game_day, excluded.first_game_day)`,
      }),
    )
    .execute();
  const account = await trx.selectFrom('analytics_accounts').select(['games', 'tenth_game_day', 'signed_up_day']).where('user_id', '=', userId).executeTakeFirstOrThrow();
  const changes: { tenth_game_day?: number } & Partial<Record<RetentionColumn, number>> = {};
  if (account.games >= 10 && account.tenth_game_day === null) changes.tenth_game_day = day;
  for (const after of RETENTION_DAYS) if (account.signed_up_day !== null && day - account.signed_up_day === after) changes[retentionColumn(after)] = 1;
  if (Object.keys(changes).length > 0) await trx.updateTable('analytics_accounts').set(changes).where('user_id', '=', userId).execute();
}

/**
 * Sets an account's sign-up day. Its games are normally counted after this (the outbox publishes in order), but a
 * game published first is not lost: retention is looked up from the days it was active.
 */
export async function accountSignedUp(trx: Trx, userId: string, day: number): Promise<void> {
  await trx
    .insertInto('analytics_accounts')
    .values({ ...NEW_ACCOUNT, user_id: userId, signed_up_day: day })
    .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ signed_up_day: sql<number>`excluded.signed_up_day` }))
    .execute();
  const activeDays = await trx
    .selectFrom('analytics_player_days')
    .select('day')
    .where('user_id', '=', userId)
    .where(
      'day',
      'in',
      RETENTION_DAYS.map((after) => day + after),
    )
    .execute();
  const changes: Partial<Record<RetentionColumn, number>> = {};
  for (const after of RETENTION_DAYS) if (activeDays.some((row) => row.day === day + after)) changes[retentionColumn(after)] = 1;
  if (Object.keys(changes).length > 0) await trx.updateTable('analytics_accounts').set(changes).where('user_id', '=', userId).execute();
}

/** Records the first day an account reached a funnel step (a later report of the same step changes nothing). */
export async function accountReached(trx: Trx, userId: string, step: 'wallet_day' | 'first_reward_day', day: number): Promise<void> {
  await trx
    .insertInto('analytics_accounts')
    .values({ ...NEW_ACCOUNT, user_id: userId, [step]: day })
    .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ [step]: sql<number>`coalesce(${sql.ref(`analytics_accounts.${step}`)}, ${sql.ref(`excluded.${step}`)})` }))
    .execute();
}
