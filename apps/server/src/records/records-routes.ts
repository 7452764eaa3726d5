import { GameRecordSchema, PageQuerySchema, ProtocolError, ReplaySchema, UuidSchema } from '@guandan/protocol';
import { z } from 'zod';
import { route } from '../http/api.js';
import type { Db } from '../platform/db/database.js';
import { findStoredGame, parseRecord, recordsOfUser, type StoredGame } from './record-store.js';
import { buildReplay } from './replay.js';

const GameParamsSchema = z.object({ gameId: UuidSchema });

/**
 * Finished games. Any signed-in user may read any game's record and replay, not only its players: a finished game
 * hides nothing any more, and shared replays are how games are discussed.
 */
export function recordsRoutes(db: Db) {
  const stored = async (gameId: string): Promise<StoredGame> => {
    const game = await findStoredGame(db, gameId);
    if (game === undefined) throw new ProtocolError('NOT_FOUND', `no finished game ${gameId}`);
    return game;
  };
  return [
    route({
      method: 'GET',
      path: '/game/records',
      summary: "The caller's finished games, newest first",
      tag: 'records',
      auth: true,
      query: PageQuerySchema,
      response: z.array(GameRecordSchema),
      handler: async ({ user, query }) => recordsOfUser(db, user.userId, query.page, query.limit),
    }),
    route({
      method: 'GET',
      path: '/game/records/:gameId',
      summary: 'A finished game: players, deals and result',
      tag: 'records',
      auth: true,
      params: GameParamsSchema,
      response: GameRecordSchema,
      handler: async ({ params }) => parseRecord((await stored(params.gameId)).record),
    }),
    route({
      method: 'GET',
      path: '/game/records/:gameId/replay',
      summary: 'A finished game action by action, with every hand as dealt',
      tag: 'records',
      auth: true,
      params: GameParamsSchema,
      response: ReplaySchema,
      handler: async ({ params }) => buildReplay(await stored(params.gameId)),
    }),
  ];
}
