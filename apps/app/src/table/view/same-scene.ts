import type { Flight } from './card-motion';
import type { Rect } from './table-layout';
import type { Scene } from './table-scene';

function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

function sameFlight(a: Flight, b: Flight | undefined): boolean {
  return (
    b !== undefined &&
    a.fromX === b.fromX &&
    a.fromY === b.fromY &&
    a.fromScale === b.fromScale &&
    a.delay === b.delay &&
    a.duration === b.duration &&
    a.spin === b.spin
  );
}

/**
 * Whether two scenes are the same: the same cards in the same places, arriving the same way (a card new to the
 * canvas, as after the summary between deals, takes its flight from the scene), over the same hand slots.
 */
export function sameScene(a: Scene, b: Scene): boolean {
  if (a.cards.length !== b.cards.length || a.slots.length !== b.slots.length || a.flights.size !== b.flights.size) return false;
  const cardsSame = a.cards.every((card, index) => {
    const other = b.cards[index];
    return card.key === other.key && card.tile === other.tile && card.x === other.x && card.y === other.y && card.scale === other.scale;
  });
  if (!cardsSame) return false;
  for (const [key, flight] of a.flights) if (!sameFlight(flight, b.flights.get(key))) return false;
  return a.slots.every((slot, index) => {
    const other = b.slots[index];
    return slot.x === other.x && slot.y === other.y && slot.scale === other.scale && sameRect(slot.rect, other.rect) && sameRect(slot.strip, other.strip);
  });
}
