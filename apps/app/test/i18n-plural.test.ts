import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isPlural, type Message } from '../src/i18n/plural';
import { screenStrings } from '../src/i18n/screens';
import { LANGS, type StringKey, translate } from '../src/i18n/strings';
import { tableStrings } from '../src/i18n/table';
import { walletStrings } from '../src/i18n/wallet';

/**
 * A count is always the placeholder {n}. Where {n} is a position, not a quantity ("Deal 3", "Page 2"), nothing
 * follows it that could agree with it; where a word follows it ("3 deals"), the word must agree: the message has
 * to be a plural message. Unit symbols and small words ("transaction 2 of 3", "Deal 2 over") do not change with
 * the number.
 */
const DO_NOT_AGREE = new Set(['s', 'of', 'to', 'and', 'or', 'over']);
const COUNTED = /\{n\}\s*([\p{L}]+)/u;

const EN: Record<string, Message> = { ...screenStrings.en, ...tableStrings.en, ...walletStrings.en };
const ZH: Record<string, Message> = { ...screenStrings['zh-CN'], ...tableStrings['zh-CN'], ...walletStrings['zh-CN'] };

const countsIn = (text: string): string | null => {
  const word = COUNTED.exec(text)?.[1];
  return word === undefined || DO_NOT_AGREE.has(word) ? null : word;
};

describe('plurals', () => {
  it('every English string that counts something goes through the plural rule', () => {
    const plain = Object.entries(EN).filter(([, message]) => !isPlural(message) && countsIn(message) !== null);
    assert.deepEqual(plain.map(([key, message]) => `${key}: ${String(message)}`), []);
  });

  it('the scan finds the counted messages (it would flag "1 deals")', () => {
    assert.equal(countsIn('{n} deals'), 'deals');
    assert.equal(countsIn('+{n} levels'), 'levels');
    assert.equal(countsIn('Deal {n}'), null);
    assert.equal(countsIn('{n} s'), null);
    const counted = Object.keys(EN).filter((key) => isPlural(EN[key]));
    for (const key of ['custom.deals', 'profile.deals', 'cardCount', 'riseLevels', 'custom.cards']) assert.ok(counted.includes(key), key);
  });

  it('every English plural message has a singular that differs from its plural', () => {
    for (const [key, message] of Object.entries(EN)) {
      if (!isPlural(message)) continue;
      assert.ok(message.one !== undefined && message.one !== message.other, key);
    }
  });

  it('"1 deal", "2 deals", "0 deals", "1 card"', () => {
    assert.equal(translate('en', 'profile.deals', { n: 1 }), '1 deal');
    assert.equal(translate('en', 'profile.deals', { n: 2 }), '2 deals');
    assert.equal(translate('en', 'profile.deals', { n: 0 }), '0 deals');
    assert.equal(translate('en', 'cardCount', { n: 1 }), '1 card');
    assert.equal(translate('en', 'riseLevels', { n: 1 }), '+1 level');
    assert.equal(translate('zh-CN', 'profile.deals', { n: 1 }), '1 局');
  });

  it('any count: English uses the singular exactly for 1, both languages show the number', () => {
    const pluralKeys = Object.keys(EN).filter((key) => isPlural(EN[key])) as StringKey[];
    fc.assert(
      fc.property(fc.constantFrom(...pluralKeys), fc.nat({ max: 100_000 }), (key, n) => {
        const message = EN[key] as { one: string; other: string };
        const en = translate('en', key, { n });
        assert.equal(en, (n === 1 ? message.one : message.other).replaceAll('{n}', String(n)));
        for (const lang of LANGS) assert.ok(translate(lang, key, { n }).includes(String(n)), `${lang} ${key} ${n}`);
      }),
    );
  });

  it('Chinese needs no plural forms: a counted message there is one string', () => {
    for (const [key, message] of Object.entries(ZH)) {
      if (isPlural(message)) assert.deepEqual(Object.keys(message), ['other'], key);
    }
  });
});
