import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { fullDeck } from '@guandan/engine';
import { BuyItemBodySchema, CardSchema, CreateRoomBodySchema, parseClientMessage, RulesSchema } from '../src/index.js';

const envelope = (type: string, payload: unknown, id = 'm1'): string => JSON.stringify({ type, payload, timestamp: 1, id });

describe('client messages', () => {
  test('a valid message parses with its payload typed and defaults filled', () => {
    const parsed = parseClientMessage(envelope('PLAY_CARDS', { cards: ['H7', 'S7'] }));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.message.payload, { cards: ['H7', 'S7'] });
    const ready = parseClientMessage(envelope('READY', {}));
    assert.ok(ready.ok && ready.message.type === 'READY' && ready.message.payload.ready === true);
  });

  test('malformed input is refused with the message id when there is one', () => {
    assert.deepEqual(parseClientMessage('{').ok, false);
    const unknown = parseClientMessage(envelope('DANCE', {}, 'd1'));
    assert.ok(!unknown.ok && unknown.id === 'd1');
    for (const bad of [
      envelope('PLAY_CARDS', { cards: [] }),
      envelope('PLAY_CARDS', { cards: ['X9'] }),
      envelope('PASS', { extra: true }),
      envelope('SEND_MESSAGE', { text: 'x'.repeat(201) }),
      envelope('SEND_EMOJI', { emoji: 'not-an-emoji' }),
      envelope('RESUME', { roomId: 'not-a-uuid', lastSeq: 0 }),
      JSON.stringify({ type: 'PING', payload: {}, timestamp: 1, id: '' }),
    ]) {
      assert.equal(parseClientMessage(bad).ok, false, bad);
    }
  });

  test('no string, however odd, makes the parser throw', () => {
    fc.assert(fc.property(fc.string(), (text) => typeof parseClientMessage(text).ok === 'boolean'), { seed: 7, numRuns: 2000 });
  });
});

describe('shared schemas', () => {
  test('a uint256 id is decimal digits below 2^256; any other string is refused, never thrown on', () => {
    const accepts = (tokenId: string) => BuyItemBodySchema.safeParse({ token_id: tokenId }).success;
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9]{1,90}$/)), (text) => {
        const expected = /^\d{1,78}$/.test(text) && BigInt(text) < 2n ** 256n;
        assert.equal(accepts(text), expected, JSON.stringify(text));
      }),
      { seed: 11, numRuns: 3000 },
    );
    for (const refused of ['\u0000', '\u202eevil', '-1', '1.5', ' 1', (2n ** 256n).toString()]) assert.equal(accepts(refused), false, JSON.stringify(refused));
    assert.equal(accepts((2n ** 256n - 1n).toString()), true);
  });

  test('every card of the deck is a card, and nothing else of up to three characters is', () => {
    const deck = new Set(fullDeck());
    for (const card of deck) assert.ok(CardSchema.safeParse(card).success, card);
    fc.assert(
      fc.property(fc.string({ maxLength: 3 }), (text) => CardSchema.safeParse(text).success === deck.has(text)),
      { seed: 3, numRuns: 3000 },
    );
  });

  test('rule options accept RULES.md values and refuse unknown keys and the host-only time limit', () => {
    assert.ok(RulesSchema.safeParse({ maxBombSize: 8, matchEnd: { kind: 'deals', deals: 3 } }).success);
    assert.equal(RulesSchema.safeParse({ maxBombSize: 9 }).success, false);
    assert.equal(RulesSchema.safeParse({ surprise: true }).success, false);
    assert.equal(RulesSchema.safeParse({ matchEnd: { kind: 'time' } }).success, false);
  });

  test('a room body gets the documented defaults', () => {
    const body = CreateRoomBodySchema.parse({ game_mode: 'custom' });
    assert.deepEqual(body.room_config, { base_bet: 0, max_players: 4, rules: {}, bot_level: 'normal' });
  });
});
