import { ReportBodySchema, ReportReceiptSchema } from '@guandan/protocol';
import { route } from '../http/api.js';
import type { ModerationCases } from './moderation-cases.js';

/** A player reports another, from the table or a replay; it goes to the moderation queue with the game's chat. */
export function reportRoutes(cases: ModerationCases) {
  return [
    route({
      method: 'POST',
      path: '/reports',
      summary: 'Report a player (cheating, abuse, their name): a moderator looks at it with the game and its chat',
      tag: 'moderation',
      auth: true,
      body: ReportBodySchema,
      status: 201,
      response: ReportReceiptSchema,
      handler: async ({ user, body }) => {
        const filed = await cases.report(user.userId, { subjectId: body.user_id, category: body.category, note: body.note, gameId: body.game_id, position: body.position });
        return { case_id: filed.case_id, status: filed.status };
      },
    }),
  ];
}
