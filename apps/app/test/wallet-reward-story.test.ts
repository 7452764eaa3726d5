import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GameRecord } from '@guandan/protocol';
import { pendingAboutKey, rewardStory } from '../src/screens/wallet/reward-story';

const ME = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

function record(gameId: string, winningTeam: number | null, deals = 1): GameRecord {
  return {
    game_id: gameId,
    room_id: '00000000-0000-4000-8000-0000000000aa',
    game_mode: 'quick_match',
    players: [
      { seat: 0, user_id: OTHER, username: 'a', is_bot: false, team: 0 },
      { seat: 1, user_id: ME, username: 'me', is_bot: false, team: 1 },
      { seat: 2, user_id: null, username: 'b', is_bot: true, team: 0 },
      { seat: 3, user_id: null, username: 'c', is_bot: true, team: 1 },
    ],
    winning_team: winningTeam,
    deals: Array.from({ length: deals }, () => ({}) as GameRecord['deals'][number]),
    started_at: '2026-12-07T10:00:00.000Z',
    ended_at: '2026-12-07T10:05:00.000Z',
    duration_ms: 300_000,
  };
}

describe('a reward names its game', () => {
  it('by mode, outcome for the player and deals', () => {
    const records = [record('g1', 1, 3), record('g2', 0), record('g3', null)];
    assert.deepEqual(rewardStory('g1', records, ME), { mode: 'quick_match', outcome: 'win', deals: 3 });
    assert.deepEqual(rewardStory('g2', records, ME), { mode: 'quick_match', outcome: 'lose', deals: 1 });
    assert.deepEqual(rewardStory('g3', records, ME), { mode: 'quick_match', outcome: 'draw', deals: 1 });
    assert.equal(rewardStory('g2', records, OTHER)?.outcome, 'win');
  });

  it('a game not among the records has no story (the row shows its date)', () => {
    assert.equal(rewardStory('gone', [record('g1', 1)], ME), null);
  });
});

describe('what the pending PLAY says', () => {
  it('"on its way" only with a wallet on a running chain', () => {
    assert.equal(pendingAboutKey({ chainOn: true, linked: true, guest: false }), 'token.pending.about');
    assert.equal(pendingAboutKey({ chainOn: true, linked: true, guest: true }), 'token.pending.about');
  });

  it('a guest without a wallet is told what they can do', () => {
    assert.equal(pendingAboutKey({ chainOn: true, linked: false, guest: true }), 'token.pending.guest');
    assert.equal(pendingAboutKey({ chainOn: true, linked: false, guest: false }), 'token.pending.noWallet');
  });

  it('without a chain the PLAY waits for it, wallet or not', () => {
    for (const linked of [true, false]) for (const guest of [true, false]) assert.equal(pendingAboutKey({ chainOn: false, linked, guest }), 'token.pending.noChain');
  });
});
