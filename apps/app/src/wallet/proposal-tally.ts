import type { Proposal } from '@guandan/protocol';
import { TOKEN_DECIMALS, toUnits } from './token-amount';

export interface Tally {
  /** Shares of the votes cast, 0 to 1, for the bar; all zero before anyone votes. */
  for: number;
  against: number;
  abstain: number;
}

const SHARE_SCALE = 1_000_000n;

/** The shares of a proposal's votes, computed on base units so that 18-decimal tallies stay exact until the end. */
export function tallyShares(proposal: Pick<Proposal, 'votes_for' | 'votes_against' | 'votes_abstain'>): Tally {
  const units = [proposal.votes_for, proposal.votes_against, proposal.votes_abstain].map((votes) => toUnits(votes, TOKEN_DECIMALS.GUAN) ?? 0n);
  const total = units.reduce((sum, value) => sum + value, 0n);
  // Rounded to the nearest millionth: plenty for a bar, and an even split reads as exactly a half.
  const share = (value: bigint) => (total === 0n ? 0 : Number((value * SHARE_SCALE + total / 2n) / total) / Number(SHARE_SCALE));
  return { for: share(units[0]), against: share(units[1]), abstain: share(units[2]) };
}

/** Votes are taken only while a proposal is active (OpenZeppelin's Governor refuses them otherwise). */
export function isOpenForVotes(proposal: Pick<Proposal, 'state'>): boolean {
  return proposal.state === 'Active';
}
