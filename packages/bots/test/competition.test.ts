import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  actorsOf,
  applyAction,
  cardId,
  type MatchState,
  nextInt,
  RANKS,
  rankIndex,
  SEATS,
  seedRng,
  startMatch,
  type Transition,
  viewFor,
} from '@guandan/engine';
import { WebSocket } from 'ws';
import type { BotLevel } from '../src/bot.js';
import { protocolOptions } from '../src/competition/action-list.js';
import { runClient, type ClientResult } from '../src/competition/client.js';
import { ClientTable } from '../src/competition/client-table.js';
import { type HostOptions, type HostResult, startHost, tableName } from '../src/competition/host.js';
import { actMessage } from '../src/competition/messages.js';
import { notificationsFor } from '../src/competition/notifications.js';
import { parseReply } from '../src/competition/reply.js';
import { trickEntries, trickStartAfter } from '../src/competition/trick.js';
import { indexOfAction, tupleToPlay } from '../src/competition/tuples.js';

type Json = Record<string, unknown>;

const TWO_DEALS = { matchEnd: { kind: 'deals', deals: 2 } } as const;

const keysOf = (message: Json): string[] => Object.keys(message).sort();

/** A raw protocol client: records every message and answers acts with whatever `reply` returns (null: silence). */
class RawSeat {
  readonly messages: Json[] = [];
  readonly closed: Promise<void>;
  private readonly socket: WebSocket;
  private acts = 0;

  constructor(
    url: string,
    reply: (act: Json, count: number) => string | null,
    private readonly leaveAfterActs = Infinity,
  ) {
    this.socket = new WebSocket(url);
    this.closed = new Promise((resolve) => this.socket.once('close', () => resolve()));
    this.socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Json;
      this.messages.push(message);
      if (message.type !== 'act') return;
      this.acts++;
      if (this.acts > this.leaveAfterActs) {
        this.socket.close();
        return;
      }
      const text = reply(message, this.acts);
      if (text !== null) this.socket.send(text);
    });
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
  }

  get actsReceived(): number {
    return this.messages.filter((message) => message.type === 'act').length;
  }
}

async function hostOn(options: Partial<HostOptions>) {
  return startHost({ port: 0, bindAddress: '127.0.0.1', ...options });
}

const urlOf = (port: number, name: string): string => `ws://127.0.0.1:${port}/game/${name}`;

/** A raw seat at seat 0 (connected first), then three of our clients. */
async function rawSeatAndClients(
  options: Partial<HostOptions>,
  reply: (act: Json, count: number) => string | null,
  leaveAfterActs = Infinity,
): Promise<{ raw: RawSeat; result: HostResult; clients: ClientResult[] }> {
  const host = await hostOn(options);
  const raw = new RawSeat(urlOf(host.port, 'raw'), reply, leaveAfterActs);
  await raw.opened();
  const clients = Promise.all(
    [1, 2, 3].map((i) => runClient({ url: urlOf(host.port, `bot${i}`), level: 'random', seed: i })),
  );
  const [result, clientResults] = await Promise.all([host.result, clients]);
  await raw.closed;
  return { raw, result, clients: clientResults };
}

function assertMatchPlayed(result: HostResult, deals: number): void {
  assert.equal(result.matches.length, 1);
  const match = result.matches[0];
  assert.equal(match.deals.length, deals);
  for (const deal of match.deals) assert.deepEqual([...deal.order].sort(), [0, 1, 2, 3]);
}

