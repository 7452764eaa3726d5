import { autoPlay, type Bot, type BotLevel, createBot } from '@guandan/bots';
import {
  type Action,
  actorsOf,
  applyAction,
  EngineError,
  legalActions,
  type Rules,
  type Seat,
  SEATS,
  startMatch,
  viewFor,
} from '@guandan/engine';
import { type AnyServerMessage, type ChatPayload, type GameMode, type PlayerActionPayload, ProtocolError } from '@guandan/protocol';
import type { Transaction } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../platform/db/schema.js';
import type { Metrics } from '../platform/metrics.js';
import type { FinishedGame } from '../records/finished-game.js';
import { nowIso } from '../platform/db/database.js';
import { AnsweredMessages } from './answered-messages.js';
import { ChatLimits } from './chat-limits.js';
import { playedByServer, secondsToAct, type TableSeat, type TableSnapshot } from './snapshot.js';
import { stateUpdateFor, tableMessage } from './table-messages.js';
import type { TableEvent, TableStore } from './table-store.js';
import { actionOf, type Move, type TableCommand } from './table-commands.js';

/** Delivers messages to a user's open connections (on this node; through the bus when scaled out). */
export interface TableOutbound {
  sendToUser(userId: string, message: AnyServerMessage): void;
  isOnline(userId: string): boolean;
}

/** What the tables domain needs from rooms: to close a room with its game, and to free a seat someone quit. */
export interface RoomLifecycle {
  gameFinished(trx: Transaction<Database>, roomId: string): Promise<void>;
  memberQuit(trx: Transaction<Database>, roomId: string, userId: string): Promise<void>;
}

/** What the tables domain needs from records: write a finished game with its outbox event, and publish soon. */
export interface GameRecorder {
  recordFinishedGame(trx: Transaction<Database>, game: FinishedGame): Promise<void>;
  kick(): void;
}

/**
 * Where this node's tables are announced. On one process there is nothing to announce; on a cluster a table is run
 * by the node that holds its lease, which also takes the commands other nodes forward for it.
 */
export interface TableHosting {
  /** May this node run the table (true if it already does)? */
  claim(gameId: string): Promise<boolean>;
  /** This node runs the table now, for these seated people. */
  opened(gameId: string, userIds: string[]): Promise<void>;
  /** A person left the table for good. */
  left(gameId: string, userId: string): void;
  /** This node stopped running the table: it is over, or (`finished` false) another node has it now. */
  closed(gameId: string, userIds: string[], finished: boolean): void;
}

/** One process: every table is this node's. */
export const SOLE_HOST: TableHosting = {
  claim: async () => true,
  opened: async () => undefined,
  left: () => undefined,
  closed: () => undefined,
};

/** What rooms and the realtime dispatcher need of the tables, wherever the table runs. */
export interface TablePort {
  create(trx: Transaction<Database>, input: NewTable): Promise<void>;
  open(gameId: string): Promise<void>;
  run(command: TableCommand): Promise<void>;
  resumeMessages(userId: string, gameId: string, lastSeq: number): Promise<AnyServerMessage[]>;
}

export interface NewTable {
  gameId: string;
  roomId: string;
  gameMode: GameMode;
  baseBet: number;
  rules: Partial<Rules>;
  /** The bot level that plays for a person who quits. */
  replacementLevel: BotLevel;
  seats: { userId: string | null; username: string; botLevel: BotLevel | null }[];
}

interface Runtime {
  snapshot: TableSnapshot;
  version: number;
  /** Everything that changes the table runs through this chain, one at a time. */
  queue: Promise<void>;
  timer: NodeJS.Timeout | null;
  /** When the seats to act last changed (an action, 托管, a quit, or opening the table): bots wait BOT_DELAY_MS from here. */
  changedAt: number;
  bots: Map<Seat, Bot>;
  answered: AnsweredMessages;
}

type ActionSource = 'player' | 'auto' | 'bot';

