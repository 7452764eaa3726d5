import { type Action, applyAction, type Seat } from '@guandan/engine';
import { type ChatPayload, type PlayerActionPayload, ProtocolError, type ServerPayloads } from '@guandan/protocol';
import { isOver, type TableSeat, type TableSnapshot } from './snapshot.js';
import { actionOf, type TableCommand, type TableEnding } from './table-commands.js';
import { deadlineFor } from './turn-timing.js';

/**
 * Everything that changes a table, as it is written to the table's log. The table's state is the fold of its events
 * over the state it was dealt with, so a snapshot plus the events after it rebuilds the table exactly; `at` is when
 * the event happened (deadlines and the pause between deals are counted from it).
 */
export type NewTableEvent =
  | { kind: 'PLAYER_ACTION'; payload: PlayerActionPayload; action: Action; actorUserId: string | null; clientMsgId: string | null; at: number }
  /** A person's turn ran out: it counts towards 托管 (the server's move for them is the next event). */
  | { kind: 'TIMED_OUT'; payload: { seat: Seat }; action: null; actorUserId: null; clientMsgId: null; at: number }
  | { kind: 'AUTO_PLAY'; payload: { seat: Seat; on: boolean }; action: null; actorUserId: string; clientMsgId: null; at: number }
  | { kind: 'PLAYER_LEFT'; payload: ServerPayloads['PLAYER_LEFT']; action: null; actorUserId: string; clientMsgId: null; at: number }
  | { kind: 'CHAT_MESSAGE'; payload: ChatPayload; action: null; actorUserId: string; clientMsgId: string; at: number }
  /** An operator ended the table before its match was over; the actor is the operator. */
  | { kind: 'TABLE_ENDED'; payload: { reason: string; operatorName: string }; action: null; actorUserId: string; clientMsgId: null; at: number };

export type TableEvent = NewTableEvent & { seq: number };

export type ActionEvent = TableEvent & { kind: 'PLAYER_ACTION' };

/** The server's own move for a seat: a bot's, 托管's, or a person's whose time ran out (`timedOut`). */
export interface ServerMove {
  op: 'serverAct';
  seat: Seat;
  action: Action;
  timedOut: boolean;
}

/** What the table is configured with, beyond its own state. */
export interface TableSettings {
  /** The pause after a deal ends before the next one's first turn (ms). */
  dealBreakMs: number;
}

/**
 * What a command does to a table: the events it causes, or a refusal (the engine's or the platform's error) that
 * changes nothing. Turning 托管 to what it already is causes nothing.
 */
export function decide(table: TableSnapshot, command: TableCommand | ServerMove | TableEnding, now: number): NewTableEvent[] {
  if (command.op === 'end') {
    if (isOver(table)) throw new ProtocolError('CONFLICT', 'this game is already over');
    const payload = { reason: command.reason, operatorName: command.operator.name };
    return [{ kind: 'TABLE_ENDED', payload, action: null, actorUserId: command.operator.userId, clientMsgId: null, at: now }];
  }
  if (command.op === 'serverAct') {
    const { seat, action, timedOut } = command;
    const timeout: NewTableEvent[] = timedOut ? [{ kind: 'TIMED_OUT', payload: { seat }, action: null, actorUserId: null, clientMsgId: null, at: now }] : [];
    return [...timeout, actionEvent(table, action, true, null, now)];
  }
  const seat = seatOf(table, command.userId);
  switch (command.op) {
    case 'act':
      return [actionEvent(table, actionOf(command.move, seat.seat), false, { userId: command.userId, clientMsgId: command.clientMsgId }, now)];
    case 'autoPlay':
      if (seat.autoPlay === command.on) return [];
      return [{ kind: 'AUTO_PLAY', payload: { seat: seat.seat, on: command.on }, action: null, actorUserId: command.userId, clientMsgId: null, at: now }];
    case 'chat': {
      const payload: ChatPayload = { roomId: table.roomId, seat: seat.seat, username: seat.username, ...command.content };
      return [{ kind: 'CHAT_MESSAGE', payload, action: null, actorUserId: command.userId, clientMsgId: command.clientMsgId, at: now }];
    }
    case 'quit': {
      const payload = { roomId: table.roomId, seat: seat.seat, userId: command.userId, replacedBy: table.replacementLevel };
      return [{ kind: 'PLAYER_LEFT', payload, action: null, actorUserId: command.userId, clientMsgId: null, at: now }];
    }
  }
}

