import { createHttpClient } from './api/http-client';
import { browserRefreshLock } from './api/refresh-lock';
import { createSessionApi } from './api/session-api';
import { memorySessionStore, storageSessionStore, type SessionStore } from './api/session-store';
import { createAuthProvider } from './auth-provider';
import { API_ROOT } from './config';
import { createDataProvider } from './data-provider';

/** A private window or a locked-down browser may refuse storage: the console then works until the tab closes. */
function sessionStore(): SessionStore {
  try {
    window.localStorage.getItem('probe');
    return storageSessionStore(window.localStorage);
  } catch {
    return memorySessionStore();
  }
}

const fetchInBrowser: typeof fetch = (input, init) => window.fetch(input, init);
const sessions = sessionStore();
const sessionApi = createSessionApi(API_ROOT, fetchInBrowser);
const http = createHttpClient({ apiRoot: API_ROOT, fetch: fetchInBrowser, sessions, sessionApi, refreshLock: browserRefreshLock() });

export const authProvider = createAuthProvider({ sessions, sessionApi });
export const dataProvider = createDataProvider(http);
