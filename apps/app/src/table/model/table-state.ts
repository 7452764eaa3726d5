import {
  type DealResult,
  type Exchange,
  isBomb,
  type MatchEvent,
  type Play,
  type Seat,
  type SeatView,
  type Team,
} from '@guandan/engine';
import type {
  AnyServerMessage,
  GameEndedPayload,
  GameStatePayload,
  LegalOptions,
  PlayerActionPayload,
  ServerMessage,
  TablePlayer,
} from '@guandan/protocol';
import { currentTrick, type TrickEntry } from './trick';

export type { TrickEntry } from './trick';

export type TableEffect =
  | { id: number; kind: 'deal' }
  | { id: number; kind: 'play'; seat: Seat; play: Play; bomb: boolean }
  | { id: number; kind: 'pass'; seat: Seat }
  | { id: number; kind: 'out'; seat: Seat; place: number }
  | { id: number; kind: 'exchange'; exchange: Exchange; returned: boolean }
  | { id: number; kind: 'dealEnded'; result: DealResult }
  | { id: number; kind: 'victory'; winningTeam: Team | null };

/** Omit over each member of a union (a plain Omit would merge the members). */
type WithoutId<E> = E extends unknown ? Omit<E, 'id'> : never;
/** A table effect before the reducer numbers it. */
type NewEffect = WithoutId<TableEffect>;

export interface ChatLine {
  id: string;
  seat: Seat;
  username: string;
  text?: string;
  emoji?: string;
  at: number;
}

export interface TableState {
  roomId: string;
  gameId: string | null;
  lastSeq: number;
  view: SeatView | null;
  legal: LegalOptions;
  players: TablePlayer[];
  deadline: number | null;
  /** Plays and passes of the current trick, oldest first. */
  trick: TrickEntry[];
  /** Animations not yet shown, oldest first. */
  effects: TableEffect[];
  nextEffectId: number;
  /** The last chat lines. */
  chat: ChatLine[];
  lastDeal: DealResult | null;
  ended: GameEndedPayload | null;
  /** The last WARNING code. */
  warning: string | null;
  /** The last ERROR answer, cleared once this seat's next action is accepted. */
  error: { code: string; message: string } | null;
  /** Ids of the action and chat messages already applied: RESUME and retries send them again. */
  seenMessageIds: string[];
}

const MAX_CHAT = 50;
const MAX_SEEN = 256;
/** Effects the view has not consumed (a hidden tab) stop piling up: only the latest are worth animating. */
const MAX_EFFECTS = 40;

const NO_OPTIONS: LegalOptions = { canPass: false, plays: [], cards: [] };

export function initialTableState(roomId: string): TableState {
  return {
    roomId,
    gameId: null,
    lastSeq: 0,
    view: null,
    legal: NO_OPTIONS,
    players: [],
    deadline: null,
    trick: [],
    effects: [],
    nextEffectId: 1,
    chat: [],
    lastDeal: null,
    ended: null,
    warning: null,
    error: null,
    seenMessageIds: [],
  };
}

/**
 * The table after one server message. Pure; messages of other rooms are ignored, and a malformed message leaves the
 * state as it was rather than breaking the table on screen.
 */
export function reduceServerMessage(state: TableState, message: AnyServerMessage): TableState {
  try {
    return reduce(state, message);
  } catch {
    return state;
  }
}

function reduce(state: TableState, message: AnyServerMessage): TableState {
  switch (message.type) {
    case 'GAME_STATE_UPDATE':
      return message.payload.roomId === state.roomId ? onStateUpdate(state, message) : state;
    case 'PLAYER_ACTION':
      return message.payload.roomId === state.roomId ? onPlayerAction(state, message) : state;
    case 'CHAT_MESSAGE': {
      if (message.payload.roomId !== state.roomId) return state;
      if (alreadyApplied(state, message)) return state;
      const { seat, username, text, emoji } = message.payload;
      const line: ChatLine = { id: message.messageId, seat, username, at: message.timestamp };
      if (text !== undefined) line.text = text;
      if (emoji !== undefined) line.emoji = emoji;
      return { ...markApplied(state, message), chat: [...state.chat, line].slice(-MAX_CHAT) };
    }
    case 'GAME_ENDED':
      if (message.payload.roomId !== state.roomId) return state;
      return { ...state, ended: message.payload, deadline: null, lastSeq: Math.max(state.lastSeq, message.seq) };
    case 'PLAYER_LEFT':
      if (message.payload.roomId !== state.roomId) return state;
      return { ...state, lastSeq: Math.max(state.lastSeq, message.seq) };
    case 'ERROR':
      return { ...state, error: { code: message.payload.code, message: message.payload.message } };
    case 'WARNING':
      return { ...state, warning: message.payload.code };
    default:
      return state;
  }
}

