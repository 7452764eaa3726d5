import { RealtimeClient, RestClient, type SocketLike } from '@guandan/sdk';
import WebSocket from 'ws';
import { playByHint } from './bot-client.js';
import type { LatencyRecorder } from './latency.js';
import type { LoadCounters } from './load-counters.js';

/** What every table of a run shares: where the server is, what is measured, and the end of the run. */
export interface LoadContext {
  baseUrl: string;
  wsUrl: string;
  latency: LatencyRecorder;
  /** From a client's guest sign-in to its realtime connection open, per client. */
  joins: LatencyRecorder;
  counters: LoadCounters;
  /**
   * A bot's mean pause before each action, drawn uniformly from half to one and a half times it so that tables do
   * not act in step; 0 acts at once, so a table goes as fast as the server answers.
   */
  thinkMs: number;
  /** Aborted when the run is over: no new game starts, and a game under way is left to the server. */
  end: AbortSignal;
  /** When set, every client sends a PING this often and its round trip is recorded in `pings`. */
  ping?: { everyMs: number; pings: LatencyRecorder };
}

interface BotPlayer {
  rest: RestClient;
  realtime: RealtimeClient;
  stopPinging: () => void;
}

const SEAT_COUNT = 4;

/**
 * Four guest clients playing one custom room after another (one deal each) until the run ends, so that the table
 * stays busy. A failed sign-in, connect or room call stops this table: it is counted as an error, and a run with
 * errors does not qualify anyway.
 */
export class LoadTable {
  private players: BotPlayer[] = [];
  private stopped = false;

  constructor(
    private readonly index: number,
    private readonly context: LoadContext,
  ) {}

  /** Whether all four clients signed in and connected, and no error stopped the table. */
  get playing(): boolean {
    return this.players.length === SEAT_COUNT && !this.stopped;
  }

  /** Clients with an open socket right now. */
  get socketsOpen(): number {
    return this.players.filter((player) => player.realtime.connected).length;
  }

  async run(): Promise<void> {
    const signedIn = await Promise.all(Array.from({ length: SEAT_COUNT }, (_, seat) => this.signIn(seat)));
    this.players = signedIn.filter((player): player is BotPlayer => player !== null);
    // A sign-in still under way when the run ended was missed by `close`.
    if (this.context.end.aborted) this.close();
    if (this.players.length < SEAT_COUNT || this.context.end.aborted) return;
    try {
      while (!this.context.end.aborted) await this.playOneGame();
    } catch (error) {
      this.stopped = true;
      this.context.counters.restFailed(error);
    }
  }

  close(): void {
    for (const player of this.players) {
      player.stopPinging();
      player.realtime.close();
    }
  }

  /** A guest account over REST and its realtime connection, measured from the first message on; null on failure. */
  private async signIn(seat: number): Promise<BotPlayer | null> {
    const { baseUrl, wsUrl, counters, latency, joins } = this.context;
    const joinId = `t${this.index}s${seat}`;
    joins.sent(joinId);
    const rest = new RestClient({ baseUrl });
    try {
      await rest.guest();
    } catch (error) {
      counters.restFailed(error);
      joins.refused(joinId);
      return null;
    }
    // The SDK reports a failed connect without its cause: keep the socket's own error to tell refused from reset.
    let socketError: Error | undefined;
    const realtime = new RealtimeClient({
      url: wsUrl,
      token: () => rest.accessToken,
      socket: (url) => {
        const socket = new WebSocket(url);
        socket.once('error', (error) => (socketError = error));
        socket.on('message', (data: Buffer) => (counters.bytesIn += data.length));
        const send = socket.send.bind(socket);
        socket.send = ((data: string) => {
          counters.bytesOut += Buffer.byteLength(data);
          send(data);
        }) as typeof socket.send;
        return socket as unknown as SocketLike;
      },
      reconnect: { minDelayMs: 250, maxDelayMs: 2000 },
      // Unique across the run, so one latency recorder can hold every client's pending ids.
      idPrefix: `t${this.index}s${seat}`,
    });
    realtime.on('PLAYER_ACTION', ({ payload }) => {
      if (payload.inReplyTo !== undefined) latency.answered(payload.inReplyTo);
      // Every seat sees every action: count the server's moves for people at one seat only.
      else if (seat === 0 && payload.auto) counters.serverPlayed++;
    });
    realtime.on('ERROR', ({ payload }) => {
      counters.errorMessage(payload.code, payload.message);
      if (payload.inReplyTo !== null) latency.refused(payload.inReplyTo);
    });
    try {
      await realtime.connect();
      joins.answered(joinId);
    } catch (error) {
      counters.connectFailed(socketError ?? error);
      joins.refused(joinId);
      realtime.close();
      return null;
    }
    return { rest, realtime, stopPinging: this.pingNowAndThen(realtime) };
  }

  /** PINGs at the set pace; a connection answers in order, so each PONG answers the oldest PING waiting. */
  private pingNowAndThen(realtime: RealtimeClient): () => void {
    const { ping } = this.context;
    if (ping === undefined) return () => undefined;
    const waiting: string[] = [];
    const stopListening = realtime.on('PONG', () => {
      const id = waiting.shift();
      if (id !== undefined) ping.pings.answered(id);
    });
    const timer = setInterval(() => {
      if (!realtime.connected) return;
      const id = realtime.send('PING', {});
      waiting.push(id);
      ping.pings.sent(id);
    }, ping.everyMs);
    return () => {
      clearInterval(timer);
      stopListening();
    };
  }

  /** One custom room of one deal: create, join by code, ready up, and play by the hint until GAME_ENDED. */
  private async playOneGame(): Promise<void> {
    const { latency, counters, end, thinkMs } = this.context;
    const gameOver = new AbortController();
    const stopWaiting = AbortSignal.any([end, gameOver.signal]);
    // Each table numbers its messages from 1: forget the last one, and listen before the deal can arrive.
    for (const player of this.players) player.realtime.forgetTable();
    const ended = Promise.all(this.players.map((player) => gameEnded(player.realtime, stopWaiting)));
    const pause = (): number => thinkMs * (0.5 + Math.random());
    const stops = this.players.map((player) => playByHint(player.realtime, (id) => latency.sent(id), pause));
    try {
      const [host, ...guests] = this.players;
      const room = await host.rest.createRoom('custom', { match_length: 1 });
      await Promise.all(guests.map((guest) => guest.rest.joinByCode(room.invite_code as string)));
      await Promise.all(this.players.map((player) => player.rest.ready(room.room_id, true)));
      if ((await ended).every(Boolean)) counters.gamesFinished++;
    } finally {
      gameOver.abort();
      for (const stop of stops) stop();
    }
  }
}

/** True when the client receives GAME_ENDED, false when `signal` aborts first. */
function gameEnded(client: RealtimeClient, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const finish = (result: boolean): void => {
      off();
      signal.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = (): void => finish(false);
    const off = client.on('GAME_ENDED', () => finish(true));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
