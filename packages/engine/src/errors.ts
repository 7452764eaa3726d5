/** Every way an engine call can refuse its input. Codes are stable: tools and the wire protocol use them. */
export type EngineErrorCode =
  | 'BAD_CARD'
  | 'BAD_LEVEL'
  | 'BAD_PLAY'
  | 'BAD_RULES'
  | 'BAD_ACTION'
  | 'NOT_YOUR_TURN'
  | 'WRONG_PHASE'
  | 'CARDS_NOT_IN_HAND'
  | 'NOT_A_PLAY'
  | 'READING_NOT_AVAILABLE'
  | 'DOES_NOT_BEAT'
  | 'LEADER_CANNOT_PASS'
  | 'TRIBUTE_NOT_ALLOWED'
  | 'RETURN_NOT_ALLOWED'
  | 'MATCH_OVER';

export class EngineError extends Error {
  readonly code: EngineErrorCode;

  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}
