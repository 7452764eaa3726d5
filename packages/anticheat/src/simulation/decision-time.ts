import type { SeatView } from '@guandan/engine';
import type { TimingModel } from './model.js';
import type { Random } from './random.js';

/** How much longer than their usual a person takes, by the kind of decision. */
const HUMAN_PACE = {
  /** Nothing to choose (only a pass): a click. */
  forced: 0.45,
  /** Leading is open-ended. */
  lead: 1.5,
  /** Giving or returning a card means weighing the whole hand. */
  exchange: 1.3,
  /** Each doubling of the choices adds about a tenth. */
  perLogChoice: 0.12,
} as const;

/** The seconds the server allows for this decision (docs/RULES.md, time limits). */
export function timeLimitMs(view: SeatView): number {
  const timers = view.rules.timers;
  if (view.phase === 'tribute') return timers.tribute * 1000;
  if (view.phase === 'return') return timers.return * 1000;
  return (view.trick.lastPlay === null && view.log.length === 0 ? timers.firstLead : timers.play) * 1000;
}

/** How long a seat takes over a decision with `choices` legal actions. */
export function decisionTime(model: TimingModel, view: SeatView, choices: number, random: Random): number {
  if (model.kind === 'machine') {
    const factor = model.shape === 'uniform' ? random.between(1 - model.jitter, 1 + model.jitter) : Math.exp(model.jitter * random.normal());
    return Math.round(model.delayMs * factor);
  }
  let pace: number;
  if (view.phase !== 'play') pace = HUMAN_PACE.exchange;
  else if (choices <= 1) pace = HUMAN_PACE.forced;
  else if (view.trick.lastPlay === null) pace = HUMAN_PACE.lead;
  else pace = 1 + HUMAN_PACE.perLogChoice * Math.log2(choices);
  return Math.round(random.logNormal(model.medianMs * pace, model.sigma));
}
