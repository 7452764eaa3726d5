import type { AdminMe } from '@guandan/protocol';

/** A signed-in operator: the platform's tokens and who the console found them to be. */
export interface ConsoleSession {
  jwt: string;
  refreshToken: string;
  /** When the jwt stops being accepted (epoch ms, from the login's `expires_in`). */
  expiresAt: number;
  me: AdminMe;
}

export interface SessionStore {
  read(): ConsoleSession | null;
  write(session: ConsoleSession): void;
  clear(): void;
}

/** The storage key; the player app keeps its own session under another key on the same origin. */
export const SESSION_KEY = 'guandan-admin-session';

/**
 * The session in Web Storage. localStorage, so that a reload or a second tab stays signed in; the tabs share one
 * refresh token, which is why refreshing goes through a lock (`refresh-lock.ts`).
 */
export function storageSessionStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>, key = SESSION_KEY): SessionStore {
  return {
    read() {
      const text = storage.getItem(key);
      if (text === null) return null;
      try {
        const value: unknown = JSON.parse(text);
        return isConsoleSession(value) ? value : null;
      } catch {
        return null;
      }
    },
    write(session) {
      storage.setItem(key, JSON.stringify(session));
    },
    clear() {
      storage.removeItem(key);
    },
  };
}

/** A session held in memory only (tests, and browsers that refuse storage). */
export function memorySessionStore(initial: ConsoleSession | null = null): SessionStore {
  let current = initial;
  return {
    read: () => current,
    write: (session) => {
      current = session;
    },
    clear: () => {
      current = null;
    },
  };
}

/** Whether a stored value still has the shape this version of the console writes. */
export function isConsoleSession(value: unknown): value is ConsoleSession {
  if (typeof value !== 'object' || value === null) return false;
  const session = value as Record<string, unknown>;
  const me = session.me as Record<string, unknown> | null | undefined;
  return (
    typeof session.jwt === 'string' &&
    typeof session.refreshToken === 'string' &&
    typeof session.expiresAt === 'number' &&
    typeof me === 'object' &&
    me !== null &&
    typeof me.user_id === 'string' &&
    typeof me.username === 'string' &&
    typeof me.role === 'string'
  );
}
