import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { beats, classify, fullDeck, legalMoves, type Play, PLAY_TYPES, RANKS } from '@guandan/engine';
import fc from 'fast-check';
import { translate } from '../src/i18n/strings';
import type { Translate } from '../src/i18n';
import { bombPower, bombTier, captionWords, playCaption, standingIndex } from '../src/table/model/play-caption';
import type { TrickEntry } from '../src/table/model/trick';
import { POSITIONS, tableLayout } from '../src/table/view/table-layout';
import { trickLabelBox } from '../src/table/view/trick-label-box';

/** fast-check from a fixed seed, so every run checks the same cases. */
const PROPERTY = { seed: 20_261_207, numRuns: 120 };

const zh: Translate = (key, params) => translate('zh-CN', key, params);
const en: Translate = (key, params) => translate('en', key, params);

/** The strongest reading of `cards` at `level` (what the chooser lists first). */
function read(cards: string, level = '2'): Play {
  const [reading] = classify(cards.split(' '), level);
  assert.ok(reading, `${cards} is a play at level ${level}`);
  return reading;
}

const words = (cards: string, level = '2', t: Translate = zh): string => captionWords(playCaption(read(cards, level), level), t);

describe('the caption under a play', () => {
  it('names every play type with its key, in Chinese', () => {
    assert.equal(words('SA'), '单张 A');
    assert.equal(words('ST'), '单张 10');
    assert.equal(words('SB'), '单张 小王');
    assert.equal(words('HR'), '单张 大王');
    assert.equal(words('SA HA'), '对子 A');
    assert.equal(words('SB SB'), '对子 小王');
    assert.equal(words('S7 H7 D7'), '三张 7');
    assert.equal(words('S9 H9 D9 S5 H5'), '三带二 9');
    assert.equal(words('ST SJ HQ DK CA'), '顺子 10–A');
    assert.equal(words('SQ HQ SK HK SA HA'), '连对 Q–A');
    assert.equal(words('SK HK DK SA HA DA'), '钢板 K–A');
    assert.equal(words('S6 H6 D6 C6'), '4张炸 6');
    assert.equal(words('S6 H6 D6 C6 S6'), '5张炸 6');
    assert.equal(words('S6 H6 D6 C6 S6 H6 D6 C6'), '8张炸 6');
    assert.equal(words('S9 ST SJ SQ SK'), '同花顺 ♠9–K');
    assert.equal(words('SB SB HR HR'), '天王炸');
  });

  it('says the same in English', () => {
    assert.equal(words('SA HA', '2', en), 'Pair A');
    assert.equal(words('S9 H9 D9 S5 H5', '2', en), 'Full house 9');
    assert.equal(words('S6 H6 D6 C6', '2', en), '4-card bomb 6');
    assert.equal(words('D5 D6 D7 D8 D9', '2', en), 'Straight flush ♦5–9');
    assert.equal(words('SB SB HR HR', '2', en), 'Joker bomb');
    assert.equal(words('SB', '2', en), 'Single Small joker');
  });

  it('puts the ace low where the sequence runs under 2', () => {
    assert.equal(words('SA S2 H3 D4 C5', '9'), '顺子 A–5');
    assert.equal(words('SA HA S2 H2 S3 H3', '9'), '连对 A–3');
    assert.equal(words('SA HA DA S2 H2 D2', '9'), '钢板 A–2');
  });

  it('gives a straight flush the suit of its natural cards, not of the wild heart standing in', () => {
    // Level 2: the 2 of hearts is wild; here it stands in for the K of spades.
    assert.equal(words('S9 ST SJ SQ H2', '2'), '同花顺 ♠9–K');
  });

  it('tells an AA from a 6666 bomb: different words and only the bomb is a bomb', () => {
    const pair = playCaption(read('SA HA'), '2');
    const bomb = playCaption(read('S6 H6 D6 C6'), '2');
    assert.notEqual(captionWords(pair, zh), captionWords(bomb, zh));
    assert.equal(pair.bomb, null);
    assert.equal(bomb.bomb, 'four');
    assert.equal(bombPower(pair.bomb), 0);
    assert.ok(bombPower(bomb.bomb) > 0);
  });

  it('ranks bombs by the engine ladder: 4 < 5 < straight flush < 6+ < joker bomb', () => {
    const tiers = ['S6 H6 D6 C6', 'S6 H6 D6 C6 S6', 'S9 ST SJ SQ SK', 'S6 H6 D6 C6 S6 H6', 'SB SB HR HR'].map((cards) => bombTier(read(cards)));
    assert.deepEqual(tiers, ['four', 'five', 'flush', 'six', 'joker']);
    assert.deepEqual(
      tiers.map((tier) => bombPower(tier)),
      [1, 2, 3, 4, 5],
    );
  });

  it('has every placeholder of every play type filled in both languages (property over the engine\'s plays)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.shuffledSubarray(fullDeck(), { minLength: 1, maxLength: 27 }), fc.constantFrom(...RANKS), (hand, level) => {
        for (const play of legalMoves(hand, level, null)) {
          seen.add(play.type);
          const caption = playCaption(play, level);
          for (const t of [zh, en]) {
            const text = captionWords(caption, t);
            assert.ok(text.length > 0 && !/[{}]/.test(text), `${play.type} ${play.rank}: "${text}"`);
            assert.ok(!/\b(SB|HR|T)\b/.test(text), `no card codes shown: "${text}"`);
          }
          if (play.type === 'StraightFlush') assert.ok(caption.suit !== null && play.cards.some((card) => card[0] === caption.suit));
        }
      }),
      PROPERTY,
    );
    // The generated hands reach every type except (rarely) the joker bomb, which the examples above cover.
    for (const type of PLAY_TYPES) if (type !== 'JokerBomb') assert.ok(seen.has(type), `the property saw a ${type}`);
  });

  it('names different plays differently, and a bomb of a higher tier beats one of a lower tier (property)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(fullDeck(), { minLength: 1, maxLength: 27 }), fc.constantFrom(...RANKS), (hand, level) => {
        const plays = legalMoves(hand, level, null);
        const byWords = new Map<string, string>();
        for (const play of plays) {
          const text = captionWords(playCaption(play, level), zh);
          const identity = `${play.type}:${play.rank}:${play.type === 'Bomb' ? play.cards.length : ''}`;
          assert.equal(byWords.get(text) ?? identity, identity, `"${text}" names two different plays`);
          byWords.set(text, identity);
        }
        const bombs = plays.filter((play) => bombTier(play) !== null);
        for (const high of bombs)
          for (const low of bombs)
            if (bombPower(bombTier(high)) > bombPower(bombTier(low))) assert.ok(beats(high, low, level), `${high.cards} beats ${low.cards}`);
      }),
      PROPERTY,
    );
  });
});

