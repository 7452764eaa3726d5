import { ProtocolError } from '@guandan/protocol';
import type { Identification, SanctionsProvider } from './sanctions.js';

/** Provider answers kept at most: the oldest goes first. */
const MAX_KEPT_ANSWERS = 10_000;

/** A case for the moderation queue (the moderation domain's `raise`). */
export interface AmlCase {
  source: 'aml';
  detector: string;
  accountIds: readonly string[];
  score: number;
  summary: string;
  evidence: unknown;
  dedupeKey: string;
}

/**
 * Anti-money-laundering screening of every address value goes to (a payout wallet today, cash-out destinations with
 * the ramp): the local sanctions list, then the provider if one is configured. A hit refuses (ADDRESS_SANCTIONED) and
 * opens a case in the moderation queue; a provider that does not answer refuses too (UNAVAILABLE): screening
 * fails closed.
 */
export class AmlScreening {
  /** The provider's answers by address, kept `cacheMs`: a wallet is screened at every sign-in. */
  private readonly answers = new Map<string, { at: number; identifications: Identification[] }>();

  constructor(
    private readonly deps: {
      localList: ReadonlySet<string>;
      provider: SanctionsProvider | null;
      raiseCase: (amlCase: AmlCase) => Promise<unknown>;
      cacheMs: number;
    },
  ) {}

  /** `userId` is null for an address whose account does not exist yet (a first wallet sign-in). */
  async screenAddress(userId: string | null, address: string, purpose: string): Promise<void> {
    const hits: (Identification & { source: string })[] = [];
    if (this.deps.localList.has(address.toLowerCase())) hits.push({ source: 'local list', name: 'local sanctions list', category: 'sanctions' });
    if (hits.length === 0 && this.deps.provider !== null) {
      for (const identification of await this.providerAnswer(this.deps.provider, address)) hits.push({ source: this.deps.provider.name, ...identification });
    }
    if (hits.length === 0) return;
    await this.deps.raiseCase({
      source: 'aml',
      detector: 'sanctions_screening',
      accountIds: userId === null ? [] : [userId],
      score: 1,
      summary: `${purpose} ${address} is on a sanctions list (${hits.map((hit) => hit.source).join(', ')}): refused`,
      evidence: { address, purpose, hits },
      dedupeKey: `aml:${userId ?? 'new'}:${address.toLowerCase()}`,
    });
    throw new ProtocolError('ADDRESS_SANCTIONED', 'this address cannot be used: it is on a sanctions list');
  }

  private async providerAnswer(provider: SanctionsProvider, address: string): Promise<Identification[]> {
    const key = address.toLowerCase();
    const now = Date.now();
    const kept = this.answers.get(key);
    if (kept !== undefined && now - kept.at < this.deps.cacheMs) return kept.identifications;
    const identifications = await provider.identifications(address);
    if (this.answers.size >= MAX_KEPT_ANSWERS) this.answers.delete(this.answers.keys().next().value as string);
    this.answers.set(key, { at: now, identifications });
    return identifications;
  }
}
