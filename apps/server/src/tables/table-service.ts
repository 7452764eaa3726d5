import { actorsOf, type Seat, SEATS, startMatch } from '@guandan/engine';
import { type AnyServerMessage, ProtocolError } from '@guandan/protocol';
import type { Config } from '../config.js';
import type { Clock } from '../platform/clock.js';
import type { UnitOfWork } from '../platform/db/unit-of-work.js';
import type { Metrics } from '../platform/metrics.js';
import type { UserOutbound } from '../platform/user-outbound.js';
import { AnsweredMessages } from './answered-messages.js';
import { ChatLimits } from './chat-limits.js';
import { LiveTable } from './live-table.js';
import { ServerPlayers } from './server-play.js';
import { isOver, type TableSeat, type TableSnapshot } from './snapshot.js';
import type { TableCommand, TableEnding } from './table-commands.js';
import { finishedGameOf } from './finished-table.js';
import { TableDelivery } from './table-delivery.js';
import { eventMessage, gameEndedMessage, stateUpdate, viewPayloadFor } from './table-messages.js';
import type { GameRecorder, LocalTables, NewTable, RoomLifecycle, TableHosting } from './table-ports.js';
import { decide, evolve, type NewTableEvent, recover, seatedPeople, seatOf, type ServerMove, snapshotDue, type TableEvent, type TableSettings } from './table-reducer.js';
import type { TableRepository } from './table-repository.js';
import { type DueContext, deadlineFor, dueAt, nextDueAt, playedByServer } from './turn-timing.js';

interface StoredTable {
  table: TableSnapshot;
  version: number;
  snapshotSeq: number;
  /** The last event after the snapshot, if any. */
  lastEvent: TableEvent | undefined;
  finished: boolean;
}

/**
 * Runs the tables of this node. A command goes through the pure reducer (`decide`), its events are committed to the
 * table's log, and only then is the table's state evolved and anyone told: each seat gets its own view. The server
 * plays for bots, for people on 托管, for people whose time ran out and for people who are away, when the clock says.
 */
export class TableService implements LocalTables {
  private readonly live = new Map<string, LiveTable>();
  private readonly gameOfUser = new Map<string, string>();
  private readonly offlineSince = new Map<string, number>();
  private readonly startedAt: number;
  private readonly chatLimits: ChatLimits;
  private readonly settings: TableSettings;
  private readonly delivery: TableDelivery;
  private stopped = false;

  constructor(
    private readonly deps: {
      repository: TableRepository;
      config: Config;
      clock: Clock;
      metrics: Metrics;
      outbound: UserOutbound;
      rooms: RoomLifecycle;
      records: GameRecorder;
      hosting: TableHosting;
      log: { error(object: unknown, message: string): void };
    },
  ) {
    this.chatLimits = new ChatLimits(deps.config);
    this.settings = { dealBreakMs: deps.config.DEAL_BREAK_MS };
    this.delivery = new TableDelivery(deps.outbound, deps.clock);
    this.startedAt = deps.clock.now();
  }

  /** Deals a new match for a room; call inside the room's transaction, then `open` after it commits. */
  async create(work: UnitOfWork, input: NewTable): Promise<void> {
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
    const { gameId, roomId, gameMode, baseBet, replacementLevel } = input;
    const startedAt = new Date(this.deps.clock.now()).toISOString();
    const table: TableSnapshot = { gameId, roomId, gameMode, baseBet, replacementLevel, state, seats, deadline: null, startedAt };
    await this.deps.repository.insert({ ...table, deadline: deadlineFor(table, this.deps.clock.now()) }, work);
  }

