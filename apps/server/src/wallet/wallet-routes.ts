import {
  SessionSchema,
  WalletConnectBodySchema,
  WalletNonceBodySchema,
  WalletNonceSchema,
  WalletResponseSchema,
  WalletVerifyBodySchema,
} from '@guandan/protocol';
import type { FastifyRequest } from 'fastify';
import type { Hex } from 'viem';
import { clientOf } from '../auth/index.js';
import { route } from '../http/api.js';
import type { RequestOrigin, WalletService } from './wallet-service.js';

/**
 * Wallet sign-in under /auth/wallet (limited to `rateLimitPerMinute` requests per client address, like every /auth
 * route) and the signed-in user's wallet under /wallet.
 */
export function walletRoutes(wallets: WalletService, rateLimitPerMinute: number) {
  return [
    route({
      method: 'POST',
      path: '/auth/wallet/nonce',
      summary: 'A single-use nonce and the Sign-In with Ethereum (EIP-4361) message for the wallet to sign',
      tag: 'auth',
      auth: false,
      rateLimitPerMinute,
      body: WalletNonceBodySchema,
      response: WalletNonceSchema,
      handler: async ({ body, request }) => wallets.issueNonce(body.address, originOf(request)),
    }),
    route({
      method: 'POST',
      path: '/auth/wallet/verify',
      summary: "Sign in with the wallet's signature of the message; the first sign-in makes the account",
      tag: 'auth',
      auth: false,
      rateLimitPerMinute,
      body: WalletVerifyBodySchema,
      response: SessionSchema,
      handler: async ({ body, request }) => wallets.signIn(signedOf(body), body.wallet_type ?? null, originOf(request), clientOf(request)),
    }),
    route({
      method: 'GET',
      path: '/wallet',
      summary: "The signed-in user's wallet, or null",
      tag: 'wallet',
      auth: true,
      response: WalletResponseSchema,
      handler: async ({ user }) => ({ wallet: await wallets.walletOf(user.userId) }),
    }),
    route({
      method: 'POST',
      path: '/wallet/connect',
      summary: "Link a wallet to the signed-in account with its signature of a nonce's message (one wallet per account)",
      tag: 'wallet',
      auth: true,
      rateLimitPerMinute,
      body: WalletConnectBodySchema,
      response: WalletResponseSchema,
      handler: async ({ user, body, request }) => ({
        wallet: await wallets.connect(user.userId, { address: body.wallet_address, type: body.wallet_type }, signedOf(body), originOf(request)),
      }),
    }),
  ];
}

function originOf(request: FastifyRequest): RequestOrigin {
  return { host: request.host, protocol: request.protocol };
}

/** The schema has checked the signature's form: 0x and hex digits. */
function signedOf(body: { message: string; signature: string }): { message: string; signature: Hex } {
  return { message: body.message, signature: body.signature as Hex };
}
