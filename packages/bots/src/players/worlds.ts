import {
  type Card,
  cardId,
  cardName,
  fullDeck,
  type MatchState,
  nextInt,
  type RngState,
  seedRng,
  type SeatView,
} from '@guandan/engine';

/**
 * A guess at the hidden hands consistent with the public record: every unseen card goes to a seat that still
 * holds cards, each seat gets exactly its card count, and cards known to be with a seat (tribute and return cards
 * handed to it this deal, big jokers shown for anti-tribute) go there first while still unseen.
 */
export function sampleHands(view: SeatView, random: RngState): Card[][] {
  const unseen = new Uint8Array(54);
  for (const card of fullDeck()) unseen[cardId(card)]++;
  for (const card of view.hand) unseen[cardId(card)]--;
  for (const entry of view.log) for (const card of entry.play?.cards ?? []) unseen[cardId(card)]--;

  const hands: Card[][] = [[], [], [], []];
  hands[view.seat] = [...view.hand];
  const room = view.handCounts.map((count, seat) => (seat === view.seat ? 0 : count));
  const place = (seat: number, card: Card): void => {
    const id = cardId(card);
    if (room[seat] > 0 && unseen[id] > 0) {
      unseen[id]--;
      room[seat]--;
      hands[seat].push(card);
    }
  };
  const exchanges = [...(view.tribute?.paid ?? []), ...(view.tribute?.returned ?? [])];
  for (const exchange of exchanges) if (exchange.to !== view.seat) place(exchange.to, exchange.card);
  for (const seat of view.antiTribute ?? []) if (seat !== view.seat) place(seat, 'HR');

  const rest: Card[] = [];
  for (let id = 0; id < 54; id++) for (let copy = 0; copy < unseen[id]; copy++) rest.push(cardName(id));
  for (let i = rest.length - 1; i > 0; i--) {
    const j = nextInt(random, i + 1);
    [rest[i], rest[j]] = [rest[j], rest[i]];
  }
  let next = 0;
  for (let seat = 0; seat < 4; seat++) {
    while (room[seat] > 0 && next < rest.length) {
      hands[seat].push(rest[next++]);
      room[seat]--;
    }
  }
  return hands;
}

/**
 * A match state for the rest of the current deal, built from a view and a guess at the hidden hands. It ends when
 * the deal does (the match is set to stop after this deal), which is all a playout needs.
 */
export function stateForPlayout(view: SeatView, hands: Card[][]): MatchState {
  return {
    version: 1,
    seed: 'playout',
    rules: { ...view.rules, matchEnd: { kind: 'deals', deals: 1 } },
    rng: seedRng('playout'),
    phase: 'play',
    levels: [...view.levels],
    aFailures: [...view.aFailures],
    deal: {
      number: view.dealNumber,
      level: view.level,
      levelTeam: view.levelTeam,
      hands,
      turn: view.turn,
      trick: { ...view.trick },
      finished: [...view.finished],
      tribute: null,
      antiTribute: null,
      log: [...view.log],
    },
    history: view.lastDeal === null ? [] : [view.lastDeal],
    winner: null,
    timeUp: false,
    actionCount: 0,
  };
}
