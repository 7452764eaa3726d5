import assert from 'node:assert/strict';
import type { EngineErrorCode } from '@guandan/engine';
import { type ErrorCode, PLATFORM_ERROR_CODES } from '@guandan/protocol';

/** The engine's codes at run time; the record type makes the compiler fail when the engine adds or drops one. */
const ENGINE_ERROR_CODES: Record<EngineErrorCode, true> = {
  BAD_CARD: true,
  BAD_LEVEL: true,
  BAD_PLAY: true,
  BAD_RULES: true,
  BAD_ACTION: true,
  NOT_YOUR_TURN: true,
  WRONG_PHASE: true,
  CARDS_NOT_IN_HAND: true,
  NOT_A_PLAY: true,
  READING_NOT_AVAILABLE: true,
  DOES_NOT_BEAT: true,
  LEADER_CANNOT_PASS: true,
  TRIBUTE_NOT_ALLOWED: true,
  RETURN_NOT_ALLOWED: true,
  MATCH_OVER: true,
};

/** Every code a client may be answered with: the protocol's list and the engine's. */
export const ALL_ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([...PLATFORM_ERROR_CODES, ...(Object.keys(ENGINE_ERROR_CODES) as EngineErrorCode[])]);

/** Asserts `body` is `{error: {code, message}}` with a code from the protocol's list; `where` names the request. */
export function assertTypedError(body: unknown, where: string): void {
  const error = (body as { error?: unknown } | null)?.error as { code?: unknown; message?: unknown } | undefined;
  assert.ok(typeof error === 'object' && error !== null, `${where}: not {error: {code, message}}: ${JSON.stringify(body)?.slice(0, 300)}`);
  assert.ok(typeof error.code === 'string' && ALL_ERROR_CODES.has(error.code), `${where}: code ${JSON.stringify(error.code)} is not in the protocol's ErrorCode list`);
  assert.equal(typeof error.message, 'string', `${where}: the error has no message`);
}