/**
 * Runs the tables of this node: applies actions through the engine, persists each accepted event with its snapshot
 * (compare-and-set) before anything is sent, delivers each seat its own view, and plays for bots, for people on
 * 托管, for people whose time ran out and for people who are away.
 */
export class TableService implements TablePort {
  private readonly runtimes = new Map<string, Runtime>();
  private readonly gameOfUser = new Map<string, string>();
  private readonly offlineSince = new Map<string, number>();
  private readonly startedAt = Date.now();
  private readonly chatLimits: ChatLimits;
  private stopped = false;

  constructor(
    private readonly deps: {
      store: TableStore;
      config: Config;
      metrics: Metrics;
      outbound: TableOutbound;
      rooms: RoomLifecycle;
      records: GameRecorder;
      hosting: TableHosting;
      log: { error(object: unknown, message: string): void };
    },
  ) {
    this.chatLimits = new ChatLimits(deps.config);
  }

  /** Deals a new match for a room; call inside the room's transaction, then `open` after it commits. */
  async create(trx: Transaction<Database>, input: NewTable): Promise<void> {
    const seed = `${input.gameId}:${crypto.randomUUID()}`;
    const { state } = startMatch({ seed, rules: input.rules });
    const seats: TableSeat[] = input.seats.map((seat, index) => ({
      seat: SEATS[index],
      userId: seat.userId,
      username: seat.username,
      botLevel: seat.botLevel,
      autoPlay: false,
      timeouts: 0,
      quit: false,
    }));
    const snapshot: TableSnapshot = {
      gameId: input.gameId,
      roomId: input.roomId,
      gameMode: input.gameMode,
      baseBet: input.baseBet,
      replacementLevel: input.replacementLevel,
      state,
      seats,
      deadline: null,
      startedAt: nowIso(),
    };
    snapshot.deadline = this.deadlineFor(snapshot);
    await this.deps.store.insert(trx, snapshot);
  }

  /** Starts running a stored table on this node and sends every seated person its view. */
  async open(gameId: string): Promise<void> {
    if (this.runtimes.has(gameId) || this.stopped || !(await this.deps.hosting.claim(gameId))) return;
    const stored = await this.deps.store.load(gameId);
    if (stored === undefined || stored.status !== 'playing') {
      this.deps.hosting.closed(gameId, [], true);
      return;
    }
    const answered = new AnsweredMessages(await this.deps.store.clientMessages(gameId));
    if (this.runtimes.has(gameId)) return;
    const runtime: Runtime = {
      snapshot: stored.snapshot,
      version: stored.version,
      queue: Promise.resolve(),
      timer: null,
      bots: new Map(),
      changedAt: Date.now(),
      answered,
    };
    this.runtimes.set(gameId, runtime);
    this.deps.metrics.tables.set(this.runtimes.size);
    const people = seatedPeople(runtime.snapshot);
    for (const userId of people) this.gameOfUser.set(userId, gameId);
    await this.deps.hosting.opened(gameId, people);
    await this.sendLastEventAgain(runtime, people);
    this.sendStateToAll(runtime);
    this.schedule(runtime);
  }

  /**
   * A table taken over from a node that died (or resumed after a restart) may have had its last event only partly
   * delivered: it goes to everyone again, with its own id, so clients drop it if they have it and see no gap if not.
   */
  private async sendLastEventAgain(runtime: Runtime, people: string[]): Promise<void> {
    if (runtime.version === 0) return;
    const [last] = await this.deps.store.eventsAfter(runtime.snapshot.gameId, runtime.version - 1, 1);
    if (last === undefined) return;
    for (const userId of people) {
      const message = this.replayedMessage(runtime.snapshot, userId, last);
      if (message !== null) this.deps.outbound.sendToUser(userId, message);
    }
  }

  /** The tables this node runs. */
  runningIds(): string[] {
    return [...this.runtimes.keys()];
  }

