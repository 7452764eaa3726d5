/** The one method of an EIP-1193 provider the app uses; viem's `custom` transport takes it as it is. */
export interface Eip1193Provider {
  request(args: { method: string; params?: readonly unknown[] | object }): Promise<unknown>;
}
