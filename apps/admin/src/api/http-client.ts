import { ApiError, apiErrorFrom, networkError } from './api-error';
import type { RefreshLock } from './refresh-lock';
import { readJson, type SessionApi } from './session-api';
import type { ConsoleSession, SessionStore } from './session-store';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: URLSearchParams;
  body?: unknown;
  signal?: AbortSignal;
  /** What the caller accepts back; JSON unless it downloads a file. */
  accept?: string;
}

/** Requests on behalf of the signed-in operator: the token attached, refreshed when it runs out. */
export interface HttpClient {
  /** The response's JSON (undefined for 204); a refusal throws an `ApiError`. */
  json<T>(path: string, options?: RequestOptions): Promise<T>;
  /** The successful response itself, for downloads. */
  response(path: string, options?: RequestOptions): Promise<Response>;
}

export interface HttpClientDeps {
  apiRoot: string;
  fetch: typeof fetch;
  sessions: SessionStore;
  sessionApi: SessionApi;
  refreshLock: RefreshLock;
  now?: () => number;
}

/** Refresh this long before the jwt runs out, so a request does not race its expiry. */
const EXPIRY_MARGIN_MS = 10_000;

export function createHttpClient(deps: HttpClientDeps): HttpClient {
  const now = deps.now ?? Date.now;

  /**
   * A session with a live jwt. Under the lock, the stored session is read again: when another request or tab
   * refreshed while this one waited, its tokens are used and the spent refresh token is never presented again.
   */
  function freshSession(stale: ConsoleSession): Promise<ConsoleSession> {
    return deps.refreshLock(async () => {
      const current = deps.sessions.read();
      if (current === null) throw signedOut();
      if (current.jwt !== stale.jwt) return current;
      try {
        const next = await deps.sessionApi.refresh(current.refreshToken);
        const session: ConsoleSession = { jwt: next.jwt, refreshToken: next.refresh_token, expiresAt: now() + next.expires_in * 1000, me: current.me };
        deps.sessions.write(session);
        return session;
      } catch (error) {
        // A refresh token refused is gone for good; a network failure leaves the session for the next try.
        if (error instanceof ApiError && error.status === 401) deps.sessions.clear();
        throw error;
      }
    });
  }

  async function send(session: ConsoleSession, path: string, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${session.jwt}`, Accept: options.accept ?? 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const query = options.query?.toString();
    try {
      return await deps.fetch(`${deps.apiRoot}${path}${query ? `?${query}` : ''}`, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw networkError(error);
    }
  }

  async function response(path: string, options: RequestOptions = {}): Promise<Response> {
    let session = deps.sessions.read();
    if (session === null) throw signedOut();
    if (session.expiresAt - now() < EXPIRY_MARGIN_MS) session = await freshSession(session);
    let answer = await send(session, path, options);
    if (answer.status === 401) {
      const refused = apiErrorFrom(401, await readJson(answer));
      // Only an expired token is worth a refresh; a revoked session (SIGNED_OUT, INVALID_TOKEN) is not.
      if (refused.code !== 'TOKEN_EXPIRED') throw refused;
      session = await freshSession(session);
      answer = await send(session, path, options);
    }
    if (!answer.ok) throw apiErrorFrom(answer.status, await readJson(answer));
    return answer;
  }

  return {
    response,
    async json<T>(path: string, options: RequestOptions = {}): Promise<T> {
      const answer = await response(path, options);
      return (answer.status === 204 ? undefined : await answer.json()) as T;
    },
  };
}

function signedOut(): ApiError {
  return new ApiError(401, 'UNAUTHORIZED', 'gg.error.UNAUTHORIZED', 'not signed in');
}
