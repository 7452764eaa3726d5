import type { Card, DealResult, Exchange, LogEntry, Rank, Seat, SeatView } from '@guandan/engine';
import { type ActionTuple, passTuple, type PlayTuple, playToTuple } from './tuples.js';

/** Server-to-client messages of the AI-competition protocol (COMPETITION_PROTOCOL.md). */

export interface BeginningNotify {
  type: 'notify';
  stage: 'beginning';
  handCards: Card[];
  myPos: Seat;
}

/** Sent to every seat after each play or pass. */
export interface PlayNotify {
  type: 'notify';
  stage: 'play';
  curPos: Seat;
  curAction: ActionTuple;
  /** The play that stands after this action (for a pass that ends the trick: the play that won it). */
  greaterPos: Seat;
  greaterAction: PlayTuple;
}

/** `[giver, receiver, card]` for a tribute, `[returner, receiver, card]` for a return. */
export type ExchangeEntry = [from: Seat, to: Seat, card: Card];

export interface TributeNotify {
  type: 'notify';
  stage: 'tribute';
  result: ExchangeEntry[];
}

export interface AntiTributeNotify {
  type: 'notify';
  stage: 'anti-tribute';
  /** How many seats showed big jokers (the length of antiPos). */
  antiNums: number;
  antiPos: Seat[];
}

export interface BackNotify {
  type: 'notify';
  stage: 'back';
  result: ExchangeEntry[];
}

export interface EpisodeOverNotify {
  type: 'notify';
  stage: 'episodeOver';
  order: Seat[];
  /** The level the deal was played at. */
  curRank: Rank;
  restCards: [pos: Seat, cards: Card[]][];
}

export interface GameOverNotify {
  type: 'notify';
  stage: 'gameOver';
  /** Matches played so far, this one included. */
  curTimes: number;
  settingTimes: number;
}

export interface GameResultNotify {
  type: 'notify';
  stage: 'gameResult';
  /** Matches won per seat (both seats of the winning team count a win). */
  victoryNum: number[];
  draws: number[];
}

export type NotifyMessage =
  | BeginningNotify
  | PlayNotify
  | TributeNotify
  | AntiTributeNotify
  | BackNotify
  | EpisodeOverNotify
  | GameOverNotify
  | GameResultNotify;

export type ActStage = 'play' | 'tribute' | 'back';

export interface PublicSeatInfo {
  /** Cards the seat holds. */
  rest: number;
  /** The seat's last action in the current trick (a play or PASS), null before it acts in the trick. */
  playArea: ActionTuple | null;
}

export interface ActMessage {
  type: 'act';
  handCards: Card[];
  publicInfo: PublicSeatInfo[];
  selfRank: Rank;
  oppoRank: Rank;
  curRank: Rank;
  stage: ActStage;
  /** The last seat that acted in the trick, -1 when this seat leads (and in the tribute and back stages). */
  curPos: Seat | -1;
  curAction: ActionTuple | null;
  /** The seat whose play stands, -1 when this seat leads. */
  greaterPos: Seat | -1;
  greaterAction: PlayTuple | null;
  actionList: ActionTuple[];
  indexRange: number;
}

export type ServerMessage = NotifyMessage | ActMessage;

export function beginningNotify(handCards: readonly Card[], myPos: Seat): BeginningNotify {
  return { type: 'notify', stage: 'beginning', handCards: [...handCards], myPos };
}

export function playNotify(curPos: Seat, curAction: ActionTuple, greaterPos: Seat, greaterAction: PlayTuple): PlayNotify {
  return { type: 'notify', stage: 'play', curPos, curAction, greaterPos, greaterAction };
}

const exchangeEntry = (exchange: Exchange): ExchangeEntry => [exchange.from, exchange.to, exchange.card];

export function tributeNotify(paid: readonly Exchange[]): TributeNotify {
  return { type: 'notify', stage: 'tribute', result: paid.map(exchangeEntry) };
}

export function antiTributeNotify(seats: readonly Seat[]): AntiTributeNotify {
  return { type: 'notify', stage: 'anti-tribute', antiNums: seats.length, antiPos: [...seats] };
}

export function backNotify(returned: readonly Exchange[]): BackNotify {
  return { type: 'notify', stage: 'back', result: returned.map(exchangeEntry) };
}

export function episodeOverNotify(result: DealResult): EpisodeOverNotify {
  return {
    type: 'notify',
    stage: 'episodeOver',
    order: [...result.order],
    curRank: result.level,
    restCards: result.restCards.map((rest) => [rest.seat, [...rest.cards]]),
  };
}

export function gameOverNotify(curTimes: number, settingTimes: number): GameOverNotify {
  return { type: 'notify', stage: 'gameOver', curTimes, settingTimes };
}

export function gameResultNotify(victoryNum: readonly number[], draws: readonly number[]): GameResultNotify {
  return { type: 'notify', stage: 'gameResult', victoryNum: [...victoryNum], draws: [...draws] };
}

/** A log entry as a tuple: the play, or PASS. */
export function entryTuple(entry: LogEntry): ActionTuple {
  return entry.play === null ? passTuple() : playToTuple(entry.play);
}

const STAGES: Record<SeatView['phase'], ActStage | null> = { play: 'play', tribute: 'tribute', return: 'back', over: null };

/**
 * The `act` message for the seat that owns the view. `trick` is the current trick's part of the deal log (the
 * engine's view does not mark where a trick began; the host tracks it from the events).
 */
export function actMessage(view: SeatView, trick: readonly LogEntry[], actionList: ActionTuple[]): ActMessage {
  const stage = STAGES[view.phase];
  if (stage === null) throw new Error('the match is over: nothing to ask');
  const team = view.seat % 2;
  const standing = view.trick.lastPlay;
  const last = trick.at(-1);
  const follows = stage === 'play' && standing !== null && view.trick.lastSeat !== null && last !== undefined;
  const lastOf = (seat: number): LogEntry | undefined => trick.findLast((entry) => entry.seat === seat);
  return {
    type: 'act',
    handCards: [...view.hand],
    publicInfo: view.handCounts.map((rest, seat) => {
      const entry = lastOf(seat);
      return { rest, playArea: entry === undefined ? null : entryTuple(entry) };
    }),
    selfRank: view.levels[team],
    oppoRank: view.levels[1 - team],
    curRank: view.level,
    stage,
    curPos: follows ? last.seat : -1,
    curAction: follows ? entryTuple(last) : null,
    greaterPos: follows ? (view.trick.lastSeat ?? -1) : -1,
    greaterAction: follows ? playToTuple(standing) : null,
    actionList,
    indexRange: actionList.length - 1,
  };
}
