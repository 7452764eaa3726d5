import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { startMatch } from '@guandan/engine';
import { openDatabase } from '../src/platform/db/database.js';
import { AnsweredMessages } from '../src/tables/answered-messages.js';
import type { TableSnapshot } from '../src/tables/snapshot.js';
import { TableStore } from '../src/tables/table-store.js';

describe("a table's answered client messages, as it reopens from its log", () => {
  const dir = mkdtempSync(join(tmpdir(), 'answered-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('every client message id in the log is known again with the seq of its event; seat changes and bots are not', async () => {
    const db = await openDatabase({ kind: 'sqlite', file: join(dir, 'answered.sqlite') });
    const store = new TableStore(db);
    const [li, wang] = [crypto.randomUUID(), crypto.randomUUID()];
    const snapshot: TableSnapshot = {
      gameId: crypto.randomUUID(),
      roomId: crypto.randomUUID(),
      gameMode: 'custom',
      baseBet: 10,
      replacementLevel: 'normal',
      state: startMatch({ seed: 'answered' }).state,
      seats: [li, wang, null, null].map((userId, seat) => ({ seat: seat as 0 | 1 | 2 | 3, userId, username: `p${seat}`, botLevel: userId === null ? 'normal' : null, autoPlay: false, timeouts: 0, quit: false })),
      deadline: null,
      startedAt: new Date().toISOString(),
    };
    const written = [
      { kind: 'PLAYER_ACTION', actorUserId: li, clientMsgId: 'play-1' },
      { kind: 'PLAYER_ACTION', actorUserId: null, clientMsgId: null },
      { kind: 'CHAT_MESSAGE', actorUserId: wang, clientMsgId: 'hello' },
      { kind: 'AUTO_PLAY', actorUserId: li, clientMsgId: null },
      // Two people may pick the same id: each is theirs.
      { kind: 'PLAYER_ACTION', actorUserId: wang, clientMsgId: 'play-1' },
    ];
    try {
      await store.insert(db, snapshot);
      for (const [index, event] of written.entries()) await store.append(snapshot.gameId, index, { ...event, payload: {}, action: null }, snapshot, 'playing');
      const answered = new AnsweredMessages(await store.clientMessages(snapshot.gameId));
      assert.equal(answered.seqOf(li, 'play-1'), 1);
      assert.equal(answered.seqOf(wang, 'hello'), 3);
      assert.equal(answered.seqOf(wang, 'play-1'), 5);
      assert.equal(answered.seqOf(li, 'hello'), undefined, "one person's id is not another's");
      assert.equal(answered.seqOf(li, 'play-2'), undefined);
      const [answer] = await store.eventsAfter(snapshot.gameId, 3 - 1, 1);
      assert.equal(answer?.kind, 'CHAT_MESSAGE', 'the answered event is read back by its seq');
    } finally {
      await db.destroy();
    }
  });
});
