import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { PLATFORM_ERROR_CODES, type PlatformErrorCode, ProtocolError, roleAtLeast, type StaffRole } from '@guandan/protocol';
import { z } from 'zod';
import { type AccessVerifier, type AuthUser, bearerToken, type StaffRoleLookup } from '../platform/access.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  /** The signed-in user; routes with `auth: true` always have one. */
  user: AuthUser;
  /** The body as it came, on a `rawBody` route (a webhook whose signature covers the exact bytes); empty otherwise. */
  rawBody: Buffer;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** One REST route: its schemas validate the request and describe it in the OpenAPI document. */
export interface RouteSpec<B = unknown, Q = unknown, P = unknown, R = unknown> {
  method: Method;
  /** Under /v4, Fastify style: `/game/rooms/:roomId`. */
  path: string;
  summary: string;
  tag: string;
  auth: boolean;
  /**
   * The least staff role the caller must hold (the operator console's routes); checked before the request is read,
   * so a caller without it learns nothing from validation. Needs `auth`.
   */
  role?: Exclude<StaffRole, 'player'>;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  status?: number;
  response: z.ZodType<R> | null;
  /** The content types of a file the route answers with (the handler returns a stream); JSON otherwise. */
  produces?: readonly string[];
  /** Per-route rate limit, requests per minute per client address. */
  rateLimitPerMinute?: number;
  /**
   * The route reads its body as bytes, unparsed (`rawBody`): a provider's webhook, whose signature is over the
   * exact bytes it sent. Such a route has no `body` schema; it verifies and parses the bytes itself.
   */
  rawBody?: true;
  handler(context: RouteContext<B, Q, P>): Promise<R>;
}

/** Declares a route with its types inferred from its schemas. */
export function route<B = undefined, Q = undefined, P = undefined, R = unknown>(spec: RouteSpec<B, Q, P, R>): RouteSpec<B, Q, P, R> {
  return spec;
}

export const API_PREFIX = '/v4';

const EMPTY_BODY = Buffer.alloc(0);
/** The largest raw body a route takes: a provider's event is a few kilobytes. */
const RAW_BODY_LIMIT = 256 * 1024;

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (schema === undefined) return undefined as T;
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new ProtocolError(issueErrorCode(result.error) ?? 'BAD_REQUEST', `${where}: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** The code a schema's own check names for its refusal (`params.errorCode` of a custom issue), if any. */
function issueErrorCode(error: z.ZodError): PlatformErrorCode | undefined {
  for (const issue of error.issues) {
    const code: unknown = issue.code === 'custom' ? issue.params?.errorCode : undefined;
    if (typeof code === 'string' && (PLATFORM_ERROR_CODES as readonly string[]).includes(code)) return code as PlatformErrorCode;
  }
  return undefined;
}

/** The REST API: every route registered on Fastify with validation, and described in one OpenAPI document. */
export class Api {
  private readonly routes: RouteSpec[] = [];

  add(...specs: RouteSpec<unknown, unknown, unknown, unknown>[]): void {
    this.routes.push(...specs);
  }

  register(app: FastifyInstance, access: AccessVerifier, staff: StaffRoleLookup): void {
    for (const spec of this.routes) {
      const options: RouteOptions = {
        method: spec.method,
        url: API_PREFIX + spec.path,
        config: spec.rateLimitPerMinute === undefined ? {} : { rateLimit: { max: spec.rateLimitPerMinute, timeWindow: 60_000 } },
        handler: async (request, reply) => {
          let user: AuthUser | null = null;
          if (spec.auth) {
            const token = bearerToken(request.headers.authorization);
            if (token === null) throw new ProtocolError('UNAUTHORIZED', 'sign in: send Authorization: Bearer <jwt>');
            user = await access.verifyAccess(token);
          }
          if (spec.role !== undefined) {
            if (user === null) throw new Error(`route ${spec.path} needs a role but not a signed-in user`);
            const role = await staff.roleOf(user.userId);
            if (!roleAtLeast(role, spec.role)) throw new ProtocolError('FORBIDDEN', `this needs the ${spec.role} role`);
          }
          const result = await spec.handler({
            body: parse(spec.body, request.body, 'body'),
            query: parse(spec.query, request.query, 'query'),
            params: parse(spec.params, request.params, 'path'),
            user: user as AuthUser,
            rawBody: spec.rawBody && Buffer.isBuffer(request.body) ? request.body : EMPTY_BODY,
            request,
            reply,
          });
          reply.code(spec.status ?? 200);
          return spec.response === null ? reply.send() : result;
        },
      };
      if (spec.rawBody) {
        // Its own scope, where every content type is read as bytes: the other routes keep the JSON parser.
        void app.register(async (scope) => {
          scope.removeAllContentTypeParsers();
          scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: RAW_BODY_LIMIT }, (_request, body, done) => done(null, body));
          scope.route(options);
        });
      } else app.route(options);
    }
  }

  /** The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with. */
  openApi(info: { title: string; version: string }): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    const input = (schema: z.ZodType): Record<string, unknown> => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    const output = (schema: z.ZodType): Record<string, unknown> => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
    for (const spec of this.routes) {
      const path = API_PREFIX + spec.path.replace(/:(\w+)/g, '{$1}');
      const parameters = [
        ...objectProperties(spec.params, input).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
        ...objectProperties(spec.query, input).map(([name, schema, required]) => ({ name, in: 'query', required, schema })),
      ];
      const status = String(spec.status ?? 200);
      paths[path] ??= {};
      paths[path][spec.method.toLowerCase()] = {
        summary: spec.summary,
        tags: [spec.tag],
        ...(spec.auth ? { security: [{ bearer: [] }] } : {}),
        ...(spec.role === undefined ? {} : { description: `Needs the ${spec.role} role or above.`, 'x-staff-role': spec.role }),
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(spec.body === undefined ? {} : { requestBody: { required: true, content: { 'application/json': { schema: strip(input(spec.body)) } } } }),
        ...(spec.rawBody ? { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', description: 'the provider\'s event, as it signed it' } } } } } : {}),
        responses: {
          [status]: responseOf(spec, output),
          default: { description: 'An error with a stable code', content: { 'application/json': { schema: strip(output(ERROR_BODY)) } } },
        },
      };
    }
    return {
      openapi: '3.1.0',
      info,
      servers: [{ url: '/' }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      paths,
    };
  }
}

function responseOf(spec: RouteSpec, output: (schema: z.ZodType) => Record<string, unknown>): Record<string, unknown> {
  if (spec.produces !== undefined) return { description: 'A file', content: Object.fromEntries(spec.produces.map((type) => [type, { schema: { type: 'string' } }])) };
  if (spec.response === null) return { description: 'Done' };
  return { description: 'OK', content: { 'application/json': { schema: strip(output(spec.response)) } } };
}

const ERROR_BODY = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

function strip(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}

function objectProperties(
  schema: z.ZodType | undefined,
  toJson: (schema: z.ZodType) => Record<string, unknown>,
): [string, unknown, boolean][] {
  if (schema === undefined) return [];
  const json = toJson(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => [name, property, json.required?.includes(name) ?? false]);
}