  /** Starts running a stored table on this node (its snapshot and the events after it) and sends everyone their view. */
  async open(gameId: string): Promise<void> {
    if (this.live.has(gameId) || this.stopped || !(await this.deps.hosting.claim(gameId))) return;
    const stored = await this.storedTable(gameId);
    if (stored === undefined || stored.finished) {
      this.deps.hosting.closed(gameId, [], true);
      return;
    }
    const answered = new AnsweredMessages(await this.deps.repository.clientMessages(gameId));
    if (this.live.has(gameId)) return;
    const { table, version, snapshotSeq, lastEvent } = stored;
    const live = new LiveTable(table, version, snapshotSeq, this.deps.clock.now(), answered, new ServerPlayers(this.deps.log));
    this.live.set(gameId, live);
    this.deps.metrics.tables.set(this.live.size);
    const people = seatedPeople(table);
    for (const userId of people) this.gameOfUser.set(userId, gameId);
    await this.deps.hosting.opened(gameId, people);
    await this.sendLastEventAgain(live, people, lastEvent);
    this.delivery.views(live, 'whole');
    this.schedule(live);
  }

  /**
   * A table taken over from a node that died (or resumed after a restart) may have had its last event only partly
   * delivered: it goes to everyone again, with its own id, so clients drop it if they have it and see no gap if not.
   */
  private async sendLastEventAgain(live: LiveTable, people: string[], loaded: TableEvent | undefined): Promise<void> {
    if (live.version === 0) return;
    // Loaded with the table unless the snapshot was taken at that very event.
    const last = loaded ?? (await this.deps.repository.eventsAfter(live.gameId, live.version - 1, 1))[0];
    if (last !== undefined) this.delivery.eventAgain(live, last, people);
  }

  /** The tables this node runs. */
  runningIds(): string[] {
    return [...this.live.keys()];
  }

  runs(gameId: string): boolean {
    return this.live.has(gameId);
  }

  /** The state of a table this node runs (for operators and tests; never sent to a player as is). */
  stateOf(gameId: string): { table: TableSnapshot; version: number } | undefined {
    const live = this.live.get(gameId);
    return live === undefined ? undefined : { table: live.table, version: live.version };
  }

  /**
   * A table as it stands now, for operators: the live one if this node runs it, else its stored log brought up to
   * date (the table may run on another node of a cluster). Undefined when there is no such table.
   */
  async inspect(gameId: string): Promise<{ table: TableSnapshot; events: number; lastEventAt: string | null } | undefined> {
    const live = this.live.get(gameId);
    if (live !== undefined) return { table: live.table, events: live.version, lastEventAt: new Date(live.changedAt).toISOString() };
    const stored = await this.storedTable(gameId);
    if (stored === undefined) return undefined;
    return { table: stored.table, events: stored.version, lastEventAt: stored.lastEvent === undefined ? null : new Date(stored.lastEvent.at).toISOString() };
  }

  /**
   * Stops running a table without a word to its players: another node has it now. Work already queued on it
   * finishes first (its writes fail with CONFLICT if the other node has moved on).
   */
  async handOver(gameId: string): Promise<void> {
    const live = this.live.get(gameId);
    if (live === undefined) return;
    this.forget(live);
    this.deps.hosting.closed(gameId, [], false);
    await live.queue;
  }

  /**
   * A person's command, applied here (the caller has made sure this node runs their table). A client message id
   * seen before is answered with what it produced and never applied twice; a refused command changes nothing and
   * throws the engine's or the platform's error.
   */
  async run(command: TableCommand): Promise<void> {
    const live = this.liveOf(command.userId);
    if (command.op === 'chat') {
      // Refused before it waits in the table's queue: the limits bound the writes per table.
      seatOf(live.table, command.userId);
      this.chatLimits.take(live.gameId, command.userId);
    }
    await this.exclusive(live, async () => {
      if (command.op === 'act' || command.op === 'chat') {
        const earlierSeq = live.answered.seqOf(command.userId, command.clientMsgId);
        if (earlierSeq !== undefined) {
          if (command.op === 'act') this.delivery.answerAgain(live, command.userId, (await this.deps.repository.eventsAfter(live.gameId, earlierSeq - 1, 1))[0]);
          return;
        }
      }
      const events = decide(live.table, command, this.deps.clock.now());
      if (events.length === 0) {
        this.delivery.views(live, 'whole');
        return;
      }
      if (command.op === 'quit') {
        const { roomId } = live.table;
        await this.commit(live, events, 'player', (work) => this.deps.rooms.memberQuit(work, roomId, command.userId));
        this.gameOfUser.delete(command.userId);
        this.deps.hosting.left(live.gameId, command.userId);
        return;
      }
      await this.commit(live, events, 'player');
    });
  }

