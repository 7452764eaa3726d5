import type { Seat } from '@guandan/engine';
import type { AnyServerMessage } from '@guandan/protocol';

/**
 * Whether this seat has one timeout standing: the server played a turn for it, and one more run out in a row puts
 * it on 托管. The server counts and says so (WARNING TIMED_OUT); the count starts again once the player acts or
 * 托管 is switched, which the client sees as its own action answered or the seat shown on 托管.
 */
export interface TimeoutStrike {
  armed: boolean;
  /** When the server last warned of a first timeout (its message's timestamp), 0 before any. */
  warnedAt: number;
}

export const NO_STRIKE: TimeoutStrike = { armed: false, warnedAt: 0 };

export function strikeAfter(strike: TimeoutStrike, message: AnyServerMessage, mySeat: Seat | null): TimeoutStrike {
  switch (message.type) {
    case 'WARNING':
      if (message.payload.code === 'TIMED_OUT') return { armed: true, warnedAt: message.timestamp };
      return strike.armed ? { ...strike, armed: false } : strike;
    case 'PLAYER_ACTION':
      // Only the acting user's copy answers a message id: the player acted in time.
      return strike.armed && message.payload.inReplyTo !== undefined ? { ...strike, armed: false } : strike;
    case 'GAME_STATE_UPDATE': {
      const mine = message.payload.players.find((player) => player.seat === mySeat);
      return strike.armed && mine?.autoPlay === true ? { ...strike, armed: false } : strike;
    }
    default:
      return strike;
  }
}
