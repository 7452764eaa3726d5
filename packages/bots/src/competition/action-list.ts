import { type Action, legalMoves, returnOptions, type SeatView, tributeOptions } from '@guandan/engine';
import { type ActionTuple, backTuple, passTuple, playToTuple, tributeTuple } from './tuples.js';

/** One entry of an `actionList` and the engine action it stands for. */
export interface ProtocolOption {
  tuple: ActionTuple;
  action: Action;
}

/**
 * What the seat that owns the view may do now, as the protocol lists it: in the play phase PASS first (when not
 * leading), then one entry per distinct play of the engine's legalMoves; in the tribute and return phases one
 * entry per card the seat may give. Empty when the seat need not act.
 */
export function protocolOptions(view: SeatView): ProtocolOption[] {
  const seat = view.seat;
  if (!view.actors.includes(seat)) return [];
  switch (view.phase) {
    case 'tribute':
      return tributeOptions(view.hand, view.level).map((card) => ({
        tuple: tributeTuple(card),
        action: { kind: 'tribute', seat, card },
      }));
    case 'return':
      return returnOptions(view.hand, view.level, view.rules).map((card) => ({
        tuple: backTuple(card),
        action: { kind: 'return', seat, card },
      }));
    case 'play': {
      const options: ProtocolOption[] = [];
      if (view.trick.lastPlay !== null) options.push({ tuple: passTuple(), action: { kind: 'pass', seat } });
      for (const play of legalMoves(view.hand, view.level, view.trick.lastPlay, view.rules)) {
        options.push({
          tuple: playToTuple(play),
          action: { kind: 'play', seat, cards: [...play.cards], reading: { type: play.type, rank: play.rank } },
        });
      }
      return options;
    }
    default:
      return [];
  }
}
