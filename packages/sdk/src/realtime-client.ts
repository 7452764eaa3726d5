import {
  type AnyServerMessage,
  type ClientMessageType,
  type ClientPayload,
  readStateDelta,
  type ServerMessage,
  type ServerMessageType,
  SESSION_ENDED_CLOSE_CODE,
  type SessionEndReason,
  TOO_MANY_CONNECTIONS,
} from '@guandan/protocol';

/** The subset of the WebSocket API the client uses: the browser's WebSocket and the `ws` package both have it. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason?: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type SocketFactory = (url: string) => SocketLike;

export interface RealtimeClientOptions {
  /** ws(s)://host/v4/realtime */
  url: string;
  /** The current access token; asked again at every (re)connection, so a refreshed token is used. */
  token: () => string | null | Promise<string | null>;
  /** Opens a socket; the global WebSocket by default (pass one made with `ws` in Node 20). */
  socket?: SocketFactory;
  /** Reconnect after a drop, waiting from `minDelayMs` doubling up to `maxDelayMs`. */
  reconnect?: { minDelayMs: number; maxDelayMs: number } | false;
  /** A prefix for message ids, so that ids stay unique across clients of one user. */
  idPrefix?: string;
  /**
   * Told when the server closed this socket because the account opened one too many elsewhere (another tab or
   * device took its place). The client does not reconnect by itself then; `connect()` takes the place back.
   */
  onReplaced?: () => void;
  /**
   * Told when an operator ended the account's sessions (a ban, a suspension, a sign-out everywhere): the socket is
   * closed with SESSION_ENDED_CLOSE_CODE and the reason's error code. The client does not reconnect.
   */
  onSessionEnded?: (reason: SessionEndReason) => void;
}

type Listener<T extends ServerMessageType> = (message: ServerMessage<T>) => void;

/** Game actions whose answer names the message (`PLAYER_ACTION` or `ERROR` with `inReplyTo`): sent again until answered. */
const ACKNOWLEDGED: readonly ClientMessageType[] = ['PLAY_CARDS', 'PASS', 'TRIBUTE', 'RETURN_TRIBUTE'];

const OPEN = 1;

/** How many recent message ids are kept to drop repeats. */
const SEEN_KEPT = 1024;
/**
 * Table events that a RESUME or a table changing node may deliver twice, and that would show twice (a card flying
 * in again, a chat line again). Views and the end of a game are the state itself: a repeat of one changes nothing.
 */
const REPEATABLE_EVENTS = new Set<string>(['PLAYER_ACTION', 'CHAT_MESSAGE', 'PLAYER_LEFT']);
/** The server replays at most this many missed events on RESUME; a longer gap gets the current view only. */
const MAX_REPLAYED = 500;

/**
 * The realtime connection: typed sends and listeners, automatic reconnect with RESUME from the last seq seen, and
 * idempotent game actions (an unanswered action is sent again with the same id after a reconnect; the server
 * answers it without applying it twice). A table event received twice is passed on once, and a jump in the table's
 * seq asks for what was missed. A view sent as what changed (GAME_STATE_DELTA) is passed on as the full view it leads
 * to (GAME_STATE_UPDATE), so listeners only ever see full views.
 */
export class RealtimeClient {
  private socket: SocketLike | null = null;
  private readonly listeners = new Map<string, Set<(message: AnyServerMessage) => void>>();
  private readonly unanswered = new Map<string, string>();
  private readonly outbox: string[] = [];
  private counter = 0;
  private closedByUser = false;
  private delay: number;
  private connecting: Promise<void> | null = null;
  /** The table being played or the room waited in, for RESUME. */
  roomId: string | null = null;
  /** The highest table seq received. */
  lastSeq = 0;
  /** Ids of the table events received lately: an event sent again (a RESUME overlapping what arrived) is passed on once. */
  private readonly seen = new Set<string>();
  /** The seq a RESUME was last asked from after a gap, so that one gap asks once. */
  private resumedAfterGap: number | null = null;
  /** The last full view of the table received (or made from a delta): the next delta applies to it. */
  private lastState: ServerMessage<'GAME_STATE_UPDATE'> | null = null;

