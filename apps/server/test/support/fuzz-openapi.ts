import fc from 'fast-check';
import { bodyFor, edgeValue, type JsonSchema, validValue } from './fuzz-schema.js';
import { rawBodies, trickyString } from './fuzz-values.js';

/** One operation of the OpenAPI document, as the fuzz needs it. */
export interface Operation {
  /** `POST /v4/game/rooms/{roomId}/join` */
  key: string;
  method: string;
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; schema: JsonSchema; required: boolean }[];
  body: JsonSchema | null;
}

interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** Every operation of an OpenAPI 3 document (the server's own /v4/openapi.json). */
export function operationsOf(document: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((parameter) => parameter.in === 'path').map(({ name, schema }) => ({ name, schema })),
        queryParams: parameters.filter((parameter) => parameter.in === 'query').map(({ name, schema, required }) => ({ name, schema, required: required ?? false })),
        body: operation.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return operations;
}

/** One generated request, ready for app.inject or a raw socket. */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

/** Real values by parameter or field name (ids of objects that exist), so that requests reach past "not found". */
export type KnownValues = Record<string, readonly unknown[]>;

/** Path segments that try to leave the route: traversal, encoded separators, broken percent-encoding, overlong UTF-8. */
const HOSTILE_SEGMENTS = [
  '..', '.', '../..', '..%2f..%2fhealthz', '%2e%2e', '%2e%2e%2f%2e%2e%2f', '..%5c..%5c', '%00', '%', '%ZZ', '%C0%AE%C0%AE', '%u002e',
  'a%2Fb', '%3F', '%23', '%20', '~', '*', 'me', 'current', 'join', '0', '-1', `${'a'.repeat(5000)}`, '%E2%80%AE', '%F0%9F%98%80',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
];

const CONTENT_TYPES = [
  'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json; charset=latin1',
  'application/json; charset=utf-16', 'text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x',
  'application/jsonx', 'application/vnd.api+json', 'application/json, text/plain', ';;;', '*/*', 'application/', `application/json; ${'a=b; '.repeat(200)}`,
];

/** Percent-encodes the UTF-8 bytes of any string, lone surrogates included (encodeURIComponent throws on those). */
export function percentEncoded(value: string): string {
  let encoded = '';
  for (const byte of Buffer.from(value, 'utf8')) encoded += /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return encoded;
}

/** A value fitting in a URL: known ids, schema values, hostile strings, percent-encoded or raw. */
function segment(name: string, schema: JsonSchema, known: KnownValues): fc.Arbitrary<string> {
  const real = known[name] ?? [];
  return fc.oneof(
    { weight: real.length > 0 ? 5 : 0, arbitrary: real.length > 0 ? fc.constantFrom(...real).map(String) : fc.constant('') },
    { weight: 2, arbitrary: validValue(schema).map((value) => percentEncoded(String(value))) },
    { weight: 1, arbitrary: edgeValue(schema, schema).map((value) => percentEncoded(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))) },
    { weight: 1, arbitrary: trickyString.map(percentEncoded) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) },
  );
}

function queryString(operation: Operation, known: KnownValues): fc.Arbitrary<string> {
  const pairs = operation.queryParams.map(({ name, schema, required }) =>
    fc.oneof(
      { weight: required ? 0 : 2, arbitrary: fc.constant<string[]>([]) },
      { weight: 3, arbitrary: segment(name, schema, known).map((value) => [`${name}=${value}`]) },
      { weight: 1, arbitrary: fc.tuple(segment(name, schema, known), segment(name, schema, known)).map(([a, b]) => [`${name}=${a}`, `${name}=${b}`]) },
      { weight: 1, arbitrary: fc.constantFrom([name], [`${name}=`], [`${name}[]=1`], [`${name}[a]=1`], [`${percentEncoded(name)}%00=1`]) },
    ),
  );
  const unknown = fc.oneof(
    { weight: 4, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: fc.constantFrom(['__proto__[x]=1'], ['constructor[prototype][x]=1'], ['a=1&a=2&a=3'], ['%ZZ=1'], [`x=${'y'.repeat(3000)}`], ['&&&='], [`${'k'.repeat(100)}=v`]) },
  );
  return fc.tuple(fc.tuple(...pairs), unknown).map(([parts, extra]) => {
    const all = [...parts.flat(), ...extra];
    return all.length === 0 ? '' : `?${all.join('&')}`;
  });
}

