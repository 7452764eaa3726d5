import { useEffect, useRef } from 'react';
import { Animated, Platform, StyleSheet, Text } from 'react-native';
import { colors, fonts, space } from '../../ui/theme';

/** A softly pulsing line of text while matchmaking waits for players. */
export function MatchingPulse({ title, hint }: { title: string; hint: string }) {
  const opacity = useRef(new Animated.Value(1)).current;
  useEffect(() => {
    const pulse = Animated.loop(
      Animated.sequence([
        Animated.timing(opacity, { toValue: 0.35, duration: 800, useNativeDriver: Platform.OS !== 'web' }),
        Animated.timing(opacity, { toValue: 1, duration: 800, useNativeDriver: Platform.OS !== 'web' }),
      ]),
    );
    pulse.start();
    return () => pulse.stop();
  }, [opacity]);
  return (
    <>
      <Animated.Text style={[styles.title, { opacity }]} accessibilityLiveRegion="polite">
        {title}
      </Animated.Text>
      <Text style={styles.hint}>{hint}</Text>
    </>
  );
}

const styles = StyleSheet.create({
  title: { color: colors.gold, fontFamily: fonts.family, fontSize: 24, fontWeight: '700', letterSpacing: 2 },
  hint: { color: colors.textDim, fontFamily: fonts.family, fontSize: 13, marginTop: space(1), textAlign: 'center' },
});
