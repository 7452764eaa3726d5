import { Atlas, Canvas, Group, Image, type SkImage } from '@shopify/react-native-skia';
import { memo, type ReactNode } from 'react';
import { useDerivedValue, type SharedValue } from 'react-native-reanimated';
import type { CardAtlas } from './card-atlas';
import { type Flight, type SceneCard, useCardMotion } from './card-motion';
import type { Size } from './table-layout';

export interface TableCanvasProps {
  size: Size;
  felt: SkImage | null;
  atlas: CardAtlas | null;
  cards: readonly SceneCard[];
  flights: ReadonlyMap<string, Flight>;
  /** A horizontal jolt in pixels (a bomb); 0 at rest. */
  shake?: SharedValue<number>;
  /** Drawn above the cards: timer rings, bursts. */
  children?: ReactNode;
}

/**
 * The one Skia canvas of the table: the pre-drawn felt, every card in one atlas draw, then the effects. Memoised:
 * each render of the canvas records and draws its whole scene again, so the table's other updates must not reach it.
 */
export const TableCanvas = memo(function TableCanvas({ size, felt, atlas, cards, flights, shake, children }: TableCanvasProps) {
  const { sprites, transforms } = useCardMotion(atlas, cards, flights);
  const jolt = useDerivedValue(() => [{ translateX: shake?.value ?? 0 }], [shake]);
  return (
    <Canvas style={{ position: 'absolute', left: 0, top: 0, width: size.width, height: size.height }} pointerEvents="none">
      {felt && <Image image={felt} x={0} y={0} width={size.width} height={size.height} fit="fill" />}
      <Group transform={jolt}>
        {atlas && sprites.length > 0 && <Atlas image={atlas.image} sprites={sprites} transforms={transforms} />}
        {children}
      </Group>
    </Canvas>
  );
});
