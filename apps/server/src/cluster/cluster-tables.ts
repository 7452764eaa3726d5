import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { EngineError } from '@guandan/engine';
import { type AnyServerMessage, type ErrorCode, ProtocolError } from '@guandan/protocol';
import type { UnitOfWork } from '../platform/db/unit-of-work.js';
import type { TableCommand, TableEnding } from '../tables/index.js';
import type { LocalTables, NewTable, TableHosting, TablePort } from '../tables/index.js';
import type { RedisLink } from './redis-link.js';
import type { TableLeases } from './table-leases.js';

interface Envelope {
  id: string;
  replyTo: string;
  command: TableCommand | TableEnding;
}

interface Reply {
  id: string;
  error?: { code: ErrorCode; message: string };
}

/** How long one forwarded command waits for its answer before it is sent again (commands are idempotent). */
const REPLY_TIMEOUT_MS = 3000;
/** Between tries while no node runs the table (its node died and the lease has not run out yet). */
const RETRY_MS = 200;

/** Deletes a person's table pointer only if it still names this table (they may sit at another one now). */
const FORGET_PLAYER = `
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then redis.call('DEL', key) end
end
return 1`;

/**
 * The tables on a cluster. A table runs on the node holding its lease; a person's command reaching another node
 * (their socket is there) is forwarded on the table's channel and answered on the sender's reply channel. Every
 * node renews its leases and takes over tables whose lease ran out, reading them from the database.
 */
export class ClusterTables implements TablePort, TableHosting {
  private local: LocalTables | null = null;
  private readonly waiting = new Map<string, (reply: Reply) => void>();
  private readonly replyChannel: string;
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;
  /** Lease hand-backs and pointer clean-ups in flight, awaited before the node stops. */
  private readonly closing = new Set<Promise<unknown>>();

  constructor(
    private readonly link: RedisLink,
    private readonly nodeId: string,
    private readonly leases: TableLeases,
    /** The ids of the tables the database says are still playing. */
    private readonly playingIds: () => Promise<string[]>,
    private readonly log: { error(object: unknown, message: string): void },
  ) {
    this.replyChannel = link.key('reply', nodeId);
  }

  /** The node's own table service (built with this object as its hosting). */
  attach(local: LocalTables): void {
    this.local = local;
  }

  async start(): Promise<void> {
    await this.link.listen(this.replyChannel, (raw) => {
      const reply = JSON.parse(raw) as Reply;
      this.waiting.get(reply.id)?.(reply);
    });
    await this.leases.adopt(await this.playingIds());
    this.timer = setInterval(() => void this.sweep(), Math.max(250, Math.floor(this.leases.leaseMs / 3)));
    this.timer.unref();
    await this.sweep();
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    await this.sweeping;
    await Promise.all(this.closing);
  }

  create(work: UnitOfWork, input: NewTable): Promise<void> {
    return this.service().create(work, input);
  }

  open(gameId: string): Promise<void> {
    return this.service().open(gameId);
  }

  resumeMessages(userId: string, gameId: string, lastSeq: number): Promise<AnyServerMessage[]> {
    return this.service().resumeMessages(userId, gameId, lastSeq);
  }

  /** Runs a person's command here if this node runs their table, else on the node that does. */
  async run(command: TableCommand): Promise<void> {
    const local = this.service();
    if (local.gameOf(command.userId) !== undefined) return local.run(command);
    const gameId = await this.link.commands.get(this.playerKey(command.userId));
    if (gameId === null) throw new ProtocolError('NOT_IN_GAME', 'you are not playing a game');
    return this.forward(gameId, command);
  }

  /**
   * Ends a table here if this node runs it or can take it (no node holds it), else on the node that runs it. While a
   * dead node's lease runs out, the table's channel has no listener and the ending waits for a node to take it.
   */
  async end(ending: TableEnding): Promise<void> {
    try {
      return await this.service().end(ending);
    } catch (error) {
      if (!(error instanceof ProtocolError && error.code === 'UNAVAILABLE')) throw error;
    }
    return this.forward(ending.gameId, ending);
  }

  /** The node running each of these tables, or null where none does. */
  hostsOf(gameIds: readonly string[]): Promise<Map<string, string | null>> {
    return this.leases.holders(gameIds);
  }

  // TableHosting: what the local table service tells the cluster.

  claim(gameId: string): Promise<boolean> {
    return this.leases.acquire(gameId);
  }

