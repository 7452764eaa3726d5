import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliCompressSync } from 'node:zlib';
import { startTestServer, type TestServer } from './support/server.js';

const PAGE = '<!doctype html><title>Guandan</title><div id="root"></div>';
const BUNDLE = 'console.log("the app");'.repeat(50);

const CONSOLE_PAGE = '<!doctype html><title>Guandan console</title><div id="root"></div>';
const CONSOLE_BUNDLE = 'console.log("the console");';

describe('the web app served at /', () => {
  let webDir: string;
  let adminDir: string;
  let server: TestServer;

  before(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'guandan-web-'));
    mkdirSync(join(webDir, '_expo', 'static', 'js'), { recursive: true });
    writeFileSync(join(webDir, 'index.html'), PAGE);
    writeFileSync(join(webDir, '_expo', 'static', 'js', 'app-1234.js'), BUNDLE);
    writeFileSync(join(webDir, '_expo', 'static', 'js', 'app-1234.js.br'), brotliCompressSync(BUNDLE));
    adminDir = mkdtempSync(join(tmpdir(), 'guandan-console-'));
    mkdirSync(join(adminDir, 'assets'));
    writeFileSync(join(adminDir, 'index.html'), CONSOLE_PAGE);
    writeFileSync(join(adminDir, 'assets', 'index-abcd.js'), CONSOLE_BUNDLE);
    server = await startTestServer({ env: { WEB_DIR: webDir, ADMIN_DIR: adminDir } });
  });

  after(async () => {
    await server.cleanup();
    rmSync(webDir, { recursive: true, force: true });
    rmSync(adminDir, { recursive: true, force: true });
  });

  test('the operator console at /admin: its page for any console path, its hashed assets cached, never the app', async () => {
    for (const path of ['/admin', '/admin/', '/admin/users/1234/show']) {
      const page = await fetch(`${server.url}${path}`, { headers: { accept: 'text/html' } });
      assert.equal(page.status, 200, path);
      assert.equal(await page.text(), CONSOLE_PAGE, path);
      assert.equal(page.headers.get('cache-control'), 'no-cache');
      assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    }
    const asset = await fetch(`${server.url}/admin/assets/index-abcd.js`);
    assert.equal(await asset.text(), CONSOLE_BUNDLE);
    assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
    assert.equal((await fetch(`${server.url}/admin/assets/missing.js`)).status, 404);
    assert.equal(await (await fetch(`${server.url}/administrator`, { headers: { accept: 'text/html' } })).text(), PAGE, 'only /admin and below is the console');
    assert.equal(await (await fetch(`${server.url}/lobby`, { headers: { accept: 'text/html' } })).text(), PAGE);
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
