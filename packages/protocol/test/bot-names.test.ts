import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { BOT_NAMES_EN, BOT_PERSONA_COUNT, botPersona, botUsername } from '../src/bot-names.js';

describe('bot names', () => {
  test('the four seats of any room get four different personas, each a valid index', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (roomId) => {
        const personas = [0, 1, 2, 3].map((seat) => botPersona(roomId, seat));
        assert.equal(new Set(personas).size, 4, `distinct personas for ${JSON.stringify(roomId)}: ${personas.join(',')}`);
        for (const persona of personas) assert.ok(Number.isInteger(persona) && persona >= 0 && persona < BOT_PERSONA_COUNT);
      }),
    );
  });

  test('a seat of a room keeps its name (a reload shows the same bot), and rooms do not all look the same', () => {
    const room = '3f1c9a52-7d7e-4a55-9d7b-0c2b1d9f8e10';
    assert.equal(botUsername(room, 1), botUsername(room, 1));
    const firstSeatNames = new Set(Array.from({ length: 50 }, (_, index) => botUsername(`room-${index}`, 1)));
    assert.ok(firstSeatNames.size > 4, `seat 1 is not always the same bot (${[...firstSeatNames].join(', ')})`);
  });

  test('names are short, unique and start with different letters (the avatar shows the initial)', () => {
    assert.equal(new Set(BOT_NAMES_EN).size, BOT_NAMES_EN.length);
    assert.equal(new Set(BOT_NAMES_EN.map((name) => name[0])).size, BOT_NAMES_EN.length);
    for (const name of BOT_NAMES_EN) assert.ok(name.length <= 8 && !/bot/i.test(name), name);
  });
});
