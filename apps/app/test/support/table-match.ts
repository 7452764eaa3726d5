import {
  type Action,
  applyAction,
  type Card,
  legalActions,
  type MatchEvent,
  type MatchState,
  nextInt,
  type Play,
  type Rules,
  type Seat,
  SEATS,
  seedRng,
  startMatch,
  viewFor,
} from '@guandan/engine';
import type { AnyServerMessage, LegalOptions, ServerMessage, ServerMessageType, ServerPayloads, TablePlayer } from '@guandan/protocol';

export const ROOM_ID = '6f1c1d4e-8a57-4b1e-9f57-1c2d3e4f5a6b';

/** Two deals: the second starts with a tribute (or an anti-tribute), which the app must handle too. */
export const TWO_DEALS: Partial<Rules> = { matchEnd: { kind: 'deals', deals: 2 } };

/** One applied action of a match, with the state before and after it. */
export interface Step {
  before: MatchState;
  action: Action;
  after: MatchState;
  events: MatchEvent[];
}

/**
 * A random but legal policy: any legal action, passing less often than playing so that deals end in a reasonable
 * number of actions.
 */
export function chooseAction(state: MatchState, rng: ReturnType<typeof seedRng>): Action {
  const seat = state.phase === 'play' ? (state.deal.turn as Seat) : SEATS.find((candidate) => legalActions(state, candidate).length > 0);
  if (seat === undefined) throw new Error('nobody can act');
  const actions = legalActions(state, seat);
  const plays = actions.filter((action) => action.kind !== 'pass');
  if (plays.length > 0 && (plays.length === actions.length || nextInt(rng, 5) > 0)) return plays[nextInt(rng, plays.length)];
  return actions[nextInt(rng, actions.length)];
}

/** Plays a match to its end (or `maxActions`) with the random policy. */
export function playMatch(seed: string, rules: Partial<Rules> = TWO_DEALS, maxActions = Infinity): { start: MatchState; steps: Step[] } {
  const start = startMatch({ seed, rules }).state;
  const rng = seedRng(`policy:${seed}`);
  const steps: Step[] = [];
  let state = start;
  while (state.phase !== 'over' && steps.length < maxActions) {
    const action = chooseAction(state, rng);
    const { state: after, events } = applyAction(state, action);
    steps.push({ before: state, action, after, events });
    state = after;
  }
  return { start, steps };
}

/** The wire form of a seat's legal actions, as the server sends it. */
export function legalOptions(state: MatchState, seat: Seat): LegalOptions {
  const plays: Play[] = [];
  const cards: Card[] = [];
  let canPass = false;
  for (const action of legalActions(state, seat)) {
    if (action.kind === 'pass') canPass = true;
    else if (action.kind === 'play' && action.reading !== undefined) plays.push({ type: action.reading.type, rank: action.reading.rank, cards: action.cards });
    else if (action.kind === 'tribute' || action.kind === 'return') cards.push(action.card);
  }
  return { canPass, plays, cards };
}

export const PLAYERS: TablePlayer[] = SEATS.map((seat) => ({
  seat,
  userId: seat === 0 ? 'me' : null,
  username: seat === 0 ? 'me' : `bot ${seat}`,
  isBot: seat !== 0,
  connected: true,
  autoPlay: false,
}));

function message<T extends ServerMessageType>(type: T, payload: ServerPayloads[T], seq: number, messageId: string): AnyServerMessage {
  return { type, payload, timestamp: 1_700_000_000_000 + seq, messageId, seq } as ServerMessage<T> as AnyServerMessage;
}

export function stateUpdate(state: MatchState, seat: Seat, seq: number, gameId = 'game-1', roomId = ROOM_ID): AnyServerMessage {
  const view = viewFor(state, seat);
  return message(
    'GAME_STATE_UPDATE',
    { roomId, gameId, view, legal: legalOptions(state, seat), players: PLAYERS, deadline: view.actors.includes(seat) ? 1_700_000_100_000 : null },
    seq,
    `${gameId}:${seat}:${seq}:GAME_STATE_UPDATE`,
  );
}