function actionEvent(table: TableSnapshot, action: Action, auto: boolean, actor: { userId: string; clientMsgId: string } | null, now: number): NewTableEvent {
  const { events } = applyAction(table.state, action);
  const payload: PlayerActionPayload = { roomId: table.roomId, seat: ('seat' in action ? action.seat : 0) as Seat, kind: action.kind, auto, events };
  return { kind: 'PLAYER_ACTION', payload, action, actorUserId: actor?.userId ?? null, clientMsgId: actor?.clientMsgId ?? null, at: now };
}

/** The table after one event. Pure: the same table and event always give the same result. */
export function evolve(table: TableSnapshot, event: NewTableEvent, settings: TableSettings): TableSnapshot {
  switch (event.kind) {
    case 'PLAYER_ACTION': {
      const { state, events } = applyAction(table.state, event.action);
      const actingSeat = 'seat' in event.action ? event.action.seat : null;
      // A person who acts themselves takes their seat back from 托管 and starts a fresh count of timeouts.
      const seats = event.payload.auto ? table.seats : changeSeat(table.seats, actingSeat, { autoPlay: false, timeouts: 0 });
      // A deal that ended (and not the match) pauses the table: everyone sees how it went before the next one starts.
      const dealEnded = state.phase !== 'over' && events.some((engineEvent) => engineEvent.kind === 'dealEnded');
      const breakUntil = dealEnded && settings.dealBreakMs > 0 ? event.at + settings.dealBreakMs : null;
      const next: TableSnapshot = { ...table, state, seats, breakUntil };
      return { ...next, deadline: deadlineFor(next, event.at, table) };
    }
    case 'TIMED_OUT': {
      const timeouts = table.seats[event.payload.seat].timeouts + 1;
      return { ...table, seats: changeSeat(table.seats, event.payload.seat, { timeouts, autoPlay: timeouts >= 2 }) };
    }
    case 'AUTO_PLAY':
      return withSeats(table, changeSeat(table.seats, event.payload.seat, { autoPlay: event.payload.on, timeouts: 0 }), event.at);
    case 'PLAYER_LEFT':
      return withSeats(table, changeSeat(table.seats, event.payload.seat, { quit: true, botLevel: table.replacementLevel, autoPlay: false }), event.at);
    case 'CHAT_MESSAGE':
      return table;
    case 'TABLE_ENDED':
      return {
        ...table,
        ended: { reason: event.payload.reason, operator: { userId: event.actorUserId, name: event.payload.operatorName } },
        deadline: null,
        breakUntil: null,
      };
  }
}

/** The table its snapshot and the events written after it lead to. */
export function recover(snapshot: TableSnapshot, events: readonly NewTableEvent[], settings: TableSettings): TableSnapshot {
  let table = snapshot;
  for (const event of events) table = evolve(table, event, settings);
  return table;
}

/** A snapshot at least this often (in events), besides the end of each deal: recovery replays at most this many. */
export const SNAPSHOT_EVERY = 64;

/** Whether the event ended a deal or the match: a good moment for a snapshot. */
function endsDeal(event: NewTableEvent): boolean {
  return event.kind === 'PLAYER_ACTION' && event.payload.events.some((engineEvent) => engineEvent.kind === 'dealEnded' || engineEvent.kind === 'matchEnded');
}

/** Whether the table, once these events bring it to `version`, is due a new snapshot (the last was at `snapshotSeq`). */
export function snapshotDue(events: readonly NewTableEvent[], version: number, snapshotSeq: number): boolean {
  return events.some(endsDeal) || version - snapshotSeq >= SNAPSHOT_EVERY;
}

/** The seat a person holds at the table; someone who quit holds none (a bot plays their cards now). */
export function seatOf(table: TableSnapshot, userId: string): TableSeat {
  const seat = table.seats.find((candidate) => candidate.userId === userId && !candidate.quit);
  if (seat === undefined) throw new ProtocolError('NOT_IN_GAME', 'you are not seated at this table');
  return seat;
}

/** The people still seated at a table (not bots, not those who quit). */
export function seatedPeople(table: TableSnapshot): string[] {
  return table.seats.flatMap((seat) => (seat.userId !== null && !seat.quit ? [seat.userId] : []));
}

function changeSeat(seats: TableSeat[], index: Seat | null, change: Partial<TableSeat>): TableSeat[] {
  return seats.map((seat) => (seat.seat === index ? { ...seat, ...change } : seat));
}

function withSeats(table: TableSnapshot, seats: TableSeat[], at: number): TableSnapshot {
  const next = { ...table, seats };
  return { ...next, deadline: deadlineFor(next, at) };
}
