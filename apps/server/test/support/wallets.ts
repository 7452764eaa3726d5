import { type Session, SessionSchema, type WalletNonce, WalletNonceSchema, type WalletType } from '@guandan/protocol';
import { generatePrivateKey, type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts';
import { call, expectOk } from './accounts.js';
import type { TestServer } from './server.js';

/** A wallet with a fresh random key, as MetaMask would hold it. */
export function newWallet(): PrivateKeyAccount {
  return privateKeyToAccount(generatePrivateKey());
}

/** The nonce and the message the server issues for `address` (the wallet's own by default). */
export async function askNonce(t: TestServer, wallet: PrivateKeyAccount, address: string = wallet.address): Promise<WalletNonce> {
  return expectOk(await call(t, 'POST', '/auth/wallet/nonce', { body: { address } }), WalletNonceSchema);
}

/** A fresh message for the wallet, signed by it: the body of /auth/wallet/verify. */
export async function signedNonce(t: TestServer, wallet: PrivateKeyAccount): Promise<{ message: string; signature: string }> {
  const { message } = await askNonce(t, wallet);
  return { message, signature: await wallet.signMessage({ message }) };
}

/** Signs in with the wallet (making its account the first time). */
export async function walletSignIn(t: TestServer, wallet: PrivateKeyAccount, walletType?: WalletType): Promise<Session> {
  const body = { ...(await signedNonce(t, wallet)), ...(walletType === undefined ? {} : { wallet_type: walletType }) };
  return expectOk(await call(t, 'POST', '/auth/wallet/verify', { body }), SessionSchema);
}
