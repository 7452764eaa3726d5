import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { limitsStrings } from '../src/i18n/limits';
import { isPlural, type Message } from '../src/i18n/plural';
import { screenStrings } from '../src/i18n/screens';
import { shopStrings } from '../src/i18n/shop';
import { tableStrings } from '../src/i18n/table';
import { walletStrings } from '../src/i18n/wallet';

const HAN = /\p{Script=Han}/u;
const AREAS: Record<string, { 'zh-CN': Record<string, Message>; en: Record<string, Message> }> = { screens: screenStrings, table: tableStrings, wallet: walletStrings, shop: shopStrings, limits: limitsStrings };

const texts = (message: Message): string[] => (isPlural(message) ? Object.values(message) : [message]);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('UI strings', () => {
  for (const [area, strings] of Object.entries(AREAS)) {
    it(`${area}: every string exists in both languages with the same placeholders`, () => {
      const zh = strings['zh-CN'];
      const en = strings.en;
      assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        const expected = placeholders(texts(en[key])[0]);
        for (const text of [...texts(zh[key]), ...texts(en[key])]) assert.deepEqual(placeholders(text), expected, key);
      }
    });
  }

  it('English never falls back to Chinese (but for the switch to Chinese, named in Chinese)', () => {
    for (const strings of Object.values(AREAS)) {
      for (const [key, message] of Object.entries(strings.en)) {
        if (key === 'lang.other' || key === 'lang.otherShort') continue;
        for (const text of texts(message)) assert.doesNotMatch(text, HAN, key);
      }
    }
  });
});
