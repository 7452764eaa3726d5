import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { realtimeUrl } from '../src/session/realtime-url';

/** Where the server listens for WebSockets (REALTIME_PATH in apps/server/src/realtime/gateway.ts). */
const REALTIME_PATH = '/v4/realtime';

describe('realtimeUrl', () => {
  it('is the realtime path on the same host, over ws for http and wss for https', () => {
    const origins = fc
      .tuple(fc.constantFrom('http', 'https'), fc.oneof(fc.domain(), fc.ipV4(), fc.constant('[::1]')), fc.option(fc.integer({ min: 1, max: 65535 })))
      .map(([scheme, host, port]) => new URL(`${scheme}://${host}${port === null ? '' : `:${port}`}`).origin);
    fc.assert(
      fc.property(origins, (origin) => {
        const page = new URL(origin);
        const socket = new URL(realtimeUrl(origin));
        assert.equal(socket.protocol, page.protocol === 'https:' ? 'wss:' : 'ws:');
        assert.equal(socket.host, page.host);
        assert.equal(socket.pathname, REALTIME_PATH);
        assert.equal(socket.search + socket.hash, '');
      }),
    );
  });

  it('changes only the scheme, even when the host name contains "http"', () => {
    assert.equal(realtimeUrl('https://http.example'), 'wss://http.example/v4/realtime');
    assert.equal(realtimeUrl('http://httpbin.local:3000'), 'ws://httpbin.local:3000/v4/realtime');
  });
});
