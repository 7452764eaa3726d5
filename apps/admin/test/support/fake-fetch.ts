/** One request the code under test made. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

export type Responder = (request: SeenRequest) => Response | Promise<Response>;

/** A fetch that answers from `respond` and keeps every request, for tests without a server. */
export function fakeFetch(respond: Responder): { fetch: typeof fetch; seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(String(input), 'http://console.test');
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const request: SeenRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init?.headers),
      body: text === undefined ? undefined : JSON.parse(text),
    };
    seen.push(request);
    return respond(request);
  };
  return { fetch: fetchImpl, seen };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const refusal = (status: number, code: string, message = code) => json(status, { error: { code, message } });

export const noContent = () => new Response(null, { status: 204 });

/** A session as `/auth/login` and `/auth/refresh` answer it. */
export function platformSession(jwt: string, refreshToken: string, expiresIn = 900) {
  return {
    jwt,
    refresh_token: refreshToken,
    expires_in: expiresIn,
    user: {
      user_id: '11111111-1111-4111-8111-111111111111',
      email: 'op@example.com',
      username: 'op',
      avatar_url: null,
      wallet_address: null,
      game_coin_balance: 0,
      total_wins: 0,
      total_losses: 0,
      total_score: 0,
      is_guest: false,
      created_at: '2026-12-01T00:00:00.000Z',
      last_login: null,
    },
  };
}
