import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { copyText } from '../src/ui/clipboard';

// The room screen's invite code is copied with copyText, which reports whether it could copy.
const original = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
const setNavigator = (navigator: unknown) => Object.defineProperty(globalThis, 'navigator', { value: navigator, configurable: true, writable: true });

describe('copyText', () => {
  afterEach(() => {
    if (original === undefined) delete (globalThis as { navigator?: unknown }).navigator;
    else Object.defineProperty(globalThis, 'navigator', original);
  });

  it('writes the text to the clipboard and says it did', async () => {
    const written: string[] = [];
    setNavigator({ clipboard: { writeText: async (text: string) => void written.push(text) } });
    assert.equal(await copyText('K7Q2ZP'), true);
    assert.deepEqual(written, ['K7Q2ZP']);
  });

  it('says it could not where there is no clipboard, or the browser refuses', async () => {
    setNavigator(undefined);
    assert.equal(await copyText('K7Q2ZP'), false);
    setNavigator({});
    assert.equal(await copyText('K7Q2ZP'), false);
    setNavigator({ clipboard: { writeText: () => Promise.reject(new DOMException('Document is not focused', 'NotAllowedError')) } });
    assert.equal(await copyText('K7Q2ZP'), false);
  });
});