  runs(gameId: string): boolean {
    return this.runtimes.has(gameId);
  }

  /**
   * Stops running a table without a word to its players: another node has it now. Work already queued on it
   * finishes first (its writes fail the compare-and-set if the other node has moved on).
   */
  async handOver(gameId: string): Promise<void> {
    const runtime = this.runtimes.get(gameId);
    if (runtime === undefined) return;
    this.forget(runtime);
    this.deps.hosting.closed(gameId, [], false);
    await runtime.queue;
  }

  /** A person's command, applied here (the caller has made sure this node runs their table). */
  async run(command: TableCommand): Promise<void> {
    switch (command.op) {
      case 'act':
        return this.act(command.userId, command.clientMsgId, command.move);
      case 'autoPlay':
        return this.setAutoPlay(command.userId, command.on);
      case 'chat':
        return this.chat(command.userId, command.clientMsgId, command.content);
      case 'quit':
        return this.quit(command.userId);
    }
  }

  /** After a restart: every unfinished table goes on from its last snapshot. */
  async resumeAll(): Promise<number> {
    const ids = await this.deps.store.playingIds();
    for (const id of ids) await this.open(id);
    return ids.length;
  }

  /** Stops every timer and waits for the work in flight; on a cluster the tables go to other nodes. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const runtime of this.runtimes.values()) if (runtime.timer !== null) clearTimeout(runtime.timer);
    await Promise.all([...this.runtimes.values()].map((runtime) => runtime.queue));
    for (const runtime of [...this.runtimes.values()]) {
      this.forget(runtime);
      this.deps.hosting.closed(runtime.snapshot.gameId, seatedPeople(runtime.snapshot), false);
    }
  }

  /** The game a person is playing on this node, if any. */
  gameOf(userId: string): string | undefined {
    return this.gameOfUser.get(userId);
  }

  /**
   * A person's game action. A client message id seen before is answered with what it produced and never applied
   * twice; a refused action changes nothing and throws the engine's or the platform's error.
   */
  async act(userId: string, clientMsgId: string, move: Move): Promise<void> {
    const runtime = this.runtimeOf(userId);
    await this.exclusive(runtime, async () => {
      const seat = this.seatOf(runtime, userId);
      const earlierSeq = runtime.answered.seqOf(userId, clientMsgId);
      if (earlierSeq !== undefined) {
        const [earlier] = await this.deps.store.eventsAfter(runtime.snapshot.gameId, earlierSeq - 1, 1);
        if (earlier !== undefined) this.answerAgain(runtime, userId, earlier);
        return;
      }
      await this.apply(runtime, actionOf(move, seat.seat), 'player', { userId, clientMsgId });
    });
  }

  /** Turns 托管 on or off for a person's seat. */
  async setAutoPlay(userId: string, on: boolean): Promise<void> {
    const runtime = this.runtimeOf(userId);
    await this.exclusive(runtime, async () => {
      const seat = this.seatOf(runtime, userId);
      if (seat.autoPlay === on) {
        this.sendStateToAll(runtime);
        return;
      }
      await this.changeSeat(runtime, seat.seat, { autoPlay: on, timeouts: 0 }, { kind: 'AUTO_PLAY', payload: { seat: seat.seat, on }, actorUserId: userId });
    });
  }

  /** A person leaves a game for good: a bot plays on for them, and they may join another room. */
  async quit(userId: string): Promise<void> {
    const runtime = this.runtimeOf(userId);
    await this.exclusive(runtime, async () => {
      const seat = this.seatOf(runtime, userId);
      const { roomId, replacementLevel } = runtime.snapshot;
      const payload = { roomId, seat: seat.seat, userId, replacedBy: replacementLevel };
      await this.changeSeat(runtime, seat.seat, { quit: true, botLevel: replacementLevel, autoPlay: false }, { kind: 'PLAYER_LEFT', payload, actorUserId: userId }, (trx) =>
        this.deps.rooms.memberQuit(trx, roomId, userId),
      );
      this.gameOfUser.delete(userId);
      this.deps.hosting.left(runtime.snapshot.gameId, userId);
      this.broadcast(runtime, (seq) => tableMessage('PLAYER_LEFT', payload, seq, runtime.snapshot.gameId));
      this.deps.outbound.sendToUser(userId, tableMessage('PLAYER_LEFT', payload, runtime.version, runtime.snapshot.gameId));
    });
  }

