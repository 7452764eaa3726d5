import { randomBytes } from 'node:crypto';
import { ProtocolError, type Session, type Wallet, type WalletNonce, type WalletType } from '@guandan/protocol';
import { type Address, type Hex, zeroAddress } from 'viem';
import { SiweInvalidMessageFieldError } from 'viem/siwe';
import type { AuthService, ClientInfo } from '../auth/index.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/db/database.js';
import type { UsersService } from '../users/index.js';
import { NonceStore } from './nonce-store.js';
import { checksummed, inForce, invalidMessage, readSignInMessage, signedBy, signInMessage } from './sign-in-message.js';
import { recordWalletLinked } from './wallet-linked.js';

export type WalletPolicy = Pick<Config, 'CHAIN_ID' | 'SIWE_DOMAIN' | 'WALLET_NONCE_TTL_SECONDS'>;

/** Where a request reached the server, as the browser saw it: what a sign-in message is bound to. */
export interface RequestOrigin {
  /** Host and any port (the Host header, or X-Forwarded-Host behind a trusted proxy). */
  host: string;
  protocol: 'http' | 'https';
}

export interface SignedMessage {
  message: string;
  signature: Hex;
}

export interface WalletDeps {
  db: Db;
  auth: Pick<AuthService, 'walletSignIn'>;
  users: Pick<UsersService, 'linkWallet' | 'walletOf'>;
  policy: WalletPolicy;
  /** Publishes committed outbox rows now instead of at the relay's next sweep. */
  kickOutbox(): void;
  /**
   * Sanctions screening of a wallet that tokens are paid to (the kyc domain's): throws ADDRESS_SANCTIONED on a hit.
   * `userId` is null when the wallet's account does not exist yet.
   */
  screen(userId: string | null, address: string): Promise<void>;
}

/** A used or expired nonce is kept this long, so that a late replay is told why rather than "unknown nonce". */
const KEEP_EXPIRED_NONCES_MS = 24 * 3_600_000;

/**
 * Sign-In with Ethereum (EIP-4361) and wallet linking. The server writes the message (so the client cannot choose
 * its domain, chain or lifetime) and keeps it with a single-use nonce; a signature counts only for that exact
 * message, recovered to the address it names, and consumes the nonce.
 */
export class WalletService {
  private readonly nonces: NonceStore;

  constructor(private readonly deps: WalletDeps) {
    this.nonces = new NonceStore(deps.db);
    // A configured domain that no message can carry is a setup mistake: fail at start, not at the first sign-in.
    if (deps.policy.SIWE_DOMAIN !== undefined) this.message(zeroAddress, { host: deps.policy.SIWE_DOMAIN, protocol: 'https' }, 'startcheck', new Date());
  }

  /** A fresh nonce and the message naming it, for `address` to sign within WALLET_NONCE_TTL_SECONDS. */
  async issueNonce(address: string, origin: RequestOrigin): Promise<WalletNonce> {
    const now = new Date();
    const wallet = checksummed(address);
    const nonce = randomBytes(16).toString('hex'); // EIP-4361 wants at least 8 alphanumerics; this is 128 random bits
    const message = this.message(wallet, origin, nonce, now);
    const expiresAt = this.expiry(now).toISOString();
    await this.nonces.pruneExpiredBefore(new Date(now.getTime() - KEEP_EXPIRED_NONCES_MS).toISOString());
    await this.nonces.insert({ nonce, address: wallet, message, expires_at: expiresAt, used_at: null, created_at: now.toISOString() });
    return { nonce, message, expires_at: expiresAt };
  }

  /** Signs in the wallet's account, making it the first time (which publishes WalletLinked). */
  async signIn(signed: SignedMessage, walletType: WalletType | null, origin: RequestOrigin, client: ClientInfo): Promise<Session> {
    const address = await this.consumeSigned(signed, origin.host);
    await this.deps.screen(null, address);
    let created = false;
    const session = await this.deps.auth.walletSignIn({ address, type: walletType }, async (work, user) => {
      await recordWalletLinked(work, { userId: user.user_id, address });
      created = true;
    }, client);
    if (created) this.deps.kickOutbox();
    return session;
  }

