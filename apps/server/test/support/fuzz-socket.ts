import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import type { Frame } from './fuzz-frames.js';

/**
 * A bare WebSocket to /v4/realtime (no SDK: it would refuse to send what the fuzz sends) that records every text
 * message it receives and how it closed.
 */
export class FuzzSocket {
  readonly received: string[] = [];
  /** Ids of the frames this socket sent, as the server echoes them (cut to 64 characters). */
  readonly sentIds = new Set<string>();
  closed: { code: number; reason: string } | null = null;
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data, isBinary) => {
      this.received.push(isBinary ? `<binary ${(data as Buffer).length} bytes>` : data.toString());
      for (const waiter of this.waiters) waiter();
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      for (const waiter of this.waiters) waiter();
    });
  }

  static open(url: string, token: string): Promise<FuzzSocket> {
    const socket = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new FuzzSocket(socket)));
      socket.once('error', reject);
    });
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(frame: Frame): void {
    if (typeof frame === 'string') {
      const id = (() => {
        try {
          return (JSON.parse(frame) as { id?: unknown } | null)?.id;
        } catch {
          return undefined;
        }
      })();
      if (typeof id === 'string') this.sentIds.add(id.slice(0, 64));
    }
    this.socket.send(frame, { binary: Buffer.isBuffer(frame) });
  }

  /**
   * Sends a message that is always refused (RESUME of a room that does not exist) and waits for its ERROR: the
   * server handles a socket's messages in order, so everything sent before has been answered by then.
   */
  async barrier(timeoutMs = 10_000): Promise<void> {
    const id = `barrier-${randomUUID()}`;
    const from = this.received.length;
    this.send(JSON.stringify({ type: 'RESUME', payload: { roomId: randomUUID(), lastSeq: 0 }, timestamp: Date.now(), id }));
    const answered = (): boolean => this.received.slice(from).some((text) => text.includes(`"inReplyTo":"${id}"`));
    await new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (answered()) done(resolve);
        else if (this.closed !== null) done(() => reject(new Error(`the socket closed (${this.closed?.code} ${this.closed?.reason}) before the barrier was answered`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`no answer to the barrier within ${timeoutMs} ms`))), timeoutMs);
      const done = (then: () => void): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
        then();
      };
      this.waiters.add(check);
      check();
    });
  }

  close(): void {
    this.socket.close(1000, 'done');
  }
}
