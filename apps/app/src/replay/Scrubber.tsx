import { useRef, useState } from 'react';
import { type GestureResponderEvent, type LayoutChangeEvent, StyleSheet, View } from 'react-native';
import { colors } from '../ui/theme';

export interface ScrubberProps {
  count: number;
  index: number;
  label: string;
  onChange: (index: number) => void;
}

/** A slider over the replay's frames: pressing or dragging at x picks the frame there. */
export function Scrubber({ count, index, label, onChange }: ScrubberProps) {
  const track = useRef<View>(null);
  const origin = useRef(0);
  const [width, setWidth] = useState(1);
  const last = Math.max(0, count - 1);

  const onLayout = (event: LayoutChangeEvent) => {
    setWidth(Math.max(1, event.nativeEvent.layout.width));
    track.current?.measureInWindow((x) => (origin.current = x));
  };
  const pick = (event: GestureResponderEvent) => {
    const fraction = Math.max(0, Math.min(1, (event.nativeEvent.pageX - origin.current) / width));
    onChange(Math.round(fraction * last));
  };
  const fraction = last === 0 ? 0 : index / last;

  return (
    <View
      ref={track}
      testID="replay-scrubber"
      accessibilityRole="adjustable"
      accessibilityLabel={label}
      accessibilityValue={{ min: 0, max: last, now: index }}
      onAccessibilityAction={(event) => onChange(Math.max(0, Math.min(last, index + (event.nativeEvent.actionName === 'increment' ? 1 : -1))))}
      accessibilityActions={[{ name: 'increment' }, { name: 'decrement' }]}
      style={styles.track}
      onLayout={onLayout}
      onStartShouldSetResponder={() => true}
      onMoveShouldSetResponder={() => true}
      onResponderGrant={pick}
      onResponderMove={pick}
    >
      <View style={styles.rail} pointerEvents="none">
        <View style={[styles.filled, { width: `${fraction * 100}%` }]} />
      </View>
      <View style={[styles.thumb, { left: fraction * width - 9 }]} pointerEvents="none" />
    </View>
  );
}

const styles = StyleSheet.create({
  track: { flex: 1, height: 32, justifyContent: 'center' },
  rail: { height: 6, borderRadius: 3, backgroundColor: 'rgba(255,255,255,0.15)', overflow: 'hidden' },
  filled: { height: 6, backgroundColor: colors.gold },
  thumb: {
    position: 'absolute',
    top: 7,
    width: 18,
    height: 18,
    borderRadius: 9,
    backgroundColor: colors.gold,
    borderWidth: 2,
    borderColor: '#fff6d6',
  },
});
