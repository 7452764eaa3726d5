import type { PreparedTransactions, WalletType } from '@guandan/protocol';
import type { WalletKind } from './wallet-kind';

export type PreparedTransaction = PreparedTransactions['transactions'][number];

/** A wallet the app can sign with: a browser wallet or the local dev wallet, behind one face. */
export interface WalletSigner {
  readonly kind: WalletKind;
  readonly walletType: WalletType;
  /** Checksummed. */
  readonly address: `0x${string}`;
  /** personal_sign (EIP-191) of a text, as Sign-In with Ethereum wants. */
  signMessage(message: string): Promise<`0x${string}`>;
  /** Sends one transaction on chain `chainId` and waits until it is mined; its hash, or a WalletError. */
  sendAndConfirm(transaction: PreparedTransaction, chainId: number): Promise<`0x${string}`>;
}
