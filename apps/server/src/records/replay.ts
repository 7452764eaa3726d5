import { type Action, applyAction, type Rules, startMatch } from '@guandan/engine';
import type { Replay } from '@guandan/protocol';
import { parseRecord, type StoredGame } from './record-store.js';

type ReplayDeal = Replay['deals'][number];

/**
 * A finished game with every hand revealed. The store keeps only the seed, rules and actions (the engine is
 * deterministic), so the hands are rebuilt by replaying the actions: each deal's hands as dealt, before any
 * tribute, and the index of its first action.
 */
export function buildReplay(game: StoredGame): Replay {
  const rules = JSON.parse(game.rules) as Rules;
  const actions = JSON.parse(game.actions) as Action[];
  let state = startMatch({ seed: game.seed, rules }).state;
  const deals: ReplayDeal[] = [{ number: state.deal.number, hands: state.deal.hands, first_action: 0 }];
  actions.forEach((action, index) => {
    const next = applyAction(state, action);
    state = next.state;
    if (next.events.some((event) => event.kind === 'dealStarted')) {
      deals.push({ number: state.deal.number, hands: state.deal.hands, first_action: index + 1 });
    }
  });
  // Spread: the wire type is a plain record, which an interface such as Rules is not assignable to.
  return { record: parseRecord(game.record), seed: game.seed, rules: { ...rules }, actions, deals };
}