  /**
   * A chat line or an emoji, kept in the table's log so that a reconnecting client sees it too. The chat limits
   * refuse a line before it waits in the table's queue or reads the database, and bound the writes per table.
   */
  async chat(userId: string, clientMsgId: string, content: { text?: string; emoji?: string }): Promise<void> {
    const runtime = this.runtimeOf(userId);
    this.seatOf(runtime, userId);
    this.chatLimits.take(runtime.snapshot.gameId, userId);
    await this.exclusive(runtime, async () => {
      const seat = this.seatOf(runtime, userId);
      const gameId = runtime.snapshot.gameId;
      if (runtime.answered.seqOf(userId, clientMsgId) !== undefined) return;
      const payload: ChatPayload = { roomId: runtime.snapshot.roomId, seat: seat.seat, username: seat.username, ...content };
      const event = await this.deps.store.append(
        gameId,
        runtime.version,
        { kind: 'CHAT_MESSAGE', payload, action: null, actorUserId: userId, clientMsgId },
        runtime.snapshot,
        'playing',
      );
      runtime.version = event.seq;
      runtime.answered.add(userId, clientMsgId, event.seq);
      this.broadcast(runtime, (seq) => tableMessage('CHAT_MESSAGE', payload, seq, gameId));
    });
  }

  /**
   * What a reconnecting client missed since `lastSeq`: the table's events again (same ids), then its current view,
   * or the end of the game. Too long a gap gets the current view only.
   */
  async resumeMessages(userId: string, gameId: string, lastSeq: number): Promise<AnyServerMessage[]> {
    const runtime = this.runtimes.get(gameId);
    const stored = runtime === undefined ? await this.deps.store.load(gameId) : { snapshot: runtime.snapshot, version: runtime.version, status: 'playing' as const };
    if (stored === undefined) throw new ProtocolError('NOT_FOUND', `no game ${gameId}`);
    // Someone who quit is no longer seated: a bot holds that seat's cards now.
    const seat = stored.snapshot.seats.find((candidate) => candidate.userId === userId && !candidate.quit);
    if (seat === undefined) throw new ProtocolError('NOT_IN_GAME', 'you are not seated at this table');
    const messages: AnyServerMessage[] = [];
    const gap = stored.version - lastSeq;
    if (gap > 0 && gap <= 500) {
      for (const event of await this.deps.store.eventsAfter(gameId, lastSeq, gap)) {
        const message = this.replayedMessage(stored.snapshot, userId, event);
        if (message !== null) messages.push(message);
      }
    }
    messages.push(stateUpdateFor(stored.snapshot, seat.seat, stored.version, this.deps.outbound.isOnline));
    if (stored.status === 'finished') messages.push(this.gameEnded(stored.snapshot, stored.version));
    return messages;
  }

  /** A person's connections opened or all closed: away players are played for after a grace period. */
  presenceChanged(userId: string, online: boolean): void {
    if (online) this.offlineSince.delete(userId);
    else this.offlineSince.set(userId, Date.now());
    const gameId = this.gameOfUser.get(userId);
    const runtime = gameId === undefined ? undefined : this.runtimes.get(gameId);
    if (runtime === undefined) return;
    this.schedule(runtime);
    if (online) this.sendStateToAll(runtime);
  }

