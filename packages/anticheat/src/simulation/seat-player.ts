import { actionOptions, autoPlay, createBot } from '@guandan/bots';
import type { Action, SeatView } from '@guandan/engine';
import { decisionTime, timeLimitMs } from './decision-time.js';
import type { SeatPlan } from './model.js';
import { type Decide, softPlayer, styledPlayer, throwingPlayer } from './policies.js';
import { Random } from './random.js';

/** What a seat did and how long it took: `decisionMs` is null when nobody chose (a bot, or the server after a timeout). */
export interface SeatDecision {
  action: Action;
  decisionMs: number | null;
  /** The time the table waited, for the game's length. */
  waitedMs: number;
}

/** The server's bots answer after a short pause so that people can follow the table. */
const BOT_PAUSE_MS = { shortest: 1000, longest: 1500 } as const;

/** The player of one seat: a person (or a program) as its plan says, or the server's `normal` bot when `plan` is null. */
export function seatPlayer(plan: SeatPlan | null, seed: string): (view: SeatView) => SeatDecision {
  const clock = new Random(`${seed}:clock`);
  if (plan === null) {
    const bot = createBot('normal');
    return (view) => ({ action: bot.decide(view), decisionMs: null, waitedMs: clock.between(BOT_PAUSE_MS.shortest, BOT_PAUSE_MS.longest) });
  }
  const choices = new Random(`${seed}:choices`);
  const styled = styledPlayer(plan.style, seed, choices);
  const role = plan.role;
  const decide: Decide =
    role.kind === 'soft-play' ? softPlayer(role, styled, choices) : role.kind === 'throw' ? throwingPlayer(styled) : styled;
  return (view) => {
    const options = plan.timing.kind === 'human' ? actionOptions(view).length : 1;
    const ms = decisionTime(plan.timing, view, options, clock);
    const limit = timeLimitMs(view);
    // Out of time: the server plays for the seat, and that move is nobody's decision.
    if (ms >= limit) return { action: autoPlay(view), decisionMs: null, waitedMs: limit };
    return { action: decide(view), decisionMs: ms, waitedMs: ms };
  };
}
