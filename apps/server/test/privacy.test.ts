import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { playByHint } from '../tools/load/bot-client.js';
import { type Checked, playCheckedGame } from './support/checked-game.js';
import { customTable } from './support/games.js';
import { startTestServer, type TestServer } from './support/server.js';
import { connectedPlayers, everyoneEnds, MANY_GUESTS, waitFor } from './support/table-play.js';

/**
 * Four people play whole games over real sockets; every message each received is checked against the game rebuilt
 * from its replay (see playCheckedGame): its own true hand only, legal options within it, exactly the engine's view
 * for its seat, only public events, and no key of the engine's hidden state anywhere.
 */
describe('privacy at the table', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ env: MANY_GUESTS });
  });
  after(async () => t.cleanup());

  test("a client never holds another seat's cards, through deals, tribute and double tribute", async (context) => {
    // A double tribute is nearly certain in the second deal (the weak seats finish last) unless the weak pair holds
    // both big jokers (抗贡); a few games make it certain enough.
    const seen: Checked[] = [];
    for (let game = 0; game < 5 && !seen.some((checked) => checked.heldBack > 0); game++) {
      const played = await playCheckedGame(t, `pv${game}-`);
      for (const player of played.players) player.realtime.close();
      seen.push(played.checked);
    }
    context.diagnostic(`games: ${JSON.stringify(seen)}`);
    assert.ok(seen.some((checked) => checked.tributes > 0), 'a tribute was paid');
    assert.ok(seen.some((checked) => checked.heldBack > 0), 'a double tribute held a card back while the other giver chose');
  });

  test('a person who quit sees the table no more, not even by RESUME', async () => {
    const players = await connectedPlayers(t, 'pq');
    const [, quitter] = players;
    const stayers = players.filter((player) => player !== quitter);
    const stops = players.map((player) => playByHint(player.realtime));
    const ending = everyoneEnds(stayers);
    const roomId = await customTable(players, 2);
    await waitFor(quitter, 'PLAYER_ACTION', (m) => m.seq >= 4, { timeoutMs: 20_000 });
    const left = waitFor(quitter, 'PLAYER_LEFT', (m) => m.payload.userId === quitter.userId);
    quitter.realtime.send('QUIT', {});
    const { index } = await left;
    stops[1]();

    const refused = waitFor(quitter, 'ERROR', (m) => m.payload.inReplyTo === 'peek', { from: index });
    quitter.realtime.send('RESUME', { roomId, lastSeq: 0 }, 'peek');
    assert.equal((await refused).message.payload.code, 'NOT_IN_GAME');
    await ending;
    stops.forEach((stop) => stop());
    const after = quitter.received.slice(index + 1);
    assert.deepEqual(
      after.filter((m) => m.type === 'GAME_STATE_UPDATE' || m.type === 'PLAYER_ACTION').map((m) => `${m.type} ${m.seq}`),
      [],
      'no view of the seat, and no play, after quitting',
    );
  });
});
