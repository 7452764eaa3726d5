import type { Checkout, Friend, GameMode, GameRecord, GameRoom, LedgerEntry, Purchase, RankingEntry, Rating, Replay, ReportCategory, ResponsiblePlay, RoomConfigInput, Session, Shop, SpendingPeriod, User, WalletNonce, WalletType } from '@guandan/protocol';
import { DEVICE_ID_HEADER } from '@guandan/protocol';
import { ApiError } from './api-error.js';
import { EconomyApi } from './economy-api.js';

export interface RestClientOptions {
  /** The server's origin, e.g. http://localhost:3000. */
  baseUrl: string;
  /** Called when the session changes (sign-in, refresh, sign-out), e.g. to keep it in storage. */
  onSession?: (session: Session | null) => void;
  /** Called with the server's time on each response (its HTTP Date header, whole seconds), e.g. to estimate its clock. */
  onServerDate?: (serverMs: number, receivedAtMs: number) => void;
  /** This install's own random id (DEVICE_ID_HEADER), sent with each request once known. */
  deviceId?: () => string | null;
}

export type Board = 'global' | 'weekly' | 'monthly';

/** The REST API under /v4, typed from the protocol. An expired access token is refreshed once, automatically. */
export class RestClient {
  private session: Session | null = null;

  /** Wallets, tokens, staking and the DAO (`rest.economy.balance()`, ...). */
  readonly economy: EconomyApi;

  constructor(private readonly options: RestClientOptions) {
    this.economy = new EconomyApi(this);
  }

  get current(): Session | null {
    return this.session;
  }

  /** The access token for the realtime connection. */
  get accessToken(): string | null {
    return this.session?.jwt ?? null;
  }

  useSession(session: Session | null): void {
    this.session = session;
    this.options.onSession?.(session);
  }

  /** A new account with an email; `birthDate` (YYYY-MM-DD) passes the age gate or the server answers UNDER_AGE. */
  register(email: string, password: string, username: string, birthDate: string): Promise<{ user: User }> {
    return this.call('POST', '/auth/register', { email, password, username, birth_date: birthDate }, false);
  }

  async login(email: string, password: string): Promise<Session> {
    const session = await this.call<Session>('POST', '/auth/login', { email, password }, false);
    this.useSession(session);
    return session;
  }

  async guest(username?: string): Promise<Session> {
    const session = await this.call<Session>('POST', '/auth/guest', username === undefined ? {} : { username }, false);
    this.useSession(session);
    return session;
  }

  /** A single-use nonce and the EIP-4361 message for `address` to sign, to sign in or to link the wallet. */
  walletNonce(address: string): Promise<WalletNonce> {
    return this.call('POST', '/auth/wallet/nonce', { address }, false);
  }

  /** Signs in with the wallet's signature of a `walletNonce` message; the first sign-in makes the account. */
  async walletSignIn(message: string, signature: string, walletType?: WalletType): Promise<Session> {
    const body = walletType === undefined ? { message, signature } : { message, signature, wallet_type: walletType };
    const session = await this.call<Session>('POST', '/auth/wallet/verify', body, false);
    this.useSession(session);
    return session;
  }

  async refresh(): Promise<Session> {
    const token = this.session?.refresh_token;
    if (token === undefined) throw new ApiError('UNAUTHORIZED', 'no session to refresh', 401);
    const session = await this.call<Session>('POST', '/auth/refresh', { refresh_token: token }, false);
    this.useSession(session);
    return session;
  }

  async logout(): Promise<void> {
    const token = this.session?.refresh_token;
    if (token !== undefined) await this.call('POST', '/auth/logout', { refresh_token: token }, false);
    this.useSession(null);
  }

  me(): Promise<User> {
    return this.call('GET', '/users/me');
  }

  /** The date of birth, once, for an account made without one (a guest, a wallet): buying needs it. */
  setBirthDate(birthDate: string): Promise<User> {
    return this.call('PUT', '/users/me/birth-date', { birth_date: birthDate });
  }

  updateMe(change: { username?: string; avatar_url?: string | null }): Promise<User> {
    return this.call('PATCH', '/users/me', change);
  }

  createRoom(gameMode: GameMode, roomConfig: RoomConfigInput = {}): Promise<GameRoom> {
    return this.call('POST', '/game/rooms', { game_mode: gameMode, room_config: roomConfig });
  }

  room(roomId: string): Promise<GameRoom> {
    return this.call('GET', `/game/rooms/${roomId}`);
  }

  /** The room the player is in, or null when in none. */
  currentRoom(): Promise<GameRoom | null> {
    return this.call('GET', '/game/rooms/current');
  }

  openRooms(page = 1, limit = 20): Promise<GameRoom[]> {
    return this.call('GET', `/game/rooms?page=${page}&limit=${limit}`);
  }

  joinByCode(inviteCode: string): Promise<GameRoom> {
    return this.call('POST', '/game/rooms/join', { invite_code: inviteCode });
  }

  joinRoom(roomId: string): Promise<GameRoom> {
    return this.call('POST', `/game/rooms/${roomId}/join`);
  }

  leaveRoom(roomId: string): Promise<void> {
    return this.call('POST', `/game/rooms/${roomId}/leave`);
  }

