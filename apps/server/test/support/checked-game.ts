import assert from 'node:assert/strict';
import { type Action, type Seat, viewFor } from '@guandan/engine';
import type { Replay, ServerMessage } from '@guandan/protocol';
import { playByHint } from '../../tools/load/bot-client.js';
import { customTable } from './games.js';
import type { TestPlayer } from './players.js';
import type { TestServer } from './server.js';
import {
  connectedPlayers,
  everyoneEnds,
  keysIn,
  playWeakly,
  type Rebuilt,
  rebuild,
  sameCards,
  statesReceived,
  withinCards,
} from './table-play.js';

/** Keys of the engine's full state that only the server may hold. */
const SECRET_KEYS = ['hands', 'rng', 'seed', 'pending'];

/** What a PLAYER_ACTION and a GAME_STATE_UPDATE may carry. */
const ACTION_KEYS = ['roomId', 'seat', 'kind', 'auto', 'events', 'inReplyTo'];
const STATE_KEYS = ['deadline', 'gameId', 'legal', 'nextDealAt', 'players', 'roomId', 'view'];

/** What one checked game showed: how many deals, tributes paid, and double-tribute cards held back. */
export interface Checked {
  deals: number;
  tributes: number;
  heldBack: number;
}

export interface CheckedGame {
  players: TestPlayer[];
  roomId: string;
  gameId: string;
  ends: ServerMessage<'GAME_ENDED'>[];
  replay: Replay;
  rebuilt: Rebuilt;
  checked: Checked;
}

/**
 * Four people play a whole custom game (two deals by default) over real sockets (seats 1 and 3 play as badly as allowed, so the
 * second deal usually opens with a double tribute); then every message each of them received is checked against the
 * game rebuilt from its replay.
 */
export async function playCheckedGame(t: TestServer, prefix: string, deals = 2): Promise<CheckedGame> {
  const players = await connectedPlayers(t, prefix);
  const stops = players.map((player, seat) => (seat % 2 === 0 ? playByHint(player.realtime) : playWeakly(player.realtime)));
  const ending = everyoneEnds(players);
  const roomId = await customTable(players, deals);
  const ends = await ending;
  stops.forEach((stop) => stop());
  const gameId = ends[0].payload.gameId;
  assert.ok(ends.every((end) => end.payload.gameId === gameId && end.payload.roomId === roomId));

  const replay = await players[0].rest.replay(gameId);
  const rebuilt = rebuild(replay);
  const { states, events } = rebuilt;
  const actions = replay.actions as unknown as Action[];
  const last = states[actions.length];
  assert.equal(last.phase, 'over', 'the replay reaches the end of the game');
  assert.equal(last.winner, ends[0].payload.winningTeam);
  assert.deepEqual(last.levels, ends[0].payload.levels);
  assert.equal(last.history.length, deals, 'every deal was played');

  let heldBack = 0;
  let tributes = 0;
  players.forEach((player: TestPlayer, index) => {
    const seat = index as Seat;
    const table = player.received.filter((message) => message.type !== 'ROOM_UPDATE' && message.type !== 'PLAYER_JOINED');
    for (const message of table) {
      const secrets = [...keysIn(message)].filter((key) => SECRET_KEYS.includes(key));
      assert.deepEqual(secrets, [], `seat ${seat} got ${message.type} at seq ${message.seq} with ${secrets.join(', ')}`);
    }

    // Every action reached every seat once, in order: seq n is the table after n actions.
    const played = player.received.filter((message) => message.type === 'PLAYER_ACTION');
    assert.deepEqual(
      played.map((message) => message.seq),
      actions.map((_, n) => n + 1),
      `seat ${seat} saw each action once, in order`,
    );
    for (const message of played) {
      if (message.type !== 'PLAYER_ACTION') continue;
      const extra = Object.keys(message.payload).filter((key) => !ACTION_KEYS.includes(key));
      assert.deepEqual(extra, [], `seat ${seat}: PLAYER_ACTION ${message.seq} carries nothing but the public events`);
      const action = actions[message.seq - 1];
      assert.equal(message.payload.kind, action.kind);
      assert.equal(message.payload.seat, 'seat' in action ? action.seat : 0);
      assert.deepEqual(message.payload.events, events[message.seq], `seat ${seat}: the public events of action ${message.seq}`);
      for (const event of message.payload.events) {
        if (event.kind === 'tributeSubmitted') {
          heldBack++;
          assert.deepEqual(Object.keys(event).sort(), ['kind', 'seat'], 'a tribute not yet shown carries no card');
        }
        if (event.kind === 'tributePaid') tributes++;
        // The cards left in other hands are shown when the deal ends, never sooner (only its dealEnded carries them).
        if (event.kind !== 'dealEnded') assert.ok(!keysIn(event).has('restCards'), `seat ${seat}: ${event.kind} at ${message.seq} reveals no hand`);
      }
    }

    const views = statesReceived(player);
    assert.ok(views.length > actions.length / 2, `seat ${seat} got its views`);
    for (const message of views) {
      const { view, legal } = message.payload;
      const state = states[message.seq];
      const where = `seat ${seat} at seq ${message.seq} (${view.phase})`;
      assert.deepEqual(Object.keys(message.payload).sort(), STATE_KEYS, `${where}: nothing but the view, the options and the table`);
      assert.deepEqual(Object.keys(legal).sort(), ['canPass', 'cards', 'plays']);
      assert.equal(message.payload.gameId, gameId);
      assert.equal(view.seat, seat, `${where}: its own seat`);
      assert.ok(sameCards(view.hand, state.deal.hands[seat]), `${where}: its true hand`);
      for (const play of legal.plays) assert.ok(withinCards(play.cards, view.hand), `${where}: legal play ${play.cards.join(' ')} is in hand`);
      assert.ok(withinCards(legal.cards, view.hand), `${where}: tribute or return cards are in hand`);
      const pending = state.deal.tribute?.pending ?? [];
      assert.equal(view.tribute?.mySubmitted ?? null, pending.find((entry) => entry.seat === seat)?.card ?? null, `${where}: only its own held-back tribute`);
      assert.deepEqual(view, JSON.parse(JSON.stringify(viewFor(state, seat))), `${where}: exactly the engine's view for the seat`);
      const revealed = view.lastDeal?.restCards ?? [];
      assert.ok(revealed.length === 0 || (view.lastDeal !== null && view.lastDeal.number < view.dealNumber) || view.phase === 'over', `${where}: only an ended deal's hands`);
      for (const rest of revealed) assert.ok(sameCards(rest.cards, states[message.seq].history.at(-1)?.restCards.find((entry) => entry.seat === rest.seat)?.cards ?? []), `${where}: the hands as they ended`);
    }
  });
  return { players, roomId, gameId, ends, replay, rebuilt, checked: { deals: last.history.length, tributes: tributes / 4, heldBack: heldBack / 4 } };
}