  /**
   * An operator ends a table before its match is over. It runs here if this node runs the table or can take it (no
   * other node holds it: a table left without a node is the usual stuck one); otherwise UNAVAILABLE. The game is
   * recorded with its completed deals and everyone seated is told, as at a match's end.
   */
  async end(ending: TableEnding): Promise<void> {
    if (!this.live.has(ending.gameId)) await this.open(ending.gameId);
    const live = this.live.get(ending.gameId);
    if (live === undefined) throw await this.notRunningHere(ending.gameId);
    await this.exclusive(live, () => this.commit(live, decide(live.table, ending, this.deps.clock.now()), 'operator'));
  }

  /** Why a table cannot be ended here: there is none, it is over, or another node runs it. */
  private async notRunningHere(gameId: string): Promise<ProtocolError> {
    const stored = await this.deps.repository.load(gameId);
    if (stored === undefined) return new ProtocolError('NOT_FOUND', `no table ${gameId}`);
    if (stored.status === 'finished') return new ProtocolError('CONFLICT', 'this game is already over');
    return new ProtocolError('UNAVAILABLE', 'another server runs this table: try again');
  }

  /** After a restart: every unfinished table goes on from its last snapshot and the events after it. */
  async resumeAll(): Promise<number> {
    const ids = await this.deps.repository.playingIds();
    for (const id of ids) await this.open(id);
    return ids.length;
  }

  /** Stops every timer and waits for the work in flight; on a cluster the tables go to other nodes. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const live of this.live.values()) this.clearTimer(live);
    await this.settled();
    for (const live of [...this.live.values()]) {
      this.forget(live);
      this.deps.hosting.closed(live.gameId, seatedPeople(live.table), false);
    }
  }

  /** Resolves when the work queued on every table has run (what a test waits for after moving its clock). */
  async settled(): Promise<void> {
    await Promise.all([...this.live.values()].map((live) => live.queue));
  }

  /** The game a person is playing on this node, if any. */
  gameOf(userId: string): string | undefined {
    return this.gameOfUser.get(userId);
  }

  /**
   * What a reconnecting client missed since `lastSeq`: the table's events again (same ids), then its current view,
   * or the end of the game. Too long a gap gets the current view only.
   */
  async resumeMessages(userId: string, gameId: string, lastSeq: number): Promise<AnyServerMessage[]> {
    const live = this.live.get(gameId);
    const current = live === undefined ? await this.storedTable(gameId) : { table: live.table, version: live.version, finished: false };
    if (current === undefined) throw new ProtocolError('NOT_FOUND', `no game ${gameId}`);
    const { table, version } = current;
    const seat = seatOf(table, userId);
    const now = this.deps.clock.now();
    const messages: AnyServerMessage[] = [];
    const gap = version - lastSeq;
    if (gap > 0 && gap <= 500) {
      for (const event of await this.deps.repository.eventsAfter(gameId, lastSeq, gap)) {
        const message = eventMessage(event, gameId, userId, now);
        if (message !== null) messages.push(message);
      }
    }
    const view = live === undefined ? viewPayloadFor(table, seat.seat, this.deps.outbound.isOnline) : this.delivery.currentView(live, seat.seat);
    messages.push(stateUpdate(view, version, now));
    if (current.finished) messages.push(gameEndedMessage(table, version, now));
    return messages;
  }

