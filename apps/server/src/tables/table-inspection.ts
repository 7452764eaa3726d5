import { viewFor, type Seat } from '@guandan/engine';
import type { AdminTable, AdminTableSummary } from '@guandan/protocol';
import { isOver, type TableSnapshot } from './snapshot.js';

/**
 * A table with no event for this long is stuck: a turn lasts at most a few tens of seconds, and a seat that times out
 * is played for, so a running table writes events all the time.
 */
export const STUCK_AFTER_MS = 5 * 60_000;

/** Where a table's log stands, beside its state. */
export interface TableLogPosition {
  events: number;
  lastEventAt: string | null;
}

/** A running table as the operators' list shows it; `node` is the server running it, if any. */
export function tableSummary(table: TableSnapshot, log: TableLogPosition, node: string | null, now: number): AdminTableSummary {
  const { deal } = table.state;
  const lastActivity = log.lastEventAt ?? table.startedAt;
  return {
    game_id: table.gameId,
    room_id: table.roomId,
    game_mode: table.gameMode,
    base_bet: table.baseBet,
    started_at: table.startedAt,
    last_event_at: log.lastEventAt,
    events: log.events,
    deal: deal.number,
    deals_completed: table.state.history.length,
    levels: table.state.levels,
    node,
    stuck: !isOver(table) && now - Date.parse(lastActivity) > STUCK_AFTER_MS,
    status: table.ended !== undefined ? 'ended' : table.state.phase === 'over' ? 'over' : 'playing',
    ended_reason: table.ended?.reason ?? null,
    seats: table.seats.map((seat) => ({
      seat: seat.seat,
      user_id: seat.userId,
      username: seat.username,
      bot_level: seat.botLevel,
      auto_play: seat.autoPlay,
      quit: seat.quit,
      cards_left: deal.hands[seat.seat]?.length ?? 0,
    })),
  };
}

/** A table as only an operator sees it: every hand and every seat's view. Never sent to a player. */
export function tableInspection(table: TableSnapshot, log: TableLogPosition, node: string | null, now: number): AdminTable {
  const { deal } = table.state;
  return {
    ...tableSummary(table, log, node, now),
    phase: table.state.phase,
    turn: deal.turn,
    deadline: table.deadline === null ? null : new Date(table.deadline).toISOString(),
    hands: deal.hands.map((hand) => [...hand]),
    views: table.seats.map((seat) => viewFor(table.state, seat.seat as Seat)),
  };
}