  private runtimeOf(userId: string): Runtime {
    const gameId = this.gameOfUser.get(userId);
    const runtime = gameId === undefined ? undefined : this.runtimes.get(gameId);
    if (runtime === undefined) throw new ProtocolError('NOT_IN_GAME', 'you are not playing a game');
    return runtime;
  }

  private seatOf(runtime: Runtime, userId: string): TableSeat {
    const seat = runtime.snapshot.seats.find((candidate) => candidate.userId === userId && !candidate.quit);
    if (seat === undefined) throw new ProtocolError('NOT_IN_GAME', 'you are not seated at this table');
    return seat;
  }

  /**
   * Runs `work` after everything queued on the table; a failure rejects this call only. A write refused because
   * the stored table moved on (another node wrote it) means this copy is stale: it is dropped and, if this node
   * still holds the table, read again.
   */
  private exclusive(runtime: Runtime, work: () => Promise<void>): Promise<void> {
    const run = runtime.queue.then(() => (this.runtimes.get(runtime.snapshot.gameId) === runtime ? work() : this.notRunning()));
    runtime.queue = run.catch((error: unknown) => {
      if (error instanceof ProtocolError && error.code === 'CONFLICT') return this.reload(runtime);
    });
    return run;
  }

  private notRunning(): Promise<void> {
    return Promise.reject(new ProtocolError('UNAVAILABLE', 'this table moved to another server: send it again'));
  }

  private async reload(runtime: Runtime): Promise<void> {
    this.forget(runtime);
    await this.open(runtime.snapshot.gameId).catch((error: unknown) =>
      this.deps.log.error({ err: error, gameId: runtime.snapshot.gameId }, 'reopening a table after a conflict failed'),
    );
  }

  /** Applies an engine action: persist first, then deliver, then arm the next timer. */
  private async apply(runtime: Runtime, action: Action, source: ActionSource, actor?: { userId: string; clientMsgId: string }): Promise<void> {
    const before = runtime.snapshot;
    const { state, events } = applyAction(before.state, action);
    const actingSeat = 'seat' in action ? action.seat : null;
    const seats = before.seats.map((seat) =>
      seat.seat === actingSeat && source === 'player' ? { ...seat, autoPlay: false, timeouts: 0 } : seat,
    );
    const finished = state.phase === 'over';
    // A deal that ended (and not the match) pauses the table: everyone sees how it went before the next one starts.
    const dealEnded = !finished && events.some((event) => event.kind === 'dealEnded');
    const breakMs = this.deps.config.DEAL_BREAK_MS;
    const next: TableSnapshot = { ...before, state, seats, breakUntil: dealEnded && breakMs > 0 ? Date.now() + breakMs : null };
    next.deadline = this.deadlineFor(next, before);
    const payload: PlayerActionPayload = {
      roomId: before.roomId,
      seat: (actingSeat ?? 0) as Seat,
      kind: action.kind,
      auto: source !== 'player',
      events,
    };
    const event = await this.deps.store.append(
      before.gameId,
      runtime.version,
      { kind: 'PLAYER_ACTION', payload, action, actorUserId: actor?.userId ?? null, clientMsgId: actor?.clientMsgId ?? null },
      next,
      finished ? 'finished' : 'playing',
      finished ? (trx) => this.finish(trx, next) : undefined,
    );
    runtime.snapshot = next;
    runtime.version = event.seq;
    runtime.changedAt = Date.now();
    if (actor !== undefined) runtime.answered.add(actor.userId, actor.clientMsgId, event.seq);
    this.deps.metrics.actions.inc({ source });
    this.broadcast(runtime, (seq, userId) =>
      tableMessage('PLAYER_ACTION', userId === actor?.userId ? { ...payload, inReplyTo: actor.clientMsgId } : payload, seq, before.gameId),
    );
    if (finished) {
      this.close(runtime);
      this.deps.records.kick();
      return;
    }
    this.schedule(runtime);
  }

