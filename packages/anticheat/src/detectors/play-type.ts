import { type Action, classify, isBomb, type PlayType, type Rank, type Rules } from '@guandan/engine';

/** The type of a play action: its declared reading, or the strongest reading of its cards. */
export function playTypeOf(action: Extract<Action, { kind: 'play' }>, level: Rank, rules: Rules): PlayType | null {
  return action.reading?.type ?? classify(action.cards, level, rules)[0]?.type ?? null;
}

export function isBombAction(action: Extract<Action, { kind: 'play' }>, level: Rank, rules: Rules): boolean {
  const type = playTypeOf(action, level, rules);
  return type !== null && isBomb(type);
}
