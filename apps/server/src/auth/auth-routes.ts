import { DEVICE_ID_HEADER, DEVICE_ID_PATTERN, GuestBodySchema, LoginBodySchema, RefreshBodySchema, RegisterBodySchema, RegisterResponseSchema, SessionSchema } from '@guandan/protocol';
import { route } from '../http/api.js';
import type { FastifyRequest } from 'fastify';
import type { AuthService, ClientInfo } from './auth-service.js';
import { LoginThrottled } from './login-throttle.js';

/** The /auth routes, each limited to `rateLimitPerMinute` requests per client address. */
export function authRoutes(auth: AuthService, rateLimitPerMinute: number) {
  const common = { tag: 'auth', auth: false, rateLimitPerMinute } as const;
  return [
    route({
      ...common,
      method: 'POST',
      path: '/auth/register',
      summary: 'Create an account with its starting coins (sign in next with /auth/login)',
      body: RegisterBodySchema,
      response: RegisterResponseSchema,
      handler: async ({ body }) => ({ user: await auth.register(body) }),
    }),
    route({
      ...common,
      method: 'POST',
      path: '/auth/login',
      summary: 'Sign in with email and password',
      body: LoginBodySchema,
      response: SessionSchema,
      handler: async ({ body, request, reply }) => {
        try {
          return await auth.login(body, clientOf(request));
        } catch (error) {
          if (error instanceof LoginThrottled) void reply.header('retry-after', String(error.retryAfterSeconds));
          throw error;
        }
      },
    }),
    route({
      ...common,
      method: 'POST',
      path: '/auth/guest',
      summary: 'Play as a new guest account',
      body: GuestBodySchema,
      response: SessionSchema,
      handler: async ({ body, request }) => auth.guest(body.username, clientOf(request)),
    }),
    route({
      ...common,
      method: 'POST',
      path: '/auth/refresh',
      summary: 'Trade a refresh token for a new session; the old token is revoked',
      body: RefreshBodySchema,
      response: SessionSchema,
      handler: async ({ body }) => auth.refresh(body.refresh_token),
    }),
    route({
      ...common,
      method: 'POST',
      path: '/auth/logout',
      summary: 'Revoke a refresh token',
      body: RefreshBodySchema,
      status: 204,
      response: null,
      handler: async ({ body }) => auth.logout(body.refresh_token),
    }),
  ];
}

const USER_AGENT_KEPT = 300;

/** Where a request came from, as the sign-in record keeps it; a malformed device id is left out, not refused. */
export function clientOf(request: FastifyRequest): ClientInfo {
  const userAgent = request.headers['user-agent'];
  const deviceId = request.headers[DEVICE_ID_HEADER];
  return {
    address: request.ip,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, USER_AGENT_KEPT) : null,
    deviceId: typeof deviceId === 'string' && DEVICE_ID_PATTERN.test(deviceId) ? deviceId : null,
  };
}
