import type { Rect, SeatPosition, TableLayout } from './table-layout';

export function trickLabelHeight(layout: TableLayout): number {
  return layout.compact ? 20 : 24;
}

/**
 * Where the caption of a seat's play sits: along the edge of the seat's trick box away from its cards, so below
 * them, or above them for the player's own play (under it are the action bar and its notes). The layout keeps
 * that room in every trick box, so a caption overlaps nothing the layout places.
 */
export function trickLabelBox(layout: TableLayout, position: SeatPosition): Rect {
  const box = layout.trickBoxes[position];
  const height = trickLabelHeight(layout);
  const y = position === 'bottom' ? box.y : box.y + box.height - height;
  return { x: box.x, y, width: box.width, height };
}