describe('the play to beat', () => {
  const play = (cards: string): Play => read(cards);
  it('is the last play of the trick, whatever passes follow it', () => {
    const trick: TrickEntry[] = [
      { seat: 0, play: play('S5') },
      { seat: 1, play: play('S9') },
      { seat: 2, play: null },
      { seat: 3, play: null },
    ];
    assert.equal(standingIndex(trick), 1);
    assert.equal(standingIndex(trick.slice(0, 1)), 0);
    assert.equal(standingIndex([]), null);
    assert.equal(standingIndex([{ seat: 2, play: null }]), null);
  });
});

describe('where a caption goes', () => {
  const SIZES = [
    { width: 390, height: 844 },
    { width: 844, height: 390 },
    { width: 360, height: 640 },
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ];
  it('stays inside its trick box, clear of the cards, below them (above for the own play)', () => {
    for (const size of SIZES) {
      const layout = tableLayout(size);
      const cardsHalf = (layout.card.height * layout.trickScale) / 2;
      for (const position of POSITIONS) {
        const box = layout.trickBoxes[position];
        const label = trickLabelBox(layout, position);
        const where = `${size.width}x${size.height} ${position}`;
        assert.ok(label.x >= box.x && label.x + label.width <= box.x + box.width, `${where}: inside horizontally`);
        assert.ok(label.y >= box.y && label.y + label.height <= box.y + box.height, `${where}: inside vertically`);
        const cardsTop = layout.trick[position].y - cardsHalf;
        const cardsBottom = layout.trick[position].y + cardsHalf;
        if (position === 'bottom') assert.ok(label.y + label.height <= cardsTop + 0.5, `${where}: above the cards`);
        else assert.ok(label.y >= cardsBottom - 0.5, `${where}: below the cards`);
      }
    }
  });
});
