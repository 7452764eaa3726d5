import { type AnyServerMessage, TOO_MANY_CONNECTIONS } from '@guandan/protocol';
import type { WebSocket } from 'ws';

/** One client's socket: its user, liveness and the last table seq it was sent. */
export class Connection {
  alive = true;
  lastSeq = 0;
  /** Messages refused by the rate limit in a row; too many closes the socket. */
  strikes = 0;
  readonly openedAt = Date.now();

  constructor(
    readonly socket: WebSocket,
    readonly userId: string,
    readonly id: string,
  ) {}

  send(message: AnyServerMessage): void {
    this.sendSerialized(message.seq, JSON.stringify(message));
  }

  sendSerialized(seq: number, serialized: string): void {
    if (seq > this.lastSeq) this.lastSeq = seq;
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(serialized);
  }

  /** Closes the socket because the user opened too many; its messages still queued are dropped with it. */
  evict(): void {
    this.socket.close(TOO_MANY_CONNECTIONS.code, TOO_MANY_CONNECTIONS.reason);
  }
}
