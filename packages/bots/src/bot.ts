import type { Action, SeatView } from '@guandan/engine';

export type BotLevel = 'random' | 'easy' | 'normal' | 'hard';
export const BOT_LEVELS: readonly BotLevel[] = ['random', 'easy', 'normal', 'hard'];

/**
 * An AI player. It sees exactly what its seat may know: a SeatView, never the match state, so it cannot peek at
 * hidden hands. `decide` is called when the view's seat is among the actors.
 */
export interface Bot {
  readonly level: BotLevel;
  decide(view: SeatView): Action;
}

export interface BotOptions {
  /** Seeds the bot's own random choices: the same seed and views give the same decisions. */
  seed?: string | number;
}
