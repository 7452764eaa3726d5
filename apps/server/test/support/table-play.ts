import assert from 'node:assert/strict';
import { autoPlay } from '@guandan/bots';
import { type Action, applyAction, type Card, type MatchEvent, type MatchState, type Rules, startMatch } from '@guandan/engine';
import type { AnyServerMessage, GameStatePayload, Replay, ServerMessage, ServerMessageType } from '@guandan/protocol';
import type { RealtimeClient } from '@guandan/sdk';
import { mustActIn, playByHint, sendAction } from '../../tools/load/bot-client.js';
import { connectedPlayer, type TestPlayer } from './players.js';
import type { TestServer } from './server.js';

/** Settings for servers whose tests sign up many guests from one address. */
export const MANY_GUESTS = { AUTH_RATE_LIMIT_PER_MINUTE: '1000' };

/** `count` guests, each with an open realtime connection. */
export function connectedPlayers(t: TestServer, prefix: string, count = 4): Promise<TestPlayer[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => connectedPlayer(t, `${prefix}${index}`)));
}

/**
 * Plays a seat as badly as the rules allow: it passes whenever it may and otherwise makes the first legal play;
 * tributes and returns by the hint. Two such partners nearly always finish third and fourth, so the next deal
 * opens with a double tribute.
 */
export function playWeakly(client: RealtimeClient): () => void {
  let answered = -1;
  return client.on('GAME_STATE_UPDATE', (message: ServerMessage<'GAME_STATE_UPDATE'>) => {
    const { view, legal } = message.payload as GameStatePayload;
    if (!mustActIn(view) || message.seq <= answered) return;
    if (view.phase === 'tribute' && view.tribute?.mySubmitted != null) return;
    answered = message.seq;
    if (view.phase !== 'play') sendAction(client, autoPlay(view));
    else if (legal.canPass) client.send('PASS', {});
    else client.send('PLAY_CARDS', { cards: legal.plays[0].cards, reading: { type: legal.plays[0].type, rank: legal.plays[0].rank } });
  });
}

/** Waits for GAME_ENDED on every player's connection. */
export function everyoneEnds(players: TestPlayer[], timeoutMs = 60_000): Promise<ServerMessage<'GAME_ENDED'>[]> {
  return Promise.all(players.map((player) => player.realtime.next('GAME_ENDED', () => true, timeoutMs)));
}

/** A finished game rebuilt from its replay: the state after n actions, and the events action n (1-based) produced. */
export interface Rebuilt {
  states: MatchState[];
  events: MatchEvent[][];
}

export function rebuild(replay: Replay): Rebuilt {
  let state = startMatch({ seed: replay.seed, rules: replay.rules as unknown as Partial<Rules> }).state;
  const states: MatchState[] = [state];
  const events: MatchEvent[][] = [[]];
  for (const action of replay.actions as unknown as Action[]) {
    const next = applyAction(state, action);
    state = next.state;
    states.push(state);
    events.push(next.events);
  }
  return { states, events };
}

/** Whether two lists hold the same cards, counting duplicates (two decks). */
export function sameCards(a: readonly Card[], b: readonly Card[]): boolean {
  return a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');
}

/** Whether every card of `part` is in `whole`, counting duplicates. */
export function withinCards(part: readonly Card[], whole: readonly Card[]): boolean {
  const left = [...whole];
  for (const card of part) {
    const index = left.indexOf(card);
    if (index < 0) return false;
    left.splice(index, 1);
  }
  return true;
}

/** Every object key anywhere in a JSON value. */
export function keysIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysIn(item, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      into.add(key);
      keysIn(item, into);
    }
  }
  return into;
}

/**
 * Asks `probe` again (every 50 ms, for up to `timeoutMs`) until `done` accepts its answer, for what the outbox relay
 * applies after the game has ended; the last answer, or a failed assertion with `what`.
 */
export async function eventually<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > until) assert.fail(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The GAME_STATE_UPDATE messages a player received. */
export function statesReceived(player: TestPlayer): ServerMessage<'GAME_STATE_UPDATE'>[] {
  return player.received.filter((message): message is ServerMessage<'GAME_STATE_UPDATE'> => message.type === 'GAME_STATE_UPDATE');
}

/**
 * The first message of a type that passes `test` at index `from` or later of what the player received: one already
 * there, or the next to come. Its index, to look on from.
 */
export function waitFor<T extends ServerMessageType>(
  player: TestPlayer,
  type: T,
  test: (message: ServerMessage<T>) => boolean = () => true,
  options: { from?: number; timeoutMs?: number } = {},
): Promise<{ message: ServerMessage<T>; index: number }> {
  const matches = (message: AnyServerMessage): message is ServerMessage<T> & AnyServerMessage =>
    message.type === type && test(message as ServerMessage<T>);
  for (let index = options.from ?? 0; index < player.received.length; index++) {
    const message = player.received[index];
    if (matches(message)) return Promise.resolve({ message, index });
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no matching ${type} within ${timeoutMs} ms`));
    }, timeoutMs);
    // connectedPlayer's own listener came first, so the message is already in `received`.
    const off = player.realtime.on('*', (message) => {
      if (!matches(message)) return;
      clearTimeout(timer);
      off();
      resolve({ message, index: player.received.lastIndexOf(message) });
    });
  });
}

/** Whether a view asks its own seat to act. */
export function myTurn(message: ServerMessage<'GAME_STATE_UPDATE'>): boolean {
  const { view } = message.payload;
  return view.actors.includes(view.seat) && view.phase !== 'over';
}

/** Plays by the hint from now on, starting with the last view received if it is this player's turn. */
export function resumeByHint(player: TestPlayer): () => void {
  const stop = playByHint(player.realtime);
  const last = statesReceived(player).at(-1);
  if (last !== undefined && myTurn(last) && !(last.payload.view.phase === 'tribute' && last.payload.view.tribute?.mySubmitted != null)) {
    sendAction(player.realtime, autoPlay(last.payload.view));
  }
  return stop;
}
