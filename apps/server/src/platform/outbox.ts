import type { FastifyBaseLogger } from 'fastify';
import type { Transaction } from 'kysely';
import type { EventBus } from './bus.js';
import { type Db, nowIso } from './db/database.js';
import type { Database, OutboxTable } from './db/schema.js';
import { transactionOf, type UnitOfWork } from './db/unit-of-work.js';

/** How many rows one query reads; a longer backlog is read in several. */
const BATCH = 100;

/**
 * Writes an event to the outbox in the caller's transaction, so it is published if and only if that commits. An
 * event id written twice is kept once (a retried write of the same event).
 */
export async function enqueueEvent(work: UnitOfWork, event: { id: string; kind: string; payload: unknown }): Promise<void> {
  await transactionOf(work)
    .insertInto('outbox')
    .values({ id: event.id, kind: event.kind, payload: JSON.stringify(event.payload), created_at: nowIso(), published_at: null })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
}

/**
 * The transactional outbox's relay (ARCHITECTURE.md, principle 6): rows written in a domain's transaction are
 * published to the bus in the order they were created, then marked published. Delivery is at least once: a row
 * whose publishing fails stays unpublished and is tried again on the next pass (after the rows behind it, so one
 * failing event never holds up the others), and several nodes may publish the same row; consumers are idempotent
 * (`consumeOnce`).
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly log: Pick<FastifyBaseLogger, 'warn' | 'error'>,
    private readonly sweepMs = 2000,
  ) {}

  /** Publishes what an earlier run left (a crash between commit and publish), then sweeps every `sweepMs`. */
  async start(): Promise<void> {
    if (this.timer === null) {
      this.timer = setInterval(() => void this.kick(), this.sweepMs);
      this.timer.unref();
    }
    await this.kick();
  }

  /** Stops sweeping and waits for the pass in flight. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await (this.queued ?? this.running);
  }

  /**
   * Publishes now: call it after committing outbox rows. Resolves once every row committed before the call has been
   * tried. Passes never overlap, and kicks during a pass share the one pass queued behind it.
   */
  kick(): Promise<void> {
    if (this.running === null) {
      this.running = this.publishPending().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.queued ??= this.running.then(() => {
      this.queued = null;
      return this.kick();
    });
    return this.queued;
  }

  private async publishPending(): Promise<void> {
    try {
      let after: OutboxTable | undefined;
      let batch: OutboxTable[];
      do {
        batch = await this.unpublishedAfter(after);
        for (const row of batch) await this.publish(row);
        after = batch.at(-1);
      } while (batch.length === BATCH);
    } catch (error) {
      this.log.error({ err: error }, 'outbox relay pass failed; the next sweep retries');
    }
  }

  private async unpublishedAfter(row: OutboxTable | undefined): Promise<OutboxTable[]> {
    let query = this.db.selectFrom('outbox').selectAll().where('published_at', 'is', null);
    if (row !== undefined) {
      query = query.where((eb) =>
        eb.or([eb('created_at', '>', row.created_at), eb.and([eb('created_at', '=', row.created_at), eb('id', '>', row.id)])]),
      );
    }
    return query.orderBy('created_at').orderBy('id').limit(BATCH).execute();
  }

  private async publish(row: OutboxTable): Promise<void> {
    try {
      await this.bus.publish({ id: row.id, kind: row.kind, payload: JSON.parse(row.payload) });
    } catch (error) {
      this.log.warn({ err: error, eventId: row.id, kind: row.kind }, 'publishing an outbox row failed; it stays unpublished and is retried');
      return;
    }
    await this.db.updateTable('outbox').set({ published_at: nowIso() }).where('id', '=', row.id).execute();
  }
}

/**
 * The consumer side of the outbox: subscribes `effect` to events of `kind` so that it takes effect once per event,
 * however often the event is delivered. The effect and the (consumer, event id) row in processed_events commit in
 * one transaction, so a crash leaves neither, and a redelivery finds the row and changes nothing. On PostgreSQL a
 * concurrent duplicate waits on the row's insert and then skips.
 *
 * The payload is trusted as `T`: outbox rows are written only by our own code, and each kind has one shape.
 */
export function consumeOnce<T>(
  db: Db,
  bus: EventBus,
  kind: string,
  consumer: string,
  effect: (trx: Transaction<Database>, payload: T) => Promise<void>,
): void {
  bus.subscribe(kind, async (event) => {
    await db.transaction().execute(async (trx) => {
      const marked = await trx
        .insertInto('processed_events')
        .values({ consumer, event_id: event.id, processed_at: nowIso() })
        .onConflict((conflict) => conflict.columns(['consumer', 'event_id']).doNothing())
        .executeTakeFirst();
      if (marked.numInsertedOrUpdatedRows === 0n) return;
      await effect(trx, event.payload as T);
    });
  });
}
