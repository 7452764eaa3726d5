import { memo, useRef } from 'react';
import { type GestureResponderEvent, StyleSheet, View } from 'react-native';
import type { HandCard } from '../model/hand';
import { cardLabel } from '../model/labels';
import { type HandSlot, type Rect, slotAt } from './table-layout';

export interface HandStripsProps {
  /** The hand in the order the columns show it (the slots' order). */
  hand: readonly HandCard[];
  slots: readonly HandSlot[];
  selected: ReadonlySet<string>;
  area: Rect;
  /** A tap on one card. */
  onToggle: (index: number) => void;
  /** A drag over several cards: every card passed so far, the first where it began (called as it grows). */
  onSweep: (touched: readonly number[]) => void;
  /** The pointer is up: a drag, if there was one, is over. */
  onRelease: () => void;
}

/**
 * Transparent views laid exactly over the visible part of each hand card (the same slots the canvas draws from),
 * named for screen readers and answering their tap. Pointer input is taken by the band around them and hit-tested in
 * two dimensions against the cards as drawn, so a tap picks the card the eye sees there and a drag selects every
 * card it passes, down a column or across columns.
 */
function HandStripsView({ hand, slots, selected, area, onToggle, onSweep, onRelease }: HandStripsProps) {
  const band = useRef<View>(null);
  /** The band's top-left on the page: pointer positions come in page coordinates. */
  const bandOrigin = useRef({ x: area.x, y: area.y });
  const drag = useRef<number[] | null>(null);

  const measure = () => band.current?.measureInWindow((x, y) => (bandOrigin.current = { x, y }));

  const indexAt = (event: GestureResponderEvent): number | null =>
    slotAt(slots, {
      x: event.nativeEvent.pageX - bandOrigin.current.x + area.x,
      y: event.nativeEvent.pageY - bandOrigin.current.y + area.y,
    });

  const begin = (event: GestureResponderEvent) => {
    // The band may have moved with a new layout since it was measured.
    measure();
    const index = indexAt(event);
    drag.current = index === null ? null : [index];
  };

  const move = (event: GestureResponderEvent) => {
    const touched = drag.current;
    if (touched === null) return;
    const index = indexAt(event);
    if (index === null || touched.includes(index)) return;
    touched.push(index);
    onSweep([...touched]);
  };

  const end = () => {
    const touched = drag.current;
    drag.current = null;
    if (touched !== null && touched.length === 1) onToggle(touched[0]);
    onRelease();
  };

  return (
    <View
      ref={band}
      testID="hand-area"
      style={[styles.band, { left: area.x, top: area.y, width: area.width, height: area.height }]}
      onStartShouldSetResponderCapture={() => true}
      onMoveShouldSetResponderCapture={() => true}
      onResponderGrant={begin}
      onResponderMove={move}
      onResponderRelease={end}
      onLayout={measure}
      onResponderTerminate={() => {
        drag.current = null;
        onRelease();
      }}
    >
      {hand.map((card, index) => {
        const slot = slots[index];
        if (slot === undefined) return null;
        const isSelected = selected.has(card.key);
        return (
          <View
            key={card.key}
            testID={`hand-card-${index}`}
            accessibilityRole="checkbox"
            accessibilityLabel={cardLabel(card.card)}
            accessibilityState={{ selected: isSelected, checked: isSelected }}
            aria-selected={isSelected}
            accessible
            onAccessibilityTap={() => onToggle(index)}
            style={[
              styles.strip,
              { left: slot.strip.x - area.x, top: slot.strip.y - area.y, width: slot.strip.width, height: slot.strip.height },
            ]}
          />
        );
      })}
    </View>
  );
}

/** Re-rendered when the hand, its slots, the selection or the callbacks change: not on every server message. */
export const HandStrips = memo(HandStripsView);

const styles = StyleSheet.create({
  // Raised cards rise above the band's top: their strips stay pressable there.
  band: { position: 'absolute', overflow: 'visible' },
  strip: { position: 'absolute', backgroundColor: 'transparent' },
});
