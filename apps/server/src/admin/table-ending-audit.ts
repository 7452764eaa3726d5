import type { EventBus } from '../platform/bus.js';
import type { Db } from '../platform/db/database.js';
import { unitOfWork } from '../platform/db/unit-of-work.js';
import { consumeOnce } from '../platform/outbox.js';
import { GAME_ENDED, type GameEnded } from '../records/index.js';
import type { AuditLog } from './audit-log.js';

export const TABLE_ENDING_AUDIT_CONSUMER = 'audit-table-endings';

/**
 * An operator's ending of a table is audited from the game's `GameEnded` event, which the tables domain writes in
 * the same transaction as the ending: one entry per ending, never an ending without its entry.
 */
export function auditTableEndings(db: Db, bus: EventBus, audit: AuditLog): void {
  consumeOnce<GameEnded>(db, bus, GAME_ENDED, TABLE_ENDING_AUDIT_CONSUMER, async (trx, game) => {
    if (game.endedEarly === undefined) return;
    const { reason, operator } = game.endedEarly;
    await audit.record(unitOfWork(trx), {
      at: game.endedAt,
      actor: operator,
      action: 'table.end',
      targetType: 'table',
      targetId: game.gameId,
      reason,
      before: { status: 'playing', deal_in_play: game.deals.length + 1 },
      after: { status: 'ended', deals_completed: game.deals.length, levels: game.deals.at(-1)?.levels ?? null },
    });
  });
}
