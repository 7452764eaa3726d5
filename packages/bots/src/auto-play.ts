import type { Action, SeatView } from '@guandan/engine';
import { normalDecide } from './players/normal.js';

/** The stand-in for a seat that timed out or asked for 托管: the `normal` bot's choice. */
export function autoPlay(view: SeatView): Action {
  return normalDecide(view);
}
