import type { ErrorCode } from '@guandan/protocol';

/** A refusal from the server, with its stable code. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
