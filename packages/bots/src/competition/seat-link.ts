import type { Seat } from '@guandan/engine';
import { WebSocket } from 'ws';
import type { ActMessage, ServerMessage } from './messages.js';
import { type AskOutcome, parseReply } from './reply.js';
import type { SeatPort } from './match-runner.js';
import { rawText } from './wire.js';

/**
 * One seat's WebSocket at the host. It asks one `act` at a time: the first message that arrives while an act is
 * open is its reply; a message when none is open (for example a reply after its act timed out) is dropped. The
 * protocol has no request ids, so a reply late enough to arrive after the next act was sent answers that act.
 */
export class SeatLink implements SeatPort {
  private pending: { resolve: (outcome: AskOutcome) => void; range: number; timer: NodeJS.Timeout } | null = null;
  private readonly closed: Promise<void>;
  private open = true;
  /** Messages received while no act was open. */
  strays = 0;

  constructor(
    readonly seat: Seat,
    readonly name: string,
    private readonly socket: WebSocket,
    private readonly actTimeoutMs: number,
    onDisconnect: () => void = () => {},
  ) {
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('message', (data) => this.receive(rawText(data)));
    socket.on('close', () => {
      this.open = false;
      this.settle({ index: null, reason: 'disconnected' });
      onDisconnect();
    });
    socket.on('error', () => {
      // 'close' follows; the seat is then played by its default move.
    });
  }

  get connected(): boolean {
    return this.open && this.socket.readyState === WebSocket.OPEN;
  }

  send(message: ServerMessage): void {
    if (this.connected) this.socket.send(JSON.stringify(message));
  }

  ask(message: ActMessage): Promise<AskOutcome> {
    if (!this.connected) return Promise.resolve({ index: null, reason: 'disconnected' });
    this.settle({ index: null, reason: 'timeout' });
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle({ index: null, reason: 'timeout' }), this.actTimeoutMs);
      this.pending = { resolve, range: message.indexRange, timer };
      this.send(message);
    });
  }

  /** Closes the socket (code 1000), waiting a moment for the client's close frame before cutting it. */
  async close(reason = 'table closed', graceMs = 1000): Promise<void> {
    if (this.isClosed()) return;
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close(1000, reason);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([this.closed, grace]);
    clearTimeout(timer);
    if (!this.isClosed()) this.socket.terminate();
  }

  private isClosed(): boolean {
    return this.socket.readyState === WebSocket.CLOSED;
  }

  private receive(text: string): void {
    if (this.pending === null) {
      this.strays++;
      return;
    }
    this.settle(parseReply(text, this.pending.range));
  }

  private settle(outcome: AskOutcome): void {
    const pending = this.pending;
    if (pending === null) return;
    this.pending = null;
    clearTimeout(pending.timer);
    pending.resolve(outcome);
  }
}