describe('competition host and clients over WebSocket', () => {
  test('four of our clients play a two-deal match and the host reports it', async () => {
    const host = await hostOn({ seed: 11, rules: TWO_DEALS });
    const levels: BotLevel[] = ['hard', 'normal', 'easy', 'random'];
    const clients = Promise.all(levels.map((level, i) => runClient({ url: urlOf(host.port, level), level, seed: i })));
    const [result, clientResults] = await Promise.all([host.result, clients]);

    assertMatchPlayed(result, 2);
    const match = result.matches[0];
    const [team0, team1] = match.levels.map(rankIndex);
    assert.equal(match.winner, team0 === team1 ? null : team0 > team1 ? 0 : 1);
    assert.deepEqual(match.levels, match.deals[1].levels);
    const expectedWins = SEATS.map((seat) => (match.winner !== null && seat % 2 === match.winner ? 1 : 0));
    assert.deepEqual(result.victoryNum, expectedWins);
    assert.deepEqual(result.draws, SEATS.map(() => (match.winner === null ? 1 : 0)));
    assert.deepEqual(result.defaultMoves, [0, 0, 0, 0], 'our clients always answer with a valid index');
    assert.deepEqual([...result.names].sort(), [...levels].sort());

    assert.deepEqual(clientResults.map((client) => client.seat).sort(), [0, 1, 2, 3]);
    for (const client of clientResults) {
      assert.ok(client.acts > 0);
      assert.equal(client.fallbacks, 0, 'every bot choice was found in the actionList');
      assert.deepEqual(client.gameResult, { victoryNum: result.victoryNum, draws: result.draws });
    }
  });

  test('a match under the default rules is played to a win at A', async () => {
    const host = await hostOn({ seed: 3 });
    const clients = Promise.all([0, 1, 2, 3].map((i) => runClient({ url: urlOf(host.port, `r${i}`), level: 'random', seed: i })));
    const [result] = await Promise.all([host.result, clients]);
    const match = result.matches[0];
    assert.notEqual(match.winner, null);
    assert.equal(match.levels[match.winner ?? 0], 'A');
    assert.deepEqual(result.defaultMoves, [0, 0, 0, 0]);
  });

  test('garbage replies get the default move and the match completes', async () => {
    const garbage = ['not json', '{"actIndex": 999}', '{"actIndex": -1}', '{"actIndex": 1.5}', '{"act": 0}', '"0"', '{"actIndex": "0"}'];
    const { raw, result, clients } = await rawSeatAndClients({ seed: 5, rules: TWO_DEALS }, (act, count) => {
      const text = garbage[(count - 1) % garbage.length];
      return text === '{"actIndex": 999}' ? JSON.stringify({ actIndex: (act.indexRange as number) + 1 }) : text;
    });
    assertMatchPlayed(result, 2);
    assert.ok(raw.actsReceived > garbage.length);
    assert.deepEqual(result.defaultMoves, [raw.actsReceived, 0, 0, 0]);
    assert.ok(raw.messages.some((message) => message.stage === 'gameResult'));
    for (const client of clients) assert.ok(client.gameResult !== null);
  });

  test('a client that disconnects mid-match is played by its default move', async () => {
    const { raw, result, clients } = await rawSeatAndClients(
      { seed: 6, rules: TWO_DEALS },
      () => JSON.stringify({ actIndex: 0 }),
      5,
    );
    assertMatchPlayed(result, 2);
    assert.equal(raw.actsReceived, 6, 'the seat left on its sixth act');
    assert.ok(result.defaultMoves[0] >= 1);
    assert.deepEqual(result.defaultMoves.slice(1), [0, 0, 0]);
    for (const client of clients) assert.ok(client.gameResult !== null);
  });

  test('a seat that does not answer in time gets its default move', async () => {
    const { result } = await rawSeatAndClients({ seed: 8, rules: TWO_DEALS, actTimeoutMs: 300 }, (_act, count) =>
      count === 1 ? null : JSON.stringify({ actIndex: 0 }),
    );
    assertMatchPlayed(result, 2);
    assert.ok(result.defaultMoves[0] >= 1);
  });

  test('closing a host before the table is full rejects its result and closes the sockets', async () => {
    const host = await hostOn({ rules: TWO_DEALS });
    const seats = [new RawSeat(urlOf(host.port, 'a'), () => null), new RawSeat(urlOf(host.port, 'b'), () => null)];
    for (const seat of seats) await seat.opened();
    await host.close();
    await assert.rejects(host.result, /closed/);
    await Promise.all(seats.map((seat) => seat.closed));
    assert.deepEqual(
      seats.map((seat) => seat.messages.length),
      [0, 0],
    );
  });

  test('only /game/{name} is served', async () => {
    assert.equal(tableName('/game/alice'), 'alice');
    assert.equal(tableName('/game/a%20b?x=1'), 'a b');
    assert.equal(tableName('/other/alice'), null);
    assert.equal(tableName('/game/'), null);
    assert.equal(tableName('/game/%E0'), null);
    const host = await hostOn({});
    await assert.rejects(runClient({ url: `ws://127.0.0.1:${host.port}/nope`, level: 'random' }), /404/);
    await host.close();
    await assert.rejects(host.result);
  });
});