  constructor(private readonly options: RealtimeClientOptions) {
    this.delay = options.reconnect === false ? 0 : (options.reconnect?.minDelayMs ?? 250);
  }

  get connected(): boolean {
    return this.socket?.readyState === OPEN;
  }

  /** Opens the connection; resolves once it is open. */
  connect(): Promise<void> {
    this.closedByUser = false;
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  close(): void {
    this.closedByUser = true;
    this.socket?.close(1000, 'bye');
    this.socket = null;
  }

  /** Drops the socket as a network failure would (for tests and the app's "offline" handling); it reconnects. */
  drop(): void {
    this.socket?.close(4000, 'dropped');
  }

  /** Sends a message and returns its id; queued while disconnected. Game actions are retried until answered. */
  send<T extends ClientMessageType>(type: T, payload: ClientPayload<T>, id = this.nextId()): string {
    const text = JSON.stringify({ type, payload, timestamp: Date.now(), id });
    if (ACKNOWLEDGED.includes(type)) this.unanswered.set(id, text);
    if (this.connected) this.socket?.send(text);
    else if (!ACKNOWLEDGED.includes(type)) this.outbox.push(text);
    return id;
  }

  /** Sends exactly this text (for tests of malformed input). */
  sendRaw(text: string): void {
    this.socket?.send(text);
  }

  /** Listens to one message type, or to every message with '*'; returns the function that stops listening. */
  on(type: '*', listener: (message: AnyServerMessage) => void): () => void;
  on<T extends ServerMessageType>(type: T, listener: Listener<T>): () => void;
  on(type: string, listener: (message: never) => void): () => void {
    let set = this.listeners.get(type);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(type, set);
    }
    const untyped = listener as unknown as (message: AnyServerMessage) => void;
    set.add(untyped);
    return () => set.delete(untyped);
  }