function payloadFor(operation: Operation, known: KnownValues): fc.Arbitrary<string | undefined> {
  const json = operation.body === null ? fc.jsonValue({ maxDepth: 2 }) : bodyFor(withKnown(operation.body, known));
  return fc.oneof(
    { weight: operation.body === null ? 4 : 0, arbitrary: fc.constant(undefined) },
    { weight: operation.body === null ? 1 : 8, arbitrary: json.map((value) => JSON.stringify(value) ?? 'null') },
    { weight: 1, arbitrary: rawBodies },
    { weight: operation.body === null ? 0 : 1, arbitrary: fc.constant(undefined) },
  );
}

/** The body schema with each known field able to take one of its real values. */
function withKnown(schema: JsonSchema, known: KnownValues): JsonSchema {
  if (schema.properties === undefined) return schema;
  const properties: Record<string, JsonSchema> = {};
  for (const [name, property] of Object.entries(schema.properties)) {
    const real = known[name] ?? [];
    properties[name] = real.length === 0 ? property : { anyOf: [property, { enum: [...real] }, { enum: [...real] }] };
  }
  return { ...schema, properties };
}

/** Requests for one operation: its path with real or hostile parameters, query, body, content type and credentials. */
export function requestsFor(operation: Operation, known: KnownValues, authorization: fc.Arbitrary<string | undefined>): fc.Arbitrary<FuzzRequest> {
  const params = fc.tuple(...operation.pathParams.map(({ name, schema }) => segment(name, schema, known)));
  const method = fc.oneof({ weight: 19, arbitrary: fc.constant(operation.method) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS') });
  const extraHeaders = fc.oneof(
    { weight: 6, arbitrary: fc.constant<Record<string, string>>({}) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Record<string, string>>(
        { 'content-encoding': 'gzip' },
        { 'x-forwarded-for': '1.2.3.4, 127.0.0.1, ::1, <script>' },
        { accept: 'text/html' },
        { accept: 'application/xml' },
        { 'accept-encoding': 'br, gzip, deflate, zstd' },
        { origin: 'https://evil.example' },
        { 'x-http-method-override': 'DELETE' },
        { 'transfer-encoding': 'identity' },
        { 'accept-language': 'zh-CN;q=2, *;q=-1' },
      ),
    },
  );
  return fc
    .record({
      method,
      params,
      query: queryString(operation, known),
      payload: payloadFor(operation, known),
      contentType: fc.oneof(
        { weight: 6, arbitrary: fc.constant<string | null>('application/json') },
        { weight: 3, arbitrary: fc.constantFrom<string | null>(...CONTENT_TYPES) },
        { weight: 1, arbitrary: fc.constant<string | null>(null) },
      ),
      authorization,
      extraHeaders,
    })
    .map(({ method: chosen, params: values, query, payload, contentType, authorization: auth, extraHeaders: extra }) => {
      let path = operation.path;
      operation.pathParams.forEach(({ name }, index) => (path = path.replace(`{${name}}`, values[index])));
      const headers: Record<string, string> = { ...extra };
      if (payload !== undefined && contentType !== null) headers['content-type'] = contentType;
      if (auth !== undefined) headers.authorization = auth;
      return { method: chosen, url: path + query, headers, ...(payload === undefined ? {} : { payload }) };
    });
}

/** A short description of a request for failure messages (long parts cut). */
export function describeRequest(request: FuzzRequest): string {
  const cut = (text: string): string => (text.length > 300 ? `${text.slice(0, 300)}... (${text.length} chars)` : text);
  return `${request.method} ${cut(request.url)} headers=${cut(JSON.stringify(request.headers))} body=${request.payload === undefined ? '-' : cut(JSON.stringify(request.payload))}`;
}
