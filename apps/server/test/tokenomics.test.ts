import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DealResult, Seat, Team } from '@guandan/engine';
import fc from 'fast-check';
import { gameRewards, TOKENOMICS, underDailyCap } from '../src/economy/tokenomics.js';
import type { GameEnded } from '../src/records/finished-game.js';

const deal = (team: Team, rise: number, number: number): DealResult =>
  ({ number, level: '2', levelTeam: team, order: [0, 1, 2, 3], team, rise, levels: ['2', '2'], aFailures: [0, 0] }) as unknown as DealResult;

const dealsArb = fc.array(fc.record({ team: fc.constantFrom<Team>(0, 1), rise: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 8 });

function game(people: boolean[], deals: { team: Team; rise: number }[], gameMode: GameEnded['gameMode'] = 'quick_match'): GameEnded {
  const wins = [0, 1].map((team) => deals.filter((d) => d.team === team).length);
  return {
    gameId: 'g',
    roomId: 'r',
    gameMode,
    baseBet: 0,
    seats: people.map((person, seat) => ({ seat: seat as Seat, userId: person ? `user-${seat}` : null, username: `s${seat}`, botLevel: person ? null : 'normal' })),
    winningTeam: wins[0] === wins[1] ? null : wins[0] > wins[1] ? 0 : 1,
    deals: deals.map((d, index) => deal(d.team, d.rise, index + 1)),
    startedAt: '2026-11-25T10:00:00.000Z',
    endedAt: '2026-11-25T10:10:00.000Z',
  };
}

const byUser = (rewards: { userId: string; milli: number }[]) => new Map(rewards.map((reward) => [reward.userId, reward.milli]));

describe('tokenomics', () => {
  it('pays people only, teammates alike, and nothing to a team that won no deal and not the game', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), dealsArb, (people, deals) => {
        const rewards = byUser(gameRewards(game(people, deals)));
        for (const [userId] of rewards) assert.ok(people[Number(userId.split('-')[1])], 'a bot was paid');
        for (const team of [0, 1] as const) {
          const seats = [team, team + 2].filter((seat) => people[seat]);
          const amounts = seats.map((seat) => rewards.get(`user-${seat}`) ?? 0);
          assert.ok(amounts.every((amount) => amount === amounts[0]), 'teammates earned differently');
          if (!deals.some((d) => d.team === team)) assert.deepEqual(amounts.filter((a) => a > 0), []);
        }
      }),
    );
  });

  it('pays ranked games double and games against bots only a fifth', () => {
    fc.assert(
      fc.property(dealsArb, (deals) => {
        const againstPeople = byUser(gameRewards(game([true, true, false, false], deals)));
        const ranked = byUser(gameRewards(game([true, true, false, false], deals, 'ranked')));
        const againstBots = byUser(gameRewards(game([true, false, true, false], deals)));
        const seat0 = againstPeople.get('user-0') ?? 0;
        assert.equal(ranked.get('user-0') ?? 0, seat0 * TOKENOMICS.rankedMultiplier);
        assert.equal(againstBots.get('user-0') ?? 0, Math.round(seat0 * TOKENOMICS.botOpponentsFactor));
      }),
    );
  });

  it('grows with every deal a team wins', () => {
    fc.assert(
      fc.property(dealsArb, fc.integer({ min: 1, max: 3 }), (deals, rise) => {
        const before = byUser(gameRewards(game([true, true, true, true], deals))).get('user-0') ?? 0;
        const after = byUser(gameRewards(game([true, true, true, true], [...deals, { team: 0, rise }]))).get('user-0') ?? 0;
        assert.ok(after > before);
      }),
    );
  });

  it('never lets a day go over the cap', () => {
    const cap = TOKENOMICS.dailyCap * 1000;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400_000 }), { maxLength: 30 }), (games) => {
        let earned = 0;
        for (const milli of games) {
          const paid = underDailyCap(milli, earned);
          assert.ok(paid >= 0 && paid <= milli);
          if (earned + milli <= cap) assert.equal(paid, milli);
          earned += paid;
          assert.ok(earned <= cap);
        }
      }),
    );
  });
});
