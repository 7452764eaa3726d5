import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/server.js';

/** A stand-in web build: the headers are the server's, whatever page it serves. */
function webBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guandan-web-'));
  writeFileSync(join(dir, 'index.html'), '<!DOCTYPE html><html><head><style>body{margin:0}</style></head><body><div id="root"></div></body></html>');
  return dir;
}

function directives(csp: string | null): Map<string, string[]> {
  assert.ok(csp !== null, 'a Content-Security-Policy header');
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== '')
      .map(([name, ...values]) => [name, values]),
  );
}

describe('security headers', () => {
  let t: TestServer;
  let proxied: TestServer;
  const webDir = webBuild();
  before(async () => {
    t = await startTestServer({ env: { WEB_DIR: webDir } });
    proxied = await startTestServer({ env: { WEB_DIR: webDir, TRUST_PROXY: 'true' } });
  });
  after(async () => {
    await t.cleanup();
    await proxied.cleanup();
    rmSync(webDir, { recursive: true, force: true });
  });

  test('the web app: no sniffing, no framing, a referrer policy, and a CSP that runs wasm but no inline or foreign script', async () => {
    const response = await fetch(`${t.url}/lobby`, { headers: { accept: 'text/html' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
    assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    const csp = directives(response.headers.get('content-security-policy'));
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(csp.get('script-src'), ["'self'", "'wasm-unsafe-eval'"], 'CanvasKit compiles its wasm; nothing inline, no eval');
    assert.deepEqual(csp.get('object-src'), ["'none'"]);
    assert.ok(csp.get('connect-src')?.includes("'self'"), 'the API and the WebSocket on the same origin');
    assert.equal(csp.has('upgrade-insecure-requests'), false, 'a plain-http deployment keeps its assets');
  });

  test('API answers and errors carry them too', async () => {
    for (const path of ['/healthz', '/v4/users/me', '/v4/no-such-route']) {
      const response = await fetch(`${t.url}${path}`);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('x-frame-options'), 'DENY', path);
    }
  });

  test('the API docs (Swagger UI) load under the policy: their scripts are files of the same origin', async () => {
    const page = await fetch(`${t.url}/docs/`);
    assert.equal(page.status, 200);
    const html = await page.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length > 0);
    for (const [, attributes, body] of scripts) {
      assert.equal(body.trim(), '', 'no inline script');
      const src = /src="([^"]+)"/.exec(attributes)?.[1];
      assert.ok(src !== undefined && !/^https?:/.test(src), `a same-origin script: ${src}`);
      assert.equal((await fetch(new URL(src, `${t.url}/docs/`))).status, 200, src);
    }
    assert.equal((await fetch(`${t.url}/v4/openapi.json`)).status, 200);
  });

  test('HSTS only over TLS: a trusted proxy saying https gets it, plain http and an untrusted claim do not', async () => {
    assert.equal((await fetch(`${t.url}/healthz`)).headers.get('strict-transport-security'), null);
    assert.equal((await fetch(`${t.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security'), null, 'no TRUST_PROXY: the header is anyone\'s claim');
    assert.equal((await fetch(`${proxied.url}/healthz`)).headers.get('strict-transport-security'), null);
    const secure = await fetch(`${proxied.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    assert.match(secure.headers.get('strict-transport-security') ?? '', /^max-age=\d+; includeSubDomains$/);
  });
});