  /** Runs in the transaction of the last action, whose event is already written: the record holds every action. */
  private async finish(trx: Transaction<Database>, snapshot: TableSnapshot): Promise<void> {
    const actions = await this.deps.store.actions(snapshot.gameId, trx);
    const state = snapshot.state;
    await this.deps.records.recordFinishedGame(trx, {
      gameId: snapshot.gameId,
      roomId: snapshot.roomId,
      gameMode: snapshot.gameMode,
      baseBet: snapshot.baseBet,
      seats: snapshot.seats.map((seat) => ({
        seat: seat.seat,
        userId: seat.userId,
        username: seat.username,
        botLevel: seat.userId === null ? seat.botLevel : null,
      })),
      winningTeam: state.winner,
      deals: state.history,
      seed: String(state.seed),
      rules: state.rules,
      actions,
      startedAt: snapshot.startedAt,
      endedAt: nowIso(),
    });
    await this.deps.rooms.gameFinished(trx, snapshot.roomId);
  }

  private close(runtime: Runtime): void {
    this.forget(runtime);
    const people = seatedPeople(runtime.snapshot);
    for (const userId of people) this.deps.outbound.sendToUser(userId, this.gameEnded(runtime.snapshot, runtime.version));
    this.deps.hosting.closed(runtime.snapshot.gameId, people, true);
  }

  /** Drops the table's timer and in-memory state; nothing is written or sent. */
  private forget(runtime: Runtime): void {
    if (runtime.timer !== null) clearTimeout(runtime.timer);
    runtime.timer = null;
    const gameId = runtime.snapshot.gameId;
    if (this.runtimes.get(gameId) === runtime) this.runtimes.delete(gameId);
    this.deps.metrics.tables.set(this.runtimes.size);
    for (const userId of seatedPeople(runtime.snapshot)) if (this.gameOfUser.get(userId) === gameId) this.gameOfUser.delete(userId);
  }

  private gameEnded(snapshot: TableSnapshot, seq: number): AnyServerMessage {
    const state = snapshot.state;
    return tableMessage(
      'GAME_ENDED',
      { roomId: snapshot.roomId, gameId: snapshot.gameId, winningTeam: state.winner, levels: state.levels, order: state.history.map((deal) => deal.order) },
      seq,
      snapshot.gameId,
    );
  }

  /** A seat change that is not an engine action (托管, quitting), persisted like any other event. */
  private async changeSeat(
    runtime: Runtime,
    seatIndex: Seat,
    change: Partial<TableSeat>,
    event: { kind: string; payload: unknown; actorUserId: string },
    alsoInTransaction?: (trx: Transaction<Database>) => Promise<void>,
  ): Promise<void> {
    const seats = runtime.snapshot.seats.map((seat) => (seat.seat === seatIndex ? { ...seat, ...change } : seat));
    const next: TableSnapshot = { ...runtime.snapshot, seats };
    next.deadline = this.deadlineFor(next);
    const stored = await this.deps.store.append(
      next.gameId,
      runtime.version,
      { ...event, action: null, clientMsgId: null },
      next,
      'playing',
      alsoInTransaction,
    );
    runtime.snapshot = next;
    runtime.version = stored.seq;
    runtime.changedAt = Date.now();
    this.sendStateToAll(runtime);
    this.schedule(runtime);
  }

  /** Sends a table message to every person still seated, then each their own view at the same seq. */
  private broadcast(runtime: Runtime, message: (seq: number, userId: string) => AnyServerMessage): void {
    for (const seat of runtime.snapshot.seats) {
      if (seat.userId === null || seat.quit) continue;
      this.deps.outbound.sendToUser(seat.userId, message(runtime.version, seat.userId));
    }
    this.sendStateToAll(runtime);
  }

  private sendStateToAll(runtime: Runtime): void {
    if (runtime.snapshot.state.phase === 'over') return;
    for (const seat of runtime.snapshot.seats) {
      if (seat.userId === null || seat.quit) continue;
      this.deps.outbound.sendToUser(seat.userId, stateUpdateFor(runtime.snapshot, seat.seat, runtime.version, this.deps.outbound.isOnline));
    }
  }