  /** A stored table brought up to date: its last snapshot with the events after it applied, and where its log stands. */
  private async storedTable(gameId: string): Promise<StoredTable | undefined> {
    const stored = await this.deps.repository.load(gameId);
    if (stored === undefined) return undefined;
    const lastEvent = stored.events.at(-1);
    return {
      table: recover(stored.snapshot, stored.events, this.settings),
      version: lastEvent?.seq ?? stored.snapshotSeq,
      snapshotSeq: stored.snapshotSeq,
      lastEvent,
      finished: stored.status === 'finished',
    };
  }

  /** A person's connections opened or all closed: away players are played for after a grace period. */
  presenceChanged(userId: string, online: boolean): void {
    if (online) this.offlineSince.delete(userId);
    else this.offlineSince.set(userId, this.deps.clock.now());
    const gameId = this.gameOfUser.get(userId);
    const live = gameId === undefined ? undefined : this.live.get(gameId);
    if (live === undefined) return;
    this.schedule(live);
    if (online) this.delivery.views(live, 'whole');
  }

  private liveOf(userId: string): LiveTable {
    const gameId = this.gameOfUser.get(userId);
    const live = gameId === undefined ? undefined : this.live.get(gameId);
    if (live === undefined) throw new ProtocolError('NOT_IN_GAME', 'you are not playing a game');
    return live;
  }

  /**
   * Runs `work` after everything queued on the table; a failure rejects this call only. A write refused because
   * another node wrote the table's next event means this copy is stale: it is dropped and, if this node still holds
   * the table, read again.
   */
  private exclusive(live: LiveTable, work: () => Promise<void>): Promise<void> {
    const run = live.queue.then(() => (this.live.get(live.gameId) === live ? work() : this.notRunning()));
    live.queue = run.catch((error: unknown) => {
      if (error instanceof ProtocolError && error.code === 'CONFLICT') return this.reload(live);
    });
    return run;
  }

  private notRunning(): Promise<void> {
    return Promise.reject(new ProtocolError('UNAVAILABLE', 'this table moved to another server: send it again'));
  }

  private async reload(live: LiveTable): Promise<void> {
    this.forget(live);
    await this.open(live.gameId).catch((error: unknown) => this.deps.log.error({ err: error, gameId: live.gameId }, 'reopening a table after a conflict failed'));
  }

  /**
   * Writes a command's events to the table's log (with a snapshot when `snapshotDue` says, and at the end of the
   * game) and, once that is committed, evolves the table and tells everyone.
   */
  private async commit(
    live: LiveTable,
    newEvents: NewTableEvent[],
    source: 'player' | 'auto' | 'bot' | 'operator',
    alsoInTransaction?: (work: UnitOfWork) => Promise<void>,
  ): Promise<void> {
    let table = live.table;
    const events: TableEvent[] = newEvents.map((event, index) => ({ ...event, seq: live.version + index + 1 }) as TableEvent);
    for (const event of events) table = evolve(table, event, this.settings);
    const version = live.version + events.length;
    const finished = isOver(table);
    const snapshotNow = finished || snapshotDue(events, version, live.snapshotSeq);
    const finish = finished ? (work: UnitOfWork) => this.finish(work, table) : undefined;
    await this.deps.repository.append({
      gameId: live.gameId,
      events,
      ...(snapshotNow ? { snapshot: { table, status: finished ? 'finished' : 'playing' } } : {}),
      ...(finish !== undefined || alsoInTransaction !== undefined ? { alsoInTransaction: finish ?? alsoInTransaction } : {}),
    });
    const before = live.table;
    live.table = table;
    live.version = version;
    if (snapshotNow) live.snapshotSeq = version;
    if (events.some((event) => event.kind !== 'CHAT_MESSAGE')) live.changedAt = this.deps.clock.now();
    for (const event of events) {
      if (event.actorUserId !== null && event.clientMsgId !== null) live.answered.add(event.actorUserId, event.clientMsgId, event.seq);
      if (event.kind === 'PLAYER_ACTION') this.deps.metrics.actions.inc({ source });
    }
    this.delivery.events(live, before, events);
    if (finished) {
      this.close(live);
      this.deps.records.kick();
      return;
    }
    this.schedule(live);
  }

