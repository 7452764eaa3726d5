import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EngineErrorCode } from '@guandan/engine';
import { PLATFORM_ERROR_CODES, ProtocolError } from '@guandan/protocol';
import { ApiError } from '@guandan/sdk';
import { errorText } from '../src/session/error-text';
import { type Lang, LANGS, translate } from '../src/i18n/strings';

const ENGINE_ERROR_CODES = [
  'BAD_CARD', 'BAD_LEVEL', 'BAD_PLAY', 'BAD_RULES', 'BAD_ACTION', 'NOT_YOUR_TURN', 'WRONG_PHASE', 'CARDS_NOT_IN_HAND',
  'NOT_A_PLAY', 'READING_NOT_AVAILABLE', 'DOES_NOT_BEAT', 'LEADER_CANNOT_PASS', 'TRIBUTE_NOT_ALLOWED', 'RETURN_NOT_ALLOWED', 'MATCH_OVER',
] as const satisfies readonly EngineErrorCode[];
// An engine code missing from the list above is a compile error here.
const _everyEngineCode: [Exclude<EngineErrorCode, (typeof ENGINE_ERROR_CODES)[number]>] extends [never] ? true : never = true;

const CODES: ApiError['code'][] = [...PLATFORM_ERROR_CODES, ...ENGINE_ERROR_CODES, 'NETWORK'];
const textIn = (lang: Lang, error: unknown) => errorText((key, params) => translate(lang, key, params), error);
const failure = (code: ApiError['code']) => new ApiError(code, `server message for ${code}`, 400);
const HAN = /\p{Script=Han}/u;

describe('errorText', () => {
  it('has words in both languages for every code a request can fail with', () => {
    for (const code of CODES) {
      const [zh, en] = [textIn('zh-CN', failure(code)), textIn('en', failure(code))];
      for (const text of [zh, en]) assert.ok(typeof text === 'string' && text.length > 0 && !/^error\.|\{\w+\}/.test(text), `${code}: ${text}`);
      assert.match(zh, HAN, `${code} reads in English in zh-CN: ${zh}`);
      assert.doesNotMatch(en, HAN, `${code}: ${en}`);
      assert.doesNotMatch(en, new RegExp(code), 'the words are not the code or the server message');
    }
  });

  it('tells the player to sign in again when the session is no longer valid', () => {
    for (const lang of LANGS) {
      const unauthorized = textIn(lang, failure('UNAUTHORIZED'));
      assert.notEqual(unauthorized, textIn(lang, new Error('boom')));
      for (const code of ['INVALID_TOKEN', 'TOKEN_EXPIRED'] as const) assert.equal(textIn(lang, failure(code)), unauthorized, code);
    }
  });

  it('reads anything that is not a refusal of the API, or a code it does not know, as the generic message', () => {
    for (const lang of LANGS) {
      const generic = translate(lang, 'error.generic');
      const others = [new Error('boom'), new TypeError('x is undefined'), 'text', undefined, null, new ProtocolError('ROOM_FULL', 'full')];
      for (const other of others) assert.equal(textIn(lang, other), generic, String(other));
      assert.equal(textIn(lang, failure('A_CODE_FROM_A_NEWER_SERVER' as ApiError['code'])), generic);
      assert.notEqual(textIn(lang, failure('ROOM_FULL')), generic);
    }
  });
});
