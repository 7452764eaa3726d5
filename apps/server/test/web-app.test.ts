import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliCompressSync } from 'node:zlib';
import { startTestServer, type TestServer } from './support/server.js';

const PAGE = '<!doctype html><title>Guandan</title><div id="root"></div>';
const BUNDLE = 'console.log("the app");'.repeat(50);

describe('the web app served at /', () => {
  let webDir: string;
  let server: TestServer;

  before(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'guandan-web-'));
    mkdirSync(join(webDir, '_expo', 'static', 'js'), { recursive: true });
    writeFileSync(join(webDir, 'index.html'), PAGE);
    writeFileSync(join(webDir, '_expo', 'static', 'js', 'app-1234.js'), BUNDLE);
    writeFileSync(join(webDir, '_expo', 'static', 'js', 'app-1234.js.br'), brotliCompressSync(BUNDLE));
    server = await startTestServer({ env: { WEB_DIR: webDir } });
  });

  after(async () => {
    await server.cleanup();
    rmSync(webDir, { recursive: true, force: true });
  });

  test('the page, revalidated on every load', async () => {
    const response = await fetch(`${server.url}/`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    assert.equal(await response.text(), PAGE);
  });

  test('hashed bundles as their brotli copy, cached for a year', async () => {
    const response = await fetch(`${server.url}/_expo/static/js/app-1234.js`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-encoding'), 'br');
    assert.match(response.headers.get('cache-control') ?? '', /immutable/);
    // fetch undoes the encoding; the header says the stored copy was sent.
    assert.equal(await response.text(), BUNDLE);
  });

  test('a page request to an unknown path gets the app; API paths keep their JSON 404', async () => {
    const page = await fetch(`${server.url}/table/anything`, { headers: { accept: 'text/html' } });
    assert.equal(page.status, 200);
    assert.equal(await page.text(), PAGE);
    const api = await fetch(`${server.url}/v4/no-such-route`, { headers: { accept: 'text/html' } });
    assert.equal(api.status, 404);
    assert.equal(((await api.json()) as { error: { code: string } }).error.code, 'NOT_FOUND');
    const asset = await fetch(`${server.url}/missing.js`);
    assert.equal(asset.status, 404);
  });

  test('without a build, the platform runs and / answers 404', async () => {
    const bare = await startTestServer({ env: { WEB_DIR: join(webDir, 'nothing-here') } });
    try {
      assert.equal((await fetch(`${bare.url}/`, { headers: { accept: 'text/html' } })).status, 404);
      assert.equal((await fetch(`${bare.url}/healthz`)).status, 200);
    } finally {
      await bare.cleanup();
    }
  });
});