  /** Runs in the transaction of the last action, whose event is already written: the record holds every action. */
  private async finish(work: UnitOfWork, table: TableSnapshot): Promise<void> {
    const actions = await this.deps.repository.actions(table.gameId, work);
    await this.deps.records.recordFinishedGame(work, finishedGameOf(table, actions, new Date(this.deps.clock.now()).toISOString()));
    await this.deps.rooms.gameFinished(work, table.roomId);
  }

  private close(live: LiveTable): void {
    this.forget(live);
    const people = seatedPeople(live.table);
    this.delivery.gameEnded(live, people);
    this.deps.hosting.closed(live.gameId, people, true);
  }

  /** Drops the table's timer and in-memory state; nothing is written or sent. */
  private forget(live: LiveTable): void {
    this.clearTimer(live);
    const gameId = live.gameId;
    if (this.live.get(gameId) === live) this.live.delete(gameId);
    this.deps.metrics.tables.set(this.live.size);
    for (const userId of seatedPeople(live.table)) if (this.gameOfUser.get(userId) === gameId) this.gameOfUser.delete(userId);
  }

  private dueContext(live: LiveTable): DueContext {
    const { config, clock, outbound } = this.deps;
    return {
      now: clock.now(),
      changedAt: live.changedAt,
      botDelayMs: config.BOT_DELAY_MS,
      disconnectGraceMs: config.DISCONNECT_GRACE_MS,
      isOnline: outbound.isOnline,
      awaySince: (userId) => this.offlineSince.get(userId) ?? this.startedAt,
    };
  }

  private clearTimer(live: LiveTable): void {
    if (live.timer !== null) this.deps.clock.clearTimer(live.timer);
    live.timer = null;
  }

  private schedule(live: LiveTable): void {
    this.clearTimer(live);
    if (this.stopped) return;
    const context = this.dueContext(live);
    const due = nextDueAt(live.table, context);
    if (due === null) return;
    live.timer = this.deps.clock.setTimer(due - context.now, () => {
      live.timer = null;
      this.exclusive(live, () => this.actForDueSeats(live)).catch((error: unknown) => {
        // A table that moved to another node (or was read again after a conflict) plays on there.
        if (error instanceof ProtocolError && (error.code === 'UNAVAILABLE' || error.code === 'CONFLICT')) return;
        this.deps.log.error({ err: error, gameId: live.gameId }, 'server play failed');
      });
    });
  }

  /** Plays for every seat whose time has come: the bot's choice, or the auto-play choice for a person. */
  private async actForDueSeats(live: LiveTable): Promise<void> {
    const now = this.deps.clock.now();
    for (const seatIndex of actorsOf(live.table.state)) {
      if (isOver(live.table) || !actorsOf(live.table.state).includes(seatIndex)) continue;
      const seat = live.table.seats[seatIndex];
      // Read again for each seat: the server's move for one seat is a change the next bot waits its delay from.
      if (dueAt(live.table, seat, { ...this.dueContext(live), now }) > now + 1) continue;
      const timedOut = !playedByServer(seat) && this.deps.outbound.isOnline(seat.userId as string);
      const move: ServerMove = { op: 'serverAct', seat: seatIndex as Seat, action: live.players.choose(live.table, seatIndex), timedOut };
      await this.commit(live, decide(live.table, move, this.deps.clock.now()), seat.botLevel !== null ? 'bot' : 'auto');
    }
    if (this.live.get(live.gameId) === live) this.schedule(live);
  }
}
