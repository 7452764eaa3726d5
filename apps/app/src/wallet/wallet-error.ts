/** Why a wallet action failed, in words the app can put to the player (the wallet's own messages are English and technical). */
export type WalletProblem =
  /** No wallet to use here: no browser wallet and not the local chain. */
  | 'noWallet'
  /** The person said no in their wallet. */
  | 'rejected'
  /** The wallet is on another account than the one linked to the player. */
  | 'wrongAccount'
  /** The wallet is on another chain and would not switch. */
  | 'wrongChain'
  /** Not enough of the chain's coin to pay for gas. */
  | 'noGas'
  /** The transaction was mined and reverted. */
  | 'reverted'
  | 'failed';

export class WalletError extends Error {
  constructor(
    readonly problem: WalletProblem,
    message: string,
  ) {
    super(message);
    this.name = 'WalletError';
  }
}
