import type { Socket } from 'node:net';
import { type AnyServerMessage, SESSION_ENDED_CLOSE_CODE, type SessionEndReason, TOO_MANY_CONNECTIONS } from '@guandan/protocol';
import type { WebSocket } from 'ws';

/** The TCP socket under a `ws` WebSocket (`ws` keeps it as `_socket`; absent before the upgrade and in fakes). */
function tcpOf(socket: WebSocket): Socket | undefined {
  return (socket as unknown as { _socket?: Socket })._socket;
}

/** One client's socket: its user, liveness and the last table seq it was sent. */
export class Connection {
  alive = true;
  lastSeq = 0;
  /** Messages refused by the rate limit in a row; too many closes the socket. */
  strikes = 0;
  private corked = false;
  readonly openedAt = Date.now();

  constructor(
    readonly socket: WebSocket,
    readonly userId: string,
    readonly id: string,
  ) {}

  send(message: AnyServerMessage): void {
    this.sendSerialized(message.seq, JSON.stringify(message));
  }

  /**
   * Sends a message. The messages sent to one socket in the same tick (an action and the view after it) leave in one
   * write: the TCP socket is corked until the tick ends.
   */
  sendSerialized(seq: number, serialized: string): void {
    if (seq > this.lastSeq) this.lastSeq = seq;
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (!this.corked) {
      const tcp = tcpOf(this.socket);
      if (tcp !== undefined) {
        this.corked = true;
        tcp.cork();
        process.nextTick(() => {
          this.corked = false;
          tcp.uncork();
        });
      }
    }
    this.socket.send(serialized);
  }

  /** Closes the socket because the user opened too many; its messages still queued are dropped with it. */
  evict(): void {
    this.socket.close(TOO_MANY_CONNECTIONS.code, TOO_MANY_CONNECTIONS.reason);
  }

  /** Closes the socket because an operator ended the user's sessions (a ban, a suspension, a sign-out). */
  endSession(reason: SessionEndReason): void {
    this.socket.close(SESSION_ENDED_CLOSE_CODE, reason);
  }
}