  /** Links the signing wallet to the user's account (see UsersService.linkWallet for the refusals). */
  async connect(userId: string, wallet: { address: string; type: WalletType }, signed: SignedMessage, origin: RequestOrigin): Promise<Wallet> {
    const address = await this.consumeSigned(signed, origin.host, checksummed(wallet.address));
    await this.deps.screen(userId, address);
    const result = await this.deps.users.linkWallet(userId, { address, type: wallet.type }, (work) => recordWalletLinked(work, { userId, address }));
    if (result.linked) this.deps.kickOutbox();
    return result.wallet;
  }

  async walletOf(userId: string): Promise<Wallet | null> {
    return this.deps.users.walletOf(userId);
  }

  /**
   * The checksummed address that signed the message, after checking everything the message binds (in the order
   * that gives the most useful refusal) and consuming its nonce. `claimed`: the address the client says it signs
   * with, which must be the message's.
   */
  private async consumeSigned(signed: SignedMessage, host: string, claimed?: Address): Promise<Address> {
    const fields = readSignInMessage(signed.message);
    const issued = await this.nonces.find(fields.nonce);
    if (issued === undefined) throw new ProtocolError('INVALID_NONCE', 'unknown nonce: ask /v4/auth/wallet/nonce for a message to sign');
    const address = issued.address as Address;
    const domain = this.domain(host);
    if (fields.domain !== domain) throw invalidMessage(`the message is for ${String(fields.domain)}, not ${domain}: sign the message this server gave`);
    if (signed.message !== issued.message) throw invalidMessage('the message is not the one issued with its nonce: sign it unchanged');
    if (claimed !== undefined && claimed !== address) throw invalidMessage(`the message is for wallet ${address}, not ${claimed}`);
    const now = new Date();
    if (issued.used_at !== null) throw nonceUsed();
    if (issued.expires_at <= now.toISOString()) throw nonceExpired();
    // The message is the one we wrote, so this holds; it is kept as a guard should the message-writing ever change.
    if (!inForce(fields, { domain, nonce: issued.nonce, address }, now)) throw invalidMessage('the message is not a valid EIP-4361 sign-in');
    if (!(await signedBy(signed.message, signed.signature, address))) {
      throw new ProtocolError('INVALID_SIGNATURE', `the signature is not by the key of ${address}`);
    }
    if (!(await this.nonces.consume(issued.nonce, now.toISOString()))) {
      // Lost a race: another request with this nonce consumed it between the read above and now, or time ran out.
      const again = await this.nonces.find(issued.nonce);
      throw again?.used_at === null ? nonceExpired() : nonceUsed();
    }
    return address;
  }

  private message(address: Address, origin: RequestOrigin, nonce: string, now: Date): string {
    const domain = this.domain(origin.host);
    try {
      return signInMessage({ address, domain, uri: `${origin.protocol}://${domain}`, chainId: this.deps.policy.CHAIN_ID, nonce, issuedAt: now, expirationTime: this.expiry(now) });
    } catch (error) {
      if (!(error instanceof SiweInvalidMessageFieldError)) throw error;
      if (this.deps.policy.SIWE_DOMAIN !== undefined) throw new Error(`SIWE_DOMAIN ${domain} cannot be a sign-in domain: give a host name and any port`);
      throw new ProtocolError('BAD_REQUEST', `the request's host ${domain} cannot be named in a sign-in message (the server needs SIWE_DOMAIN)`);
    }
  }

  /** The domain messages are bound to: the configured one, else the request's Host (see SIWE_DOMAIN). */
  private domain(host: string): string {
    return this.deps.policy.SIWE_DOMAIN ?? host;
  }

  private expiry(now: Date): Date {
    return new Date(now.getTime() + this.deps.policy.WALLET_NONCE_TTL_SECONDS * 1000);
  }
}

function nonceUsed(): ProtocolError {
  return new ProtocolError('NONCE_USED', 'this nonce was used already: a signed message counts once, ask for a new one');
}

function nonceExpired(): ProtocolError {
  return new ProtocolError('NONCE_EXPIRED', 'this nonce has expired: ask for a new message to sign');
}
