/** Why a seat's move was made for it. */
export type DefaultReason = 'timeout' | 'malformed' | 'out-of-range' | 'disconnected';

/** A seat's answer to an `act`: the index it chose, or why it has none. */
export type AskOutcome = { index: number } | { index: null; reason: DefaultReason };

/** Reads a client's reply `{"actIndex": i}`; i must be an integer with 0 <= i <= indexRange. */
export function parseReply(text: string, indexRange: number): AskOutcome {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { index: null, reason: 'malformed' };
  }
  if (typeof value !== 'object' || value === null || !('actIndex' in value)) return { index: null, reason: 'malformed' };
  const index = (value as { actIndex: unknown }).actIndex;
  if (typeof index !== 'number' || !Number.isInteger(index)) return { index: null, reason: 'malformed' };
  if (index < 0 || index > indexRange) return { index: null, reason: 'out-of-range' };
  return { index };
}
