import { useEffect, useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import Animated, { Easing, useAnimatedStyle, useSharedValue, withDelay, withSequence, withSpring, withTiming } from 'react-native-reanimated';
import { colors, fonts } from '../../ui/theme';
import type { Point } from './table-layout';

/** A short word on the felt, e.g. 不出 where a seat passed. */
export function FeltWord({ at, text }: { at: Point; text: string }) {
  return (
    <View style={[styles.word, { left: at.x - 60, top: at.y - 16 }]} pointerEvents="none">
      <Text style={styles.wordText}>{text}</Text>
    </View>
  );
}

/** A chat line or emoji beside the seat that sent it. */
export function Bubble({ at, text, emoji }: { at: Point; text?: string; emoji?: string }) {
  return (
    <View style={[styles.bubble, { left: at.x - 90, top: at.y - 70 }]} pointerEvents="none">
      <Text style={emoji ? styles.bubbleEmoji : styles.bubbleText} numberOfLines={2}>
        {emoji ?? text}
      </Text>
    </View>
  );
}

/** Text that rises and fades from `at`: the levels a deal won. */
export function FloatingText({ at, text, id }: { at: Point; text: string; id: number }) {
  const progress = useSharedValue(0);
  useEffect(() => {
    progress.value = 0;
    progress.value = withTiming(1, { duration: 2400, easing: Easing.out(Easing.cubic) });
  }, [id, progress]);
  const style = useAnimatedStyle(() => ({
    opacity: progress.value < 0.75 ? Math.min(1, progress.value * 6) : (1 - progress.value) * 4,
    transform: [{ translateY: -70 * progress.value }, { scale: 0.8 + 0.4 * Math.min(1, progress.value * 3) }],
  }));
  return (
    <Animated.View style={[styles.floating, { left: at.x - 120, top: at.y - 30 }, style]} pointerEvents="none">
      <Text style={styles.floatingText}>{text}</Text>
    </Animated.View>
  );
}

/** The end of the game: a title that springs in over a dimmed table. */
export function VictoryBanner({ text, won }: { text: string; won: boolean }) {
  const scale = useSharedValue(0.3);
  const glow = useSharedValue(0);
  useEffect(() => {
    scale.value = withSpring(1, { damping: 9, stiffness: 140 });
    glow.value = withDelay(200, withSequence(withTiming(1, { duration: 400 }), withTiming(0.6, { duration: 600 })));
  }, [scale, glow]);
  const titleStyle = useAnimatedStyle(() => ({ transform: [{ scale: scale.value }], opacity: Math.min(1, scale.value * 1.5) }));
  const shade = useAnimatedStyle(() => ({ opacity: 0.55 * glow.value }));
  return (
    <View style={StyleSheet.absoluteFill} pointerEvents="none">
      <Animated.View style={[StyleSheet.absoluteFill, styles.shade, shade]} />
      <View style={styles.centre}>
        <Animated.View style={[styles.title, !won && styles.titleLost, titleStyle]}>
          <Text style={[styles.titleText, !won && styles.titleTextLost]}>{text}</Text>
        </Animated.View>
      </View>
    </View>
  );
}

/** A banner across the top of the felt for a few seconds: exchanges of tribute. */
export function Notice({ lines, top }: { lines: readonly string[]; top: number }) {
  if (lines.length === 0) return null;
  return (
    <View style={[styles.notice, { top }]} pointerEvents="none">
      {lines.map((line, index) => (
        <Text key={`${index}-${line}`} style={styles.noticeText}>
          {line}
        </Text>
      ))}
    </View>
  );
}

/** Re-renders once `until` (ms since the epoch) passes, so timed notices disappear on their own. */
export function useExpiry(until: number | null): boolean {
  const [, setTick] = useState(0);
  const live = until !== null && until > Date.now();
  useEffect(() => {
    if (until === null) return;
    const wait = until - Date.now();
    if (wait <= 0) return;
    const timer = setTimeout(() => setTick((tick) => tick + 1), wait + 20);
    return () => clearTimeout(timer);
  }, [until]);
  return live;
}

const styles = StyleSheet.create({
  word: { position: 'absolute', width: 120, alignItems: 'center' },
  wordText: {
    color: colors.text,
    fontSize: 18,
    fontWeight: '700',
    fontFamily: fonts.family,
    textShadowColor: 'rgba(0,0,0,0.6)',
    textShadowRadius: 4,
    textShadowOffset: { width: 0, height: 1 },
    backgroundColor: 'rgba(0,0,0,0.28)',
    paddingHorizontal: 14,
    paddingVertical: 2,
    borderRadius: 14,
    overflow: 'hidden',
  },
  bubble: {
    position: 'absolute',
    width: 180,
    alignItems: 'center',
    zIndex: 15,
  },
  bubbleText: {
    backgroundColor: '#fbf8f0',
    color: '#1d1d1f',
    fontSize: 13,
    paddingHorizontal: 10,
    paddingVertical: 5,
    borderRadius: 12,
    overflow: 'hidden',
    fontFamily: fonts.family,
  },
  bubbleEmoji: { fontSize: 34, fontFamily: fonts.emoji, color: colors.gold },
  floating: { position: 'absolute', width: 240, alignItems: 'center' },
  floatingText: {
    color: colors.gold,
    fontSize: 38,
    fontWeight: '700',
    fontFamily: fonts.family,
    textShadowColor: 'rgba(0,0,0,0.7)',
    textShadowRadius: 8,
    textShadowOffset: { width: 0, height: 2 },
  },
  shade: { backgroundColor: '#000' },
  centre: { position: 'absolute', left: 0, right: 0, top: 0, bottom: 0, alignItems: 'center', justifyContent: 'center' },
  title: {
    paddingHorizontal: 48,
    paddingVertical: 14,
    borderRadius: 24,
    backgroundColor: 'rgba(40,24,0,0.85)',
    borderWidth: 2,
    borderColor: colors.gold,
  },
  titleLost: { borderColor: '#8aa69a', backgroundColor: 'rgba(10,30,24,0.85)' },
  titleText: { color: colors.gold, fontSize: 56, fontWeight: '700', fontFamily: fonts.family, letterSpacing: 6 },
  titleTextLost: { color: colors.text },
  notice: {
    position: 'absolute',
    alignSelf: 'center',
    left: 0,
    right: 0,
    alignItems: 'center',
    gap: 4,
    zIndex: 10,
  },
  noticeText: {
    color: colors.text,
    fontSize: 14,
    fontFamily: fonts.family,
    backgroundColor: 'rgba(4,28,20,0.9)',
    borderColor: colors.gold,
    borderWidth: 1,
    paddingHorizontal: 14,
    paddingVertical: 4,
    borderRadius: 14,
    overflow: 'hidden',
  },
});