export function playerAction(step: Step, seq: number, inReplyTo?: string, gameId = 'game-1'): AnyServerMessage {
  const seat = 'seat' in step.action ? step.action.seat : 0;
  const payload: ServerPayloads['PLAYER_ACTION'] = { roomId: ROOM_ID, seat, kind: step.action.kind, auto: true, events: step.events };
  if (inReplyTo !== undefined) payload.inReplyTo = inReplyTo;
  return message('PLAYER_ACTION', payload, seq, `${gameId}:${seq}:PLAYER_ACTION`);
}

export function chatMessage(seq: number, text: string, seat: Seat = 1): AnyServerMessage {
  return message('CHAT_MESSAGE', { roomId: ROOM_ID, seat, username: `bot ${seat}`, text }, seq, `game-1:${seq}:CHAT_MESSAGE`);
}

export function errorMessage(seq: number, code: 'DOES_NOT_BEAT' | 'NOT_YOUR_TURN', inReplyTo: string): AnyServerMessage {
  return message('ERROR', { code, message: code, inReplyTo }, seq, `error-${inReplyTo}`);
}

export function warningMessage(seq: number): AnyServerMessage {
  return message('WARNING', { code: 'AUTO_PLAY_ON', message: 'auto play' }, seq, `warning-${seq}`);
}

export function gameEnded(final: MatchState, seq: number): AnyServerMessage {
  return message(
    'GAME_ENDED',
    { roomId: ROOM_ID, gameId: 'game-1', winningTeam: final.winner, levels: final.levels, order: final.history.map((deal) => deal.order) },
    seq,
    `game-1:${seq}:GAME_ENDED`,
  );
}

/**
 * What seat `me` receives over a whole match, in order: its first view, then per action the action and its new
 * view at the same seq (none once the match is over), then the end of the game.
 */
export function matchMessages(start: MatchState, steps: readonly Step[], me: Seat): AnyServerMessage[] {
  const messages = [stateUpdate(start, me, 0)];
  steps.forEach((step, index) => {
    const seq = index + 1;
    messages.push(playerAction(step, seq));
    if (step.after.phase !== 'over') messages.push(stateUpdate(step.after, me, seq));
  });
  const final = steps.at(-1)?.after;
  if (final !== undefined && final.phase === 'over') messages.push(gameEnded(final, steps.length));
  return messages;
}

/**
 * A table set up by hand: seat `me` holds `hand` and must act, on lead or over `standing` played by the seat before.
 * Everything else is a real first deal, so the engine and the wire forms treat it as any other state.
 */
export function customTable(me: Seat, hand: readonly Card[], standing: Play | null): MatchState {
  const { state } = startMatch({ seed: 'custom-table' });
  const before = ((me + 3) % 4) as Seat;
  const hands = state.deal.hands.map((cards, seat) => (seat === me ? [...hand] : cards));
  return {
    ...state,
    deal: {
      ...state.deal,
      hands,
      turn: me,
      trick: standing === null ? { leader: me, lastPlay: null, lastSeat: null, passes: 0 } : { leader: before, lastPlay: standing, lastSeat: before, passes: 0 },
      log: standing === null ? [] : [{ seat: before, play: standing }],
    },
  };
}

/** A state some way into a random match, and a seat that must act in it. */
export function randomMoment(seed: string, actions: number): { state: MatchState; seat: Seat } {
  const { start, steps } = playMatch(seed, TWO_DEALS, actions);
  const last = steps.at(-1);
  const state = last === undefined ? start : last.after.phase === 'over' ? last.before : last.after;
  const seat = SEATS.find((candidate) => legalActions(state, candidate).length > 0);
  if (seat === undefined) throw new Error(`nobody acts after ${actions} actions of ${seed}`);
  return { state, seat };
}
