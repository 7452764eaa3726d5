/** One JSON-RPC call to a chain, whoever carries it (a browser wallet, the server's relay). */
export type RpcCall = (method: string, params?: readonly unknown[]) => Promise<unknown>;

/** A JSON-RPC error answer (EIP-1193 and EIP-1474 codes: 4001 the person refused, -32000 and 3 the node refused). */
export class RpcFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'RpcFailure';
  }
}
