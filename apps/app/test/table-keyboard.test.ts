import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { translate } from '../src/i18n/strings';
import { commandForKey, SHORTCUT_COMMANDS, SHORTCUTS } from '../src/table/model/table-keys';

describe('the table keyboard', () => {
  it('plays on Enter and Space', () => {
    assert.deepEqual(commandForKey({ key: 'Enter' }), { kind: 'play' });
    assert.deepEqual(commandForKey({ key: ' ' }), { kind: 'play' });
  });

  it('selects by rank keys, 0 and T both being 10, W a joker', () => {
    for (const key of ['2', '9', '0', 't', 'T', 'j', 'Q', 'k', 'a', 'w']) assert.deepEqual(commandForKey({ key }), { kind: 'rank', key });
    assert.equal(commandForKey({ key: '1' }), null);
  });

  it('leaves keys with Ctrl, Cmd or Alt to the browser (copy, reload, tab switching)', () => {
    assert.equal(commandForKey({ key: 'Enter', ctrlKey: true }), null);
    assert.equal(commandForKey({ key: 'c', metaKey: true }), null);
    assert.equal(commandForKey({ key: 'p', altKey: true }), null);
  });

  it('lists every shortcut in the help, each doing what its line says, in both languages', () => {
    for (const shortcut of SHORTCUTS) {
      assert.equal(commandForKey(shortcut.sample)?.kind, SHORTCUT_COMMANDS[shortcut.action], shortcut.action);
      for (const lang of ['zh-CN', 'en'] as const) assert.notEqual(translate(lang, shortcut.action), shortcut.action);
    }
    const listed = new Set(SHORTCUTS.map((shortcut) => SHORTCUT_COMMANDS[shortcut.action]));
    for (const kind of ['play', 'pass', 'hint', 'rank', 'clear', 'tracker', 'help']) assert.ok(listed.has(kind as never), `${kind} is in the help`);
  });
});
