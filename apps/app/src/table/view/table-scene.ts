import { type Card, type Seat, SEATS } from '@guandan/engine';
import { columnOrder, type HandColumn } from '../model/arrange';
import type { HandCard } from '../model/hand';
import type { TrickEntry } from '../model/trick';
import { SELECTION_TILE, tileOf } from './card-atlas';
import type { Flight, SceneCard } from './card-motion';
import { handSlots, type HandSlot, type Point, type SeatPosition, type TableLayout, trickSlots } from './table-layout';

export interface SceneInput {
  layout: TableLayout;
  dealNumber: number;
  /** The hand as 理牌 columns; the scene's slots follow `columnOrder(columns)`. */
  columns: readonly HandColumn[];
  selected: ReadonlySet<string>;
  trick: readonly TrickEntry[];
  handCounts: readonly number[];
  positionOf: (seat: Seat) => SeatPosition;
  me: Seat;
  /** A deal just began: the hand is dealt from the centre, card by card. */
  dealing: boolean;
  /** Where each card of the hand was last drawn, so the own play flies from where it was held. */
  lastHandPositions: ReadonlyMap<Card, Point[]>;
}

export interface Scene {
  cards: SceneCard[];
  flights: Map<string, Flight>;
  slots: HandSlot[];
}

const BACK_SCALE = 0.5;
const DEAL_STAGGER_MS = 28;
/** How long the table counts as dealing: a whole hand's flights (27 cards, 28 ms apart, 360 ms each) end within it. */
export const DEAL_ANIMATION_MS = 1400;

/** The deck waiting at the table's centre before the deal, where the dealt cards fly from: a few backs, stacked. */
export function deckCards(layout: TableLayout): SceneCard[] {
  const { card, centre } = layout;
  return [0, 1, 2, 3].map((index) => ({
    key: `deck:${index}`,
    tile: tileOf(null),
    x: Math.round(centre.x - (card.width * BACK_SCALE) / 2 + index),
    y: Math.round(centre.y - (card.height * BACK_SCALE) / 2 - index * 2),
    scale: BACK_SCALE,
  }));
}

/** The seat's last entry of the trick (its play or its pass) with the entry's position in the trick. */
export function lastEntries(trick: readonly TrickEntry[]): Map<Seat, { entry: TrickEntry; index: number }> {
  const result = new Map<Seat, { entry: TrickEntry; index: number }>();
  trick.forEach((entry, index) => result.set(entry.seat, { entry, index }));
  return result;
}

/** Every card drawn on the table this moment, and how the new ones arrive. */
export function buildScene(input: SceneInput): Scene {
  const { layout, selected, positionOf, me } = input;
  const hand = columnOrder(input.columns);
  const cards: SceneCard[] = [];
  const flights = new Map<string, Flight>();
  const { card } = layout;

  for (const seat of SEATS) {
    if (seat === me) continue;
    const count = input.handCounts[seat] ?? 0;
    const anchor = layout.backs[positionOf(seat)];
    const shown = Math.min(3, count);
    for (let index = 0; index < shown; index++) {
      const key = `b:${input.dealNumber}:${seat}:${index}`;
      const x = Math.round(anchor.x - (card.width * BACK_SCALE) / 2 + (index - (shown - 1) / 2) * 4);
      const y = Math.round(anchor.y - (card.height * BACK_SCALE) / 2 - index * 2);
      cards.push({ key, tile: tileOf(null), x, y, scale: BACK_SCALE });
      if (input.dealing) {
        flights.set(key, { fromX: layout.centre.x, fromY: layout.centre.y, fromScale: BACK_SCALE, delay: index * 120, duration: 500, spin: 0.8 });
      }
    }
  }

  for (const [seat, { entry, index: entryIndex }] of lastEntries(input.trick)) {
    if (entry.play === null) continue;
    const position = positionOf(seat);
    const corners = trickSlots(layout, position, entry.play.cards.length);
    const origin = seat === me ? null : layout.backs[position];
    const used = new Map<Card, number>();
    entry.play.cards.forEach((played, index) => {
      const key = `t:${input.dealNumber}:${entryIndex}:${index}`;
      const corner = corners[index];
      cards.push({ key, tile: tileOf(played), x: corner.x, y: corner.y, scale: layout.trickScale });
      let from: Point = origin ?? { x: layout.size.width / 2 - card.width / 2, y: layout.handArea.y + layout.raise };
      if (seat === me) {
        const nth = used.get(played) ?? 0;
        used.set(played, nth + 1);
        from = input.lastHandPositions.get(played)?.[nth] ?? from;
      }
      flights.set(key, {
        fromX: from.x,
        fromY: from.y,
        fromScale: seat === me ? 1 : BACK_SCALE,
        delay: index * 22,
        duration: 300,
      });
    });
  }

  const sizes = input.columns.map((column) => column.cards.length);
  const slots = handSlots(layout, sizes, (index) => selected.has(hand[index].key));
  hand.forEach((held, index) => {
    const key = `h:${input.dealNumber}:${held.key}`;
    const slot = slots[index];
    cards.push({ key, tile: tileOf(held.card), x: slot.x, y: slot.y, scale: slot.scale });
    if (selected.has(held.key)) {
      // The ring is its own sprite, right above its card (under the next one), rising with it.
      cards.push({ key: `${key}:ring`, tile: SELECTION_TILE, x: slot.x, y: slot.y, scale: slot.scale });
      flights.set(`${key}:ring`, { fromX: slot.x, fromY: slot.y + layout.raise * slot.scale, fromScale: slot.scale, delay: 0, duration: 170 });
    }
    flights.set(key, {
      fromX: layout.centre.x - card.width / 4,
      fromY: layout.centre.y - card.height / 4,
      fromScale: 0.5,
      delay: input.dealing ? index * DEAL_STAGGER_MS : 0,
      duration: input.dealing ? 360 : 260,
      spin: input.dealing ? -0.5 : 0,
    });
  });
  return { cards, flights, slots };
}

/** Where each hand card is drawn now, by card (two copies of a card keep two positions); `hand` in column order. */
export function handPositions(hand: readonly HandCard[], slots: readonly HandSlot[]): Map<Card, Point[]> {
  const result = new Map<Card, Point[]>();
  hand.forEach((held, index) => {
    const slot = slots[index];
    if (slot === undefined) return;
    const list = result.get(held.card) ?? [];
    list.push({ x: slot.x, y: slot.y });
    result.set(held.card, list);
  });
  return result;
}
