import { type Card, legalActions, type MatchState, type Play, type Seat, viewFor } from '@guandan/engine';
import { type AnyServerMessage, type GameStatePayload, type LegalOptions, type ServerMessage, type ServerMessageType, type SeatAction, serverMessage, type ServerPayloads, stateDelta, tableMessageId, type TablePlayer } from '@guandan/protocol';
import type { TableSeat, TableSnapshot } from './snapshot.js';
import type { ActionEvent, TableEvent } from './table-reducer.js';

/** A table message; its id is stable, so a message sent again on resume is recognisably the same one. */
export function tableMessage<T extends ServerMessageType>(type: T, payload: ServerPayloads[T], seq: number, scope: string, now: number): ServerMessage<T> {
  return serverMessage(type, payload, { seq, messageId: tableMessageId(scope, seq, type), timestamp: now });
}

/**
 * A logged event as a person is sent it (the first time, or again on resume): the acting person's own action answers
 * their message id (`userId` null: as anyone else sees it). Null for events only the table's state shows (托管,
 * timeouts).
 */
export function eventMessage(event: TableEvent, gameId: string, userId: string | null, now: number): AnyServerMessage | null {
  switch (event.kind) {
    case 'PLAYER_ACTION':
      return actionMessage(event, gameId, userId, now);
    case 'CHAT_MESSAGE':
      return tableMessage('CHAT_MESSAGE', event.payload, event.seq, gameId, now);
    case 'PLAYER_LEFT':
      return tableMessage('PLAYER_LEFT', event.payload, event.seq, gameId, now);
    default:
      return null;
  }
}

/** The warning a person gets when their turn ran out: the second in a row put the seat on 托管. */
export function timeoutWarning(timeoutsInARow: number, seq: number, now: number): ServerMessage<'WARNING'> {
  const payload: ServerPayloads['WARNING'] =
    timeoutsInARow >= 2
      ? { code: 'AUTO_PLAY_ON', message: 'you ran out of time twice: the server plays for you until you act again' }
      : { code: 'TIMED_OUT', message: 'you ran out of time: the server played for you; once more in a row and it plays for you until you act' };
  return serverMessage('WARNING', payload, { seq, messageId: crypto.randomUUID(), timestamp: now });
}

export function gameEndedMessage(table: TableSnapshot, seq: number, now: number): ServerMessage<'GAME_ENDED'> {
  const state = table.state;
  return tableMessage(
    'GAME_ENDED',
    {
      roomId: table.roomId,
      gameId: table.gameId,
      winningTeam: state.winner,
      levels: state.levels,
      order: state.history.map((deal) => deal.order),
      ...(table.ended === undefined ? {} : { endedEarly: { reason: table.ended.reason } }),
    },
    seq,
    table.gameId,
    now,
  );
}

/** What a seat may do now: the engine's legal actions in wire form. */
export function legalOptionsFor(state: MatchState, seat: Seat): LegalOptions {
  const actions = legalActions(state, seat);
  const plays: Play[] = [];
  const cards: Card[] = [];
  let canPass = false;
  for (const action of actions) {
    if (action.kind === 'pass') canPass = true;
    else if (action.kind === 'play' && action.reading !== undefined) plays.push({ type: action.reading.type, rank: action.reading.rank, cards: action.cards });
    else if (action.kind === 'tribute' || action.kind === 'return') cards.push(action.card);
  }
  return { canPass, plays, cards };
}

export function tablePlayers(seats: readonly TableSeat[], isOnline: (userId: string) => boolean): TablePlayer[] {
  return seats.map((seat) => ({
    seat: seat.seat,
    userId: seat.userId,
    username: seat.username,
    isBot: seat.userId === null || seat.quit,
    connected: seat.userId === null ? true : isOnline(seat.userId),
    autoPlay: seat.autoPlay,
  }));
}

/** A seat's own view of the table: never another seat's hand. `players` is the same for every seat. */
export function viewPayloadFor(snapshot: TableSnapshot, seat: Seat, isOnline: (userId: string) => boolean, players = tablePlayers(snapshot.seats, isOnline)): GameStatePayload {
  const view = viewFor(snapshot.state, seat);
  return {
    roomId: snapshot.roomId,
    gameId: snapshot.gameId,
    view,
    legal: legalOptionsFor(snapshot.state, seat),
    players,
    deadline: view.actors.includes(seat) ? snapshot.deadline : null,
    nextDealAt: snapshot.breakUntil ?? null,
  };
}

/** A seat's whole view, as a message. */
export function stateUpdate(payload: GameStatePayload, seq: number, now: number): ServerMessage<'GAME_STATE_UPDATE'> {
  return tableMessage('GAME_STATE_UPDATE', payload, seq, `${payload.gameId}:${payload.view.seat}`, now);
}

/** A seat's view as what changed since the one it was sent at `base`, with the action that changed it if one did. */
export function stateChange(previous: GameStatePayload, base: number, next: GameStatePayload, seq: number, now: number, action?: SeatAction): ServerMessage<'GAME_STATE_DELTA'> {
  return tableMessage('GAME_STATE_DELTA', stateDelta(previous, next, base, action), seq, `${next.gameId}:${next.view.seat}`, now);
}

/** An action as this person is told of it (theirs answers their message). */
export function actionMessage(event: ActionEvent, gameId: string, userId: string | null, now: number): ServerMessage<'PLAYER_ACTION'> {
  return tableMessage('PLAYER_ACTION', answers(event, userId) ? { ...event.payload, inReplyTo: event.clientMsgId as string } : event.payload, event.seq, gameId, now);
}

/** An action as this person is told of it inside their view's change. */
export function seatAction(event: ActionEvent, userId: string): SeatAction {
  const { roomId: _room, ...action } = event.payload;
  return answers(event, userId) ? { ...action, inReplyTo: event.clientMsgId as string } : action;
}

function answers(event: ActionEvent, userId: string | null): boolean {
  return event.actorUserId === userId && event.clientMsgId !== null;
}
