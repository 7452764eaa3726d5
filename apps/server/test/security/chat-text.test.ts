import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseClientMessage, type ServerMessage } from '@guandan/protocol';
import fc from 'fast-check';
import { customTable } from '../support/games.js';
import type { TestPlayer } from '../support/players.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { connectedPlayers, MANY_GUESTS, waitFor } from '../support/table-play.js';

/** Characters that must never reach another player: controls (C0, DEL, C1) and the bidirectional controls. */
const FORBIDDEN = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Characters that show nothing on their own. */
const INVISIBLE = ['\u3164', '\u200B', '\u2800', '\u200C', '\u200D', '\u2060', '\uFEFF', '\uFFA0', '\u115F', '\u00A0', '\u3000', ' ', '\u034F', '\uFE0F'];
const HOSTILE = ['\u202E', '\u202D', '\u202A', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', '\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u009B', '\n', '\r', '\t'];

const hostileText = fc.array(fc.oneof(fc.constantFrom(...HOSTILE, ...INVISIBLE), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 60 }).map((parts) => parts.join(''));
const invisibleText = fc.array(fc.constantFrom(...INVISIBLE, ...HOSTILE), { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));

/** The sender's own copy of its line (every seat gets the broadcast), or the ERROR that refused it. */
function answerTo(sender: TestPlayer, id: string): Promise<ServerMessage<'ERROR'> | ServerMessage<'CHAT_MESSAGE'>> {
  return new Promise((resolve) => {
    const off = sender.realtime.on('*', (message) => {
      const refused = message.type === 'ERROR' && message.payload.inReplyTo === id;
      if (!refused && !(message.type === 'CHAT_MESSAGE' && message.payload.seat === 0)) return;
      off();
      resolve(message as ServerMessage<'ERROR'> | ServerMessage<'CHAT_MESSAGE'>);
    });
  });
}

const sendMessage = (text: string) => parseClientMessage(JSON.stringify({ type: 'SEND_MESSAGE', payload: { text }, timestamp: 1, id: 'm' }));

describe('chat text: the protocol schema', () => {
  test('whatever is sent, an accepted line has no control or bidi character, something visible, and at most 200 characters', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const parsed = sendMessage(text);
        if (!parsed.ok) return;
        assert.equal(parsed.message.type, 'SEND_MESSAGE');
        const clean = (parsed.message.payload as { text: string }).text;
        assert.doesNotMatch(clean, FORBIDDEN);
        assert.ok(clean.length >= 1 && clean.length <= 200);
        assert.equal(clean, clean.trim());
        assert.ok([...clean].some((character) => !INVISIBLE.includes(character) && !HOSTILE.includes(character)), `something visible in ${JSON.stringify(clean)}`);
      }),
      { numRuns: 3000 },
    );
  });

  test('text made only of invisible, control and bidi characters is refused as BAD_MESSAGE', () => {
    fc.assert(
      fc.property(invisibleText, (text) => {
        const parsed = sendMessage(text);
        assert.equal(parsed.ok, false, JSON.stringify(text));
      }),
      { numRuns: 2000 },
    );
    for (const text of ['\u3164\u3164\u3164', '\u200B', '\u2800\u2800', '\u202E\u202E']) {
      const parsed = sendMessage(text);
      assert.ok(!parsed.ok && parsed.message.includes('no visible characters'), JSON.stringify(text));
    }
  });

  test('a line keeps its visible text: bidi controls go, line breaks become spaces', () => {
    const cases: [string, string][] = [
      ['\u202Egg\u202C', 'gg'],
      ['good\nluck', 'good luck'],
      ['a\u0000b\u001Bc', 'abc'],
      ['  你好 👨‍👩‍👧 ', '你好 👨‍👩‍👧'],
    ];
    for (const [sent, kept] of cases) {
      const parsed = sendMessage(sent);
      assert.ok(parsed.ok && parsed.message.type === 'SEND_MESSAGE');
      assert.equal(parsed.message.payload.text, kept);
    }
  });
});

describe('chat text: over the wire', () => {
  let t: TestServer;
  let players: TestPlayer[];
  before(async () => {
    t = await startTestServer({ env: { ...MANY_GUESTS, CHAT_USER_BURST: '1000', CHAT_TABLE_BURST: '1000', REALTIME_BURST: '1000' } });
    players = await connectedPlayers(t, 'ct');
    const started = Promise.all(players.map((player) => waitFor(player, 'GAME_STATE_UPDATE')));
    await customTable(players);
    await started;
  });
  after(async () => t.cleanup());

  test('the players receive the cleaned line or the sender gets BAD_MESSAGE; nothing hostile is broadcast', async () => {
    const [sender] = players;
    let index = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileText, invisibleText), async (text) => {
        const id = `text-${index++}`;
        const answer = answerTo(sender, id);
        sender.realtime.sendRaw(JSON.stringify({ type: 'SEND_MESSAGE', payload: { text }, timestamp: Date.now(), id }));
        const message = await answer;
        if (message.type === 'ERROR') {
          assert.equal(message.payload.code, 'BAD_MESSAGE');
          return;
        }
        const shown = message.payload.text as string;
        assert.doesNotMatch(shown, FORBIDDEN);
        assert.ok(shown.length >= 1 && shown.length <= 200);
      }),
      { numRuns: 40 },
    );
  });
});