/**
 * An action or chat line seen before: its id was applied, or the table is already past its seq (a view that came
 * later covers it, so animating it now would replay history).
 */
function alreadyApplied(state: TableState, message: AnyServerMessage): boolean {
  return message.seq <= state.lastSeq || state.seenMessageIds.includes(message.messageId);
}

function markApplied(state: TableState, message: AnyServerMessage): TableState {
  return {
    ...state,
    lastSeq: Math.max(state.lastSeq, message.seq),
    seenMessageIds: [...state.seenMessageIds, message.messageId].slice(-MAX_SEEN),
  };
}

function onStateUpdate(state: TableState, message: ServerMessage<'GAME_STATE_UPDATE'>): TableState {
  const payload: GameStatePayload = message.payload;
  // Seq starts again with each game: a new game in the same room begins from a clean table, keeping the chat.
  const base = state.gameId !== null && state.gameId !== payload.gameId ? { ...initialTableState(state.roomId), chat: state.chat } : state;
  if (message.seq < base.lastSeq) return base;
  const { view } = payload;
  const newDeal = base.view === null || base.view.dealNumber !== view.dealNumber;
  const next: TableState = {
    ...base,
    gameId: payload.gameId,
    lastSeq: message.seq,
    view,
    legal: payload.legal,
    players: payload.players,
    deadline: payload.deadline,
    trick: currentTrick(view.log, view.trick, view.handCounts),
    lastDeal: view.lastDeal ?? base.lastDeal,
  };
  return newDeal ? addEffects(next, [{ kind: 'deal' }]) : next;
}

function onPlayerAction(state: TableState, message: ServerMessage<'PLAYER_ACTION'>): TableState {
  const payload: PlayerActionPayload = message.payload;
  const mine = payload.inReplyTo !== undefined || (state.view !== null && payload.seat === state.view.seat && payload.kind !== 'timeUp');
  const answered = mine ? { ...state, error: null } : state;
  if (alreadyApplied(state, message)) return answered;
  let trick = answered.trick;
  let lastDeal = answered.lastDeal;
  const effects: NewEffect[] = [];
  for (const event of payload.events) {
    const effect = effectOf(event);
    if (effect !== null) effects.push(effect);
    if (event.kind === 'played') trick = [...trick, { seat: event.seat, play: event.play }];
    else if (event.kind === 'passed') trick = [...trick, { seat: event.seat, play: null }];
    else if (event.kind === 'trickWon') trick = [];
    else if (event.kind === 'dealEnded') lastDeal = event.result;
  }
  return addEffects({ ...markApplied(answered, message), trick, lastDeal }, effects);
}

/** The animation an engine event asks for, before the reducer numbers it; events the table does not animate give null. */
export function effectOf(event: MatchEvent): NewEffect | null {
  switch (event.kind) {
    case 'played':
      return { kind: 'play', seat: event.seat, play: event.play, bomb: isBomb(event.play.type) };
    case 'passed':
      return { kind: 'pass', seat: event.seat };
    case 'playerOut':
      return { kind: 'out', seat: event.seat, place: event.place };
    case 'tributePaid':
      return { kind: 'exchange', exchange: event.exchange, returned: false };
    case 'tributeReturned':
      return { kind: 'exchange', exchange: event.exchange, returned: true };
    case 'dealEnded':
      return { kind: 'dealEnded', result: event.result };
    case 'matchEnded':
      return { kind: 'victory', winningTeam: event.winner };
    default:
      return null;
  }
}

function addEffects(state: TableState, effects: readonly NewEffect[]): TableState {
  if (effects.length === 0) return state;
  const numbered = effects.map((effect, index) => ({ ...effect, id: state.nextEffectId + index }) as TableEffect);
  return {
    ...state,
    effects: [...state.effects, ...numbered].slice(-MAX_EFFECTS),
    nextEffectId: state.nextEffectId + effects.length,
  };
}

export function consumeEffect(state: TableState, id: number): TableState {
  if (!state.effects.some((effect) => effect.id === id)) return state;
  return { ...state, effects: state.effects.filter((effect) => effect.id !== id) };
}

export function mySeat(state: TableState): Seat | null {
  return state.view?.seat ?? null;
}

/** This seat must act now: play, pay tribute or return one. */
export function isMyTurn(state: TableState): boolean {
  const view = state.view;
  return view !== null && state.ended === null && view.phase !== 'over' && view.actors.includes(view.seat);
}

const POSITIONS = ['bottom', 'right', 'top', 'left'] as const;

/** Where a seat sits on this player's screen: play goes bottom → right → top → left, so the partner is on top. */
export function seatPosition(me: Seat, seat: Seat): 'bottom' | 'right' | 'top' | 'left' {
  return POSITIONS[(seat - me + 4) % 4];
}
