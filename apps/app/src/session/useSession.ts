import type { Session, SessionEndReason, User } from '@guandan/protocol';
import { ApiError, RealtimeClient, RestClient } from '@guandan/sdk';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { storage } from '../platform/storage';
import { loadWalletKit } from '../wallet/load-wallet-kit';
import type { WalletKind } from '../wallet/wallet-kind';
import { realtimeUrl } from './realtime-url';
import { serverOrigin } from './server-address';
import { loadDeviceId } from './device-id';
import { STORAGE_KEYS } from './storage-keys';
import { tokenExpiry } from './token-expiry';
import { serverClock } from './server-clock';

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signedOut'; ended?: SessionEndReason }
  | { status: 'signedIn'; user: User; realtime: RealtimeClient; replaced: boolean };

export interface SessionControls {
  state: SessionState;
  rest: RestClient;
  signIn(email: string, password: string): Promise<void>;
  register(email: string, username: string, password: string, birthDate: string): Promise<void>;
  playAsGuest(): Promise<void>;
  /** Sign-In with Ethereum: the wallet signs the server's message; the first sign-in makes the account. */
  signInWithWallet(kind: WalletKind): Promise<void>;
  signOut(): Promise<void>;
  /** Reads the user again (coins and stats change after a game). */
  refreshUser(): Promise<void>;
  /** After another tab or device of the account took the connection (`replaced`): take it back here. */
  playHere(): void;
}

/** Refresh the access token this long before it runs out. */
const TOKEN_MARGIN_MS = 30_000;

/** A prefix unique to this client, so that message ids of two tabs of one user never collide. */
function clientIdPrefix(): string {
  return `app-${Math.random().toString(36).slice(2, 10)}`;
}

function parseStoredSession(text: string | null): Session | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as Session;
  } catch {
    return null;
  }
}

/** The signed-in user, the REST client (tokens kept on the device) and one realtime connection per session. */
export function useSession(): SessionControls {
  const [state, setState] = useState<SessionState>({ status: 'restoring' });
  const realtimeRef = useRef<RealtimeClient | null>(null);
  const deviceIdRef = useRef<string | null>(null);

  const rest = useMemo(
    () =>
      new RestClient({
        baseUrl: serverOrigin(),
        // The server's clock, until (and besides) the realtime messages' stamps: the HTTP Date of each response.
        onServerDate: (serverMs, receivedAtMs) => serverClock.note(serverMs, receivedAtMs),
        deviceId: () => deviceIdRef.current,
        onSession: (session) => {
          if (session === null) void storage.remove(STORAGE_KEYS.session);
          else void storage.set(STORAGE_KEYS.session, JSON.stringify(session));
        },
      }),
    [],
  );

  /** The socket authenticates only when it opens, so a reconnect after the JWT expired must refresh it first. */
  const freshToken = useCallback(async (): Promise<string | null> => {
    const jwt = rest.accessToken;
    // A failed refresh leaves the old token: the upgrade is refused and the client's reconnect loop tries again.
    if (jwt !== null && Date.now() > tokenExpiry(jwt) - TOKEN_MARGIN_MS) await rest.refresh().catch(() => undefined);
    return rest.accessToken;
  }, [rest]);

  const start = useCallback(
    (user: User) => {
      realtimeRef.current?.close();
      const realtime = new RealtimeClient({
        url: realtimeUrl(serverOrigin()),
        token: freshToken,
        idPrefix: clientIdPrefix(),
        // The server closed this connection for a newer one of the same account: say so instead of fighting it.
        onReplaced: () => setState((current) => (current.status === 'signedIn' && current.realtime === realtime ? { ...current, replaced: true } : current)),
        // An operator ended the account's sessions: forget the tokens and say why on the sign-in screen.
        onSessionEnded: (reason) => {
          if (realtimeRef.current !== realtime) return;
          realtimeRef.current = null;
          rest.useSession(null);
          setState({ status: 'signedOut', ended: reason });
        },
      });
      realtimeRef.current = realtime;
      realtime.on('*', (message) => serverClock.note(message.timestamp, Date.now()));
      // A failed first connection is retried by the client's own reconnect loop.
      realtime.connect().catch(() => undefined);
      setState({ status: 'signedIn', user, realtime, replaced: false });
    },
    [freshToken, rest],
  );

  const end = useCallback(() => {
    realtimeRef.current?.close();
    realtimeRef.current = null;
    setState({ status: 'signedOut' });
  }, []);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      deviceIdRef.current = await loadDeviceId().catch(() => null);
      const saved = parseStoredSession(await storage.get(STORAGE_KEYS.session));
      if (saved === null) {
        if (!cancelled) setState({ status: 'signedOut' });
        return;
      }
      rest.useSession(saved);
      try {
        const user = await rest.me();
        if (!cancelled) start(user);
      } catch (error) {
        // An unreachable server keeps the saved tokens for the next start; a refused one forgets them.
        if (error instanceof ApiError && error.status === 401) rest.useSession(null);
        if (!cancelled) setState({ status: 'signedOut' });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [rest, start]);

  useEffect(() => () => realtimeRef.current?.close(), []);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const session = await rest.login(email, password);
      start(session.user);
    },
    [rest, start],
  );

  const register = useCallback(
    async (email: string, username: string, password: string, birthDate: string) => {
      await rest.register(email, password, username, birthDate);
      const session = await rest.login(email, password);
      start(session.user);
    },
    [rest, start],
  );

  const playAsGuest = useCallback(async () => {
    const session = await rest.guest();
    start(session.user);
  }, [rest, start]);

  const signInWithWallet = useCallback(
    async (kind: WalletKind) => {
      const kit = await loadWalletKit();
      const session = await kit.signInWithWallet(kind, rest);
      start(session.user);
    },
    [rest, start],
  );

  const signOut = useCallback(async () => {
    try {
      await rest.logout();
    } catch {
      // The server may be gone or the token already revoked: forget the session locally either way.
      rest.useSession(null);
    }
    end();
  }, [rest, end]);

  const refreshUser = useCallback(async () => {
    const user = await rest.me();
    setState((current) => (current.status === 'signedIn' ? { ...current, user } : current));
  }, [rest]);

  const playHere = useCallback(() => {
    setState((current) => (current.status === 'signedIn' ? { ...current, replaced: false } : current));
    realtimeRef.current?.connect().catch(() => undefined);
  }, []);

  return { state, rest, signIn, register, playAsGuest, signInWithWallet, signOut, refreshUser, playHere };
}
