import { type Card, legalActions, type MatchState, type Play, type Seat, viewFor } from '@guandan/engine';
import type { LegalOptions, ServerMessage, ServerMessageType, ServerPayloads, TablePlayer } from '@guandan/protocol';
import type { TableSeat, TableSnapshot } from './snapshot.js';

/** A table message; its id is stable, so a message sent again on resume is recognisably the same one. */
export function tableMessage<T extends ServerMessageType>(type: T, payload: ServerPayloads[T], seq: number, idSuffix: string): ServerMessage<T> {
  return { type, payload, timestamp: Date.now(), messageId: `${idSuffix}:${seq}:${type}`, seq };
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

/** A seat's own view of the table: never another seat's hand. */
export function stateUpdateFor(snapshot: TableSnapshot, seat: Seat, seq: number, isOnline: (userId: string) => boolean): ServerMessage<'GAME_STATE_UPDATE'> {
  const view = viewFor(snapshot.state, seat);
  return tableMessage(
    'GAME_STATE_UPDATE',
    {
      roomId: snapshot.roomId,
      gameId: snapshot.gameId,
      view,
      legal: legalOptionsFor(snapshot.state, seat),
      players: tablePlayers(snapshot.seats, isOnline),
      deadline: view.actors.includes(seat) ? snapshot.deadline : null,
      nextDealAt: snapshot.breakUntil ?? null,
    },
    seq,
    `${snapshot.gameId}:${seat}`,
  );
}
