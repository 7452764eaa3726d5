import type { Seat } from '@guandan/engine';
import { StyleSheet, View } from 'react-native';
import { useT } from '../../i18n';
import { cardLabel } from '../model/labels';
import type { TrickEntry } from '../model/trick';
import { lastEntries } from './table-scene';
import { POSITIONS, type SeatPosition, type TableLayout } from './table-layout';

export interface TrickAreasProps {
  layout: TableLayout;
  trick: readonly TrickEntry[];
  positionOf: (seat: Seat) => SeatPosition;
}

/**
 * The room of each seat's play, as the layout reserves it, named for screen readers with the cards shown there (the
 * canvas itself says nothing to them). Invisible and never in the way of a tap.
 */
export function TrickAreas({ layout, trick, positionOf }: TrickAreasProps) {
  const t = useT();
  const shown = new Map<SeatPosition, string>();
  for (const [seat, { entry }] of lastEntries(trick)) {
    shown.set(positionOf(seat), entry.play === null ? t('passed') : entry.play.cards.map(cardLabel).join(' '));
  }
  return (
    <>
      {POSITIONS.map((position) => {
        const box = layout.trickBoxes[position];
        const words = shown.get(position);
        return (
          <View
            key={position}
            testID={`trick-area-${position}`}
            accessible={words !== undefined}
            accessibilityLabel={words}
            pointerEvents="none"
            style={[styles.area, { left: box.x, top: box.y, width: box.width, height: box.height }]}
          />
        );
      })}
    </>
  );
}

const styles = StyleSheet.create({
  area: { position: 'absolute' },
});
