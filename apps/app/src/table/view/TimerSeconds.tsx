import { useEffect, useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { colors, fonts } from '../../ui/theme';
import { secondsLeft, SHOWN_SECONDS, URGENT_SECONDS } from './seconds-left';
import type { Point } from './table-layout';
import { serverNow } from '../../session/server-clock';

export interface TimerSecondsProps {
  /** The avatar the timer rings, and its radius. */
  centre: Point;
  radius: number;
  deadline: number;
}

/**
 * The seconds of the turn timer as large digits on a badge at the ring's upper right, once ten or fewer are left;
 * red for the last five. It re-renders once a second, and not at all before the last ten.
 */
export function TimerSeconds({ centre, radius, deadline }: TimerSecondsProps) {
  const [now, setNow] = useState(() => serverNow());
  const seconds = secondsLeft(deadline, now);
  useEffect(() => {
    if (seconds <= 0) return;
    // Wake when the last ten begin, then at each whole second: a little late rather than early.
    const untilShown = deadline - serverNow() - SHOWN_SECONDS * 1000;
    const untilTick = (deadline - serverNow()) % 1000 || 1000;
    const timer = setTimeout(() => setNow(serverNow()), (untilShown > 0 ? untilShown : untilTick) + 15);
    return () => clearTimeout(timer);
  }, [deadline, now, seconds]);
  if (seconds <= 0 || seconds > SHOWN_SECONDS) return null;
  const urgent = seconds <= URGENT_SECONDS;
  const size = Math.max(26, Math.round(radius * 1.05));
  return (
    <View
      testID="turn-seconds"
      accessibilityLabel={String(seconds)}
      accessibilityLiveRegion={urgent ? 'assertive' : 'polite'}
      style={[
        styles.badge,
        { left: centre.x + radius * 0.55, top: centre.y - radius * 0.55 - size, width: size, height: size, borderRadius: size / 2 },
        urgent && styles.urgent,
      ]}
      pointerEvents="none"
    >
      <Text style={[styles.digits, { fontSize: Math.round(size * 0.6), lineHeight: size - 2 }]}>{seconds}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  badge: {
    position: 'absolute',
    zIndex: 12,
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: 'rgba(3,24,17,0.92)',
    borderWidth: 2,
    borderColor: colors.gold,
  },
  urgent: { backgroundColor: '#c4201a', borderColor: '#ffd0c8' },
  digits: { color: '#fff', fontWeight: '700', fontFamily: fonts.family, fontVariant: ['tabular-nums'] },
});
