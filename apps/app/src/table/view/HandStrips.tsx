import { useRef } from 'react';
import { type GestureResponderEvent, StyleSheet, View } from 'react-native';
import type { HandCard } from '../model/hand';
import { cardLabel } from '../model/labels';
import { type HandSlot, type Rect, slotAtX } from './table-layout';

export interface HandStripsProps {
  hand: readonly HandCard[];
  slots: readonly HandSlot[];
  selected: ReadonlySet<string>;
  area: Rect;
  /** A tap on one card. */
  onToggle: (index: number) => void;
  /** A drag from card `from` to card `to` (called as it grows). */
  onSpan: (from: number, to: number) => void;
  /** The pointer is up: a drag, if there was one, is over. */
  onRelease: () => void;
}

/**
 * Transparent pressables laid exactly over the visible strip of each hand card (the same slots the canvas draws
 * from). Pointer input is taken by the band around them, which tells a tap from a drag across cards; each strip
 * names its card for screen readers (and answers their tap); the keyboard selects by rank keys.
 */
export function HandStrips({ hand, slots, selected, area, onToggle, onSpan, onRelease }: HandStripsProps) {
  const band = useRef<View>(null);
  /** The band's top-left on the page: pointer positions come in page coordinates. */
  const bandOrigin = useRef({ x: area.x, y: area.y });
  const drag = useRef<{ from: number; to: number } | null>(null);

  const measure = () => band.current?.measureInWindow((x, y) => (bandOrigin.current = { x, y }));

  const indexAt = (event: GestureResponderEvent): number | null =>
    slotAtX(slots, event.nativeEvent.pageX - bandOrigin.current.x + area.x);

  const begin = (event: GestureResponderEvent) => {
    const index = indexAt(event);
    drag.current = index === null ? null : { from: index, to: index };
  };

  const move = (event: GestureResponderEvent) => {
    const current = drag.current;
    if (current === null) return;
    const index = indexAt(event);
    if (index === null || index === current.to) return;
    current.to = index;
    onSpan(current.from, index);
  };

  const end = () => {
    const current = drag.current;
    drag.current = null;
    if (current !== null && current.from === current.to) onToggle(current.from);
    onRelease();
  };

  return (
    <View
      ref={band}
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

const styles = StyleSheet.create({
  band: { position: 'absolute' },
  strip: { position: 'absolute', backgroundColor: 'transparent' },
});
