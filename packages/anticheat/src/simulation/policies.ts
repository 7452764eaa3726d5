import { actionOptions, type Bot, createBot, hardBot } from '@guandan/bots';
import { type Action, cardId, cardOrder, isBomb, rankIndex, type SeatView } from '@guandan/engine';
import type { PlayStyle, SeatRole } from './model.js';
import type { Random } from './random.js';

export type Decide = (view: SeatView) => Action;

/**
 * The simulation's `hard` players search far less than the bot's defaults (12 playouts of 3 candidates, in the last
 * 30 cards): the defaults cost about a second a game per seat, which thousands of games cannot afford. Either way
 * the search rarely overrules the normal choice (about one decision in a hundred).
 */
const SIMULATED_HARD = { maxPlayouts: 12, searchBelowCards: 30, candidates: 3 } as const;

function botFor(skill: PlayStyle['skill'], seed: string): Bot {
  return skill === 'hard' ? hardBot({ seed, ...SIMULATED_HARD }) : createBot(skill, { seed });
}

/** The lowest of some single-card or pair plays by card order, or undefined. */
function lowest(actions: readonly Action[], level: SeatView['level']): Action | undefined {
  const value = (action: Action): number => (action.kind === 'play' ? Math.max(...action.cards.map((card) => cardOrder(cardId(card), rankIndex(level)))) : Infinity);
  return [...actions].sort((a, b) => value(a) - value(b))[0];
}

function ofSize(options: readonly Action[], size: number): Action[] {
  return options.filter((option) => option.kind === 'play' && option.cards.length === size && !isBomb(option.reading?.type ?? 'Single'));
}

/**
 * A person playing like a bot level: on a real choice, now and then (`slipRate`) they take another one, the choice
 * of a weaker or stronger habit half the time and any other legal action otherwise.
 */
export function styledPlayer(style: PlayStyle, seed: string, random: Random): Decide {
  const own = botFor(style.skill, seed);
  const other = createBot(style.skill === 'easy' ? 'normal' : 'easy', { seed });
  return (view) => {
    const chosen = own.decide(view);
    if (view.phase !== 'play' || !random.chance(style.slipRate)) return chosen;
    const options = actionOptions(view);
    if (options.length < 2) return chosen;
    const habit = other.decide(view);
    if (random.chance(0.5) && JSON.stringify(habit) !== JSON.stringify(chosen)) return habit;
    // People rarely spend a bomb on a whim: a slip is another plain play or a pass when there is one.
    const others = options.filter((option) => JSON.stringify(option) !== JSON.stringify(chosen));
    const plain = others.filter((option) => option.kind !== 'play' || !isBomb(option.reading?.type ?? 'Single'));
    return random.pick(plain.length > 0 ? plain : others);
  };
}

/**
 * A colluder: passes rather than beat the accomplice's play and leads them the single or pair they can go out with,
 * each time with probability `blatancy`; otherwise plays its own game.
 */
export function softPlayer(role: Extract<SeatRole, { kind: 'soft-play' }>, own: Decide, random: Random): Decide {
  return (view) => {
    const accompliceCards = view.handCounts[role.accomplice];
    if (view.phase !== 'play' || view.turn !== view.seat || accompliceCards === 0 || !random.chance(role.blatancy)) return own(view);
    if (view.trick.lastPlay !== null) {
      return view.trick.lastSeat === role.accomplice ? { kind: 'pass', seat: view.seat } : own(view);
    }
    if (accompliceCards > 2) return own(view);
    const options = actionOptions(view);
    return lowest(ofSize(options, accompliceCards), view.level) ?? lowest(ofSize(options, 1), view.level) ?? own(view);
  };
}

/**
 * Losing on purpose: never beat an opponent, take the lead away from its own partner with the lowest play that beats
 * theirs (a bomb too: spending it on a partner is the point), and lead its lowest single; tribute and return as the
 * bot would.
 */
export function throwingPlayer(own: Decide): Decide {
  return (view) => {
    if (view.phase !== 'play') return own(view);
    const options = actionOptions(view);
    if (view.trick.lastPlay === null) return lowest(ofSize(options, 1), view.level) ?? own(view);
    if (view.trick.lastSeat !== (view.seat + 2) % 4) return { kind: 'pass', seat: view.seat };
    const overtaking = options.filter((option) => option.kind === 'play');
    const plain = overtaking.filter((option) => option.kind === 'play' && !isBomb(option.reading?.type ?? 'Single'));
    return lowest(plain, view.level) ?? lowest(overtaking, view.level) ?? { kind: 'pass', seat: view.seat };
  };
}
