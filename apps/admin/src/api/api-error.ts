import { consoleMessagesEn } from '../i18n/en';

/** Codes the console itself raises, next to the platform's own (`PLATFORM_ERROR_CODES`). */
export type ConsoleErrorCode = 'NETWORK' | 'NO_OPERATOR_ROLE' | 'UNKNOWN';

/**
 * A refusal from the platform (`{error: {code, message}}` with its HTTP status) or a failure to reach it.
 * `message` is what react-admin shows: a translation key when the console has words for the code, else the
 * server's own message. react-admin's `checkError` reads `status`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly serverMessage: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const CODES_WITH_TEXT = new Set(Object.keys(consoleMessagesEn.gg.error));

/** The translation key for a code, or null when the console has no words of its own for it. */
export function errorMessageKey(code: string): string | null {
  return CODES_WITH_TEXT.has(code) ? `gg.error.${code}` : null;
}

/** Reads the platform's error body; anything else (a proxy's HTML page, an empty body) keeps the status only. */
export function parseErrorBody(body: unknown): { code: string; message: string } | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== 'string') return null;
  return { code, message: typeof message === 'string' ? message : code };
}

/** The error for a refused response: the platform's code and message, or the status alone. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const parsed = parseErrorBody(body);
  const code = parsed?.code ?? 'UNKNOWN';
  const serverMessage = parsed?.message ?? `HTTP ${status}`;
  // A validation refusal's message says which field is wrong: more useful than any fixed text.
  const key = code === 'BAD_REQUEST' ? null : errorMessageKey(code);
  return new ApiError(status, code, key ?? serverMessage, serverMessage);
}

/** The error for a request that got no answer at all. */
export function networkError(cause: unknown): ApiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ApiError(0, 'NETWORK', 'gg.error.NETWORK', detail);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * Runs an action whose CONFLICT has one meaning here (the game ended meanwhile, the hold was lifted by another
 * operator): that refusal is told in `conflictKey`'s words, which the general "changed meanwhile" text misses.
 */
export async function sayingConflictAs<T>(action: Promise<T>, conflictKey: string): Promise<T> {
  try {
    return await action;
  } catch (error) {
    if (isApiError(error) && error.status === 409) throw new Error(conflictKey);
    throw error;
  }
}