describe('competition message shapes', () => {
  const ACT_KEYS = [
    'actionList',
    'curAction',
    'curPos',
    'curRank',
    'greaterAction',
    'greaterPos',
    'handCards',
    'indexRange',
    'oppoRank',
    'publicInfo',
    'selfRank',
    'stage',
    'type',
  ];
  const isTuple = (value: unknown): boolean =>
    Array.isArray(value) &&
    value.length === 3 &&
    typeof value[0] === 'string' &&
    (typeof value[1] === 'string') &&
    (value[0] === 'PASS' ? value[1] === 'PASS' && value[2] === 'PASS' : Array.isArray(value[2]) && value[2].every((card) => typeof card === 'string'));
  const isCardList = (value: unknown): boolean => Array.isArray(value) && value.every((card) => typeof card === 'string' && cardId(card) >= 0);

  test('a raw client receives every message in the protocol shape', async () => {
    // Answer with the last entry: a play when following (PASS is first), so the raw seat wins tricks and leads.
    const { raw } = await rawSeatAndClients({ seed: 9, rules: TWO_DEALS }, (act) => JSON.stringify({ actIndex: act.indexRange }));
    const messages = raw.messages;

    const beginnings = messages.filter((message) => message.stage === 'beginning');
    assert.equal(beginnings.length, 2);
    assert.deepEqual(messages[0], beginnings[0]);
    for (const beginning of beginnings) {
      assert.deepEqual(keysOf(beginning), ['handCards', 'myPos', 'stage', 'type']);
      assert.equal(beginning.type, 'notify');
      assert.equal(beginning.myPos, 0);
      assert.ok(isCardList(beginning.handCards));
      assert.equal((beginning.handCards as string[]).length, 27);
    }

    const acts = messages.filter((message) => message.type === 'act');
    assert.ok(acts.length > 0);
    for (const act of acts) {
      assert.deepEqual(keysOf(act), ACT_KEYS);
      const list = act.actionList as unknown[];
      assert.ok(list.length > 0 && list.every(isTuple));
      assert.equal(act.indexRange, list.length - 1);
      assert.ok(['play', 'tribute', 'back'].includes(act.stage as string));
      for (const rank of [act.selfRank, act.oppoRank, act.curRank]) assert.ok((RANKS as readonly unknown[]).includes(rank));
      assert.ok(isCardList(act.handCards));
      const publicInfo = act.publicInfo as Json[];
      assert.equal(publicInfo.length, 4);
      for (const info of publicInfo) {
        assert.deepEqual(keysOf(info), ['playArea', 'rest']);
        assert.ok(info.playArea === null || isTuple(info.playArea));
      }
      assert.equal(publicInfo[0].rest, (act.handCards as unknown[]).length);
    }
    const leads = acts.filter((act) => act.stage === 'play' && act.curPos === -1);
    const follows = acts.filter((act) => act.stage === 'play' && act.curPos !== -1);
    assert.ok(leads.length > 0 && follows.length > 0);
    for (const act of leads) {
      assert.equal(act.greaterPos, -1);
      assert.equal(act.curAction, null);
      assert.equal(act.greaterAction, null);
      assert.ok((act.actionList as unknown[][]).every((tuple) => tuple[0] !== 'PASS'), 'no PASS on lead');
    }
    for (const act of follows) {
      assert.ok(SEATS.includes(act.curPos as 0) && SEATS.includes(act.greaterPos as 0));
      assert.ok(isTuple(act.curAction) && isTuple(act.greaterAction));
      assert.notEqual((act.greaterAction as unknown[])[0], 'PASS');
      assert.deepEqual((act.actionList as unknown[])[0], ['PASS', 'PASS', 'PASS']);
    }
    for (const act of acts.filter((message) => message.stage !== 'play')) {
      assert.equal(act.curPos, -1);
      assert.equal(act.greaterPos, -1);
      const type = act.stage === 'tribute' ? 'tribute' : 'back';
      for (const tuple of act.actionList as unknown[][]) assert.deepEqual([tuple[0], tuple[1], (tuple[2] as unknown[]).length], [type, type, 1]);
    }

    const plays = messages.filter((message) => message.type === 'notify' && message.stage === 'play');
    assert.ok(plays.length > 0);
    for (const play of plays) {
      assert.deepEqual(keysOf(play), ['curAction', 'curPos', 'greaterAction', 'greaterPos', 'stage', 'type']);
      assert.ok(isTuple(play.curAction) && isTuple(play.greaterAction));
      assert.notEqual((play.greaterAction as unknown[])[0], 'PASS');
    }

    const episodes = messages.filter((message) => message.stage === 'episodeOver');
    assert.equal(episodes.length, 2);
    for (const episode of episodes) {
      assert.deepEqual(keysOf(episode), ['curRank', 'order', 'restCards', 'stage', 'type']);
      const order = episode.order as number[];
      assert.deepEqual([...order].sort(), [0, 1, 2, 3]);
      const rest = episode.restCards as [number, string[]][];
      assert.ok(rest.length >= 1 && rest.length <= 2);
      assert.deepEqual(
        rest.map(([pos]) => pos),
        order.slice(4 - rest.length),
      );
      for (const [, cards] of rest) assert.ok(isCardList(cards) && cards.length > 0);
    }
    assert.equal(episodes[0].curRank, '2');

    // The second deal opens with a tribute (then its returns) or an anti-tribute.
    const secondDeal = messages.slice(messages.indexOf(episodes[0]));
    const tribute = secondDeal.find((message) => message.stage === 'tribute' && message.type === 'notify');
    const anti = secondDeal.find((message) => message.stage === 'anti-tribute');
    assert.ok((tribute === undefined) !== (anti === undefined));
    if (tribute !== undefined) {
      assert.deepEqual(keysOf(tribute), ['result', 'stage', 'type']);
      const back = secondDeal.find((message) => message.stage === 'back' && message.type === 'notify');
      assert.ok(back !== undefined);
      assert.deepEqual(keysOf(back), ['result', 'stage', 'type']);
      const paid = tribute.result as [number, number, string][];
      const returned = back.result as [number, number, string][];
      assert.equal(returned.length, paid.length);
      for (const [giver, receiver, card] of paid) {
        assert.ok(typeof card === 'string' && cardId(card) >= 0);
        assert.ok(returned.some(([from, to]) => from === receiver && to === giver));
      }
    } else if (anti !== undefined) {
      assert.deepEqual(keysOf(anti), ['antiNums', 'antiPos', 'stage', 'type']);
      assert.equal(anti.antiNums, (anti.antiPos as unknown[]).length);
    }

    const gameOver = messages.filter((message) => message.stage === 'gameOver');
    assert.deepEqual(gameOver, [{ type: 'notify', stage: 'gameOver', curTimes: 1, settingTimes: 1 }]);
    const gameResult = messages.at(-1) as Json;
    assert.deepEqual(keysOf(gameResult), ['draws', 'stage', 'type', 'victoryNum']);
    assert.equal(gameResult.stage, 'gameResult');
    assert.equal((gameResult.victoryNum as number[]).length, 4);
    assert.equal((gameResult.draws as number[]).length, 4);
  });
});

