import type { GameMode, GameRecord } from '@guandan/protocol';

/** What a player recognises a rewarded game by: its mode, how it ended for them, how many deals it had. */
export interface RewardStory {
  mode: GameMode;
  outcome: 'win' | 'lose' | 'draw';
  deals: number;
}

/** The story of a reward's game from the player's records, or null when the game is not among them (an old one). */
export function rewardStory(gameId: string, records: readonly GameRecord[], userId: string): RewardStory | null {
  const record = records.find((candidate) => candidate.game_id === gameId);
  if (record === undefined) return null;
  const me = record.players.find((player) => player.user_id === userId);
  const outcome = record.winning_team === null ? 'draw' : me !== undefined && me.team === record.winning_team ? 'win' : 'lose';
  return { mode: record.game_mode, outcome, deals: record.deals.length };
}

export type PendingAboutKey = 'token.pending.about' | 'token.pending.noChain' | 'token.pending.guest' | 'token.pending.noWallet';

/**
 * What the pending PLAY tile says. Only a linked wallet on a running chain is "on its way"; without a chain or a
 * wallet the PLAY waits, and the tile says what lets it through (a guest may link a wallet too).
 */
export function pendingAboutKey(state: { chainOn: boolean; linked: boolean; guest: boolean }): PendingAboutKey {
  if (!state.chainOn) return 'token.pending.noChain';
  if (state.linked) return 'token.pending.about';
  return state.guest ? 'token.pending.guest' : 'token.pending.noWallet';
}
