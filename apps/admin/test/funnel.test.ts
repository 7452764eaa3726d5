import assert from 'node:assert/strict';
import { test } from 'node:test';
import { funnelBars } from '../src/lib/funnel';

test('each step is a share of the step before and of the sign-ups', () => {
  const bars = funnelBars({ signed_up: 10, first_game: 8, ten_games: 2, wallet_linked: 1, first_reward: 1 });
  assert.deepEqual(
    bars.map((bar) => [bar.step, bar.accounts, bar.ofPrevious, bar.ofSignedUp]),
    [
      ['signed_up', 10, null, 1],
      ['first_game', 8, 0.8, 0.8],
      ['ten_games', 2, 0.25, 0.2],
      ['wallet_linked', 1, 0.5, 0.1],
      ['first_reward', 1, 1, 0.1],
    ],
  );
});

test('after a step nobody reached there is no share, rather than a division by zero', () => {
  const bars = funnelBars({ signed_up: 3, first_game: 0, ten_games: 0, wallet_linked: 1, first_reward: 0 });
  assert.deepEqual(
    bars.map((bar) => bar.ofPrevious),
    [null, 0, null, null, 0],
  );
  assert.deepEqual(
    funnelBars({ signed_up: 0, first_game: 0, ten_games: 0, wallet_linked: 0, first_reward: 0 }).map((bar) => bar.ofSignedUp),
    [null, null, null, null, null],
  );
});
