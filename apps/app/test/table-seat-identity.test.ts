import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextSeat, partnerOf, type Seat, SEATS } from '@guandan/engine';
import { BOT_NAMES_EN } from '@guandan/protocol/bot-names';
import fc from 'fast-check';
import { translate } from '../src/i18n';
import { type Occupant, occupantOf, seatIdentity, seatRelation } from '../src/table/model/seat-identity';
import { seatPosition } from '../src/table/model/table-state';

const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh-CN', key, params);
const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);
const bot = (seat: number): Occupant => ({ seat, username: BOT_NAMES_EN[0], userId: null, isBot: true });

describe('seat relations (对家 / 上家 / 下家)', () => {
  it('for every pair of seats: 下家 plays right after me, 上家 right before me, 对家 is my partner', () => {
    for (const me of SEATS) {
      for (const seat of SEATS) {
        const relation = seatRelation(me, seat);
        const expected = seat === me ? 'me' : seat === partnerOf(me) ? 'partner' : seat === nextSeat(me) ? 'right' : 'left';
        assert.equal(relation, expected, `me ${me}, seat ${seat}`);
        if (relation === 'left') assert.equal(nextSeat(seat), me, `上家 ${seat} plays just before me (${me})`);
      }
    }
  });

  it('each relation sits where the table draws it: 下家 on the right, 对家 on top, 上家 on the left', () => {
    const where = { me: 'bottom', right: 'right', partner: 'top', left: 'left' } as const;
    for (const me of SEATS) for (const seat of SEATS) assert.equal(seatPosition(me, seat), where[seatRelation(me, seat)]);
  });

  it('the words, in both languages', () => {
    assert.deepEqual(
      ([1, 2, 3] as Seat[]).map((seat) => zh(seat === 1 ? 'relation.right' : seat === 2 ? 'relation.partner' : 'relation.left')),
      ['下家', '对家', '上家'],
    );
    assert.equal(en('relation.partner'), 'Partner');
  });
});

describe('bot names and avatars', () => {
  it('the four bots of any room have four different names, initials and colours, in Chinese on a Chinese table', () => {
    fc.assert(
      fc.property(fc.uuid(), (roomId) => {
        const identities = SEATS.map((seat) => seatIdentity(bot(seat), roomId, zh));
        for (const key of ['name', 'glyph', 'colour'] as const) assert.equal(new Set(identities.map((identity) => identity[key])).size, 4, key);
        for (const identity of identities) {
          assert.match(identity.name, /^\p{Script=Han}+$/u, `a Chinese name (${identity.name})`);
          assert.equal(identity.glyph, Array.from(identity.name)[0]);
          assert.ok(identity.botPlays && identity.persona !== null);
        }
      }),
    );
  });

  it('the English table shows the name the server stored (the same persona), never "Bot (normal)"', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.constantFrom(...SEATS), (roomId, seat) => {
        const identity = seatIdentity(bot(seat), roomId, en);
        assert.equal(identity.name, BOT_NAMES_EN[identity.persona ?? -1]);
        assert.doesNotMatch(identity.name, /bot/i);
      }),
    );
  });

  it('a bot keeps its name through a reload, and the same room seat shows the same persona in both languages', () => {
    const roomId = '0d7f6c34-5a7e-4d1f-9a55-8f1e2b3c4d5e';
    assert.deepEqual(seatIdentity(bot(3), roomId, zh), seatIdentity(bot(3), roomId, zh));
    assert.equal(seatIdentity(bot(3), roomId, zh).persona, seatIdentity(bot(3), roomId, en).persona);
  });

  it('a person who left keeps their own name while a bot plays their seat', () => {
    const identity = seatIdentity({ seat: 2, username: 'lihua', userId: 'u-1', isBot: true }, 'room', zh);
    assert.equal(identity.name, 'lihua');
    assert.equal(identity.glyph, 'L');
    assert.equal(identity.persona, null);
    assert.equal(identity.botPlays, true);
    assert.equal(seatIdentity({ seat: 2, username: '小明', userId: 'u-2', isBot: false }, 'room', zh).botPlays, false);
  });

  it('a game record names its seats as the table did: bots by persona in the language of the reader (replays, the profile)', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.constantFrom(...SEATS), (roomId, seat) => {
        // The server stores a bot's English persona name in the record.
        const stored = seatIdentity(bot(seat), roomId, en).name;
        const recorded = { seat, username: stored, user_id: null, is_bot: true, team: seat % 2 };
        assert.equal(seatIdentity(occupantOf(recorded), roomId, zh).name, seatIdentity(bot(seat), roomId, zh).name);
        assert.match(seatIdentity(occupantOf(recorded), roomId, zh).name, /^\p{Script=Han}+$/u);
        assert.equal(seatIdentity(occupantOf(recorded), roomId, en).name, stored);
      }),
    );
    const left = { seat: 1, username: 'lihua', user_id: 'u-1', is_bot: true, team: 1 };
    assert.equal(seatIdentity(occupantOf(left), 'room', zh).name, 'lihua');
  });
});
