import {
  type Action,
  legalMoves,
  type Play,
  returnOptions,
  type SeatView,
  tributeOptions,
} from '@guandan/engine';

/** A play as an action of the seat that owns the view. */
export function playAction(view: SeatView, play: Play): Action {
  return { kind: 'play', seat: view.seat, cards: play.cards, reading: { type: play.type, rank: play.rank } };
}

/** Whether the seat that owns the view must act now. */
export function mustAct(view: SeatView): boolean {
  return view.actors.includes(view.seat);
}

/** The plays a seat may make now (empty unless it is its turn in the play phase). */
export function playOptions(view: SeatView): Play[] {
  if (view.phase !== 'play' || view.turn !== view.seat) return [];
  return legalMoves(view.hand, view.level, view.trick.lastPlay, view.rules);
}

/** Every action the seat may take now, computed from its view alone. */
export function actionOptions(view: SeatView): Action[] {
  if (!mustAct(view)) return [];
  const seat = view.seat;
  if (view.phase === 'tribute') return tributeOptions(view.hand, view.level).map((card) => ({ kind: 'tribute', seat, card }));
  if (view.phase === 'return') {
    return returnOptions(view.hand, view.level, view.rules).map((card) => ({ kind: 'return', seat, card }));
  }
  const actions = playOptions(view).map((play) => playAction(view, play));
  if (view.trick.lastPlay !== null) actions.push({ kind: 'pass', seat });
  return actions;
}
