import { type Action, isBomb, legalMoves, type MatchState, type Play, type Seat } from '@guandan/engine';
import type { GameObservation } from '../observations.js';
import { decisionPoints } from '../replay.js';
import { isOpponent } from '../seating.js';
import { isBombAction, playTypeOf } from './play-type.js';

/**
 * An opponent with this many cards or fewer can go out in one or two plays: letting their play stand then hands
 * them the deal, so even a careful player beats it whenever they can (the bots use the same line).
 */
export const CLOSE_TO_OUT = 6;

/**
 * The chances a seat had to help an opponent, by kind, since honest players take each kind at very different rates:
 * - `pass-close`: passed on a close-to-out opponent's play it could beat without a bomb;
 * - `pass-far`: the same against an opponent with more cards (often a sound choice, to keep a hand's plan);
 * - `bomb-withheld`: only a bomb beat a close-to-out opponent's play, and the seat kept it;
 * - `feed`: led a single to an opponent holding one card, or a pair to one holding two, having something else to lead.
 */
export type FavourKind = 'pass-close' | 'pass-far' | 'bomb-withheld' | 'feed';
export const FAVOUR_KINDS: readonly FavourKind[] = ['pass-close', 'pass-far', 'bomb-withheld', 'feed'];

/** One chance a seat had to favour an opponent, and whether it did. */
export interface FavourChance {
  gameId: string;
  /** The replay position of the seat's decision. */
  index: number;
  kind: FavourKind;
  actor: string;
  /** The opponent who would be helped: an account, or null for a bot. */
  target: string | null;
  favoured: boolean;
}

type PlayAction = Extract<Action, { kind: 'play' }>;

/**
 * Every chance to favour an opponent in a game, on the decisions accounts made themselves (actions the server took
 * for a seat that timed out are not the player's). The hand at each decision comes from replaying the game.
 */
export function favourChances(game: GameObservation): FavourChance[] {
  const chances: FavourChance[] = [];
  for (const { index, action, before } of decisionPoints(game)) {
    if (before.phase !== 'play' || (action.kind !== 'play' && action.kind !== 'pass')) continue;
    const actor = game.seats[action.seat];
    if (actor === null || game.decisionMs[index] === null) continue;
    const record = (kind: FavourKind, targetSeat: Seat, favoured: boolean): void => {
      chances.push({ gameId: game.gameId, index, kind, actor, target: game.seats[targetSeat], favoured });
    };
    if (before.deal.trick.lastPlay === null) {
      if (action.kind === 'play') leadChances(before, action, record);
    } else {
      followChance(before, action, record);
    }
  }
  return chances;
}

type RecordChance = (kind: FavourKind, targetSeat: Seat, favoured: boolean) => void;

function followChance(state: MatchState, action: PlayAction | Extract<Action, { kind: 'pass' }>, record: RecordChance): void {
  const { deal, rules } = state;
  const target = deal.trick.lastSeat;
  if (target === null || !isOpponent(action.seat, target)) return;
  // An opponent who went out with that play is no longer helped by it standing.
  const targetCards = deal.hands[target].length;
  if (targetCards === 0) return;
  const close = targetCards <= CLOSE_TO_OUT;
  const plainKind: FavourKind = close ? 'pass-close' : 'pass-far';
  if (action.kind === 'play' && !isBombAction(action, deal.level, rules)) {
    record(plainKind, target, false);
    return;
  }
  // A bomb played or a pass: what else the hand could have done decides which chance it was.
  const options = legalMoves(deal.hands[action.seat], deal.level, deal.trick.lastPlay, rules);
  const favoured = action.kind === 'pass';
  if (options.some((option) => !isBomb(option.type))) record(plainKind, target, favoured);
  else if (close && options.length > 0) record('bomb-withheld', target, favoured);
}

/** Whether a lead lets an opponent with `cards` cards (1 or 2) go out with one play of the same size. */
function feeds(type: Play['type'] | null, cards: number): boolean {
  return (cards === 1 && type === 'Single') || (cards === 2 && type === 'Pair');
}

function leadChances(state: MatchState, action: PlayAction, record: RecordChance): void {
  const { deal, rules } = state;
  const hand = deal.hands[action.seat];
  if (action.cards.length === hand.length) return;
  const shortOpponents = ([0, 1, 2, 3] as const).filter((seat) => {
    const count = deal.hands[seat].length;
    return isOpponent(action.seat, seat) && count > 0 && count <= 2;
  });
  if (shortOpponents.length === 0) return;
  const type = playTypeOf(action, deal.level, rules);
  const options = legalMoves(hand, deal.level, null, rules);
  for (const seat of shortOpponents) {
    const count = deal.hands[seat].length;
    if (options.some((option) => !feeds(option.type, count))) record('feed', seat, feeds(type, count));
  }
}
