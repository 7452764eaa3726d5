import type { AnyServerMessage } from '@guandan/protocol';
import type { WebSocket } from 'ws';
import { TokenBucket } from './token-bucket.js';

/** One client's socket: its user, rate limit, liveness and the last table seq it was sent. */
export class Connection {
  readonly bucket: TokenBucket;
  alive = true;
  lastSeq = 0;
  /** Messages refused by the rate limit in a row; too many closes the socket. */
  strikes = 0;

  constructor(
    readonly socket: WebSocket,
    readonly userId: string,
    readonly id: string,
    limits: { perSecond: number; burst: number },
  ) {
    this.bucket = new TokenBucket(limits.perSecond, limits.burst);
  }

  send(message: AnyServerMessage): void {
    this.sendSerialized(message.seq, JSON.stringify(message));
  }

  sendSerialized(seq: number, serialized: string): void {
    if (seq > this.lastSeq) this.lastSeq = seq;
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(serialized);
  }
}
