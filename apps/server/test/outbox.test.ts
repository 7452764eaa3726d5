import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { type BusEvent, InProcessBus } from '../src/platform/bus.js';
import { type Db, openDatabase } from '../src/platform/db/database.js';
import { consumeOnce, OutboxRelay } from '../src/platform/outbox.js';
import { freshPostgresDatabase, skipWithoutPostgres, type StoreKind } from './support/server.js';

const silentLog = { warn: () => {}, error: () => {} };

async function writeRow(db: Db, id: string, createdAt: string): Promise<void> {
  await db.insertInto('outbox').values({ id, kind: 'TestEvent', payload: JSON.stringify({ id }), created_at: createdAt, published_at: null }).execute();
}

async function unpublished(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('outbox').select('id').where('published_at', 'is', null).orderBy('id').execute();
  return rows.map((row) => row.id);
}

/** A bus whose TestEvent handler records deliveries and fails for the ids in `failing`. */
function recordingBus(failing: Set<string> = new Set()): { bus: InProcessBus; delivered: string[] } {
  const delivered: string[] = [];
  const bus = new InProcessBus(() => {});
  bus.subscribe('TestEvent', async (event: BusEvent) => {
    if (failing.has(event.id)) throw new Error(`handler fails for ${event.id}`);
    delivered.push(event.id);
  });
  return { bus, delivered };
}

for (const store of ['sqlite', 'postgres'] as StoreKind[]) {
  describe(`outbox relay and idempotent consumers (${store})`, { skip: store === 'postgres' && (await skipWithoutPostgres()) }, () => {
    let db: Db;
    let drop: (() => Promise<void>) | undefined;
    before(async () => {
      if (store === 'sqlite') {
        db = await openDatabase({ kind: 'sqlite', file: ':memory:' });
      } else {
        const fresh = await freshPostgresDatabase();
        drop = fresh.drop;
        db = await openDatabase({ kind: 'postgres', url: fresh.url });
      }
    });
    after(async () => {
      await db.destroy();
      await drop?.();
    });
    beforeEach(async () => {
      await db.deleteFrom('outbox').execute();
      await db.deleteFrom('processed_events').execute();
    });

    test('start publishes the rows an earlier run left, in the order they were created, and marks them', async () => {
      await writeRow(db, 'c', '2026-01-01T00:00:02.000Z');
      await writeRow(db, 'a', '2026-01-01T00:00:03.000Z');
      await writeRow(db, 'b', '2026-01-01T00:00:01.000Z');
      await db.insertInto('outbox').values({ id: 'old', kind: 'TestEvent', payload: '{}', created_at: '2025-01-01T00:00:00.000Z', published_at: '2025-01-01T00:00:01.000Z' }).execute();
      const { bus, delivered } = recordingBus();
      const relay = new OutboxRelay(db, bus, silentLog);
      await relay.start();
      await relay.stop();
      assert.deepEqual(delivered, ['b', 'c', 'a']);
      assert.deepEqual(await unpublished(db), []);

      await relay.kick();
      assert.deepEqual(delivered, ['b', 'c', 'a'], 'published rows are not sent again');
    });

    test('a backlog longer than one batch is published in full, in order', async () => {
      const ids = Array.from({ length: 230 }, (_, index) => `row-${String(index).padStart(3, '0')}`);
      for (const id of ids) await writeRow(db, id, '2026-01-01T00:00:00.000Z');
      const { bus, delivered } = recordingBus();
      await new OutboxRelay(db, bus, silentLog).kick();
      assert.deepEqual(delivered, ids);
    });

    test('a row whose publishing fails stays unpublished, does not hold up the others and is retried', async () => {
      await writeRow(db, 'first', '2026-01-01T00:00:01.000Z');
      await writeRow(db, 'second', '2026-01-01T00:00:02.000Z');
      const failing = new Set(['first']);
      const { bus, delivered } = recordingBus(failing);
      const warnings: unknown[] = [];
      const relay = new OutboxRelay(db, bus, { warn: (details: unknown) => warnings.push(details), error: () => {} });
      await relay.kick();
      assert.deepEqual(delivered, ['second']);
      assert.deepEqual(await unpublished(db), ['first']);
      assert.equal(warnings.length, 1);

      failing.clear();
      await relay.kick();
      assert.deepEqual(delivered, ['second', 'first']);
      assert.deepEqual(await unpublished(db), []);
    });

    test('kicks during a pass share one pass behind it: each row is published once', async () => {
      const { bus, delivered } = recordingBus();
      const relay = new OutboxRelay(db, bus, silentLog);
      await writeRow(db, 'one', '2026-01-01T00:00:01.000Z');
      const firstKick = relay.kick();
      await writeRow(db, 'two', '2026-01-01T00:00:02.000Z');
      await Promise.all([firstKick, relay.kick(), relay.kick(), relay.kick()]);
      assert.deepEqual(delivered, ['one', 'two']);
    });

    test('the sweep publishes without a kick', async () => {
      const { bus, delivered } = recordingBus();
      const relay = new OutboxRelay(db, bus, silentLog, 20);
      await relay.start();
      await writeRow(db, 'swept', '2026-01-01T00:00:01.000Z');
      for (let waited = 0; delivered.length === 0 && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      await relay.stop();
      assert.deepEqual(delivered, ['swept']);
    });

    test('consumeOnce applies an event once however often it is delivered, and again after a failed attempt', async () => {
      const bus = new InProcessBus(() => {});
      let attempts = 0;
      let failNext = true;
      consumeOnce<{ userId: string }>(db, bus, 'Credit', 'test-consumer', async (trx, payload) => {
        attempts++;
        // The effect writes a row of its own (any table does) so that a rolled-back attempt would show.
        await trx.insertInto('processed_events').values({ consumer: `effect:${payload.userId}`, event_id: String(attempts), processed_at: 'now' }).execute();
        if (failNext) {
          failNext = false;
          throw new Error('the effect fails once');
        }
      });
      const event = { id: 'credit-1', kind: 'Credit', payload: { userId: 'u1' } };
      await assert.rejects(bus.publish(event));
      const afterFailure = await db.selectFrom('processed_events').selectAll().execute();
      assert.deepEqual(afterFailure, [], 'the failed attempt left neither its effect nor its mark');

      await bus.publish(event);
      await bus.publish(event);
      await Promise.all([bus.publish(event), bus.publish(event)]);
      assert.equal(attempts, 2);
      const rows = await db.selectFrom('processed_events').select(['consumer', 'event_id']).orderBy('consumer').execute();
      assert.deepEqual(rows, [
        { consumer: 'effect:u1', event_id: '2' },
        { consumer: 'test-consumer', event_id: 'credit-1' },
      ]);
    });
  });
}