  private answerAgain(runtime: Runtime, userId: string, event: TableEvent): void {
    const message = this.replayedMessage(runtime.snapshot, userId, event);
    if (message !== null) this.deps.outbound.sendToUser(userId, message);
    const seat = this.seatOf(runtime, userId);
    this.deps.outbound.sendToUser(userId, stateUpdateFor(runtime.snapshot, seat.seat, runtime.version, this.deps.outbound.isOnline));
  }

  /** A stored event as it was first sent to this user; null for events that only changed seats. */
  private replayedMessage(snapshot: TableSnapshot, userId: string, event: TableEvent): AnyServerMessage | null {
    const gameId = snapshot.gameId;
    if (event.kind === 'PLAYER_ACTION') {
      const payload = event.payload as PlayerActionPayload;
      const mine = event.actorUserId === userId && event.clientMsgId !== null;
      return tableMessage('PLAYER_ACTION', mine ? { ...payload, inReplyTo: event.clientMsgId as string } : payload, event.seq, gameId);
    }
    if (event.kind === 'CHAT_MESSAGE') return tableMessage('CHAT_MESSAGE', event.payload as ChatPayload, event.seq, gameId);
    if (event.kind === 'PLAYER_LEFT') return tableMessage('PLAYER_LEFT', event.payload as never, event.seq, gameId);
    return null;
  }

  /**
   * When the people who must act are played for: their turn's time, unless nobody but the server acts. While
   * several seats owe tribute or a return, one of them acting does not give the others a fresh turn.
   */
  private deadlineFor(snapshot: TableSnapshot, previous?: TableSnapshot): number | null {
    const state = snapshot.state;
    if (state.phase === 'over') return null;
    const peopleToAct = actorsOf(state).some((seat) => !playedByServer(snapshot.seats[seat]));
    if (!peopleToAct) return null;
    const sameExchange = previous !== undefined && previous.deadline !== null && previous.state.phase === state.phase && state.phase !== 'play';
    return sameExchange ? previous.deadline : turnStart(snapshot) + secondsToAct(state) * 1000;
  }

  /** When the server acts for a seat: bots and 托管 after a short delay, away people after a grace, others at the deadline. */
  private dueAt(runtime: Runtime, seat: TableSeat): number {
    const { config } = this.deps;
    const now = Date.now();
    // From the last change, not from now: measured from now, the time would never come when the timer asks again.
    if (playedByServer(seat)) return Math.max(runtime.changedAt, runtime.snapshot.breakUntil ?? 0) + config.BOT_DELAY_MS;
    const deadline = runtime.snapshot.deadline ?? now;
    const userId = seat.userId as string;
    if (this.deps.outbound.isOnline(userId)) return deadline;
    const turnStarted = deadline - secondsToAct(runtime.snapshot.state) * 1000;
    const away = this.offlineSince.get(userId) ?? this.startedAt;
    return Math.min(deadline, Math.max(turnStarted, away) + config.DISCONNECT_GRACE_MS);
  }

  private schedule(runtime: Runtime): void {
    if (runtime.timer !== null) clearTimeout(runtime.timer);
    runtime.timer = null;
    if (this.stopped || runtime.snapshot.state.phase === 'over') return;
    const actors = actorsOf(runtime.snapshot.state);
    if (actors.length === 0) return;
    const due = Math.min(...actors.map((seat) => this.dueAt(runtime, runtime.snapshot.seats[seat])));
    runtime.timer = setTimeout(() => {
      runtime.timer = null;
      this.exclusive(runtime, () => this.actForDueSeats(runtime)).catch((error: unknown) => {
        // A table that moved to another node (or was read again after a conflict) plays on there.
        if (error instanceof ProtocolError && (error.code === 'UNAVAILABLE' || error.code === 'CONFLICT')) return;
        this.deps.log.error({ err: error, gameId: runtime.snapshot.gameId }, 'server play failed');
      });
    }, Math.max(0, due - Date.now()));
  }

