import type { AdminMe, Session } from '@guandan/protocol';
import { apiErrorFrom, networkError } from './api-error';

/** The platform's sign-in endpoints, called without a session (or with a token the caller holds). */
export interface SessionApi {
  login(email: string, password: string): Promise<Session>;
  refresh(refreshToken: string): Promise<Session>;
  logout(refreshToken: string): Promise<void>;
  /** `GET /v4/admin/me` with a given token: a player without a staff role gets 403 FORBIDDEN. */
  adminMe(jwt: string): Promise<AdminMe>;
}

export function createSessionApi(apiRoot: string, fetchImpl: typeof fetch): SessionApi {
  async function call<T>(path: string, init: RequestInit): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${apiRoot}${path}`, init);
    } catch (error) {
      throw networkError(error);
    }
    if (!response.ok) throw apiErrorFrom(response.status, await readJson(response));
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  const post = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    login: (email, password) => call<Session>('/auth/login', post({ email, password })),
    refresh: (refreshToken) => call<Session>('/auth/refresh', post({ refresh_token: refreshToken })),
    logout: (refreshToken) => call<void>('/auth/logout', post({ refresh_token: refreshToken })),
    adminMe: (jwt) => call<AdminMe>('/admin/me', { headers: { Authorization: `Bearer ${jwt}`, Accept: 'application/json' } }),
  };
}

/** A response's JSON body, or null when it has none (an error page from a proxy, an empty 502). */
export async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}
