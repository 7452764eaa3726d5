import { type MatchEvent, type MatchState, type Seat, SEATS, viewFor } from '@guandan/engine';
import {
  antiTributeNotify,
  backNotify,
  beginningNotify,
  episodeOverNotify,
  type NotifyMessage,
  playNotify,
  tributeNotify,
} from './messages.js';
import { passTuple, playToTuple } from './tuples.js';

/** A notify message and who receives it. */
export interface Outgoing {
  to: Seat | 'all';
  message: NotifyMessage;
}

/**
 * The notify messages for one engine transition, in event order. `before` is the state the action was applied to
 * (null for the start of a match); `after` the state it led to. The end of a match (gameOver, gameResult) is the
 * host's to announce: it alone knows how many matches are played.
 */
export function notificationsFor(before: MatchState | null, after: MatchState, events: readonly MatchEvent[]): Outgoing[] {
  const out: Outgoing[] = [];
  const all = (message: NotifyMessage): void => {
    out.push({ to: 'all', message });
  };
  let tributeShown = false;
  for (const event of events) {
    switch (event.kind) {
      case 'dealStarted':
        for (const seat of SEATS) out.push({ to: seat, message: beginningNotify(viewFor(after, seat).hand, seat) });
        break;
      case 'antiTribute':
        all(antiTributeNotify(event.seats));
        break;
      case 'tributePaid':
        // A double tribute pays both cards in one transition: one message lists both.
        if (!tributeShown) all(tributeNotify(after.deal.tribute?.paid ?? [event.exchange]));
        tributeShown = true;
        break;
      case 'tributeReturned':
        // Announced once every return is made, with all of them.
        if (after.phase !== 'return') all(backNotify(after.deal.tribute?.returned ?? [event.exchange]));
        break;
      case 'played': {
        const tuple = playToTuple(event.play);
        all(playNotify(event.seat, tuple, event.seat, tuple));
        break;
      }
      case 'passed': {
        const trick = before?.deal.trick;
        if (trick === undefined || trick.lastPlay === null || trick.lastSeat === null) throw new Error('a pass without a standing play');
        all(playNotify(event.seat, passTuple(), trick.lastSeat, playToTuple(trick.lastPlay)));
        break;
      }
      case 'dealEnded':
        all(episodeOverNotify(event.result));
        break;
      default:
        break;
    }
  }
  return out;
}