  ready(roomId: string, ready = true): Promise<GameRoom> {
    return this.call('POST', `/game/rooms/${roomId}/ready`, { ready });
  }

  setSeatBot(roomId: string, seat: number, botLevel: 'random' | 'easy' | 'normal' | 'hard' | null): Promise<GameRoom> {
    return this.call('PUT', `/game/rooms/${roomId}/seats`, { seat, bot_level: botLevel });
  }

  ranking(board: Board, page = 1, limit = 100, period?: string): Promise<RankingEntry[]> {
    const periodQuery = period === undefined ? '' : `&period=${encodeURIComponent(period)}`;
    return this.call('GET', `/ranking/${board}?page=${page}&limit=${limit}${periodQuery}`);
  }

  myRating(): Promise<Rating> {
    return this.call('GET', '/ranking/rating/me');
  }

  records(page = 1, limit = 20): Promise<GameRecord[]> {
    return this.call('GET', `/game/records?page=${page}&limit=${limit}`);
  }

  replay(gameId: string): Promise<Replay> {
    return this.call('GET', `/game/records/${gameId}/replay`);
  }

  friends(): Promise<Friend[]> {
    return this.call('GET', '/friends');
  }

  requestFriend(target: { user_id: string } | { username: string }): Promise<unknown> {
    return this.call('POST', '/friends/requests', target);
  }

  acceptFriend(userId: string): Promise<unknown> {
    return this.call('POST', `/friends/requests/${userId}/accept`);
  }

  coinLedger(page = 1, limit = 20): Promise<LedgerEntry[]> {
    return this.call('GET', `/coins/ledger?page=${page}&limit=${limit}`);
  }

  /** The coin shop: whether it is open here and the packs it sells (no sign-in needed). */
  shop(): Promise<Shop> {
    return this.call('GET', '/shop', undefined, false);
  }

  /** Starts buying a product: the provider's payment page to send the player to; the coins come once it is paid. */
  checkout(productId: string): Promise<Checkout> {
    return this.call('POST', '/shop/checkout', { product_id: productId });
  }

  /** The player's purchases, newest first: the receipts. */
  purchases(page = 1, perPage = 20): Promise<{ items: Purchase[]; total: number }> {
    return this.call('GET', `/shop/purchases?page=${page}&per_page=${perPage}`);
  }

  /** Gives up a checkout left unpaid (closed at the provider, it no longer counts against the limits). */
  cancelPurchase(purchaseId: string): Promise<Purchase> {
    return this.call('POST', `/shop/purchases/${encodeURIComponent(purchaseId)}/cancel`);
  }

  /** The player's own spending limits (each with what was spent in its period and any raise waiting) and self-exclusion. */
  responsiblePlay(): Promise<ResponsiblePlay> {
    return this.call('GET', '/responsible-play');
  }

  /**
   * Sets the limit on spending over a period, in the currency's minor unit (null removes it). A lower limit is in force
   * at once; a higher one, or removing it, waits the cooling-off and shows as pending.
   */
  setSpendingLimit(period: SpendingPeriod, limitMinor: number | null): Promise<ResponsiblePlay> {
    return this.call('PUT', '/responsible-play/limits', { period, limit_minor: limitMinor });
  }

  /** No purchase for this many days; it can only be made longer, never shortened. */
  selfExclude(days: number): Promise<ResponsiblePlay> {
    return this.call('POST', '/responsible-play/self-exclusion', { days });
  }

  /** Reports a player to the moderators, from a game (its chat goes with the report) and a replay position. */
  report(report: { user_id: string; category: ReportCategory; note?: string; game_id?: string | null; position?: number | null }): Promise<{ case_id: string; status: string }> {
    return this.call('POST', '/reports', report);
  }

  /** Any route of the API, for what has no method here yet. */
  async call<T>(method: string, path: string, body?: unknown, authenticated = true): Promise<T> {
    const response = await this.send(method, path, body, authenticated);
    if (response.status === 401 && authenticated && this.session !== null) {
      const error = (await response.clone().json().catch(() => null)) as { error?: { code?: string } } | null;
      if (error?.error?.code === 'TOKEN_EXPIRED') {
        await this.refresh();
        return this.parse<T>(await this.send(method, path, body, authenticated));
      }
    }
    return this.parse<T>(response);
  }

  private async send(method: string, path: string, body: unknown, authenticated: boolean): Promise<Response> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (authenticated && this.session !== null) headers.authorization = `Bearer ${this.session.jwt}`;
    const deviceId = this.options.deviceId?.() ?? null;
    if (deviceId !== null) headers[DEVICE_ID_HEADER] = deviceId;
    try {
      const response = await fetch(`${this.options.baseUrl}/v4${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const date = response.headers.get('date');
      if (date !== null) this.options.onServerDate?.(Date.parse(date), Date.now());
      return response;
    } catch (error) {
      throw new ApiError('NETWORK', `cannot reach the server: ${error instanceof Error ? error.message : String(error)}`, 0);
    }
  }

  private async parse<T>(response: Response): Promise<T> {
    if (response.status === 204) return undefined as T;
    const json = (await response.json().catch(() => null)) as unknown;
    if (!response.ok) {
      const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
      throw new ApiError((error?.code ?? 'INTERNAL') as ApiError['code'], error?.message ?? `HTTP ${response.status}`, response.status);
    }
    return json as T;
  }
}