describe('competition protocol pieces', () => {
  test('tuples: the joker bomb, pass, tribute and back spellings', () => {
    const jokers = ['SB', 'SB', 'HR', 'HR'];
    for (const spelling of [['JokerBomb', 'JOKER', jokers], ['Bomb', 'JOKER', jokers], ['FourKings', 'JOKER', jokers]]) {
      assert.deepEqual(tupleToPlay(spelling, '2'), { type: 'JokerBomb', rank: 'JOKER', cards: jokers });
    }
    assert.equal(tupleToPlay(['PASS', 'PASS', 'PASS'], '2'), null);
    assert.equal(tupleToPlay(['tribute', 'tribute', ['D5']], '2'), null);
    assert.deepEqual(tupleToPlay(['Single', 'B', ['SB']], '2'), { type: 'Single', rank: 'SB', cards: ['SB'] });
    const list = [['PASS', 'PASS', 'PASS'], ['Pair', '9', ['S9', 'H9']], ['Trips', '9', ['S9', 'H9', 'H2']], ['Pair', '9', ['C9', 'D9']]];
    assert.equal(indexOfAction(list, { kind: 'pass', seat: 1 }), 0);
    assert.equal(indexOfAction(list, { kind: 'play', seat: 1, cards: ['D9', 'C9'], reading: { type: 'Pair', rank: '9' } }), 3);
    assert.equal(indexOfAction(list, { kind: 'play', seat: 1, cards: ['S9', 'D9'], reading: { type: 'Pair', rank: '9' } }), 1, 'other suits, same play');
    assert.equal(indexOfAction(list, { kind: 'play', seat: 1, cards: ['S9', 'D9'] }), -1);
    assert.equal(indexOfAction([['tribute', 'tribute', ['D5']]], { kind: 'tribute', seat: 1, card: 'D5' }), 0);
    assert.equal(indexOfAction([['back', 'back', ['D5']]], { kind: 'return', seat: 1, card: 'D6' }), -1);
  });

  test('replies: only an integer actIndex within indexRange is an answer', () => {
    assert.deepEqual(parseReply('{"actIndex": 3}', 3), { index: 3 });
    assert.deepEqual(parseReply('{"actIndex": 0}', 0), { index: 0 });
    assert.deepEqual(parseReply('{"actIndex": 4}', 3), { index: null, reason: 'out-of-range' });
    assert.deepEqual(parseReply('{"actIndex": -1}', 3), { index: null, reason: 'out-of-range' });
    for (const text of ['', 'nope', '[1]', 'null', '{"actIndex": "1"}', '{"actIndex": 0.5}', '{"index": 1}']) {
      assert.deepEqual(parseReply(text, 3), { index: null, reason: 'malformed' }, text);
    }
  });

  test("a client's table rebuilds the engine's seat view from the messages alone", () => {
    const roundTrip = <T>(value: T): Json => JSON.parse(JSON.stringify(value)) as Json;
    let acts = 0;
    const seen = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const random = seedRng(`table-test:${seed}`);
      const tables = SEATS.map(() => new ClientTable());
      let before: MatchState | null = null;
      let transition: Transition = startMatch({ seed, rules: { matchEnd: { kind: 'deals', deals: 3 } } });
      let trickStart = 0;
      while (true) {
        const state = transition.state;
        for (const event of transition.events) {
          if (event.kind === 'dealStarted') seen.add(event.tribute);
          if (event.kind === 'trickWon' && event.leader !== event.seat) seen.add('lead to partner');
        }
        for (const { to, message } of notificationsFor(before, state, transition.events)) {
          for (const seat of to === 'all' ? SEATS : [to]) tables[seat].notify(roundTrip(message));
        }
        trickStart = trickStartAfter(trickStart, state, transition.events);
        if (state.phase === 'over') break;

        const seat = actorsOf(state)[0];
        const expected = viewFor(state, seat);
        const options = protocolOptions(expected);
        const act = roundTrip(actMessage(expected, trickEntries(expected, trickStart), options.map((option) => option.tuple)));
        const view = tables[seat].viewForAct(act);
        assert.ok(view !== null);
        const where = `seed ${seed}, deal ${state.deal.number}, action ${state.actionCount}`;
        const pick = (v: typeof expected) => ({
          seat: v.seat,
          phase: v.phase,
          dealNumber: v.dealNumber,
          level: v.level,
          levelTeam: v.levelTeam,
          levels: v.levels,
          hand: v.hand,
          handCounts: v.handCounts,
          finished: v.finished,
          log: v.log,
          antiTribute: v.antiTribute,
          trick: v.phase === 'play' ? v.trick : null,
          // Returns are announced together once all are made, so a second returner does not see the first.
          tribute:
            v.tribute === null
              ? null
              : { kind: v.tribute.kind, givers: v.tribute.givers, paid: v.tribute.paid, returned: v.phase === 'return' ? [] : v.tribute.returned },
          lastDeal: v.lastDeal === null ? null : { order: v.lastDeal.order, level: v.lastDeal.level, levels: v.lastDeal.levels, restCards: v.lastDeal.restCards },
        });
        assert.deepEqual(pick(view), pick(expected), where);

        const choice = nextInt(random, options.length);
        assert.equal(indexOfAction(act.actionList as unknown[], options[choice].action), choice, where);
        before = state;
        transition = applyAction(state, options[choice].action);
        acts++;
      }
      for (const table of tables) table.notify({ type: 'notify', stage: 'gameOver', curTimes: 1, settingTimes: 1 });
    }
    assert.ok(acts > 400);
    for (const situation of ['single', 'double', 'lead to partner']) assert.ok(seen.has(situation), `covers ${situation}`);
  });
});
