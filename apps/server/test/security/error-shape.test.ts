import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/server.js';

/** Writes `request` on a fresh socket and returns everything the server sent before closing it. */
function rawExchange(t: TestServer, request: string | Buffer): Promise<string> {
  const { hostname, port } = new URL(t.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
  });
}

/** The status and the parsed body of a raw HTTP/1.1 answer. */
function parseAnswer(raw: string): { status: number; body: unknown } {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  let body = rest.join('\r\n\r\n');
  if (/transfer-encoding: chunked/i.test(head)) body = body.replace(/^[0-9a-f]+\r\n/i, '').replace(/\r\n0\r\n\r\n$/, '').replace(/\r\n$/, '');
  return { status, body: JSON.parse(body) as unknown };
}

function assertTyped(answer: { status: number; body: unknown }, status: number, what: string): void {
  assert.equal(answer.status, status, what);
  const error = (answer.body as { error?: { code?: unknown; message?: unknown } }).error;
  assert.equal(typeof error?.code, 'string', `${what}: ${JSON.stringify(answer.body)}`);
  assert.equal(typeof error?.message, 'string', what);
  assert.deepEqual(Object.keys(answer.body as object), ['error'], `${what}: nothing but {error}`);
}

describe('errors raised by Fastify and by Node before any route are typed {error:{code,message}}', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(async () => t.cleanup());

  const post = async (path: string, body: string | Buffer, contentType: string) => {
    const response = await fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  test('malformed JSON, an empty JSON body, a wrong content type and a body over the limit', async () => {
    assertTyped(await post('/v4/auth/login', '{"email":', 'application/json'), 400, 'malformed JSON');
    assertTyped(await post('/v4/auth/login', '', 'application/json'), 400, 'empty JSON body');
    assertTyped(await post('/v4/auth/login', 'email=a@b.c', 'application/x-www-form-urlencoded'), 415, 'unsupported content type');
    assertTyped(await post('/v4/auth/login', Buffer.alloc(100 * 1024, 'a'), 'application/json'), 413, 'body too large');
  });

  test('a malformed URL escape', async () => {
    const raw = await rawExchange(t, 'GET /v4/users/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assertTyped(parseAnswer(raw), 400, 'bad URL');
  });

  test('headers too large (431), a bad request line and a broken header (400), from the HTTP parser', async () => {
    const huge = `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`;
    assertTyped(parseAnswer(await rawExchange(t, huge)), 431, 'header overflow');
    assertTyped(parseAnswer(await rawExchange(t, 'THIS IS NOT HTTP\r\n\r\n')), 400, 'bad request line');
    assertTyped(parseAnswer(await rawExchange(t, 'GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n')), 400, 'broken header');
    assertTyped(parseAnswer(await rawExchange(t, 'POST /v4/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello')), 400, 'two lengths');
  });
});