  async opened(gameId: string, userIds: string[]): Promise<void> {
    await this.link.listen(this.tableChannel(gameId), (raw) => void this.serve(gameId, JSON.parse(raw) as Envelope));
    if (userIds.length > 0) await this.link.commands.mset(...userIds.flatMap((userId) => [this.playerKey(userId), gameId]));
  }

  left(gameId: string, userId: string): void {
    this.forgetPlayers(gameId, [userId]);
  }

  closed(gameId: string, userIds: string[], finished: boolean): void {
    const done = finished ? this.leases.finished(gameId) : this.leases.release(gameId);
    const closing = Promise.all([this.link.unlisten(this.tableChannel(gameId)), done])
      .then(() => finished && this.forgetPlayers(gameId, userIds))
      .catch((error: unknown) => this.log.error({ err: error, gameId }, 'closing a table on the cluster failed'));
    this.closing.add(closing);
    void closing.finally(() => this.closing.delete(closing));
  }

  /** Renews this node's leases (handing over any it lost), then takes over tables whose node stopped renewing. */
  private sweep(): Promise<void> {
    this.sweeping ??= (async () => {
      const local = this.service();
      for (const lost of await this.leases.renew(local.runningIds())) await local.handOver(lost);
      for (const gameId of await this.leases.orphans()) if (!local.runs(gameId)) await local.open(gameId);
    })()
      .catch((error: unknown) => this.log.error({ err: error }, 'table lease sweep failed; the next one retries'))
      .finally(() => {
        this.sweeping = null;
      });
    return this.sweeping;
  }

  /** Sends the command to the table's node until one answers; gives up once a lease has had time to move. */
  private async forward(gameId: string, command: TableCommand | TableEnding): Promise<void> {
    const deadline = Date.now() + this.leases.leaseMs * 2 + REPLY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const local = this.service();
      if (local.runs(gameId)) return applyHere(local, command);
      const reply = await this.ask(gameId, command);
      if (reply === null || reply.error?.code === 'UNAVAILABLE') {
        await sleep(RETRY_MS);
        continue;
      }
      if (reply.error !== undefined) throw new ProtocolError(reply.error.code, reply.error.message);
      return;
    }
    throw new ProtocolError('UNAVAILABLE', 'the table is moving to another server: try again');
  }

  /** One try: the answer, or null when no node runs the table or none answered in time. */
  private async ask(gameId: string, command: TableCommand | TableEnding): Promise<Reply | null> {
    const id = randomUUID();
    const answered = new Promise<Reply | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), REPLY_TIMEOUT_MS);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
    });
    try {
      const listeners = await this.link.publish(this.tableChannel(gameId), JSON.stringify({ id, replyTo: this.replyChannel, command } satisfies Envelope));
      return listeners === 0 ? null : await answered;
    } finally {
      this.waiting.delete(id);
    }
  }

  /** A command forwarded by another node for a table this node runs. */
  private async serve(gameId: string, envelope: Envelope): Promise<void> {
    const local = this.service();
    let reply: Reply = { id: envelope.id };
    try {
      if (!local.runs(gameId)) throw new ProtocolError('UNAVAILABLE', 'this node no longer runs the table');
      await applyHere(local, envelope.command);
    } catch (error) {
      reply =
        error instanceof ProtocolError || error instanceof EngineError
          ? { id: envelope.id, error: { code: error.code, message: error.message } }
          : { id: envelope.id, error: { code: 'INTERNAL', message: 'internal error' } };
      if (reply.error?.code === 'INTERNAL') this.log.error({ err: error, gameId }, 'a forwarded table command failed');
    }
    await this.link.publish(envelope.replyTo, JSON.stringify(reply)).catch((error: unknown) => this.log.error({ err: error, gameId }, 'answering a forwarded command failed'));
  }

  private forgetPlayers(gameId: string, userIds: string[]): void {
    if (userIds.length === 0) return;
    const keys = userIds.map((userId) => this.playerKey(userId));
    this.link.commands.eval(FORGET_PLAYER, keys.length, ...keys, gameId).catch((error: unknown) => this.log.error({ err: error, gameId }, 'forgetting players failed'));
  }

  private service(): LocalTables {
    if (this.local === null) throw new Error('ClusterTables used before attach()');
    return this.local;
  }

  private tableChannel(gameId: string): string {
    return this.link.key('table', gameId);
  }

  private playerKey(userId: string): string {
    return this.link.key('playing', userId);
  }
}

function applyHere(local: LocalTables, command: TableCommand | TableEnding): Promise<void> {
  return command.op === 'end' ? local.end(command) : local.run(command);
}
