import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replayMatch } from '@guandan/engine';
import { flaggedAccounts } from '../src/signal.js';
import { CHEATER_KINDS } from '../src/simulation/model.js';
import { judgeSimulation, observations, planSimulation, playPlannedGames, type SimulationOptions } from '../src/simulation/run.js';
import { confusionTable, TARGETS } from '../src/simulation/report.js';

/** A small run: 40 honest accounts and one group of each kind of cheater, 50 games each. */
const OPTIONS: SimulationOptions = { honest: 40, gamesPerAccount: 50, groups: 1, seed: 'test', days: 14 };

describe('a small simulation', () => {
  const plan = planSimulation(OPTIONS);
  const played = playPlannedGames(plan.games);
  const result = judgeSimulation(plan, played);
  const kinds = new Map(plan.population.accounts.map((account) => [account.id, account.kind]));

  it('has every kind of cheater, each account playing at least the games asked for', () => {
    const gamesOf = new Map<string, number>();
    for (const game of result.games) for (const account of new Set(game.seats)) if (account !== null) gamesOf.set(account, (gamesOf.get(account) ?? 0) + 1);
    for (const kind of CHEATER_KINDS) assert.ok([...kinds.values()].includes(kind), `no ${kind}`);
    for (const account of plan.population.accounts) {
      if (account.kind === 'honest') continue;
      assert.ok((gamesOf.get(account.id) ?? 0) >= OPTIONS.gamesPerAccount, `${account.id} (${account.kind}) played ${gamesOf.get(account.id) ?? 0}`);
    }
  });

  it('flags the cheaters and not the honest accounts', () => {
    const { cheaters, rows } = result.confusion;
    const honest = rows.find((row) => row.label === 'honest');
    assert.ok(cheaters.rate >= TARGETS.recall, `recall ${cheaters.rate}\n${confusionTable(result.confusion)}`);
    assert.ok(honest !== undefined && honest.accounts === OPTIONS.honest);
    // With 40 honest accounts the 1% target allows none.
    assert.equal(honest.flagged, 0, confusionTable(result.confusion));
    // The table agrees with the signals themselves.
    const flagged = flaggedAccounts(result.signals);
    assert.equal(cheaters.flagged, flagged.filter((account) => kinds.get(account) !== 'honest').length);
  });

  it('depends on its seed alone: the same plan again, and the games handed back in any order, give the same input', () => {
    const again = planSimulation(OPTIONS);
    assert.deepEqual(again.games, plan.games);
    assert.deepEqual(again.facts, plan.facts);
    assert.deepEqual(observations([...played].reverse()), result.games);
  });

  it('records real games: they replay through the engine to their recorded result, money in integers', () => {
    assert.ok(result.games.length > 0);
    result.games.forEach((game, index) => {
      assert.equal(game.actions.length, game.decisionMs.length);
      assert.ok(game.endedAt > game.startedAt);
      assert.ok(game.rewardPlay !== undefined && game.rewardPlay.every((milli) => Number.isInteger(milli) && milli >= 0));
      assert.ok(game.coinDelta.every((delta, seat) => Number.isInteger(delta) && (game.seats[seat] !== null || delta === 0)));
      if (index % 25 !== 0) return;
      const replayed = replayMatch({ seed: game.seed, rules: game.rules }, game.actions);
      assert.equal(replayed.phase, 'over');
      assert.equal(replayed.winner, game.winningTeam);
    });
  });
});
