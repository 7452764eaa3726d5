import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { langOfLocales } from '../src/i18n/locale';

describe('the language from the device', () => {
  it('an English browser gets English, a Chinese one Chinese', () => {
    assert.equal(langOfLocales(['en-US', 'en']), 'en');
    assert.equal(langOfLocales(['en-GB']), 'en');
    assert.equal(langOfLocales(['zh-CN', 'zh']), 'zh-CN');
    assert.equal(langOfLocales(['zh-TW']), 'zh-CN');
    assert.equal(langOfLocales(['zh-Hans-CN']), 'zh-CN');
    assert.equal(langOfLocales(['zh_HK']), 'zh-CN');
  });

  it('the first language the app has wins, in the order of preference', () => {
    assert.equal(langOfLocales(['fr-FR', 'zh-CN', 'en-US']), 'zh-CN');
    assert.equal(langOfLocales(['de', 'en-US', 'zh-CN']), 'en');
  });

  it('neither language, or nothing known: English', () => {
    assert.equal(langOfLocales([]), 'en');
    assert.equal(langOfLocales(['ja-JP', 'ko']), 'en');
    assert.equal(langOfLocales(['']), 'en');
  });

  it('any list: Chinese exactly when a Chinese tag comes before every English one', () => {
    const tag = fc.oneof(
      fc.constantFrom('en', 'en-US', 'EN-gb', 'zh', 'zh-CN', 'ZH-tw', 'zh-Hant-HK', 'fr', 'ja-JP', 'enx', 'zhx-CN', ''),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 6 }), (tags) => {
        const base = tags.map((t) => t.trim().toLowerCase().split(/[-_]/)[0]);
        const zh = base.indexOf('zh');
        const en = base.indexOf('en');
        const expected = zh !== -1 && (en === -1 || zh < en) ? 'zh-CN' : 'en';
        assert.equal(langOfLocales(tags), expected);
      }),
    );
  });
});
