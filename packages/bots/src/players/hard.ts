import { type Action, actorsOf, applyAction, isBomb, type MatchState, type Play, seedRng, viewFor } from '@guandan/engine';
import type { Bot, BotOptions } from '../bot.js';
import { decideWith } from './decision.js';
import { consistentWith, passEvidence } from './evidence.js';
import { normalDecide, normalPlay } from './normal.js';
import { pass, play, type Turn, valueOf } from './policy.js';
import { sampleHands, stateForPlayout } from './worlds.js';

export interface HardOptions extends BotOptions {
  /** Wall-clock budget per searched decision, in ms. */
  budgetMs?: number;
  /** At most this many playouts per decision; with an unbounded budget this alone makes the bot deterministic. */
  maxPlayouts?: number;
  /** Search only once this few cards are left in all hands together (108: at every play decision). */
  searchBelowCards?: number;
  /** At most this many candidate actions are compared by playouts. */
  candidates?: number;
  /** Resamples a world up to this many times while it contradicts the passes seen (0: no soft evidence). */
  evidenceTries?: number;
  /**
   * How much better on average (in playout value: ±1 for the deal plus a quarter per level) another action must
   * be than the normal choice to be taken: sampled worlds are few and noisy, and the normal choice is a good prior.
   */
  margin?: number;
}

const DEFAULTS = { budgetMs: 250, maxPlayouts: 120, searchBelowCards: 108, candidates: 4, margin: 0.3, evidenceTries: 8 };

/**
 * A few distinct actions worth comparing. Following: the normal choice, pass, the strongest plain play and the
 * bomb of lowest key. Leading: the normal choice, the weakest planned play of each type (longest first) and the strongest
 * planned play. Taken from the hand's plan rather than all legal plays, so no candidate breaks up the hand for nothing.
 */
function candidateActions(turn: Turn, limit: number): Action[] {
  const { view, options, plan } = turn;
  const level = view.level;
  const chosen: Action[] = [normalPlay(turn)];
  const key = (action: Action): string => (action.kind === 'play' ? `${action.reading?.type}:${[...action.cards].sort().join()}` : action.kind);
  const add = (action: Action): void => {
    if (chosen.length < limit && !chosen.some((existing) => key(existing) === key(action))) chosen.push(action);
  };
  if (view.trick.lastPlay !== null) {
    add(pass(view));
    const byValue = (plays: Play[]): Play[] => [...plays].sort((a, b) => valueOf(a, level) - valueOf(b, level));
    const strongest = byValue(options.filter((option) => !isBomb(option.type))).at(-1);
    if (strongest !== undefined) add(play(view, strongest));
    const lowestBomb = byValue(options.filter((option) => isBomb(option.type)))[0];
    if (lowestBomb !== undefined) add(play(view, lowestBomb));
    return chosen;
  }
  const weakestOfType = new Map<string, Play>();
  for (const planned of plan.plays) {
    const current = weakestOfType.get(planned.type);
    if (current === undefined || valueOf(planned, level) < valueOf(current, level)) weakestOfType.set(planned.type, planned);
  }
  for (const planned of [...weakestOfType.values()].sort((a, b) => b.cards.length - a.cards.length)) add(play(view, planned));
  const strongest = [...plan.plays].sort((a, b) => valueOf(b, level) - valueOf(a, level))[0];
  if (strongest !== undefined) add(play(view, strongest));
  return chosen;
}

/**
 * Plays the rest of the deal with the normal policy at every seat. The value for `team` counts winning the deal
 * (going out first) above all and the levels it is worth after that: aiming at levels alone made the search take
 * risks that lose deals (measured in docs/PERFORMANCE.md).
 */
function playout(start: MatchState, first: Action, team: number): number {
  let state = applyAction(start, first).state;
  const ended = (s: MatchState): boolean => s.phase === 'over';
  while (!ended(state)) {
    const seat = actorsOf(state)[0];
    state = applyAction(state, normalDecide(viewFor(state, seat))).state;
  }
  const result = state.history[state.history.length - 1];
  const value = 1 + result.rise / 4;
  return result.team === team ? value : -value;
}

/**
 * `normal` plus search: it samples hidden hands consistent with the public record, plays each candidate action
 * out to the end of the deal in every sampled world, and takes the best average.
 */
export function hardBot(options: HardOptions = {}): Bot {
  const settings = { ...DEFAULTS, ...options };
  const random = seedRng(`hard-bot:${options.seed ?? 0}`);

  function search(turn: Turn): Action {
    const view = turn.view;
    const cardsLeft = view.handCounts.reduce((sum, count) => sum + count, 0);
    if (cardsLeft > settings.searchBelowCards) return normalPlay(turn);
    const candidates = candidateActions(turn, settings.candidates);
    if (candidates.length === 1) return candidates[0];

    const started = process.hrtime.bigint();
    const elapsedMs = (): number => Number(process.hrtime.bigint() - started) / 1e6;
    const totals = candidates.map(() => 0);
    const team = view.seat % 2;
    const evidence = settings.evidenceTries > 0 ? passEvidence(view) : [];
    const sample = (): ReturnType<typeof sampleHands> => {
      let hands = sampleHands(view, random);
      for (let tries = 1; tries < settings.evidenceTries && !consistentWith(evidence, hands, view.level); tries++) {
        hands = sampleHands(view, random);
      }
      return hands;
    };
    let worlds = 0;
    while ((worlds + 1) * candidates.length <= settings.maxPlayouts && elapsedMs() < settings.budgetMs) {
      const world = stateForPlayout(view, sample());
      candidates.forEach((candidate, index) => (totals[index] += playout(world, candidate, team)));
      worlds++;
    }
    let best = 0;
    for (let index = 1; index < candidates.length; index++) {
      if (totals[index] > totals[best] && (best !== 0 || totals[index] - totals[0] > settings.margin * worlds)) best = index;
    }
    return candidates[best];
  }

  return { level: 'hard', decide: (view) => decideWith(view, search) };
}