  /** The next message of a type that passes `test`, or a rejection after `timeoutMs`. */
  next<T extends ServerMessageType>(type: T, test: (message: ServerMessage<T>) => boolean = () => true, timeoutMs = 10_000): Promise<ServerMessage<T>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no ${type} within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.on(type, (message) => {
        if (!test(message)) return;
        clearTimeout(timer);
        off();
        resolve(message);
      });
    });
  }

  private nextId(): string {
    this.counter++;
    return `${this.options.idPrefix ?? 'c'}-${Date.now().toString(36)}-${this.counter}`;
  }

  private async open(): Promise<void> {
    const token = await this.options.token();
    if (token === null) throw new Error('sign in before connecting');
    const url = `${this.options.url}?token=${encodeURIComponent(token)}`;
    const factory = this.options.socket ?? ((address: string) => new (globalThis as unknown as { WebSocket: new (url: string) => SocketLike }).WebSocket(address));
    const socket = factory(url);
    this.socket = socket;
    await new Promise<void>((resolve, reject) => {
      socket.onopen = () => resolve();
      socket.onerror = () => reject(new Error(`cannot connect to ${this.options.url}`));
      socket.onclose = (event) => reject(new Error(`connection closed (${event.code})`));
    });
    socket.onmessage = (event) => this.receive(String(event.data));
    socket.onclose = (event) => this.closed(socket, event.code, event.reason);
    socket.onerror = () => undefined;
    this.resetDelay();
    this.afterOpen();
  }

  /** After (re)connecting: catch up on the table, then send what waited and every unanswered game action again. */
  private afterOpen(): void {
    if (this.roomId !== null) this.send('RESUME', { roomId: this.roomId, lastSeq: this.lastSeq });
    for (const text of this.outbox.splice(0)) this.socket?.send(text);
    for (const text of this.unanswered.values()) this.socket?.send(text);
  }

  private receive(text: string): void {
    let message: AnyServerMessage;
    try {
      message = JSON.parse(text) as AnyServerMessage;
    } catch {
      return;
    }
    if (message.type !== 'GAME_STATE_DELTA') {
      this.deliver(message);
      return;
    }
    const last = this.lastState;
    // Without the view it was made against (lost messages, or a second device that joined later), the delta is no
    // use: the current view, and the action inside it, come with a RESUME.
    if (last === null || last.seq !== message.payload.base) {
      this.resumeOnce();
      return;
    }
    for (const read of readStateDelta(last, message)) this.deliver(read);
  }

  private deliver(message: AnyServerMessage): void {
    if (REPEATABLE_EVENTS.has(message.type)) {
      if (this.seen.has(message.messageId)) return;
      this.remember(message.messageId);
    }
    // Every change of a table reaches each seated player with the next seq: a jump means messages were lost (the
    // node running the table died while sending them). Ask for what was missed, as after a reconnect.
    const gap = message.seq - this.lastSeq;
    if (this.lastSeq > 0 && gap > 1 && gap <= MAX_REPLAYED) this.resumeOnce();
    if (message.seq > this.lastSeq) this.lastSeq = message.seq;
    this.track(message);
    for (const type of [message.type, '*']) for (const listener of this.listeners.get(type) ?? []) listener(message);
  }

  /** Asks for what was missed since the last seq received, once for each such seq. */
  private resumeOnce(): void {
    if (this.roomId === null || this.resumedAfterGap === this.lastSeq) return;
    this.resumedAfterGap = this.lastSeq;
    this.send('RESUME', { roomId: this.roomId, lastSeq: this.lastSeq });
  }

  private remember(messageId: string): void {
    this.seen.add(messageId);
    if (this.seen.size > SEEN_KEPT) this.seen.delete(this.seen.values().next().value as string);
  }

  private track(message: AnyServerMessage): void {
    switch (message.type) {
      case 'GAME_STATE_UPDATE':
        this.roomId = message.payload.roomId;
        this.lastState = message;
        break;
      case 'ROOM_UPDATE':
      case 'PLAYER_JOINED':
        this.roomId = message.payload.roomId;
        break;
      case 'PLAYER_ACTION':
        if (message.payload.inReplyTo !== undefined) this.unanswered.delete(message.payload.inReplyTo);
        break;
      case 'ERROR':
        if (message.payload.inReplyTo !== null) this.unanswered.delete(message.payload.inReplyTo);
        break;
      default:
        break;
    }
  }

  /** A new table: seq starts again (the server's seq is per table). */
  forgetTable(): void {
    this.roomId = null;
    this.lastSeq = 0;
    this.resumedAfterGap = null;
    this.lastState = null;
  }

  private closed(socket: SocketLike, code?: number, reason?: string): void {
    if (this.socket === socket) this.socket = null;
    if (code === SESSION_ENDED_CLOSE_CODE && !this.closedByUser) {
      this.closedByUser = true;
      this.options.onSessionEnded?.(sessionEndReason(reason));
      return;
    }
    if (code === TOO_MANY_CONNECTIONS.code && !this.closedByUser) {
      // Two clients of one account beyond the cap would otherwise keep closing each other.
      this.closedByUser = true;
      this.options.onReplaced?.();
      return;
    }
    if (this.closedByUser || this.options.reconnect === false) return;
    const wait = this.delay;
    this.delay = Math.min(this.delay * 2, this.options.reconnect?.maxDelayMs ?? 5000);
    setTimeout(() => {
      if (this.closedByUser || this.connected) return;
      this.connect().catch(() => this.closed(socket));
    }, wait);
  }

  private resetDelay(): void {
    this.delay = this.options.reconnect === false ? 0 : (this.options.reconnect?.minDelayMs ?? 250);
  }
}

const SESSION_END_REASONS: readonly SessionEndReason[] = ['ACCOUNT_BANNED', 'ACCOUNT_SUSPENDED', 'SIGNED_OUT'];

function sessionEndReason(reason: string | undefined): SessionEndReason {
  return SESSION_END_REASONS.find((known) => known === reason) ?? 'SIGNED_OUT';
}
