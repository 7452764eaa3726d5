import { beats, type Card, classify, type Play } from '@guandan/engine';
import { isMyTurn, type TableState } from './table-state';

export type Judgement =
  | { kind: 'empty' }
  /** Not this seat's turn, or nothing to do. */
  | { kind: 'waiting' }
  | { kind: 'invalid'; reason: 'notACombination' | 'doesNotBeat' | 'notATributeCard' | 'oneCardOnly'; against?: Play }
  /** The readings legal now, strongest first; several mean the player chooses. */
  | { kind: 'play'; readings: Play[] }
  | { kind: 'tribute' | 'return'; card: Card };

/** Whether the server listed a play of this reading (its cards may differ: it lists one set of cards per reading). */
function listed(reading: Play, plays: readonly Play[]): boolean {
  return plays.some((play) => play.type === reading.type && play.rank === reading.rank && play.cards.length === reading.cards.length);
}

/** What the selected cards would do now, by the engine's rules and the options the server sent. */
export function judgeSelection(state: TableState, cards: readonly Card[]): Judgement {
  if (cards.length === 0) return { kind: 'empty' };
  const view = state.view;
  if (view === null || !isMyTurn(state)) return { kind: 'waiting' };
  if (view.phase === 'tribute' || view.phase === 'return') {
    if (cards.length !== 1) return { kind: 'invalid', reason: 'oneCardOnly' };
    return state.legal.cards.includes(cards[0])
      ? { kind: view.phase, card: cards[0] }
      : { kind: 'invalid', reason: 'notATributeCard' };
  }
  if (view.phase !== 'play') return { kind: 'waiting' };
  const readings = classify(cards, view.level, view.rules);
  if (readings.length === 0) return { kind: 'invalid', reason: 'notACombination' };
  const standing = view.trick.lastPlay;
  if (standing === null) {
    const allowed = readings.filter((reading) => listed(reading, state.legal.plays));
    // On lead every combination is legal; a miss means the options on hand are stale, and fresh ones are coming.
    return allowed.length === 0 ? { kind: 'waiting' } : { kind: 'play', readings: allowed };
  }
  const allowed = readings.filter((reading) => beats(reading, standing, view.level, view.rules) && listed(reading, state.legal.plays));
  return allowed.length === 0 ? { kind: 'invalid', reason: 'doesNotBeat', against: standing } : { kind: 'play', readings: allowed };
}