  /** Plays for every seat whose time has come: the bot's choice, or the auto-play choice for a person. */
  private async actForDueSeats(runtime: Runtime): Promise<void> {
    const now = Date.now();
    for (const seatIndex of actorsOf(runtime.snapshot.state)) {
      if (runtime.snapshot.state.phase === 'over' || !actorsOf(runtime.snapshot.state).includes(seatIndex)) continue;
      const seat = runtime.snapshot.seats[seatIndex];
      if (this.dueAt(runtime, seat) > now + 1) continue;
      const timedOut = !playedByServer(seat) && this.deps.outbound.isOnline(seat.userId as string);
      if (timedOut) await this.recordTimeout(runtime, seat);
      await this.apply(runtime, this.serverChoice(runtime, seatIndex), seat.botLevel !== null ? 'bot' : 'auto');
    }
    if (this.runtimes.get(runtime.snapshot.gameId) === runtime) this.schedule(runtime);
  }

  /**
   * A timeout counts; the second in a row puts the seat on 托管. The player is warned at both: after the first, that
   * the next one in a row hands the seat to 托管 (a new player should know before it happens).
   */
  private async recordTimeout(runtime: Runtime, seat: TableSeat): Promise<void> {
    const timeouts = seat.timeouts + 1;
    runtime.snapshot = { ...runtime.snapshot, seats: runtime.snapshot.seats.map((s) => (s.seat === seat.seat ? { ...s, timeouts, autoPlay: timeouts >= 2 } : s)) };
    if (seat.userId === null) return;
    this.deps.outbound.sendToUser(seat.userId, {
      type: 'WARNING',
      payload:
        timeouts >= 2
          ? { code: 'AUTO_PLAY_ON', message: 'you ran out of time twice: the server plays for you until you act again' }
          : { code: 'TIMED_OUT', message: 'you ran out of time: the server played for you; once more in a row and it plays for you until you act' },
      timestamp: Date.now(),
      messageId: crypto.randomUUID(),
      seq: runtime.version,
    });
  }

  private serverChoice(runtime: Runtime, seat: Seat): Action {
    const tableSeat = runtime.snapshot.seats[seat];
    const view = viewFor(runtime.snapshot.state, seat);
    try {
      if (tableSeat.botLevel !== null) return this.botOf(runtime, seat, tableSeat.botLevel).decide(view);
      return autoPlay(view);
    } catch (error) {
      // A bot must never stall a table: log it and take the first legal action.
      this.deps.log.error({ err: error, gameId: runtime.snapshot.gameId, seat }, 'bot failed; playing the first legal action');
      const fallback = legalActions(runtime.snapshot.state, seat)[0];
      if (fallback === undefined) throw new EngineError('NOT_YOUR_TURN', `seat ${seat} has nothing to do`);
      return fallback;
    }
  }

  private botOf(runtime: Runtime, seat: Seat, level: BotLevel): Bot {
    let bot = runtime.bots.get(seat);
    if (bot === undefined || bot.level !== level) {
      bot = createBot(level, { seed: `${runtime.snapshot.gameId}:${seat}` });
      runtime.bots.set(seat, bot);
    }
    return bot;
  }
}

/** When the turn of the seats to act starts: now, or when the pause between deals ends. */
function turnStart(snapshot: TableSnapshot): number {
  return Math.max(Date.now(), snapshot.breakUntil ?? 0);
}

/** The people still seated at a table (not bots, not those who quit). */
function seatedPeople(snapshot: TableSnapshot): string[] {
  return snapshot.seats.flatMap((seat) => (seat.userId !== null && !seat.quit ? [seat.userId] : []));
}
