import type { Card, Seat, SeatView } from '@guandan/engine';
import { useEffect, useMemo, useRef } from 'react';
import type { HandColumn } from './model/arrange';
import type { HandCard } from './model/hand';
import type { Selection } from './model/selection';
import type { TrickEntry } from './model/table-state';
import { sameScene } from './view/same-scene';
import { buildScene, handPositions, type Scene } from './view/table-scene';
import type { Point, SeatPosition, TableLayout } from './view/table-layout';

export interface TableSceneInput {
  layout: TableLayout;
  view: SeatView | null;
  /** The hand in 理牌 columns, and the same cards in the columns' order. */
  columns: readonly HandColumn[];
  arranged: readonly HandCard[];
  selection: Selection;
  trick: readonly TrickEntry[];
  positionOf: (seat: Seat) => SeatPosition;
  me: Seat;
  dealing: boolean;
}

/** What the canvas draws: the hand, the tricks and the other seats' backs, where each card is and where it flies. */
export function useTableScene({ layout, view, columns, arranged, selection, trick, positionOf, me, dealing }: TableSceneInput): Scene {
  const lastHandPositions = useRef(new Map<Card, Point[]>());
  // A scene that draws what the last one drew is the last one, so the canvas is not re-recorded for a server message
  // that moved no card (most messages while a deal starts).
  const lastScene = useRef<Scene | null>(null);
  const scene = useMemo(() => {
    const next = buildScene({
      layout,
      dealNumber: view?.dealNumber ?? 0,
      columns,
      selected: selection,
      trick,
      handCounts: view?.handCounts ?? [0, 0, 0, 0],
      positionOf,
      me,
      dealing,
      lastHandPositions: lastHandPositions.current,
    });
    const kept = lastScene.current !== null && sameScene(lastScene.current, next) ? lastScene.current : next;
    lastScene.current = kept;
    return kept;
    // Positions of the hand as last drawn are read when the scene changes, not a reason to rebuild it.
  }, [layout, view, columns, selection, trick, positionOf, me, dealing]);
  useEffect(() => {
    lastHandPositions.current = handPositions(arranged, scene.slots);
  }, [arranged, scene.slots]);
  return scene;
}
