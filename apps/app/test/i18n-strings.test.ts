import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenStrings } from '../src/i18n/screens';
import { tableStrings } from '../src/i18n/table';
import { walletStrings } from '../src/i18n/wallet';

const HAN = /\p{Script=Han}/u;

describe('UI strings', () => {
  for (const [area, strings] of Object.entries({ screens: screenStrings, table: tableStrings, wallet: walletStrings })) {
    it(`${area}: every string exists in both languages with the same placeholders`, () => {
      const zh: Record<string, string> = strings['zh-CN'];
      const en: Record<string, string> = strings.en;
      assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      for (const key of Object.keys(en)) assert.deepEqual(placeholders(zh[key]), placeholders(en[key]), key);
    });
  }

  it('wallet: English never falls back to Chinese', () => {
    for (const [key, text] of Object.entries(walletStrings.en)) assert.doesNotMatch(text, HAN, key);
  });
});
