import { Pressable, StyleSheet, Text, View } from 'react-native';
import { colors, fonts, space } from '../../ui/theme';
import type { PressState } from '../../ui/press-state';

export interface ModeTileProps {
  title: string;
  subtitle: string;
  glyph: string;
  accent: string;
  onPress: () => void;
  disabled: boolean;
  testID: string;
  compact: boolean;
}

/** One big way into a game on the lobby (quick match, ranked, custom room). */
export function ModeTile({ title, subtitle, glyph, accent, onPress, disabled, testID, compact }: ModeTileProps) {
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={`${title}: ${subtitle}`}
      accessibilityState={{ disabled }}
      disabled={disabled}
      onPress={onPress}
      testID={testID}
      style={({ pressed, hovered }: PressState) => [
        styles.tile,
        compact && styles.compact,
        { borderColor: accent },
        (pressed || hovered) && !disabled && styles.active,
        disabled && styles.disabled,
      ]}
    >
      <View style={[styles.heading, compact && styles.headingCompact]}>
        <View style={[styles.badge, { backgroundColor: accent }, compact && styles.badgeCompact]}>
          <Text style={[styles.glyph, compact && styles.glyphCompact]}>{glyph}</Text>
        </View>
        <Text style={[styles.title, compact && styles.titleCompact]}>{title}</Text>
      </View>
      <Text style={styles.subtitle} numberOfLines={2}>
        {subtitle}
      </Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  tile: {
    flex: 1,
    minWidth: 150,
    padding: space(4),
    gap: space(2),
    borderRadius: 18,
    borderWidth: 1.5,
    backgroundColor: 'rgba(6, 34, 25, 0.85)',
    shadowColor: '#000',
    shadowOpacity: 0.35,
    shadowRadius: 12,
    shadowOffset: { width: 0, height: 6 },
  },
  compact: { padding: space(3), gap: space(1) },
  active: { transform: [{ translateY: -3 }], backgroundColor: 'rgba(14, 60, 44, 0.95)' },
  disabled: { opacity: 0.5 },
  heading: { gap: space(2) },
  headingCompact: { flexDirection: 'row', alignItems: 'center' },
  badgeCompact: { width: 30, height: 30, borderRadius: 15 },
  glyphCompact: { fontSize: 15 },
  badge: { width: 44, height: 44, borderRadius: 22, alignItems: 'center', justifyContent: 'center' },
  glyph: { fontSize: 22, color: '#1b1300' },
  title: { color: colors.text, fontFamily: fonts.family, fontSize: 22, fontWeight: '700' },
  titleCompact: { fontSize: 18 },
  subtitle: { color: colors.textDim, fontFamily: fonts.family, fontSize: 13 },
});
