/** A long hex id (a batch id, a transaction hash) shortened for a narrow column: 0x1234…cdef. */
export function shortHash(hash: string): string {
  return hash.length <= 14 ? hash : `${hash.slice(0, 6)}…${hash.slice(-4)}`;
}
