import type { Seat } from '@guandan/engine';
import type { GameStatePayload } from '@guandan/protocol';
import type { Clock } from '../platform/clock.js';
import type { UserOutbound } from '../platform/user-outbound.js';
import type { LiveTable } from './live-table.js';
import { isOver, type TableSnapshot } from './snapshot.js';
import { actionMessage, eventMessage, gameEndedMessage, seatAction, stateChange, stateUpdate, tablePlayers, timeoutWarning, viewPayloadFor } from './table-messages.js';
import { type ActionEvent, seatedPeople, seatOf, type TableEvent } from './table-reducer.js';

/**
 * What a running table sends, and to whom: each event to the people it concerns, each seat its own view (whole, or
 * what changed since the last one it was sent), and the end of the game. Never another seat's hand.
 */
export class TableDelivery {
  constructor(
    private readonly outbound: UserOutbound,
    private readonly clock: Clock,
  ) {}

  /**
   * What committed events did: each event's message to those it concerns (people seated before it, so someone who
   * quit hears of it too; one serialisation for all but the actor answered), then each seat what changed in its view.
   * A single action travels inside each seat's change instead, so a seat gets one message per action.
   */
  events(live: LiveTable, before: TableSnapshot, events: TableEvent[]): void {
    const now = this.clock.now();
    // The game's last action has no view to go in.
    const lone = events.length === 1 && events[0].kind === 'PLAYER_ACTION' && !isOver(live.table) ? events[0] : undefined;
    const people = seatedPeople(before);
    for (const event of lone === undefined ? events : []) {
      if (event.kind === 'TIMED_OUT') {
        const seat = live.table.seats[event.payload.seat];
        if (seat.userId !== null) this.outbound.sendToUser(seat.userId, timeoutWarning(seat.timeouts, event.seq, now));
        continue;
      }
      const answered = event.clientMsgId === null ? null : event.actorUserId;
      const shared = eventMessage(event, live.gameId, null, now);
      if (shared === null) continue;
      this.outbound.sendToUsers(answered === null ? people : people.filter((userId) => userId !== answered), shared);
      if (answered !== null && people.includes(answered)) this.outbound.sendToUser(answered, eventMessage(event, live.gameId, answered, now) ?? shared);
    }
    if (events.some((event) => event.kind !== 'CHAT_MESSAGE')) this.views(live, 'changes', lone);
  }

  /** A logged event sent again to these people (a table opening after a restart or a failover), with its own id. */
  eventAgain(live: LiveTable, event: TableEvent, userIds: readonly string[]): void {
    for (const userId of userIds) {
      const message = eventMessage(event, live.gameId, userId, this.clock.now());
      if (message !== null) this.outbound.sendToUser(userId, message);
    }
  }

  /** A retried message: what its event first said to this person, then their current view. */
  answerAgain(live: LiveTable, userId: string, event: TableEvent | undefined): void {
    const now = this.clock.now();
    const message = event === undefined ? null : eventMessage(event, live.gameId, userId, now);
    if (message !== null) this.outbound.sendToUser(userId, message);
    const seat = seatOf(live.table, userId);
    this.outbound.sendToUser(userId, stateUpdate(this.currentView(live, seat.seat), live.version, now));
  }

  /**
   * Sends each seated person their view at the table's version: whole, or as what changed since the view they were
   * last sent (their client applies it; one that lacks that view asks for the whole with RESUME). The action that
   * made the change, if given, goes inside the change, or on its own before a whole view.
   */
  views(live: LiveTable, form: 'whole' | 'changes', action?: ActionEvent): void {
    if (isOver(live.table)) return;
    const now = this.clock.now();
    const players = tablePlayers(live.table.seats, this.outbound.isOnline);
    for (const seat of live.table.seats) {
      if (seat.userId === null || seat.quit) continue;
      const last = live.sentViews.get(seat.seat);
      const payload = viewPayloadFor(live.table, seat.seat, this.outbound.isOnline, players);
      live.sentViews.set(seat.seat, { seq: live.version, payload });
      if (form === 'changes' && last !== undefined && last.seq < live.version) {
        this.outbound.sendToUser(seat.userId, stateChange(last.payload, last.seq, payload, live.version, now, action && seatAction(action, seat.userId)));
        continue;
      }
      if (action !== undefined) this.outbound.sendToUser(seat.userId, actionMessage(action, live.gameId, seat.userId, now));
      this.outbound.sendToUser(seat.userId, stateUpdate(payload, live.version, now));
    }
  }

  /**
   * The view a seat was sent at the table's version (the same one, so that the next change applies to it wherever
   * the person reads it), or a new one if they have none at this version yet.
   */
  currentView(live: LiveTable, seat: Seat): GameStatePayload {
    const last = live.sentViews.get(seat);
    if (last !== undefined && last.seq === live.version) return last.payload;
    const payload = viewPayloadFor(live.table, seat, this.outbound.isOnline);
    live.sentViews.set(seat, { seq: live.version, payload });
    return payload;
  }

  gameEnded(live: LiveTable, userIds: readonly string[]): void {
    this.outbound.sendToUsers(userIds, gameEndedMessage(live.table, live.version, this.clock.now()));
  }
}
