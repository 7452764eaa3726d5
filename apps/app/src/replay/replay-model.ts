import {
  type Action,
  applyAction,
  type Card,
  type DealResult,
  type Exchange,
  type MatchEvent,
  type MatchState,
  type Play,
  type Rank,
  type Rules,
  type Seat,
  startMatch,
} from '@guandan/engine';
import type { Replay } from '@guandan/protocol';
import { currentTrick, type TrickEntry } from '../table/model/trick';

export interface ReplayFrame {
  /** Position in the frame list. */
  index: number;
  /** How many of the replay's actions have been applied to reach this frame. */
  actionCount: number;
  dealNumber: number;
  /** Every seat's cards, each in the engine's hand order. */
  hands: Card[][];
  trick: TrickEntry[];
  turn: Seat | null;
  level: Rank;
  levels: [Rank, Rank];
  /** The play (or pass, when `play` is null) that led to this frame; null after a tribute, a return or a new deal. */
  lastAction: { seat: Seat; play: Play | null } | null;
  /** Tribute cards paid or returned by the action that led to this frame. */
  exchanges: Exchange[];
  finished: Seat[];
  handCounts: number[];
  /** On the frame that closes a deal: how it ended. */
  result: DealResult | null;
}

type FrameContent = Omit<ReplayFrame, 'index' | 'actionCount'>;

function without(hand: readonly Card[], cards: readonly Card[]): Card[] {
  const rest = [...hand];
  for (const card of cards) {
    const index = rest.indexOf(card);
    if (index >= 0) rest.splice(index, 1);
  }
  return rest;
}

function stateFrame(state: MatchState, lastAction: ReplayFrame['lastAction'], exchanges: Exchange[], result: DealResult | null): FrameContent {
  const deal = state.deal;
  const handCounts = deal.hands.map((hand) => hand.length);
  return {
    dealNumber: deal.number,
    hands: deal.hands.map((hand) => [...hand]),
    trick: currentTrick(deal.log, deal.trick, handCounts),
    turn: deal.turn,
    level: deal.level,
    levels: [...state.levels],
    lastAction,
    exchanges,
    finished: [...deal.finished],
    handCounts,
    result,
  };
}

/**
 * The table as the last play of a deal left it. The engine deals the next deal in the same action, so this frame is
 * built from the state before that play.
 */
function closingFrame(before: MatchState, seat: Seat, play: Play, result: DealResult): FrameContent {
  const deal = before.deal;
  const hands = deal.hands.map((hand, index) => (index === seat ? without(hand, play.cards) : [...hand]));
  const handCounts = hands.map((hand) => hand.length);
  return {
    dealNumber: deal.number,
    hands,
    trick: [...currentTrick(deal.log, deal.trick, deal.hands.map((hand) => hand.length)), { seat, play }],
    turn: null,
    level: deal.level,
    levels: result.levels,
    lastAction: { seat, play },
    exchanges: [],
    finished: [...deal.finished, seat],
    handCounts,
    result,
  };
}

function lastActionOf(events: readonly MatchEvent[]): ReplayFrame['lastAction'] {
  for (const event of events) {
    if (event.kind === 'played') return { seat: event.seat, play: event.play };
    if (event.kind === 'passed') return { seat: event.seat, play: null };
  }
  return null;
}

/**
 * Every step of a finished game, rebuilt with the engine from its seed, rules and actions: frame 0 is the first deal
 * as dealt, then one frame per action. The action that ends a deal gives two frames: the table as that play left
 * it, then the next deal as dealt.
 */
export function replayFrames(replay: Replay): ReplayFrame[] {
  // The wire types the rules and actions as plain records; the server stored them from the engine's own types.
  const rules = replay.rules as Partial<Rules>;
  const actions = replay.actions as unknown as Action[];
  let state = startMatch({ seed: replay.seed, rules }).state;
  const frames: ReplayFrame[] = [];
  const push = (content: FrameContent, actionCount: number): void => {
    frames.push({ index: frames.length, actionCount, ...content });
  };
  push(stateFrame(state, null, [], null), 0);
  actions.forEach((action, index) => {
    const before = state;
    const { state: after, events } = applyAction(before, action);
    state = after;
    const lastAction = lastActionOf(events);
    const exchanges = events.flatMap((event) =>
      event.kind === 'tributePaid' || event.kind === 'tributeReturned' ? [event.exchange] : [],
    );
    const ended = events.find((event) => event.kind === 'dealEnded');
    const result = ended?.kind === 'dealEnded' ? ended.result : null;
    const dealt = events.some((event) => event.kind === 'dealStarted');
    if (dealt && result !== null && lastAction !== null && lastAction.play !== null) {
      push(closingFrame(before, lastAction.seat, lastAction.play, result), index + 1);
      push(stateFrame(after, null, [], null), index + 1);
      return;
    }
    push(stateFrame(after, lastAction, exchanges, result), index + 1);
  });
  return frames;
}
